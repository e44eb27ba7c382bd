import type { Me, Role } from '@gongzhi/shared';
import { adminRoles } from '@gongzhi/shared';
import { placeViewerRoles } from '../features/places/place-permissions.js';

/** Roles that manage accounts (mirrors the server's users policy). */
export const userManagerRoles: readonly Role[] = ['subdistrict_admin', 'community_admin', 'community_staff'];
/** Roles that may act on a resident's behalf (mirrors the server's me policy). */
export const onBehalfRoles: readonly Role[] = ['community_admin', 'community_staff', 'grid_worker'];

export type ConsoleModule = 'places' | 'users' | 'audit';

/** The console's modules in menu order, each with the roles that may open it. */
export const consoleModules: { key: ConsoleModule; path: string; roles: readonly Role[] }[] = [
  { key: 'places', path: '/console/places', roles: placeViewerRoles },
  { key: 'users', path: '/console/users', roles: userManagerRoles },
  { key: 'audit', path: '/console/audit', roles: adminRoles },
];

export const hasRole = (me: Me | null, roles: readonly Role[]): boolean => (me?.roles ?? []).some((r) => roles.includes(r.role));

/** The modules this account may open. */
export const allowedModules = (me: Me | null) => consoleModules.filter((m) => hasRole(me, m.roles));
