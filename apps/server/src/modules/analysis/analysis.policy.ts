import { requestAnalystRoles } from '@gongzhi/shared';
import { rolesPolicy } from '../../lib/policy.js';

/**
 * The dashboard, exports and reports: analysts (subdistrict admins, community staff, grid workers) by their scope.
 * Which requests each sees is decided once, in `resolveScope`.
 */
export const canAnalyse = rolesPolicy('analysis.view', requestAnalystRoles);
