import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { errorMessage, type ErrorCode, type Locale } from '@gongzhi/shared';
import { AppError } from '../lib/app-error.js';

/** The caller's language: the web sends Accept-Language from its own setting; Chinese is the default. */
export function requestLocale(req: FastifyRequest): Locale {
  return /^en\b/i.test(req.headers['accept-language'] ?? '') ? 'en-US' : 'zh-CN';
}

function send(reply: FastifyReply, req: FastifyRequest, status: number, code: ErrorCode, details?: unknown) {
  return reply.status(status).send({ error: { code, message: errorMessage(code, requestLocale(req)), details } });
}

/** One error handler: AppError, validation and parser errors become stable 4xx codes; the rest a hidden 500. */
export const errorsPlugin = fp(async (app: FastifyInstance) => {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof AppError) return send(reply, req, err.status, err.code, err.details);
    if (hasZodFastifySchemaValidationErrors(err)) {
      // `code` is zod's issue code and `message` zod's English text; the web turns both into the user's language.
      const details = err.validation.map((v) => ({
        field: [err.validationContext, ...(v.instancePath ? v.instancePath.split('/').filter(Boolean) : [])].join('.'),
        code: v.keyword,
        message: v.message ?? v.keyword,
      }));
      return send(reply, req, 400, 'validation_failed', details);
    }
    if (isResponseSerializationError(err)) {
      req.log.error({ err, issues: err.cause?.issues }, 'response does not match its schema');
      return send(reply, req, 500, 'internal_error', { requestId: req.id });
    }
    switch (err.code) {
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return send(reply, req, 413, 'payload_too_large');
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return send(reply, req, 415, 'unsupported_media_type');
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
      case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
        return send(reply, req, 400, 'malformed_body');
    }
    if (err.statusCode === 429) return send(reply, req, 429, 'rate_limited');
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      // Fastify's own parser errors (bad JSON, bad encoding) carry a 4xx status without a code we map.
      return send(reply, req, err.statusCode, 'malformed_body');
    }
    req.log.error({ err }, 'unhandled error');
    return send(reply, req, 500, 'internal_error', { requestId: req.id });
  });
});

/** The 404 answer for an unknown API path. */
export const routeNotFound = (req: FastifyRequest, reply: FastifyReply) => send(reply, req, 404, 'route_not_found');
