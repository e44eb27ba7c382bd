import { requestSettingsRoles, type RoleOrPublic } from '@gongzhi/shared';

const settings: RoleOrPublic[] = [...requestSettingsRoles];

/** Who may call each console route of this module at all; merged into the authorisation matrix. */
export const open311Authz: Record<string, RoleOrPublic[]> = {
  'GET /api/v1/open311-clients': settings,
  'POST /api/v1/open311-clients': settings,
  'POST /api/v1/open311-clients/:id/revoke': settings,
};
