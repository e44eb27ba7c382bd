import type { Role } from '@gongzhi/shared';
import type { Actor } from '../../lib/actor.js';
import { rolesPolicy } from '../../lib/policy.js';

export const userManagerRoles: readonly Role[] = ['subdistrict_admin', 'community_admin', 'community_staff'];
export const canManageUsers = rolesPolicy('users.manage', userManagerRoles);

/** Which roles each manager role may hand out: never one above its own. */
const grantable: Partial<Record<Role, readonly Role[]>> = {
  subdistrict_admin: ['subdistrict_admin', 'community_admin', 'community_staff', 'grid_worker', 'building_leader', 'org_representative', 'resident'],
  community_admin: ['community_admin', 'community_staff', 'grid_worker', 'building_leader', 'org_representative', 'resident'],
  community_staff: ['grid_worker', 'building_leader', 'org_representative', 'resident'],
};

/** May the actor grant (or revoke) `role` at the place with `placePath`? */
export function canGrant(actor: Actor, role: Role, placePath: string): boolean {
  return actor.roles.some((r) => (grantable[r.role] ?? []).includes(role) && placePath.startsWith(r.placePath));
}
