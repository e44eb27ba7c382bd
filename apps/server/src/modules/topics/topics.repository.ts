import { sql, type Expression, type Insertable, type SqlBool, type Updateable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { TopicCommentsTable, TopicEventsTable, TopicsTable, TopicTasksTable } from '../../db/topic-tables.js';
import { newId } from '../../lib/ids.js';
import { pathInRange } from '../../lib/scope.js';

/** Row access for topics, their requests, comments, tasks and trail (Kysely only). */

export type TopicRow = TopicsTable & { community_name: string };

function selectTopics(db: Db) {
  return db.selectFrom('topics as t').innerJoin('places as c', 'c.id', 't.community_id').selectAll('t').select('c.name as community_name');
}

export function findTopic(db: Db, id: string): Promise<TopicRow | undefined> {
  return selectTopics(db).where('t.id', '=', id).executeTakeFirst();
}

/** Who sees what: office prefixes see every topic; member prefixes hide others' proposed and declined ones. */
export interface TopicFilter {
  officePrefixes: string[];
  memberPrefixes: string[];
  userId: string;
  status?: string;
  mine?: boolean;
  q?: string;
  limit: number;
  offset: number;
}

function filterOf(f: TopicFilter): Expression<SqlBool> {
  const visible = sql<SqlBool>`(${pathInRange('t.community_path', f.officePrefixes)} or (${pathInRange('t.community_path', f.memberPrefixes)} and (${sql.ref(
    't.status',
  )} not in ('proposed', 'declined') or ${sql.ref('t.proposer_user_id')} = ${f.userId})))`;
  const parts: Expression<SqlBool>[] = [visible];
  if (f.status) parts.push(sql<SqlBool>`${sql.ref('t.status')} = ${f.status}`);
  if (f.mine) parts.push(sql<SqlBool>`${sql.ref('t.proposer_user_id')} = ${f.userId}`);
  if (f.q) parts.push(sql<SqlBool>`${sql.ref('t.title')} like ${'%' + f.q.replace(/[\\%_]/g, (ch) => '\\' + ch) + '%'} escape '\\'`);
  return sql<SqlBool>`${sql.join(parts, sql` and `)}`;
}

/** A page of topics, newest first, with the total. */
export async function listTopics(db: Db, f: TopicFilter): Promise<{ rows: TopicRow[]; total: number }> {
  const [rows, total] = await Promise.all([
    selectTopics(db).where(filterOf(f)).orderBy('t.created_at', 'desc').orderBy('t.id', 'desc').limit(f.limit).offset(f.offset).execute(),
    db.selectFrom('topics as t').select((eb) => eb.fn.countAll<number>().as('n')).where(filterOf(f)).executeTakeFirst(),
  ]);
  return { rows, total: Number(total?.n ?? 0) };
}

export async function insertTopic(db: Db, row: Insertable<TopicsTable>): Promise<void> {
  await db.insertInto('topics').values(row).execute();
}

/** Move a topic only from the status the caller read, so two staff acting at once cannot both win. */
export async function updateTopic(db: Db, id: string, fromStatus: string, patch: Updateable<TopicsTable>): Promise<boolean> {
  const r = await db.updateTable('topics').set(patch).where('id', '=', id).where('status', '=', fromStatus).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

// ---- requests ----------------------------------------------------------------------------------------------------

export function requestsByIds(db: Db, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('requests').select(['id', 'community_id']).where('id', 'in', ids).execute();
}

export function proactiveCaseRequests(db: Db, caseId: string) {
  return db
    .selectFrom('proactive_cases as c')
    .leftJoin('proactive_case_requests as l', 'l.case_id', 'c.id')
    .select(['c.community_id', 'l.request_id'])
    .where('c.id', '=', caseId)
    .execute();
}

export async function linkRequests(db: Db, topicId: string, requestIds: string[]): Promise<void> {
  for (let i = 0; i < requestIds.length; i += 200) {
    const chunk = requestIds.slice(i, i + 200);
    if (chunk.length) await db.insertInto('topic_requests').values(chunk.map((request_id) => ({ topic_id: topicId, request_id }))).execute();
  }
}

export function linkedRequests(db: Db, topicId: string) {
  return db
    .selectFrom('topic_requests as l')
    .innerJoin('requests as r', 'r.id', 'l.request_id')
    .select(['r.id', 'r.number', 'r.title', 'r.status'])
    .where('l.topic_id', '=', topicId)
    .orderBy('r.id')
    .execute();
}

export async function requestCounts(db: Db, topicIds: string[]): Promise<Map<string, number>> {
  if (topicIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('topic_requests')
    .select(['topic_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('topic_id', 'in', topicIds)
    .groupBy('topic_id')
    .execute();
  return new Map(rows.map((r) => [r.topic_id, Number(r.n)]));
}

// ---- comments ----------------------------------------------------------------------------------------------------

export interface SideCounts {
  support: number;
  oppose: number;
  neutral: number;
  questions: number;
}
const zero = (): SideCounts => ({ support: 0, oppose: 0, neutral: 0, questions: 0 });

/** Per topic: opinions by side and questions, from one grouped scan of the (topic, kind, side) index. */
export async function commentCounts(db: Db, topicIds: string[]): Promise<Map<string, SideCounts>> {
  const out = new Map<string, SideCounts>(topicIds.map((id) => [id, zero()]));
  if (topicIds.length === 0) return out;
  const rows = await db
    .selectFrom('topic_comments')
    .select(['topic_id', 'kind', 'side', (eb) => eb.fn.countAll<number>().as('n')])
    .where('topic_id', 'in', topicIds)
    .groupBy(['topic_id', 'kind', 'side'])
    .execute();
  for (const r of rows) {
    const c = out.get(r.topic_id)!;
    if (r.kind === 'question') c.questions += Number(r.n);
    else if (r.side === 'support' || r.side === 'oppose' || r.side === 'neutral') c[r.side] += Number(r.n);
  }
  return out;
}

export async function insertComment(db: Db, row: Insertable<TopicCommentsTable>): Promise<void> {
  await db.insertInto('topic_comments').values(row).execute();
}

export function findComment(db: Db, topicId: string, id: string) {
  return db.selectFrom('topic_comments').selectAll().where('topic_id', '=', topicId).where('id', '=', id).executeTakeFirst();
}

export async function answerComment(db: Db, id: string, patch: Updateable<TopicCommentsTable>): Promise<void> {
  await db.updateTable('topic_comments').set(patch).where('id', '=', id).execute();
}

export async function listComments(db: Db, f: { topicId: string; side?: string; kind?: string; limit: number; offset: number }) {
  let q = db.selectFrom('topic_comments').where('topic_id', '=', f.topicId);
  if (f.side) q = q.where('side', '=', f.side);
  if (f.kind) q = q.where('kind', '=', f.kind);
  const [rows, total] = await Promise.all([
    q.selectAll().orderBy('id', 'desc').limit(f.limit).offset(f.offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
  ]);
  return { rows, total: Number(total?.n ?? 0) };
}

// ---- tasks -------------------------------------------------------------------------------------------------------

export async function insertTask(db: Db, row: Insertable<TopicTasksTable>): Promise<void> {
  await db.insertInto('topic_tasks').values(row).execute();
}

export function tasksOf(db: Db, topicId: string) {
  return db.selectFrom('topic_tasks').selectAll().where('topic_id', '=', topicId).orderBy('due_on').orderBy('id').execute();
}

export function findTask(db: Db, topicId: string, id: string) {
  return db.selectFrom('topic_tasks').selectAll().where('topic_id', '=', topicId).where('id', '=', id).executeTakeFirst();
}

/** Mark done once: false when someone else already did. */
export async function completeTask(db: Db, id: string, patch: { done_at: string; done_note: string; done_by: string }): Promise<boolean> {
  const r = await db.updateTable('topic_tasks').set(patch).where('id', '=', id).where('done_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Open tasks due before `today` (a local date), per topic. */
export async function overdueCounts(db: Db, topicIds: string[], today: string): Promise<Map<string, number>> {
  if (topicIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('topic_tasks')
    .select(['topic_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('topic_id', 'in', topicIds)
    .where('done_at', 'is', null)
    .where('due_on', '<', today)
    .groupBy('topic_id')
    .execute();
  return new Map(rows.map((r) => [r.topic_id, Number(r.n)]));
}

export function userInCommunity(db: Db, userId: string, communityId: string) {
  return db
    .selectFrom('role_assignments as ra')
    .innerJoin('places as p', 'p.id', 'ra.place_id')
    .innerJoin('users as u', 'u.id', 'ra.user_id')
    .select(['u.id', 'u.display_name'])
    .where('ra.user_id', '=', userId)
    .where('p.community_id', '=', communityId)
    .executeTakeFirst();
}

export function organisationInCommunity(db: Db, id: string, communityId: string) {
  return db.selectFrom('organisations').select(['id', 'name']).where('id', '=', id).where('community_id', '=', communityId).executeTakeFirst();
}

// ---- trail -------------------------------------------------------------------------------------------------------

export type TrailData = Record<string, string | number | null>;

/** One step of the trail; written in the transaction of the change it records. */
export async function addEvent(
  db: Db,
  e: { topicId: string; kind: string; actorUserId: string | null; actorName: string | null; note?: string | null; data?: TrailData; at: string },
): Promise<void> {
  const row: Insertable<TopicEventsTable> = {
    id: newId(),
    topic_id: e.topicId,
    kind: e.kind,
    actor_user_id: e.actorUserId,
    actor_name: e.actorName,
    note: e.note ?? null,
    data: JSON.stringify(e.data ?? {}),
    at: e.at,
  };
  await db.insertInto('topic_events').values(row).execute();
}

export function eventsOf(db: Db, topicId: string) {
  return db.selectFrom('topic_events').selectAll().where('topic_id', '=', topicId).orderBy('id').execute();
}
