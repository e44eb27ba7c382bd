import { sql, type Expression, type Insertable, type SqlBool, type Updateable } from 'kysely';
import type { Db, RequestAssignmentsTable, RequestsTable, RequestStepsTable } from '../../db/database.js';
import { insertStepRows } from './intake-writes.repository.js';
import { pathInRange } from '../../lib/scope.js';
import type { RequestScope } from './requests.policy.js';

/** Row access for requests, steps and assignments (Kysely only); intake's own writes are in intake-writes.repository.ts. */

/**
 * The one scope condition over `requests as r`: the place subtrees of the actor's roles, requests assigned to
 * them, requests ever assigned to an organisation they represent, and a resident's own. Matches nothing when
 * the scope is empty, so a forgotten role can never widen what a query returns. Each part is written so an
 * index serves it (community id, path range, id lists from the assignment and submitter indexes).
 */
export function requestScopeWhere(s: RequestScope): Expression<SqlBool> {
  const parts: Expression<SqlBool>[] = [];
  // A whole community is its id (the (community_id, created_at) index serves a sorted page at once); deeper
  // or wider scopes are ranges of the place path.
  const communities = s.paths.map((p) => p.split('/').filter(Boolean)).filter((segs) => segs.length === 2).map((segs) => segs[1]!);
  const ranges = s.paths.filter((p) => p.split('/').filter(Boolean).length !== 2);
  if (communities.length) parts.push(sql<SqlBool>`r.community_id in (${sql.join(communities)})`);
  if (ranges.length) parts.push(pathInRange('r.place_path', ranges));
  if (s.assignedUserId) {
    parts.push(sql<SqlBool>`r.id in (select sa.request_id from request_assignments sa where sa.user_id = ${s.assignedUserId})`);
  }
  if (s.orgRepUserId) {
    parts.push(sql<SqlBool>`r.id in (select sa.request_id from request_assignments sa inner join memberships sm on sm.organisation_id = sa.organisation_id
      where sm.user_id = ${s.orgRepUserId} and sm.ended_at is null)`);
  }
  if (s.residentUserIds.length) {
    const ids = sql.join(s.residentUserIds);
    parts.push(sql<SqlBool>`(r.submitted_by in (${ids}) or r.resident_id in (select sr.id from residents sr where sr.user_id in (${ids})))`);
  }
  if (parts.length === 0) return sql<SqlBool>`1 = 0`;
  return sql<SqlBool>`(${sql.join(parts, sql` or `)})`;
}

/**
 * Every column of RequestsTable by name, not `r.*`: PostgreSQL's table also holds the generated search vector
 * (migration 0011), which no view needs. The type check below fails when a column is added to one and not the other.
 */
const requestColumns = [
  'id', 'number', 'community_id', 'place_id', 'place_path', 'grid_id', 'household_id', 'resident_id', 'submitted_by', 'entered_by',
  'contact_name', 'phone_cipher', 'phone_index', 'phone_tail', 'kind', 'channel', 'urgency', 'title', 'text', 'tokens', 'anonymous',
  'address_text', 'lat', 'lng', 'category_id', 'category_confidence', 'category_source', 'model_id', 'status', 'merged_into_id',
  'self_resolved', 'dispatch_due_at', 'reply_due_at', 'dispatched_at', 'responded_at', 'replied_at', 'rated_at', 'closed_at',
  'reply_text', 'rating', 'resolved', 'rating_comment', 'objection_count', 'escalation_level', 'reminded_at', 'open311_client_id',
  'created_at', 'updated_at',
] as const satisfies readonly (keyof RequestsTable)[];
const everyColumn: Exclude<keyof RequestsTable, (typeof requestColumns)[number]> extends never ? true : never = true;
void everyColumn;

