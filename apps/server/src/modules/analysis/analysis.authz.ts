import { requestAnalystRoles, type RoleOrPublic } from '@gongzhi/shared';

const analysts: RoleOrPublic[] = [...requestAnalystRoles];

/** Who may call each route of this module at all; merged into the authorisation matrix. */
export const analysisAuthz: Record<string, RoleOrPublic[]> = {
  'GET /api/v1/analysis/summary': analysts,
  'GET /api/v1/analysis/hotspots': analysts,
  'GET /api/v1/analysis/terms': analysts,
  'GET /api/v1/analysis/rates': analysts,
  'GET /api/v1/analysis/overdue': analysts,
  'GET /api/v1/analysis/export.xlsx': analysts,
  'GET /api/v1/analysis/monthly-report.pdf': analysts,
};
