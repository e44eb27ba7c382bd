import type { Role } from '@gongzhi/shared';
import { hasAnyRole, isAuthenticated, type Actor } from './actor.js';

/**
 * A route-level policy: may this actor call this route at all? Record-level checks (is this place in the
 * actor's scope) happen in services with the scope helpers and answer 404, like a missing record.
 */
export type RoutePolicy = ((actor: Actor) => boolean) & { policyName: string };

/** Name a policy so the authorisation matrix and error logs can say which one denied. */
export function definePolicy(name: string, check: (actor: Actor) => boolean): RoutePolicy {
  return Object.assign((a: Actor) => check(a), { policyName: name });
}

export const publicAccess = definePolicy('public', () => true);
export const anyUser = definePolicy('any_user', isAuthenticated);
/** Allowed for holders of any of these roles. */
export const rolesPolicy = (name: string, roles: readonly Role[]): RoutePolicy =>
  definePolicy(name, (a) => hasAnyRole(a, roles));

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Every /api route declares one; the app refuses to start with a route that lacks it. */
    policy?: RoutePolicy;
  }
}