/** A request with the names its views show. */
export function selectRequestViews(db: Db) {
  return db
    .selectFrom('requests as r')
    .leftJoin('request_categories as c', 'c.id', 'r.category_id')
    .leftJoin('places as p', 'p.id', 'r.place_id')
    .leftJoin('residents as res', 'res.id', 'r.resident_id')
    .leftJoin('users as su', 'su.id', 'r.submitted_by')
    .leftJoin('users as eu', 'eu.id', 'r.entered_by')
    .select(requestColumns.map((c) => `r.${c}` as const))
    .select([
      'c.name_zh as category_zh',
      'c.name_en as category_en',
      'p.name as place_name',
      'res.name as resident_name',
      'res.user_id as resident_user_id',
      'su.display_name as submitter_display',
      'eu.display_name as entered_by_name',
    ]);
}
export type RequestViewRow = Awaited<ReturnType<ReturnType<typeof selectRequestViews>['executeTakeFirstOrThrow']>>;

/** A request the scope covers, with its names; undefined when missing or out of scope (both answer 404). */
export function findVisibleRequest(db: Db, id: string, scope: RequestScope): Promise<RequestViewRow | undefined> {
  return selectRequestViews(db).where('r.id', '=', id).where(requestScopeWhere(scope)).executeTakeFirst();
}

/** A request by id with its names, whoever asks (timers, the merge target after its scope check). */
export function findRequestView(db: Db, id: string): Promise<RequestViewRow | undefined> {
  return selectRequestViews(db).where('r.id', '=', id).executeTakeFirst();
}

/** Steps, through intake's fixed statement texts. */
export const insertSteps = (db: Db, rows: Insertable<RequestStepsTable>[]): Promise<void> => insertStepRows(db, rows);

/**
 * Change a request only while it is in one of `from`: two people clicking at once cannot both win. Returns
 * whether this call changed it.
 */
