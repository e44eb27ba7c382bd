import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/**
 * The security headers helmet would send, computed once. @fastify/helmet rebuilds its middleware (and re-parses
 * the CSP) on every request, which cost a third of a bare route's time in bench/me-breakdown.
 * Pages and files get the full set; JSON answers under /api/v1 are never rendered as documents, so they get only
 * what matters for data (no sniffing, no caching of personal answers, no referrer), keeping every answer small.
 */
const apiHeaders: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
};

const documentHeaders: Record<string, string> = {
  // The SPA and Swagger UI use inline styles; scripts stay same-origin.
  'content-security-policy':
    "default-src 'self'; base-uri 'self'; font-src 'self' data:; form-action 'self'; frame-ancestors 'self'; " +
    "img-src 'self' data: blob:; object-src 'none'; script-src 'self'; script-src-attr 'none'; style-src 'self' 'unsafe-inline'",
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'origin-agent-cluster': '?1',
  'referrer-policy': 'no-referrer',
  'strict-transport-security': 'max-age=15552000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'x-dns-prefetch-control': 'off',
  'x-download-options': 'noopen',
  'x-frame-options': 'SAMEORIGIN',
  'x-permitted-cross-domain-policies': 'none',
  'x-xss-protection': '0',
};

export const securityHeadersPlugin = fp(async (app: FastifyInstance) => {
  app.addHook('onRequest', (req, reply, done) => {
    reply.headers(req.url.startsWith('/api/v1/') ? apiHeaders : documentHeaders);
    done();
  });
});
