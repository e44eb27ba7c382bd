import type { Role } from '@gongzhi/shared';

/** One role an account holds, with the place it covers. */
export interface ActorRole {
  id: string;
  role: Role;
  placeId: string;
  placeName: string;
  placeKind: string;
  /** Materialised path of the scope place; everything under it is in scope. */
  placePath: string;
  communityId: string | null;
}

/** Who is making a request. An anonymous visitor has no user and no roles. */
export interface Actor {
  userId: string | null;
  displayName: string;
  username: string | null;
  phoneMasked: string | null;
  roles: ActorRole[];
  sessionId: string | null;
  csrfToken: string | null;
  elderMode: boolean;
  locale: 'zh-CN' | 'en-US';
  /** Set while a staff member acts on a resident's behalf; writes are attributed to both. */
  onBehalfOf: { id: string; displayName: string; reason: string } | null;
}

export const publicActor: Actor = {
  userId: null,
  displayName: '',
  username: null,
  phoneMasked: null,
  roles: [],
  sessionId: null,
  csrfToken: null,
  elderMode: false,
  locale: 'zh-CN',
  onBehalfOf: null,
};

export const isAuthenticated = (a: Actor): boolean => a.userId !== null;

/** True when the actor holds any of the roles (anywhere). */
export const hasAnyRole = (a: Actor, roles: readonly Role[]): boolean => a.roles.some((r) => roles.includes(r.role));

/** What a request carries into a service: who, and the facts the audit log needs. */
export interface RequestContext {
  actor: Actor;
  requestId: string;
  ip: string | null;
}