export async function updateRequestIf(db: Db, id: string, from: readonly string[] | null, patch: Updateable<RequestsTable>): Promise<boolean> {
  let q = db.updateTable('requests').set(patch).where('id', '=', id);
  if (from) q = q.where('status', 'in', [...from]);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Like `updateRequestIf`, with an extra column that must still hold its old value (reminders, escalation). */
export async function updateRequestWhen(
  db: Db,
  id: string,
  when: { status?: readonly string[]; remindedAtNull?: boolean; escalationLevel?: number },
  patch: Updateable<RequestsTable>,
): Promise<boolean> {
  let q = db.updateTable('requests').set(patch).where('id', '=', id);
  if (when.status) q = q.where('status', 'in', [...when.status]);
  if (when.remindedAtNull) q = q.where('reminded_at', 'is', null);
  if (when.escalationLevel !== undefined) q = q.where('escalation_level', '=', when.escalationLevel);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Requests merged into `primaryId`, with who should hear about the primary's answer. */
export function mergedInto(db: Db, primaryId: string) {
  return db
    .selectFrom('requests as r')
    .leftJoin('residents as res', 'res.id', 'r.resident_id')
    .select(['r.id', 'r.number', 'r.community_id', 'r.submitted_by', 'res.user_id as resident_user_id'])
    .where('r.merged_into_id', '=', primaryId)
    .orderBy('r.id')
    .execute();
}

/** Point every request merged into `fromId` at `toId` instead, so merges stay one level deep. */
export async function repointMerged(db: Db, fromId: string, toId: string, now: string): Promise<void> {
  await db.updateTable('requests').set({ merged_into_id: toId, updated_at: now }).where('merged_into_id', '=', fromId).execute();
}

/** Copy the primary's answer onto the requests merged into it. */
export async function copyReplyToMerged(db: Db, primaryId: string, patch: { reply_text: string | null; replied_at: string; updated_at: string }) {
  await db.updateTable('requests').set(patch).where('merged_into_id', '=', primaryId).execute();
}

export function numberOf(db: Db, id: string) {
  return db.selectFrom('requests').select(['id', 'number']).where('id', '=', id).executeTakeFirst();
}

/** An assignment with the name it is shown under (the user's display name or the organisation's name). */
export function assignmentsOf(db: Db, requestId: string) {
  return db
    .selectFrom('request_assignments as a')
    .leftJoin('users as u', 'u.id', 'a.user_id')
    .leftJoin('organisations as o', 'o.id', 'a.organisation_id')
    .selectAll('a')
    .select(sql<string>`coalesce(u.display_name, o.name, '')`.as('name'))
    .where('a.request_id', '=', requestId)
    .orderBy('a.assigned_at')
    .orderBy('a.id')
    .execute();
}
export type AssignmentRow = Awaited<ReturnType<typeof assignmentsOf>>[number];

/** The current (active or finished) lead's name per request, for a page of summaries. */
export async function leadNames(db: Db, requestIds: string[]): Promise<Map<string, string>> {
  if (requestIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('request_assignments as a')
    .leftJoin('users as u', 'u.id', 'a.user_id')
    .leftJoin('organisations as o', 'o.id', 'a.organisation_id')
    .select(['a.request_id', sql<string>`coalesce(u.display_name, o.name, '')`.as('name')])
    .where('a.request_id', 'in', requestIds)
    .where('a.is_lead', '=', 1)
    .where('a.status', 'in', ['active', 'done'])
    .execute();
  return new Map(rows.map((r) => [r.request_id, r.name]));
}

export async function insertAssignments(db: Db, rows: Insertable<RequestAssignmentsTable>[]): Promise<void> {
  if (rows.length) await db.insertInto('request_assignments').values(rows).execute();
}

/** Set the status of a request's assignments that are in one of `from` (optionally only some ids). */
export async function setAssignmentStatus(
  db: Db,
  requestId: string,
  from: readonly string[],
  patch: Updateable<RequestAssignmentsTable>,
  ids?: string[],
): Promise<void> {
  let q = db.updateTable('request_assignments').set(patch).where('request_id', '=', requestId).where('status', 'in', [...from]);
  if (ids) q = q.where('id', 'in', ids.length ? ids : ['']);
  await q.execute();
}

/** Organisations the user represents now (an open membership of theirs in it). */
export async function representedOrgIds(db: Db, userId: string | null): Promise<Set<string>> {
  if (!userId) return new Set();
  const rows = await db
    .selectFrom('memberships')
    .select('organisation_id')
    .where('user_id', '=', userId)
    .where('ended_at', 'is', null)
    .where('organisation_id', 'is not', null)
    .execute();
  return new Set(rows.map((r) => r.organisation_id!));
}

/** Register records linked to these accounts. */
export async function linkedResidentIds(db: Db, userIds: string[]): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const rows = await db.selectFrom('residents').select('id').where('user_id', 'in', userIds).execute();
  return new Set(rows.map((r) => r.id));
}

/** Accounts of an organisation's current representatives (its open memberships with an account). */
export async function representativesOf(db: Db, organisationIds: string[]): Promise<string[]> {
  if (organisationIds.length === 0) return [];
  const rows = await db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select('m.user_id')
    .distinct()
    .where('m.organisation_id', 'in', organisationIds)
    .where('m.ended_at', 'is', null)
    .where('u.status', '=', 'active')
    .execute();
  return rows.map((r) => r.user_id!);
}

/** Steps of a request, oldest first; `publicOnly` for residents. */
export function stepsOf(db: Db, requestId: string, publicOnly: boolean) {
  let q = db.selectFrom('request_steps').selectAll().where('request_id', '=', requestId);
  if (publicOnly) q = q.where('public', '=', 1);
  return q.orderBy('created_at').orderBy('id').execute();
}

export function findStep(db: Db, id: string) {
  return db.selectFrom('request_steps').select(['id', 'request_id', 'public']).where('id', '=', id).executeTakeFirst();
}

/** The requests merged into this one (numbers only) and the one it was merged into. */
export function mergedNumbers(db: Db, primaryId: string) {
  return db.selectFrom('requests').select(['id', 'number']).where('merged_into_id', '=', primaryId).orderBy('id').execute();
}
