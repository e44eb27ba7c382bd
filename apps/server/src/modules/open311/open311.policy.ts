import { requestSettingsRoles } from '@gongzhi/shared';
import { rolesPolicy } from '../../lib/policy.js';

/** Open311 keys are request settings: admins and staff of the community. The GeoReport API itself uses keys. */
export const canManageOpen311Clients = rolesPolicy('open311.clients', requestSettingsRoles);
