import type { Insertable, Selectable, Updateable } from 'kysely';
import type { ConsentsTable, Db, ResidenceHistoryTable, ResidentRow, ResidentsTable, ResidentTagsTable } from '../../db/database.js';

/** Row access for residents, their tags, consents and residence history (Kysely only; rules live in services). */

export type ConsentRow = Selectable<ConsentsTable>;
export type TagRow = Selectable<ResidentTagsTable>;
export type HistoryRow = Selectable<ResidenceHistoryTable>;

export function findResident(db: Db, id: string): Promise<ResidentRow | undefined> {
  return db.selectFrom('residents').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findResidentsByIds(db: Db, ids: string[]): Promise<ResidentRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('residents').selectAll().where('id', 'in', ids).execute();
}

/** Another resident of the community with this ID number (through its blind index). */
export function findByIdNumberIndex(db: Db, communityId: string, index: string, excludeId?: string) {
  let q = db.selectFrom('residents').select('id').where('community_id', '=', communityId).where('id_number_index', '=', index);
  if (excludeId) q = q.where('id', '!=', excludeId);
  return q.executeTakeFirst();
}

/** The resident record linked to an account (a living one first, should an account ever be linked twice). */
export function findByUserId(db: Db, userId: string): Promise<ResidentRow | undefined> {
  return db
    .selectFrom('residents')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy((eb) => eb.case().when('status', '=', 'living').then(0).else(1).end())
    .orderBy('id')
    .executeTakeFirst();
}

export function membersOf(db: Db, householdId: string): Promise<ResidentRow[]> {
  return db
    .selectFrom('residents')
    .selectAll()
    .where('household_id', '=', householdId)
    .orderBy((eb) => eb.case().when('status', '=', 'living').then(0).else(1).end())
    .orderBy('name')
    .orderBy('id')
    .execute();
}

export async function insertResident(db: Db, row: Insertable<ResidentsTable>): Promise<void> {
  await db.insertInto('residents').values(row).execute();
}

export async function updateResident(db: Db, id: string, patch: Updateable<ResidentsTable>): Promise<void> {
  await db.updateTable('residents').set(patch).where('id', '=', id).execute();
}

