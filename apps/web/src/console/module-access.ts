import {
  adminRoles,
  dataOfficerRoles,
  onBehalfRoles,
  organisationManagerRoles,
  organisationViewerRoles,
  placeViewerRoles,
  registerManagerRoles,
  registerViewerRoles,
  userManagerRoles,
  type Me,
  type Role,
} from '@gongzhi/shared';

export { dataOfficerRoles, onBehalfRoles, organisationManagerRoles, registerManagerRoles, userManagerRoles };

export type ConsoleModule =
  | 'places'
  | 'residents'
  | 'households'
  | 'organisations'
  | 'partyMembers'
  | 'transfer'
  | 'corrections'
  | 'users'
  | 'audit';

/** The console's modules in menu order, each with the roles that may open it. */
export const consoleModules: { key: ConsoleModule; path: string; roles: readonly Role[] }[] = [
  { key: 'places', path: '/console/places', roles: placeViewerRoles },
  { key: 'residents', path: '/console/residents', roles: registerViewerRoles },
  { key: 'households', path: '/console/households', roles: registerViewerRoles },
  { key: 'organisations', path: '/console/organisations', roles: organisationViewerRoles },
  { key: 'partyMembers', path: '/console/party-members', roles: organisationViewerRoles },
  { key: 'transfer', path: '/console/transfer', roles: dataOfficerRoles },
  { key: 'corrections', path: '/console/corrections', roles: dataOfficerRoles },
  { key: 'users', path: '/console/users', roles: userManagerRoles },
  { key: 'audit', path: '/console/audit', roles: adminRoles },
];

export const hasRole = (me: Me | null, roles: readonly Role[]): boolean => (me?.roles ?? []).some((r) => roles.includes(r.role));

/** The modules this account may open. */
export const allowedModules = (me: Me | null) => consoleModules.filter((m) => hasRole(me, m.roles));
