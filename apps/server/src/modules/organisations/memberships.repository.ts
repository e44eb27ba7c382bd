import type { Db, MembershipRow } from '../../db/database.js';
import { pathInScope } from '../../lib/scope.js';

/** A membership with the names its view shows and its community's path for scope checks. */
export type MembershipListRow = MembershipRow & {
  organisation_name: string | null;
  organisation_kind: string | null;
  place_name: string | null;
  community_path: string;
};

function selectMemberships(db: Db) {
  return db
    .selectFrom('memberships as m')
    .innerJoin('places as c', 'c.id', 'm.community_id')
    .leftJoin('organisations as o', 'o.id', 'm.organisation_id')
    .leftJoin('places as pl', 'pl.id', 'm.place_id')
    .selectAll('m')
    .select(['o.name as organisation_name', 'o.kind as organisation_kind', 'pl.name as place_name', 'c.path as community_path']);
}

export function findMembership(db: Db, id: string): Promise<MembershipListRow | undefined> {
  return selectMemberships(db).where('m.id', '=', id).executeTakeFirst();
}

export interface MembershipFilter {
  /** Community path prefixes the actor may read. */
  scope: string[];
  organisationId?: string;
  communityId?: string;
  role?: string;
  includeEnded: boolean;
}

export function listMemberships(db: Db, f: MembershipFilter): Promise<MembershipListRow[]> {
  let q = selectMemberships(db).where(pathInScope('c.path', f.scope));
  if (f.organisationId) q = q.where('m.organisation_id', '=', f.organisationId);
  if (f.communityId) q = q.where('m.community_id', '=', f.communityId);
  if (f.role) q = q.where('m.role', '=', f.role);
  if (!f.includeEnded) q = q.where('m.ended_at', 'is', null);
  return q.orderBy('m.community_id').orderBy('m.organisation_id').orderBy('m.created_at').orderBy('m.id').execute();
}

/** Every post a person holds or held, as a resident or through their account. */
export function membershipsOfPerson(db: Db, scope: string[], residentId: string, userId: string | null): Promise<MembershipListRow[]> {
  return selectMemberships(db)
    .where(pathInScope('c.path', scope))
    .where((eb) => eb.or([eb('m.resident_id', '=', residentId), ...(userId ? [eb('m.user_id', '=', userId)] : [])]))
    .orderBy('m.created_at', 'desc')
    .orderBy('m.id', 'desc')
    .execute();
}

/** Active memberships of an organisation (retiring it ends them). */
export function activeMembershipsOf(db: Db, organisationId: string): Promise<MembershipListRow[]> {
  return selectMemberships(db).where('m.organisation_id', '=', organisationId).where('m.ended_at', 'is', null).execute();
}

/** The same person already in the same post (same organisation or place, same role) and not yet ended. */
export async function activeDuplicate(
  db: Db,
  m: Pick<MembershipRow, 'community_id' | 'organisation_id' | 'place_id' | 'role' | 'resident_id' | 'user_id' | 'person_name' | 'person_unit'>,
): Promise<boolean> {
  let q = db.selectFrom('memberships').select('id').where('community_id', '=', m.community_id).where('role', '=', m.role).where('ended_at', 'is', null);
  q = m.organisation_id ? q.where('organisation_id', '=', m.organisation_id) : q.where('organisation_id', 'is', null);
  q = m.place_id ? q.where('place_id', '=', m.place_id) : q.where('place_id', 'is', null);
  if (m.resident_id) q = q.where('resident_id', '=', m.resident_id);
  else if (m.user_id) q = q.where('user_id', '=', m.user_id);
  else q = q.where('resident_id', 'is', null).where('user_id', 'is', null).where('person_name', '=', m.person_name);
  return (await q.executeTakeFirst()) !== undefined;
}

export async function insertMembership(db: Db, row: MembershipRow): Promise<void> {
  await db.insertInto('memberships').values(row).execute();
}

/** End a post; false when another request ended it first. */
export async function endMembershipRow(db: Db, id: string, endOn: string, endedAt: string): Promise<boolean> {
  const r = await db.updateTable('memberships').set({ end_on: endOn, ended_at: endedAt }).where('id', '=', id).where('ended_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function updateMembership(db: Db, id: string, patch: Partial<Pick<MembershipRow, 'role_assignment_id'>>): Promise<void> {
  await db.updateTable('memberships').set(patch).where('id', '=', id).execute();
}

/** Another active post of this account with the same role at the same place, owning no assignment, which may inherit one. */
export function otherActiveHolder(db: Db, m: { id: string; user_id: string; role: string; place_id: string }) {
  return db
    .selectFrom('memberships')
    .select('id')
    .where('user_id', '=', m.user_id)
    .where('role', '=', m.role)
    .where('place_id', '=', m.place_id)
    .where('ended_at', 'is', null)
    .where('role_assignment_id', 'is', null)
    .where('id', '!=', m.id)
    .orderBy('created_at')
    .executeTakeFirst();
}

export function findRoleAssignment(db: Db, userId: string, role: string, placeId: string) {
  return db.selectFrom('role_assignments').selectAll().where('user_id', '=', userId).where('role', '=', role).where('place_id', '=', placeId).executeTakeFirst();
}

/** Whether the account holds any role inside the community (so it may be named in the community's posts). */
export async function userInCommunity(db: Db, userId: string, communityPath: string): Promise<boolean> {
  const row = await db
    .selectFrom('role_assignments as r')
    .innerJoin('places as p', 'p.id', 'r.place_id')
    .select('r.id')
    .where('r.user_id', '=', userId)
    .where(pathInScope('p.path', [communityPath]))
    .executeTakeFirst();
  return row !== undefined;
}
