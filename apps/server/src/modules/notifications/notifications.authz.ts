import { requestSettingsRoles, roles, type RoleOrPublic } from '@gongzhi/shared';

const signedIn: RoleOrPublic[] = [...roles];
const settings: RoleOrPublic[] = [...requestSettingsRoles];

/** Who may call each route of this module at all; merged into the authorisation matrix. */
export const notificationsAuthz: Record<string, RoleOrPublic[]> = {
  'GET /api/v1/notifications': signedIn,
  'POST /api/v1/notifications/read-all': signedIn,
  'POST /api/v1/notifications/:id/read': signedIn,
  'GET /api/v1/me/notification-preferences': signedIn,
  'PUT /api/v1/me/notification-preferences': signedIn,
  'GET /api/v1/notification-endpoints': settings,
  'POST /api/v1/notification-endpoints': settings,
  'PATCH /api/v1/notification-endpoints/:id': settings,
  'DELETE /api/v1/notification-endpoints/:id': settings,
  'POST /api/v1/notification-endpoints/:id/test': settings,
};
