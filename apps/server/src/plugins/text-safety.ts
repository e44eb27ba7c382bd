import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../lib/app-error.js';

// NUL cannot be stored in PostgreSQL text, and lone surrogates are not valid UTF-8 anywhere; both are refused at
// the door, for every route, instead of surfacing later as a database error.
const UNSAFE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function findUnsafe(value: unknown, path: string): string | null {
  if (typeof value === 'string') return UNSAFE.test(value) ? path : null;
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const hit = UNSAFE.test(k) ? `${path}.${k}` : findUnsafe(v, `${path}.${k}`);
      if (hit) return hit;
    }
  }
  return null;
}

/** Parse JSON with Fastify's prototype-poisoning protection, then refuse text no database can hold. */
export const textSafetyPlugin = fp(async (app: FastifyInstance) => {
  const defaultJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    defaultJson(req, body.toString(), (err, parsed) => {
      if (err) return done(err, undefined);
      const field = findUnsafe(parsed, 'body');
      if (field) return done(new AppError('malformed_body', 400, { field, reason: 'invalid characters' }), undefined);
      done(null, parsed);
    });
  });
  app.addHook('preValidation', async (req: FastifyRequest) => {
    const field = findUnsafe(req.query, 'querystring') ?? findUnsafe(req.params, 'params');
    if (field) throw new AppError('malformed_body', 400, { field, reason: 'invalid characters' });
  });
});
