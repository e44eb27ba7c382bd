import { roles, type RoleOrPublic } from '@gongzhi/shared';
import { photoUploaderRoles } from './files.policy.js';

/** Who may call each route of this module at all; merged into the authorisation matrix. */
export const filesAuthz: Record<string, RoleOrPublic[]> = {
  'POST /api/v1/files': [...photoUploaderRoles],
  'GET /api/v1/files/:id': [...roles],
};