/** Link an account, only if none is linked yet; false when another request linked one first. */
export async function linkAccount(db: Db, id: string, userId: string, at: string): Promise<boolean> {
  const r = await db.updateTable('residents').set({ user_id: userId, updated_at: at }).where('id', '=', id).where('user_id', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export function tagsOf(db: Db, residentId: string): Promise<TagRow[]> {
  return db.selectFrom('resident_tags').selectAll().where('resident_id', '=', residentId).orderBy('created_at').orderBy('tag').execute();
}

/** Tags of a page of residents, one query. */
export async function tagsOfMany(db: Db, residentIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (residentIds.length === 0) return out;
  const rows = await db.selectFrom('resident_tags').select(['resident_id', 'tag']).where('resident_id', 'in', residentIds).orderBy('tag').execute();
  for (const r of rows) out.set(r.resident_id, [...(out.get(r.resident_id) ?? []), r.tag]);
  return out;
}

export async function insertTag(db: Db, row: Insertable<ResidentTagsTable>): Promise<void> {
  await db.insertInto('resident_tags').values(row).execute();
}

export async function deleteTag(db: Db, residentId: string, tag: string): Promise<number> {
  const r = await db.deleteFrom('resident_tags').where('resident_id', '=', residentId).where('tag', '=', tag).executeTakeFirst();
  return Number(r.numDeletedRows);
}

export function tagsOnConsent(db: Db, consentId: string): Promise<TagRow[]> {
  return db.selectFrom('resident_tags').selectAll().where('consent_id', '=', consentId).execute();
}

export async function repointTag(db: Db, residentId: string, tag: string, consentId: string): Promise<void> {
  await db.updateTable('resident_tags').set({ consent_id: consentId }).where('resident_id', '=', residentId).where('tag', '=', tag).execute();
}

export function consentsOf(db: Db, residentId: string): Promise<ConsentRow[]> {
  return db.selectFrom('consents').selectAll().where('resident_id', '=', residentId).orderBy('recorded_at').orderBy('id').execute();
}

export function findConsent(db: Db, id: string): Promise<ConsentRow | undefined> {
  return db.selectFrom('consents').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The newest active consent of a resident for a purpose, other than `excludeId`. */
export function activeConsentFor(db: Db, residentId: string, purpose: string, excludeId?: string): Promise<ConsentRow | undefined> {
  let q = db.selectFrom('consents').selectAll().where('resident_id', '=', residentId).where('purpose', '=', purpose).where('withdrawn_at', 'is', null);
  if (excludeId) q = q.where('id', '!=', excludeId);
  return q.orderBy('recorded_at', 'desc').orderBy('id', 'desc').executeTakeFirst();
}

export async function insertConsent(db: Db, row: Insertable<ConsentsTable>): Promise<void> {
  await db.insertInto('consents').values(row).execute();
}

export async function withdrawConsent(db: Db, id: string, at: string, by: string | null): Promise<void> {
  await db.updateTable('consents').set({ withdrawn_at: at, withdrawn_by: by }).where('id', '=', id).execute();
}

export async function insertHistory(db: Db, rows: Insertable<ResidenceHistoryTable>[]): Promise<void> {
  // Chunked: a household move writes one row per member, and SQLite caps the parameters of one statement.
  for (let i = 0; i < rows.length; i += 50) await db.insertInto('residence_history').values(rows.slice(i, i + 50)).execute();
}

/** History with the acting account's name, oldest first. */
export function historyOf(db: Db, where: { residentId: string } | { householdId: string }) {
  let q = db
    .selectFrom('residence_history as h')
    .leftJoin('users as u', 'u.id', 'h.actor_user_id')
    .leftJoin('residents as r', 'r.id', 'h.resident_id')
    .selectAll('h')
    .select(['u.display_name as actor_name', 'r.name as resident_name']);
  if ('residentId' in where) q = q.where('h.resident_id', '=', where.residentId);
  else {
    // A household's own events, and its members' arrivals and departures; not each member's copy of a household move.
    const householdId = where.householdId;
    q = q.where('h.household_id', '=', householdId).where((eb) => eb.or([eb('h.resident_id', 'is', null), eb('h.event', '!=', 'household_moved')]));
  }
  return q.orderBy('h.at').orderBy('h.id').execute();
}

/** Residents now live under `placePath` (a move): their rows and their open correction requests follow. */
export async function rehomeResidents(db: Db, ids: string[], to: { placePath: string; communityId: string; at: string }): Promise<void> {
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    await db.updateTable('residents').set({ place_path: to.placePath, community_id: to.communityId, updated_at: to.at }).where('id', 'in', chunk).execute();
    await db.updateTable('correction_requests').set({ place_path: to.placePath, community_id: to.communityId }).where('resident_id', 'in', chunk).execute();
  }
}

/** ID-number indexes of these residents already used by someone else in `communityId` (a move across communities). */
export async function idNumberClashes(db: Db, ids: string[], communityId: string): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('residents as m')
    .innerJoin('residents as o', (j) => j.onRef('o.id_number_index', '=', 'm.id_number_index').on('o.community_id', '=', communityId))
    .select('m.id')
    .where('m.id', 'in', ids)
    .whereRef('o.id', '!=', 'm.id')
    .execute();
  return rows.map((r) => r.id);
}

export async function markMovedOut(db: Db, ids: string[], onDate: string, at: string): Promise<void> {
  for (let i = 0; i < ids.length; i += 500) {
    await db.updateTable('residents').set({ status: 'moved_out', moved_out_on: onDate, updated_at: at }).where('id', 'in', ids.slice(i, i + 500)).execute();
  }
}
