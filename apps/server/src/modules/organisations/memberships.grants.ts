import type { Role } from '@gongzhi/shared';
import type { Db } from '../../db/database.js';
import { newId } from '../../lib/ids.js';
import { deleteRole, findRole, insertRole } from '../users/users.repository.js';
import * as repo from './memberships.repository.js';

/**
 * The account role a post carries (a grid worker's grid, a building leader's building). A post owns the
 * assignment it created and revokes it when it ends; when the account already held exactly that role there
 * (granted by hand, or by another post) the post reuses it and owns nothing, so ending the post cannot take
 * away a role someone else gave.
 */
export interface Grant {
  role: Role;
  placeId: string;
  /** The assignment the post owns, or null when it reused one it does not own. */
  ownedAssignmentId: string | null;
  reusedAssignmentId: string | null;
}

export async function grantPostRole(trx: Db, now: string, userId: string, role: Role, placeId: string): Promise<Grant> {
  const existing = await repo.findRoleAssignment(trx, userId, role, placeId);
  if (existing) return { role, placeId, ownedAssignmentId: null, reusedAssignmentId: existing.id };
  const id = newId();
  await insertRole(trx, { id, user_id: userId, role, place_id: placeId, created_at: now });
  return { role, placeId, ownedAssignmentId: id, reusedAssignmentId: null };
}

export interface Release {
  /** The assignment revoked, if the post owned one and nobody else needs it. */
  revokedAssignmentId: string | null;
  /** Another active post of the same account, role and place that now owns the assignment instead. */
  handedToMembershipId: string | null;
}

/**
 * Let go of what an ending post owns. If the same account still holds the same post elsewhere (say, in a second
 * organisation), that post inherits the assignment rather than losing the scope it relies on.
 */
export async function releasePostRole(trx: Db, m: { id: string; user_id: string | null; role: string; place_id: string | null; role_assignment_id: string | null }): Promise<Release> {
  const none = { revokedAssignmentId: null, handedToMembershipId: null };
  if (!m.role_assignment_id || !m.user_id || !m.place_id) return none;
  // Someone may have removed the role by hand meanwhile; then there is nothing left to revoke or hand over.
  if (!(await findRole(trx, m.role_assignment_id))) return none;
  const heir = await repo.otherActiveHolder(trx, { id: m.id, user_id: m.user_id, role: m.role, place_id: m.place_id });
  if (heir) {
    await repo.updateMembership(trx, heir.id, { role_assignment_id: m.role_assignment_id });
    return { revokedAssignmentId: null, handedToMembershipId: heir.id };
  }
  await deleteRole(trx, m.role_assignment_id);
  return { revokedAssignmentId: m.role_assignment_id, handedToMembershipId: null };
}
