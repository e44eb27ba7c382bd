import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type {
  ElectionBallotsTable,
  ElectionCandidatesTable,
  ElectionCommitteeMembersTable,
  ElectionObjectionsTable,
  ElectionPaperBatchesTable,
  ElectionProxiesTable,
  ElectionRollTable,
  ElectionsTable,
  ElectionVotersTable,
} from '../../db/election-tables.js';
import { pathInRange } from '../../lib/scope.js';

/** Row access for elections (Kysely only). Ballots are read only by election and random id, never joined to anything. */

export type ElectionRow = ElectionsTable & { community_path: string; community_name: string };

const electionQuery = (db: Db) =>
  db.selectFrom('elections as e').innerJoin('places as c', 'c.id', 'e.community_id').selectAll('e').select(['c.path as community_path', 'c.name as community_name']);

export const findElection = (db: Db, id: string): Promise<ElectionRow | undefined> => electionQuery(db).where('e.id', '=', id).executeTakeFirst();

/** Elections whose community lies within the prefixes, newest election day first. */
export const listElections = (db: Db, prefixes: string[], communityId?: string): Promise<ElectionRow[]> => {
  let q = electionQuery(db).where(pathInRange('c.path', prefixes));
  if (communityId) q = q.where('e.community_id', '=', communityId);
  return q.orderBy('e.election_day', 'desc').orderBy('e.id', 'desc').execute();
};

/** Elections of the communities where the account is a living resident, or within the given community prefixes. */
export const electionsForAccount = (db: Db, userId: string, prefixes: string[]): Promise<ElectionRow[]> =>
  electionQuery(db)
    .where((eb) =>
      eb.or([
        eb('e.community_id', 'in', eb.selectFrom('residents').select('community_id').where('user_id', '=', userId).where('status', '=', 'living')),
        pathInRange('c.path', prefixes),
      ]),
    )
    .orderBy('e.election_day', 'desc')
    .orderBy('e.id', 'desc')
    .execute();

