import { adminRoles, onBehalfRoles, placeViewerRoles, userManagerRoles, type Me, type Role } from '@gongzhi/shared';

export { onBehalfRoles, userManagerRoles };

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
