import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { responseSerializerCompiler } from './plugins/serializer.js';
import type { AppDeps } from './deps.js';
import { modules } from './modules/index.js';
import { startJobs } from './jobs.js';
import { authPlugin } from './plugins/auth.js';
import { errorsPlugin, routeNotFound } from './plugins/errors.js';
import { securityHeadersPlugin } from './plugins/security-headers.js';
import { textSafetyPlugin } from './plugins/text-safety.js';

const here = path.dirname(fileURLToPath(import.meta.url));
/** Where `npm start` puts the built web app. */
export const defaultWebDir = path.resolve(here, '../../web/dist');

/** Personal data never reaches a log line. */
const redact = ['req.headers.cookie', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]', '*.password', '*.phone', '*.idNumber', '*.contactPhone'];

/** Build the application. It never listens: main.ts does, and tests use `app.inject`. */
export async function buildApp(deps: AppDeps, opts: { logger?: boolean; webDir?: string | null } = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger === false || deps.config.logLevel === 'silent' ? false : { level: deps.config.logLevel, redact },
    bodyLimit: 256 * 1024,
    trustProxy: deps.config.trustProxy,
    genReqId: () => crypto.randomUUID(),
    requestIdHeader: false,
    return503OnClosing: true,
    // Default 'idle': on close, idle keep-alive sockets end at once while in-flight requests finish.
  }).withTypeProvider<ZodTypeProvider>();
  // While shutting down, a keep-alive socket whose last answer went out would hold close() open until it times
  // out; end such idle sockets as they appear (in-flight requests still finish).
  app.addHook('preClose', (done) => {
    const timer = setInterval(() => app.server.closeIdleConnections(), 50);
    timer.unref();
    app.server.once('close', () => clearInterval(timer));
    done();
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(responseSerializerCompiler);
  app.decorate('deps', deps);

  await app.register(errorsPlugin);
  await app.register(textSafetyPlugin);
  await app.register(cookie);
  await app.register(securityHeadersPlugin);
  await app.register(rateLimit, { global: false });
  await app.register(authPlugin);
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'Gongzhi (共治) API', version: 'v1', description: 'The API of the Gongzhi community governance platform.' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'gz_session' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  app.get('/healthz', { schema: { hide: true } }, async () => ({ ok: true }));
  app.get('/readyz', { schema: { hide: true } }, async (_req, reply) => {
    try {
      await deps.handle.ping();
      return { ok: true, database: deps.handle.dialect };
    } catch {
      return reply.status(503).send({ error: { code: 'service_unavailable', message: 'database unreachable' } });
    }
  });

  for (const m of modules) await app.register(m.routes, { prefix: m.prefix ?? '/api/v1' });
  startJobs(app);

  const webDir = opts.webDir === undefined ? (deps.config.webDir ?? defaultWebDir) : opts.webDir;
  const hasWeb = webDir !== null && existsSync(path.join(webDir, 'index.html'));
  if (hasWeb) await app.register(fastifyStatic, { root: webDir, wildcard: false, index: false });
  // One SPA with three faces: /console, /m and the portal at /. Unknown non-API pages get the app shell.
  app.setNotFoundHandler((req, reply) => {
    // A missing file (a stale /assets/x.js, /favicon.png) is a 404, not the app shell with a wrong MIME type.
    const isFile = /\.[a-z0-9]+$/i.test(req.url.split('?')[0]!) || req.url.startsWith('/assets/');
    if (!hasWeb || isFile || req.url.startsWith('/api/') || req.method !== 'GET') return routeNotFound(req, reply);
    return reply.type('text/html').header('cache-control', 'no-cache').sendFile('index.html');
  });
  return app;
}