export const insertElection = (db: Db, row: ElectionsTable) => db.insertInto('elections').values(row).execute();
export const updateElection = (db: Db, id: string, patch: Partial<ElectionsTable>) => db.updateTable('elections').set(patch).where('id', '=', id).execute();
/** Move the phase only from the expected one: a concurrent advance updates nothing. */
export async function movePhase(db: Db, id: string, from: string, patch: Partial<ElectionsTable>): Promise<boolean> {
  const r = await db.updateTable('elections').set(patch).where('id', '=', id).where('phase', '=', from).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export const insertCommittee = (db: Db, rows: ElectionCommitteeMembersTable[]) => db.insertInto('election_committee_members').values(rows).execute();
export const committeeOf = (db: Db, electionId: string) => db.selectFrom('election_committee_members').selectAll().where('election_id', '=', electionId).orderBy('position').execute();
export const insertTellers = (db: Db, electionId: string, userIds: string[]) =>
  db.insertInto('election_tellers').values(userIds.map((user_id) => ({ election_id: electionId, user_id }))).execute();
export const tellersOf = (db: Db, electionId: string) =>
  db.selectFrom('election_tellers as t').innerJoin('users as u', 'u.id', 't.user_id').select(['t.user_id', 'u.display_name']).where('t.election_id', '=', electionId).orderBy('u.display_name').execute();

/** Accounts holding one of `roles` at the community or above it (staff who may be tellers). */
export const staffOfCommunity = (db: Db, userIds: string[], communityPath: string, roles: readonly string[]) =>
  db
    .selectFrom('role_assignments as ra')
    .innerJoin('places as p', 'p.id', 'ra.place_id')
    .select('ra.user_id')
    .where('ra.user_id', 'in', userIds)
    .where('ra.role', 'in', [...roles])
    .where('p.path', '=', communityPath)
    .execute();

/** Whether the account holds any role at a place within the community (a community worker). */
export async function worksIn(db: Db, userId: string, communityPath: string): Promise<boolean> {
  const r = await db.selectFrom('role_assignments as ra').innerJoin('places as p', 'p.id', 'ra.place_id').select('ra.id').where('ra.user_id', '=', userId).where(pathInRange('p.path', [communityPath])).executeTakeFirst();
  return r !== undefined;
}

/** The account's living resident record in the community, if any. */
export const residentOfUser = (db: Db, userId: string, communityId: string) =>
  db.selectFrom('residents').select(['id', 'name']).where('user_id', '=', userId).where('community_id', '=', communityId).where('status', '=', 'living').executeTakeFirst();

export const residentsInCommunity = (db: Db, ids: string[]) =>
  ids.length === 0 ? Promise.resolve([]) : db.selectFrom('residents').select(['id', 'community_id', 'name']).where('id', 'in', ids).execute();

// ---- voters ----

/** Living residents of the community, with their household's representative fact, for building the register. */
export const livingResidents = (db: Db, communityId: string) =>
  db
    .selectFrom('residents as r')
    .leftJoin('households as h', 'h.id', 'r.household_id')
    .select(['r.id', 'r.name', 'r.birth_date', 'r.household_id', 'r.place_path', 'r.residency_status', 'r.user_id', 'r.status', 'r.community_id', 'h.householder_id', 'h.status as household_status'])
    .where('r.community_id', '=', communityId)
    .where('r.status', '=', 'living')
    .orderBy('r.place_path')
    .orderBy('r.id')
    .execute();
export type ResidentRow = Awaited<ReturnType<typeof livingResidents>>[number];

export const findResidentRow = (db: Db, id: string): Promise<ResidentRow | undefined> =>
  db
    .selectFrom('residents as r')
    .leftJoin('households as h', 'h.id', 'r.household_id')
    .select(['r.id', 'r.name', 'r.birth_date', 'r.household_id', 'r.place_path', 'r.residency_status', 'r.user_id', 'r.status', 'r.community_id', 'h.householder_id', 'h.status as household_status'])
    .where('r.id', '=', id)
    .executeTakeFirst();

export const findUserRow = (db: Db, id: string) => db.selectFrom('users').select(['id', 'display_name']).where('id', '=', id).executeTakeFirst();

export const votersOf = (db: Db, electionId: string, includeRemoved = false) => {
  let q = db.selectFrom('election_voters').selectAll().where('election_id', '=', electionId);
  if (!includeRemoved) q = q.where('removed_at', 'is', null);
  return q.orderBy('place_path').orderBy('name').orderBy('id').execute();
};
export const findVoter = (db: Db, electionId: string, id: string) => db.selectFrom('election_voters').selectAll().where('election_id', '=', electionId).where('id', '=', id).executeTakeFirst();
export const voterByKey = (db: Db, electionId: string, keys: string[]) =>
  keys.length === 0 ? Promise.resolve(undefined) : db.selectFrom('election_voters').selectAll().where('election_id', '=', electionId).where('person_key', 'in', keys).executeTakeFirst();
export const personKeys = (db: Db, electionId: string) => db.selectFrom('election_voters').select('person_key').where('election_id', '=', electionId).execute();
export const insertVoters = async (db: Db, rows: ElectionVotersTable[]) => {
  // Chunks keep each statement under SQLite's bound-parameter limit.
  for (let i = 0; i < rows.length; i += 200) await db.insertInto('election_voters').values(rows.slice(i, i + 200)).execute();
};
export const updateVoter = (db: Db, id: string, patch: Partial<ElectionVotersTable>) => db.updateTable('election_voters').set(patch).where('id', '=', id).execute();
export const clearRepresentative = (db: Db, electionId: string, householdId: string) =>
  db.updateTable('election_voters').set({ is_representative: 0 }).where('election_id', '=', electionId).where('household_id', '=', householdId).execute();

/** Building places of a community (for grouping the voter list). */
export const buildingsOf = (db: Db, communityId: string) =>
  db.selectFrom('places').select(['path', 'name']).where('community_id', '=', communityId).where('kind', '=', 'building').execute();

// ---- objections ----
export const insertObjection = (db: Db, row: ElectionObjectionsTable) => db.insertInto('election_objections').values(row).execute();
export const objectionsOf = (db: Db, electionId: string, filedBy?: string) => {
  let q = db.selectFrom('election_objections').selectAll().where('election_id', '=', electionId);
  if (filedBy) q = q.where('filed_by', '=', filedBy);
  return q.orderBy('created_at').orderBy('id').execute();
};
export const findObjection = (db: Db, electionId: string, id: string) => db.selectFrom('election_objections').selectAll().where('election_id', '=', electionId).where('id', '=', id).executeTakeFirst();
export async function answerObjectionRow(
  db: Db,
  id: string,
  patch: Pick<ElectionObjectionsTable, 'status' | 'answer' | 'answered_by' | 'answered_at'> & Partial<Pick<ElectionObjectionsTable, 'subject_voter_id' | 'subject_resident_id'>>,
): Promise<boolean> {
  const r = await db.updateTable('election_objections').set(patch).where('id', '=', id).where('status', '=', 'open').executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

// ---- candidates and proxies ----
export const insertCandidate = (db: Db, row: ElectionCandidatesTable) => db.insertInto('election_candidates').values(row).execute();
export const candidatesOf = (db: Db, electionId: string) => db.selectFrom('election_candidates').selectAll().where('election_id', '=', electionId).orderBy('post').orderBy('created_at').orderBy('id').execute();
export const insertProxy = (db: Db, row: ElectionProxiesTable) => db.insertInto('election_proxies').values(row).execute();
export const proxiesOf = (db: Db, electionId: string) => db.selectFrom('election_proxies').selectAll().where('election_id', '=', electionId).orderBy('created_at').orderBy('id').execute();

// ---- roll, ballots, batches ----
export const insertRoll = (db: Db, row: ElectionRollTable) => db.insertInto('election_roll').values(row).execute();
export const rollOf = (db: Db, electionId: string) => db.selectFrom('election_roll').selectAll().where('election_id', '=', electionId).execute();
export const rollEntry = (db: Db, electionId: string, unitKey: string) => db.selectFrom('election_roll').selectAll().where('election_id', '=', electionId).where('unit_key', '=', unitKey).executeTakeFirst();
export const insertBallot = (db: Db, row: ElectionBallotsTable) => db.insertInto('election_ballots').values(row).execute();
/** The box in random-id order: the only order ballots are ever read in. */
export const ballotsOf = (db: Db, electionId: string) => db.selectFrom('election_ballots').selectAll().where('election_id', '=', electionId).orderBy('id').execute();
export const insertBallots = async (db: Db, rows: ElectionBallotsTable[]) => {
  for (let i = 0; i < rows.length; i += 200) await db.insertInto('election_ballots').values(rows.slice(i, i + 200)).execute();
};
export const deleteBallots = (db: Db, electionId: string) => db.deleteFrom('election_ballots').where('election_id', '=', electionId).execute();

export async function countWhere(db: Db, table: 'election_voters' | 'election_objections' | 'election_candidates' | 'election_proxies' | 'election_roll' | 'election_ballots', electionId: string, extra?: { column: string; value: string | number | null }): Promise<number> {
  let q = db.selectFrom(table).select(sql<number>`count(*)`.as('n')).where('election_id', '=', electionId);
  if (extra) q = q.where(sql.ref(extra.column), extra.value === null ? 'is' : '=', extra.value);
  const r = await q.executeTakeFirstOrThrow();
  return Number(r.n);
}

export const insertBatch = (db: Db, row: ElectionPaperBatchesTable) => db.insertInto('election_paper_batches').values(row).execute();
export const batchesOf = (db: Db, electionId: string) =>
  db
    .selectFrom('election_paper_batches as b')
    .innerJoin('users as u', 'u.id', 'b.teller_id')
    .selectAll('b')
    .select('u.display_name as teller_name')
    .where('b.election_id', '=', electionId)
    .orderBy('b.created_at')
    .orderBy('b.id')
    .execute();
/** Count one more entered ballot, only while the batch has room. */
export async function bumpBatch(db: Db, id: string): Promise<boolean> {
  const r = await db
    .updateTable('election_paper_batches')
    .set((eb) => ({ entered: eb('entered', '+', 1) }))
    .where('id', '=', id)
    .where(sql<boolean>`entered < ballot_count`)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
