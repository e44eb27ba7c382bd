import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { publicActor, type Actor, type RequestContext } from '../lib/actor.js';
import { AppError } from '../lib/app-error.js';
import { actorFromToken } from '../modules/auth/auth.service.js';

export const SESSION_COOKIE = 'gz_session';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** An API route and the name of its policy, for the authorisation matrix and the docs. */
export interface ApiRoute {
  method: string;
  url: string;
  policy: string | null;
}

declare module 'fastify' {
  interface FastifyInstance {
    apiRoutes: ApiRoute[];
  }
  interface FastifyRequest {
    actor: Actor;
    /** Who, request id and ip, ready to hand to a service. */
    ctx(): RequestContext;
  }
}

/**
 * Resolves the session cookie to an actor, enforces each route's policy, and checks the CSRF token on every
 * state-changing request made with a session. A route under /api without a policy stops the app from starting.
 */
export const authPlugin = fp(async (app: FastifyInstance) => {
  app.decorateRequest('actor', null as unknown as Actor);
  app.decorateRequest('ctx', function (this: FastifyRequest): RequestContext {
    return { actor: this.actor, requestId: String(this.id), ip: this.ip ?? null };
  });

  app.decorate('apiRoutes', [] as ApiRoute[]);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/v1')) return;
    for (const method of [route.method].flat()) {
      if (method === 'HEAD') continue;
      app.apiRoutes.push({ method, url: route.url, policy: route.config?.policy?.policyName ?? null });
    }
  });
  app.addHook('onReady', async () => {
    const missing = app.apiRoutes.filter((r) => r.policy === null);
    if (missing.length) throw new Error(`Routes without a policy: ${missing.map((r) => `${r.method} ${r.url}`).join(', ')}`);
  });

  app.addHook('onRequest', async (req: FastifyRequest) => {
    const token = req.cookies[SESSION_COOKIE];
    req.actor = (token && token.length <= 100 ? await actorFromToken(app.deps, token) : null) ?? publicActor;
    // Checked here, before the body is parsed or validated, so a caller without access learns nothing more.
    const policy = req.routeOptions.config?.policy;
    if (!policy) return; // non-API routes (static files, docs, health)
    if (!policy(req.actor)) {
      throw req.actor.userId ? new AppError('forbidden', 403, { policy: policy.policyName }) : new AppError('not_authenticated', 401);
    }
    if (req.actor.sessionId && !SAFE_METHODS.has(req.method) && req.headers[CSRF_HEADER] !== req.actor.csrfToken) {
      throw new AppError('csrf_failed', 403);
    }
  });
});

/** Cookie options shared by login, claim and logout. */
export function sessionCookieOptions(expires?: Date) {
  return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: 'auto' as const, ...(expires ? { expires } : {}) };
}
