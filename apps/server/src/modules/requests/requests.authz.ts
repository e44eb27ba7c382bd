import { requestDispatcherRoles, requestHandlerRoles, requestIntakeRoles, requestSettingsRoles, requestViewerRoles, revealRoles, type RoleOrPublic } from '@gongzhi/shared';

const viewers: RoleOrPublic[] = [...requestViewerRoles];
const dispatchers: RoleOrPublic[] = [...requestDispatcherRoles];
const handlers: RoleOrPublic[] = [...requestHandlerRoles];
/** Staff acting on a resident's behalf may also rate, object and withdraw; without such a session they may not. */
const residents: RoleOrPublic[] = ['resident'];

/** Who may call each route of this module at all; merged into the authorisation matrix. */
export const requestsAuthz: Record<string, RoleOrPublic[]> = {
  'POST /api/v1/requests': [...requestIntakeRoles, 'resident'],
  'GET /api/v1/requests': viewers,
  'GET /api/v1/requests/place-options': residents,
  'GET /api/v1/requests/:id': viewers,
  'POST /api/v1/requests/:id/reveal-phone': [...revealRoles.phone],
  'POST /api/v1/requests/:id/classify': dispatchers,
  'POST /api/v1/requests/:id/urgency': dispatchers,
  'POST /api/v1/requests/:id/dispatch': dispatchers,
  'POST /api/v1/requests/:id/accept': handlers,
  'POST /api/v1/requests/:id/return': handlers,
  'POST /api/v1/requests/:id/notes': handlers,
  'POST /api/v1/requests/:id/reply': handlers,
  'POST /api/v1/requests/:id/self-resolve': ['community_admin', 'community_staff', 'grid_worker'],
  'POST /api/v1/requests/:id/rate': residents,
  'POST /api/v1/requests/:id/objection': residents,
  'POST /api/v1/requests/:id/merge': dispatchers,
  'POST /api/v1/requests/:id/withdraw': residents,
  'POST /api/v1/requests/:id/close': dispatchers,
  'GET /api/v1/callbacks': [...requestIntakeRoles],
  'POST /api/v1/callbacks/:id/complete': [...requestIntakeRoles],
  'GET /api/v1/request-settings': [...new Set([...requestSettingsRoles, ...requestHandlerRoles])],
  'PUT /api/v1/request-settings': [...requestSettingsRoles],
};
