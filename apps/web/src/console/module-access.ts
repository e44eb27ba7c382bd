import {
  adminRoles,
  covenantReviewerRoles,
  opennessViewerRoles,
  deliberationManagerRoles,
  pledgeRecorderRoles,
  dataOfficerRoles,
  onBehalfRoles,
  organisationManagerRoles,
  organisationViewerRoles,
  placeViewerRoles,
  registerManagerRoles,
  registerViewerRoles,
  requestAnalystRoles,
  requestIntakeRoles,
  requestSettingsRoles,
  requestViewerRoles,
  userManagerRoles,
  visitViewerRoles,
  type Me,
  type Role,
} from '@gongzhi/shared';

export { dataOfficerRoles, onBehalfRoles, organisationManagerRoles, registerManagerRoles, userManagerRoles };

export type ConsoleModule =
  | 'requests'
  | 'callbacks'
  | 'proactive'
  | 'analysis'
  | 'visits'
  | 'meetings'
  | 'integrations'
  | 'requestSettings'
  | 'places'
  | 'residents'
  | 'households'
  | 'organisations'
  | 'partyMembers'
  | 'transfer'
  | 'corrections'
  | 'users'
  | 'audit'
  | 'covenant'
  | 'deliberationMeetings'
  | 'ledger'
  | 'elections'
  | 'topics'
  | 'disclosure'
  | 'publications'
  | 'feeBoards'
  | 'reviews';

/** The console's modules in menu order, each with the roles that may open it. */
export const consoleModules: { key: ConsoleModule; path: string; roles: readonly Role[] }[] = [
  // Requests come first: answering residents is the daily work. Organisation representatives work their own.
  { key: 'requests', path: '/console/requests', roles: requestViewerRoles.filter((r) => r !== 'resident') },
  { key: 'callbacks', path: '/console/callbacks', roles: requestIntakeRoles },
  { key: 'proactive', path: '/console/proactive', roles: requestAnalystRoles },
  { key: 'analysis', path: '/console/analysis', roles: requestAnalystRoles },
  // Subdistrict admins follow visits and meetings; the community's own people record them.
  { key: 'visits', path: '/console/visits', roles: visitViewerRoles },
  { key: 'meetings', path: '/console/meetings', roles: visitViewerRoles },
  // Staff run the covenant; the subdistrict reviews and files it; field workers record paper pledges.
  { key: 'covenant', path: '/console/covenants', roles: [...new Set([...deliberationManagerRoles, ...covenantReviewerRoles, ...pledgeRecorderRoles])] },
  // Formal meetings that decide: staff run them, the subdistrict follows them.
  { key: 'deliberationMeetings', path: '/console/deliberation/meetings', roles: [...deliberationManagerRoles, 'subdistrict_admin'] },
  // Staff run topics; grid workers, building leaders and the subdistrict follow them.
  { key: 'topics', path: '/console/deliberation/topics', roles: [...deliberationManagerRoles, 'subdistrict_admin', 'grid_worker', 'building_leader'] },
  // Openness: staff keep the catalogue and publications, the subdistrict reads them.
  { key: 'disclosure', path: '/console/disclosure', roles: opennessViewerRoles },
  { key: 'publications', path: '/console/publications', roles: opennessViewerRoles },
  // The office enters and publishes fee boards; the subdistrict reads them.
  { key: 'feeBoards', path: '/console/fee-boards', roles: opennessViewerRoles },
  // Democratic review: staff run it, the subdistrict follows it and may run it for a community.
  { key: 'reviews', path: '/console/reviews', roles: opennessViewerRoles },
  // Keepers post and approve; the subdistrict follows the ledger (opennessViewerRoles include the keepers).
  { key: 'ledger', path: '/console/ledger', roles: opennessViewerRoles },
  // Elections: the office runs them for the election committee, the subdistrict follows and may run them.
  { key: 'elections', path: '/console/elections', roles: opennessViewerRoles },
  { key: 'places', path: '/console/places', roles: placeViewerRoles },
  { key: 'residents', path: '/console/residents', roles: registerViewerRoles },
  { key: 'households', path: '/console/households', roles: registerViewerRoles },
  { key: 'organisations', path: '/console/organisations', roles: organisationViewerRoles },
  { key: 'partyMembers', path: '/console/party-members', roles: organisationViewerRoles },
  { key: 'transfer', path: '/console/transfer', roles: dataOfficerRoles },
  { key: 'corrections', path: '/console/corrections', roles: dataOfficerRoles },
  { key: 'requestSettings', path: '/console/request-settings', roles: requestSettingsRoles },
  { key: 'integrations', path: '/console/integrations', roles: requestSettingsRoles },
  { key: 'users', path: '/console/users', roles: userManagerRoles },
  { key: 'audit', path: '/console/audit', roles: adminRoles },
];

export const hasRole = (me: Me | null, roles: readonly Role[]): boolean => (me?.roles ?? []).some((r) => roles.includes(r.role));

/** The modules this account may open. */
export const allowedModules = (me: Me | null) => consoleModules.filter((m) => hasRole(me, m.roles));
