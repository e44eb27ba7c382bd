import { grantableRoles, userManagerRoles, type Role } from '@gongzhi/shared';
import type { Actor } from '../../lib/actor.js';
import { rolesPolicy } from '../../lib/policy.js';

export { userManagerRoles };
export const canManageUsers = rolesPolicy('users.manage', userManagerRoles);

/** May the actor grant (or revoke) `role` at the place with `placePath`? */
export function canGrant(actor: Actor, role: Role, placePath: string): boolean {
  return actor.roles.some((r) => (grantableRoles[r.role] ?? []).includes(role) && placePath.startsWith(r.placePath));
}
