import { dataOfficerRoles, staffRoles, type RoleOrPublic } from '@gongzhi/shared';

const officers: RoleOrPublic[] = [...dataOfficerRoles];

/** Who may call each route of this module at all; merged into the authorisation matrix. */
export const transferAuthz: Record<string, RoleOrPublic[]> = {
  'GET /api/v1/transfer/templates/:kind': [...staffRoles],
  'POST /api/v1/imports': officers,
  'GET /api/v1/imports': officers,
  'GET /api/v1/imports/:id': officers,
  'POST /api/v1/imports/:id/commit': officers,
  'GET /api/v1/imports/:id/report.xlsx': officers,
  'GET /api/v1/exports/:kind': officers,
};
