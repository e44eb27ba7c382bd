import type { RoleOrPublic } from '@gongzhi/shared';
import { dataOfficerRoles, registerManagerRoles, registerViewerRoles, revealRoles, roles } from '@gongzhi/shared';

const viewers: RoleOrPublic[] = [...registerViewerRoles];
const managers: RoleOrPublic[] = [...registerManagerRoles];
const officers: RoleOrPublic[] = [...dataOfficerRoles];
const revealers: RoleOrPublic[] = [...new Set([...revealRoles.idNumber, ...revealRoles.phone])];
/** Every signed-in account; one not linked to a resident gets 404 resident_not_linked from the service. */
const signedIn: RoleOrPublic[] = [...roles];

/** Who may call each route of this module at all; merged into the authorisation matrix. */
export const registersAuthz: Record<string, RoleOrPublic[]> = {
  'GET /api/v1/households': viewers,
  'POST /api/v1/households': managers,
  'GET /api/v1/households/:id': viewers,
  'PATCH /api/v1/households/:id': managers,
  'POST /api/v1/households/:id/move': managers,
  'POST /api/v1/households/:id/move-out': managers,
  'GET /api/v1/residents': viewers,
  'POST /api/v1/residents': managers,
  'GET /api/v1/residents/:id': viewers,
  'PATCH /api/v1/residents/:id': managers,
  'POST /api/v1/residents/:id/move': managers,
  'POST /api/v1/residents/:id/leave': managers,
  'POST /api/v1/residents/:id/tags': managers,
  'DELETE /api/v1/residents/:id/tags/:tag': managers,
  'POST /api/v1/residents/:id/consents': managers,
  'POST /api/v1/residents/:id/consents/:consentId/withdraw': managers,
  'POST /api/v1/residents/:id/reveal': revealers,
  'POST /api/v1/residents/:id/export': officers,
  'POST /api/v1/residents/:id/account': officers,
  'GET /api/v1/corrections': officers,
  'POST /api/v1/corrections/:id/resolve': officers,
  'GET /api/v1/me/data': signedIn,
  'GET /api/v1/me/household': signedIn,
  'POST /api/v1/me/corrections': signedIn,
};
