import type { Insertable, Updateable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { ReviewRatingsTable, ReviewRollTable, ReviewRoundsTable, ReviewSubjectsTable } from '../../db/review-tables.js';
import { pathInRange } from '../../lib/scope.js';

/** Row access for review rounds, subjects, the roll and the ratings, and the posts they are drawn from (Kysely only). */

export type RoundRow = ReviewRoundsTable & { community_name: string };
export type SubjectRow = ReviewSubjectsTable;

function selectRounds(db: Db) {
  return db.selectFrom('review_rounds as r').innerJoin('places as c', 'c.id', 'r.community_id').selectAll('r').select('c.name as community_name');
}

export function findRound(db: Db, id: string): Promise<RoundRow | undefined> {
  return selectRounds(db).where('r.id', '=', id).executeTakeFirst();
}

export function listRounds(db: Db, f: { prefixes: string[]; communityId?: string; status?: string }): Promise<RoundRow[]> {
  let q = selectRounds(db).where(pathInRange('r.community_path', f.prefixes));
  if (f.communityId) q = q.where('r.community_id', '=', f.communityId);
  if (f.status) q = q.where('r.status', '=', f.status);
  return q.orderBy('r.opens_at', 'desc').orderBy('r.id', 'desc').limit(200).execute();
}

/** Open and later rounds of one community, for a representative's phone. */
export function roundsOfCommunities(db: Db, communityIds: string[]): Promise<RoundRow[]> {
  if (communityIds.length === 0) return Promise.resolve([]);
  return selectRounds(db).where('r.community_id', 'in', communityIds).where('r.status', '!=', 'draft').orderBy('r.opens_at', 'desc').limit(50).execute();
}

export function publishedRounds(db: Db, communityId: string): Promise<RoundRow[]> {
  return selectRounds(db).where('r.community_id', '=', communityId).where('r.status', '=', 'published').orderBy('r.opens_at', 'desc').limit(100).execute();
}

/** The community's published round that opened last before `opensAt` (the round the flag compares with). */
export function previousPublishedRound(db: Db, communityId: string, opensAt: string, excludeId: string): Promise<RoundRow | undefined> {
  return selectRounds(db)
    .where('r.community_id', '=', communityId)
    .where('r.status', '=', 'published')
    .where('r.opens_at', '<', opensAt)
    .where('r.id', '!=', excludeId)
    .orderBy('r.opens_at', 'desc')
    .executeTakeFirst();
}

export async function insertRound(db: Db, row: Insertable<ReviewRoundsTable>): Promise<void> {
  await db.insertInto('review_rounds').values(row).execute();
}

/** Move a round only from the status the caller read, so two staff acting at once cannot both win. */
export async function updateRound(db: Db, id: string, fromStatus: string, patch: Updateable<ReviewRoundsTable>): Promise<boolean> {
  const r = await db.updateTable('review_rounds').set(patch).where('id', '=', id).where('status', '=', fromStatus).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

// ---- subjects ----------------------------------------------------------------------------------------------------

export function subjectsOf(db: Db, roundIds: string[]): Promise<SubjectRow[]> {
  if (roundIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('review_subjects').selectAll().where('round_id', 'in', roundIds).orderBy('round_id').orderBy('position').execute();
}

export async function replaceSubjects(db: Db, roundId: string, rows: Insertable<ReviewSubjectsTable>[]): Promise<void> {
  await db.deleteFrom('review_subjects').where('round_id', '=', roundId).execute();
  if (rows.length) await db.insertInto('review_subjects').values(rows).execute();
}

/** Posts that are not the committee's own members even when recorded under it. */
const notMemberPosts = ['volunteer', 'contact', 'representative', 'grid_worker', 'building_leader', 'estate_head'];

/** Current posts in the community's residents' committee (read from the organisations module's tables). */
export function committeeMembers(db: Db, communityId: string) {
  return db
    .selectFrom('memberships as m')
    .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
    .select(['m.id', 'm.resident_id', 'm.person_name', 'm.role', 'm.created_at'])
    .where('m.community_id', '=', communityId)
    .where('o.kind', '=', 'residents_committee')
    .where('o.retired_at', 'is', null)
    .where('m.ended_at', 'is', null)
    .where('m.role', 'not in', notMemberPosts)
    .orderBy('m.created_at')
    .orderBy('m.id')
    .execute();
}

// ---- representatives and the roll -------------------------------------------------------------------------------

/** Current residents' representative posts (居民代表) of the community: where every query about them starts. */
function representativePosts(db: Db, communityId: string) {
  return db.selectFrom('memberships').where('community_id', '=', communityId).where('role', '=', 'representative').where('ended_at', 'is', null);
}

export function representatives(db: Db, communityId: string) {
  return representativePosts(db, communityId).select(['id', 'person_name', 'resident_id', 'user_id']).orderBy('person_name').orderBy('id').execute();
}

/** Whether `id` is a current representative post of the community. */
export async function isRepresentativePost(db: Db, communityId: string, id: string): Promise<boolean> {
  return (await representativePosts(db, communityId).select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

export async function countRepresentatives(db: Db, communityId: string): Promise<number> {
  const r = await representativePosts(db, communityId)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

/** The actor's own current representative post in the community, by their resident record or their account. */
export function representativePostOf(db: Db, communityId: string, residentId: string | null, userId: string) {
  return representativePosts(db, communityId)
    .select('id')
    .where((eb) => (residentId ? eb.or([eb('resident_id', '=', residentId), eb('user_id', '=', userId)]) : eb('user_id', '=', userId)))
    .orderBy('id')
    .executeTakeFirst();
}

export function rollOf(db: Db, roundId: string) {
  return db.selectFrom('review_roll').select(['representative_id', 'channel']).where('round_id', '=', roundId).execute();
}

export async function rollCounts(db: Db, roundIds: string[]): Promise<Map<string, { online: number; paper: number }>> {
  const out = new Map<string, { online: number; paper: number }>(roundIds.map((id) => [id, { online: 0, paper: 0 }]));
  if (roundIds.length === 0) return out;
  const rows = await db
    .selectFrom('review_roll')
    .select(['round_id', 'channel', (eb) => eb.fn.countAll<number>().as('n')])
    .where('round_id', 'in', roundIds)
    .groupBy(['round_id', 'channel'])
    .execute();
  for (const r of rows) {
    const c = out.get(r.round_id)!;
    if (r.channel === 'paper') c.paper = Number(r.n);
    else c.online = Number(r.n);
  }
  return out;
}

/** Whether the post is on the roll; the roll's primary key also refuses a second form inside the transaction. */
export async function onRoll(db: Db, roundId: string, representativeId: string): Promise<boolean> {
  const r = await db.selectFrom('review_roll').select('round_id').where('round_id', '=', roundId).where('representative_id', '=', representativeId).executeTakeFirst();
  return r !== undefined;
}

export async function addToRoll(db: Db, row: ReviewRollTable): Promise<void> {
  await db.insertInto('review_roll').values(row).execute();
}

export async function insertRatings(db: Db, rows: ReviewRatingsTable[]): Promise<void> {
  if (rows.length) await db.insertInto('review_ratings').values(rows).execute();
}

/** Rewrite a round's ratings in random-id order in one new transaction (PostgreSQL's heap order and xmin would
 * otherwise line them up with the roll; on SQLite the WITHOUT ROWID table is already in key order). */
export async function reshuffleRatings(db: Db, roundId: string): Promise<void> {
  const rows = await db.selectFrom('review_ratings').selectAll().where('round_id', '=', roundId).orderBy('id').execute();
  await db.deleteFrom('review_ratings').where('round_id', '=', roundId).execute();
  for (let i = 0; i < rows.length; i += 500) await db.insertInto('review_ratings').values(rows.slice(i, i + 500)).execute();
}

// ---- aggregation -------------------------------------------------------------------------------------------------

export function levelCounts(db: Db, roundId: string) {
  return db
    .selectFrom('review_ratings')
    .select(['subject_id', 'level', (eb) => eb.fn.countAll<number>().as('n')])
    .where('round_id', '=', roundId)
    .groupBy(['subject_id', 'level'])
    .execute();
}

/** Comments of a round, in a stable order that says nothing about who wrote them or when (by the random id). */
export function commentsOf(db: Db, roundId: string) {
  return db.selectFrom('review_ratings').select(['subject_id', 'comment']).where('round_id', '=', roundId).where('comment', 'is not', null).orderBy('id').execute();
}
