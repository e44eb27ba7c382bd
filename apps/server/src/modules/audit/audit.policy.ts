import { adminRoles } from '@gongzhi/shared';
import { rolesPolicy } from '../../lib/policy.js';

/** The secretary and subdistrict admins read the audit log, each within their scope. */
export const canReadAudit = rolesPolicy('audit.read', adminRoles);
