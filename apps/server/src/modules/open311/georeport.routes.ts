import type { FastifyError, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  errorMessage,
  open311Created,
  open311JurisdictionQuery,
  open311ListQuery,
  open311PostBody,
  open311Request,
  open311Service,
  open311ServiceDefinition,
} from '@gongzhi/shared';
import { AppError } from '../../lib/app-error.js';
import { requestLocale } from '../../plugins/errors.js';
import { hashApiKey } from './api-keys.js';
import { listServices, serviceDefinition } from './georeport.catalogue.js';
import { formatOf, Open311Error, sendErrors, sendList, xmlDocument, type Format } from './georeport.format.js';
import { getServiceRequest, listServiceRequests, postServiceRequest } from './georeport.requests.js';

const tags = ['open311'];
const formats: Format[] = ['json', 'xml'];
/** Reports per API key per minute. */
const POST_PER_MINUTE = 60;
// NUL and lone surrogates cannot be stored; the JSON parser refuses them app-wide, the form parser here.
const UNSAFE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** `attribute[CODE]=…` form fields (or JSON keys) gathered into `attribute`, as the body schema expects; empty ones dropped. */
function gatherAttributes(req: FastifyRequest): void {
  if (!req.body || typeof req.body !== 'object' || Array.isArray(req.body)) return;
  const raw = req.body as Record<string, unknown>;
  const attribute: Record<string, unknown> = raw.attribute && typeof raw.attribute === 'object' ? { ...(raw.attribute as object) } : {};
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(raw)) {
    const m = /^attribute\[([^\]]{1,60})\]$/.exec(k);
    // Forms send untouched fields as empty strings: those were not given.
    if (v === '' || v === null) continue;
    if (m) attribute[m[1]!] = v;
    else if (k !== 'attribute') out[k] = v;
  }
  if (Object.keys(attribute).length) out.attribute = attribute;
  req.body = out;
}

/** The rate-limit bucket of a report: its API key (hashed, never kept in the clear), or the address without one. */
function keyBucket(req: FastifyRequest): string {
  const key = (req.body as { api_key?: unknown } | undefined)?.api_key;
  return typeof key === 'string' && key ? `open311:${hashApiKey(key)}` : `open311-ip:${req.ip}`;
}

/**
 * Open311 GeoReport v2 at /open311/v2: services, service definitions, and service requests, each in JSON and
 * XML. Errors use the spec's `[{code, description}]` (or `<errors>`), never the console's error shape.
 */
export const georeportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => {
    const out: Record<string, string> = {};
    for (const [k, v] of new URLSearchParams(String(body))) {
      if (UNSAFE.test(k) || UNSAFE.test(v)) return done(new Open311Error(400, 'invalid characters'), undefined);
      out[k] = v;
    }
    done(null, out);
  });

  app.setErrorHandler((err: FastifyError, req, reply) => {
    const format = formatOf(req);
    if (err instanceof Open311Error) return sendErrors(reply, format, err.status, err.description);
    if (err instanceof AppError && err.status < 500) return sendErrors(reply, format, err.status, errorMessage(err.code, requestLocale(req)));
    if (hasZodFastifySchemaValidationErrors(err)) {
      const what = err.validation.map((v) => `${v.instancePath.split('/').filter(Boolean).join('.') || err.validationContext}: ${v.message ?? v.keyword}`);
      return sendErrors(reply, format, 400, what.join('; '));
    }
    if (err.statusCode === 429) return sendErrors(reply, format, 429, 'too many requests; slow down');
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) return sendErrors(reply, format, err.statusCode, 'malformed request');
    req.log.error({ err }, 'open311 error');
    return sendErrors(reply, format, 500, 'internal error');
  });
  app.setNotFoundHandler((req, reply) => sendErrors(reply, formatOf(req), 404, 'no such endpoint'));

  for (const format of formats) {
    const json = format === 'json';
    const as = json ? 'JSON' : 'XML';
    app.get(
      `/services.${format}`,
      { schema: { tags, summary: `Services (the jurisdiction's request categories), ${as}`, querystring: open311JurisdictionQuery, ...(json ? { response: { 200: z.array(open311Service) } } : {}) } },
      async (req, reply) => sendList(reply, format, 'services', 'service', await listServices(app.deps, req.query.jurisdiction_id, requestLocale(req))),
    );
    app.get(
      `/services/:code.${format}`,
      {
        schema: {
          tags,
          summary: `A service definition: the attributes a report may carry, ${as}`,
          params: z.object({ code: z.string().min(1).max(60) }),
          querystring: open311JurisdictionQuery,
          ...(json ? { response: { 200: open311ServiceDefinition } } : {}),
        },
      },
      async (req, reply) => {
        const def = await serviceDefinition(app.deps, req.query.jurisdiction_id, req.params.code, requestLocale(req));
        if (json) return reply.send(def);
        const attributes = { attribute: def.attributes.map((a) => ({ ...a, values: { value: a.values } })) };
        return reply.type('application/xml; charset=utf-8').send(xmlDocument('service_definition', { service_code: def.service_code, attributes }));
      },
    );
    app.post(
      `/requests.${format}`,
      {
        config: { rateLimit: { max: POST_PER_MINUTE, timeWindow: '1 minute', hook: 'preHandler', keyGenerator: keyBucket } },
        preValidation: async (req) => gatherAttributes(req),
        schema: {
          tags,
          summary: `Report a request with an integration's api_key (form-encoded or JSON), ${as}`,
          body: open311PostBody,
          ...(json ? { response: { 201: z.array(open311Created) } } : {}),
        },
      },
      async (req, reply) => {
        const created = await postServiceRequest(app.deps, req.body, { requestId: String(req.id), ip: req.ip ?? null, locale: requestLocale(req) });
        return sendList(reply, format, 'service_requests', 'request', created, 201);
      },
    );
    app.get(
      `/requests.${format}`,
      {
        schema: {
          tags,
          summary: `Service requests: by id list, or by service, status and dates (default the last 90 days, at most 1,000), ${as}`,
          querystring: open311ListQuery,
          ...(json ? { response: { 200: z.array(open311Request) } } : {}),
        },
      },
      async (req, reply) => sendList(reply, format, 'service_requests', 'request', await listServiceRequests(app.deps, req.query, requestLocale(req))),
    );
    app.get(
      `/requests/:id.${format}`,
      {
        schema: {
          tags,
          summary: `One service request by its number, ${as}`,
          params: z.object({ id: z.string().min(1).max(40) }),
          querystring: open311JurisdictionQuery,
          ...(json ? { response: { 200: z.array(open311Request) } } : {}),
        },
      },
      async (req, reply) => sendList(reply, format, 'service_requests', 'request', await getServiceRequest(app.deps, req.params.id, req.query.jurisdiction_id, requestLocale(req))),
    );
  }
};
