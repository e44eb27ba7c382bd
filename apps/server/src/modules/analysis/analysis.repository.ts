import { PostgresAdapter, sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import { handlingStatuses } from '@gongzhi/shared';
import type { Db } from '../../db/database.js';
import { pathInRange, prefixUpperBound } from '../../lib/scope.js';
import type { ScopePart } from './analysis-scope.js';
import type { Period } from './period.js';

/** Aggregates and pages over `requests` for the analysis module: the only file here that builds SQL. */

const isPostgres = (db: Db) => db.getExecutor().adapter instanceof PostgresAdapter;

/** Ids of the communities under a subdistrict's path. */
export async function communityIdsUnder(db: Db, prefix: string): Promise<string[]> {
  const rows = await db.selectFrom('places').select('id').where('kind', '=', 'community').where(pathInRange('path', [prefix])).execute();
  return rows.map((r) => r.id);
}

/** `requests r` lies in the scope: an OR of (community_id IN …) and (community_id = … AND path range). */
export function scopeWhere(parts: ScopePart[]): Expression<SqlBool> {
  const ors = parts
    .filter((p) => p.communityIds.length > 0)
    .map((p) => {
      const inCommunities = sql`r.community_id in (${sql.join(p.communityIds)})`;
      if (!p.pathPrefix) return inCommunities;
      return sql`(${inCommunities} and r.place_path >= ${p.pathPrefix} and r.place_path < ${prefixUpperBound(p.pathPrefix)})`;
    });
  return ors.length === 0 ? sql<SqlBool>`1 = 0` : sql<SqlBool>`(${sql.join(ors, sql` or `)})`;
}

const inPeriod = (p: Period) => sql<SqlBool>`r.created_at >= ${p.from} and r.created_at < ${p.to}`;
const handling = sql.join([...handlingStatuses]);

/** The local (UTC+8) day a request was received, `YYYY-MM-DD`. */
const localDayExpr = (db: Db): RawBuilder<string> =>
  isPostgres(db) ? sql<string>`to_char(r.created_at::timestamp + interval '8 hours', 'YYYY-MM-DD')` : sql<string>`date(r.created_at, '+8 hours')`;

export const groupKeys = ['category', 'grid', 'community', 'status', 'channel', 'day', 'place'] as const;
export type GroupKey = (typeof groupKeys)[number];

function keyExpr(db: Db, key: GroupKey): RawBuilder<string | null> {
  switch (key) {
    case 'category':
      return sql`r.category_id`;
    case 'grid':
      return sql`r.grid_id`;
    case 'community':
      return sql`r.community_id`;
    case 'status':
      return sql`r.status`;
    case 'channel':
      return sql`r.channel`;
    case 'day':
      return localDayExpr(db);
    case 'place':
      // The place's path through the (small, cached) places table: the analysis index holds place_id, not the
      // long path, so the request rows are never read.
      return sql`p.path`;
  }
}

/** The counts every rate and total is made of, for one group. Numbers (PostgreSQL sums arrive as text). */
export interface Counters {
  received: number;
  /** Not merged or withdrawn: the response rate's denominator. */
  counted: number;
  respondedInTime: number;
  rated: number;
  resolved: number;
  satisfied: number;
  open: number;
  replied: number;
  closed: number;
}
export type CounterRow<K extends GroupKey> = Counters & Record<K, string | null>;

/**
 * The counter columns. SQLite sums its 0/1 comparisons directly; PostgreSQL counts with FILTER. Both are cheaper
 * per row than CASE expressions, which matters when a subdistrict's month is tens of thousands of rows.
 */
function counterColumns(db: Db) {
  const pg = isPostgres(db);
  const n = (name: string, cond: RawBuilder<unknown>) => (pg ? sql`count(*) filter (where ${cond}) as ${sql.ref(name)}` : sql`sum(${cond}) as ${sql.ref(name)}`);
  const counted = sql`r.status not in ('merged', 'withdrawn')`;
  return sql.join([
    sql`count(*) as received`,
    n('counted', counted),
    n('responded_in_time', sql`${counted} and (r.self_resolved = 1 or coalesce(r.responded_at <= r.dispatch_due_at, false))`),
    n('rated', sql`r.rating is not null`),
    n('resolved', sql`r.rating is not null and r.resolved = 1`),
    n('satisfied', sql`r.rating in ('satisfied', 'basically_satisfied')`),
    n('open', sql`r.status in (${handling})`),
    n('replied', sql`r.status in ('replied', 'rated', 'closed')`),
    n('closed', sql`r.status = 'closed'`),
  ]);
}

type RawCounters = Record<string, string | number | null>;
const toCounters = (r: RawCounters): Counters => ({
  received: Number(r.received ?? 0),
  counted: Number(r.counted ?? 0),
  respondedInTime: Number(r.responded_in_time ?? 0),
  rated: Number(r.rated ?? 0),
  resolved: Number(r.resolved ?? 0),
  satisfied: Number(r.satisfied ?? 0),
  open: Number(r.open ?? 0),
  replied: Number(r.replied ?? 0),
  closed: Number(r.closed ?? 0),
});

/** The counters of the requests received in the period within the scope, grouped by the given keys. */
export async function countersBy<K extends Exclude<GroupKey, 'place'>>(db: Db, parts: ScopePart[], period: Period, keys: readonly K[]): Promise<CounterRow<K>[]> {
  const exprs = keys.map((k) => keyExpr(db, k));
  const select = keys.length ? sql.join([...exprs.map((e, i) => sql`${e} as ${sql.ref(`k_${keys[i]!}`)}`), counterColumns(db)]) : counterColumns(db);
  const group = keys.length ? sql` group by ${sql.join(exprs)}` : sql``;
  const { rows } = await sql<RawCounters>`select ${select} from requests r where ${scopeWhere(parts)} and ${inPeriod(period)}${group}`.execute(db);
  return rows.map((r) => {
    const out = toCounters(r) as CounterRow<K>;
    for (const k of keys) (out as Record<string, unknown>)[k] = (r[`k_${k}`] ?? null) as string | null;
    return out;
  });
}

/** Just the number of requests received in the period per key (the cheap query for volumes). */
export async function countsBy<K extends GroupKey>(db: Db, parts: ScopePart[], period: Period, keys: readonly K[]): Promise<(Record<K, string | null> & { count: number })[]> {
  const exprs = keys.map((k) => keyExpr(db, k));
  const select = sql.join([...exprs.map((e, i) => sql`${e} as ${sql.ref(`k_${keys[i]!}`)}`), sql`count(*) as n`]);
  const join = keys.includes('place' as K) ? sql` left join places p on p.id = r.place_id` : sql``;
  const { rows } = await sql<Record<string, string | number | null>>`select ${select} from requests r${join} where ${scopeWhere(parts)} and ${inPeriod(period)} group by ${sql.join(exprs)}`.execute(db);
  return rows.map((r) => {
    const out = { count: Number(r.n ?? 0) } as Record<K, string | null> & { count: number };
    for (const k of keys) (out as Record<string, unknown>)[k] = (r[`k_${k}`] ?? null) as string | null;
    return out;
  });
}

/** Counters per lead handler (the lead assignment that is active or done), with the handler's name. */
export async function countersByHandler(db: Db, parts: ScopePart[], period: Period) {
  const { rows } = await sql<RawCounters & { handler_key: string; handler_name: string | null }>`
    select coalesce(a.user_id, a.organisation_id) as handler_key, coalesce(u.display_name, o.name) as handler_name, ${counterColumns(db)}
    from requests r
    join request_assignments a on a.request_id = r.id and a.is_lead = 1 and a.status in ('active', 'done')
    left join users u on u.id = a.user_id
    left join organisations o on o.id = a.organisation_id
    where ${scopeWhere(parts)} and ${inPeriod(period)}
    group by coalesce(a.user_id, a.organisation_id), coalesce(u.display_name, o.name)`.execute(db);
  return rows.map((r) => ({ ...toCounters(r), key: r.handler_key, name: r.handler_name ?? '' }));
}

/** Requests in a handling status whose reply deadline has passed, now; optionally received in a period. */
function overdueWhere(parts: ScopePart[], now: string, period?: Period) {
  return sql<SqlBool>`r.status in (${handling}) and r.reply_due_at < ${now} and ${scopeWhere(parts)}${period ? sql` and ${inPeriod(period)}` : sql``}`;
}

export async function countOverdue(db: Db, parts: ScopePart[], now: string, period?: Period): Promise<number> {
  const { rows } = await sql<{ n: string | number }>`select count(*) as n from requests r where ${overdueWhere(parts, now, period)}`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

export interface OverdueRow {
  id: string;
  number: string;
  title: string;
  status: string;
  urgency: string;
  category_id: string | null;
  place_path: string;
  created_at: string;
  reply_due_at: string;
  escalation_level: number;
}

/** The most overdue first. */
export async function overduePage(db: Db, parts: ScopePart[], now: string, page: { limit: number; offset: number }, period?: Period): Promise<OverdueRow[]> {
  const { rows } = await sql<OverdueRow>`
    select r.id, r.number, r.title, r.status, r.urgency, r.category_id, r.place_path, r.created_at, r.reply_due_at, r.escalation_level
    from requests r where ${overdueWhere(parts, now, period)}
    order by r.reply_due_at, r.id limit ${page.limit} offset ${page.offset}`.execute(db);
  return rows;
}

/** The lead handler's name for each request (a person or an organisation), when it has one. */
export async function leadHandlerNames(db: Db, requestIds: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let i = 0; i < requestIds.length; i += 500) {
    const rows = await db
      .selectFrom('request_assignments as a')
      .leftJoin('users as u', 'u.id', 'a.user_id')
      .leftJoin('organisations as o', 'o.id', 'a.organisation_id')
      .select(['a.request_id', 'u.display_name', 'o.name'])
      .where('a.request_id', 'in', requestIds.slice(i, i + 500))
      .where('a.is_lead', '=', 1)
      .where('a.status', 'in', ['active', 'done'])
      .orderBy('a.assigned_at')
      .execute();
    for (const r of rows) out.set(r.request_id, r.display_name ?? r.name ?? '');
  }
  return out;
}

/** Categories by id (names for the views), retired ones included. */
export async function categoriesByIds(db: Db, ids: string[]) {
  const out = new Map<string, { id: string; code: string; name_zh: string; name_en: string }>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db.selectFrom('request_categories').select(['id', 'code', 'name_zh', 'name_en']).where('id', 'in', ids.slice(i, i + 500)).execute();
    for (const r of rows) out.set(r.id, r);
  }
  return out;
}

/** Places of the given kinds under the prefixes (retired ones too: old requests may point at them). */
export function placesUnder(db: Db, prefixes: string[], kinds: string[]) {
  return db.selectFrom('places').select(['id', 'name', 'kind', 'path', 'parent_id', 'retired_at']).where('kind', 'in', kinds).where(pathInRange('path', prefixes)).orderBy('id').execute();
}

/** The tokens of the requests received in a window (unordered: the caller walks the period window by window). */
export async function tokensIn(db: Db, parts: ScopePart[], window: Period): Promise<string[]> {
  const { rows } = await sql<{ tokens: string }>`select r.tokens from requests r where ${scopeWhere(parts)} and ${inPeriod(window)}`.execute(db);
  return rows.map((r) => r.tokens);
}

export interface ExportRequestRow {
  id: string;
  number: string;
  created_at: string;
  replied_at: string | null;
  closed_at: string | null;
  category_id: string | null;
  place_path: string;
  status: string;
  channel: string;
  urgency: string;
  reply_due_at: string;
  rating: string | null;
  resolved: number | null;
}

/** One page of the export's request rows (no names, no phones), in order of receipt. */
export async function exportPage(db: Db, parts: ScopePart[], period: Period, after: { createdAt: string; id: string } | null, limit: number): Promise<ExportRequestRow[]> {
  const cursor = after ? sql` and (r.created_at > ${after.createdAt} or (r.created_at = ${after.createdAt} and r.id > ${after.id}))` : sql``;
  const { rows } = await sql<ExportRequestRow>`
    select r.id, r.number, r.created_at, r.replied_at, r.closed_at, r.category_id, r.place_path, r.status, r.channel, r.urgency, r.reply_due_at, r.rating, r.resolved
    from requests r where ${scopeWhere(parts)} and ${inPeriod(period)}${cursor}
    order by r.created_at, r.id limit ${limit}`.execute(db);
  return rows;
}

export type StatsDim = 'category' | 'channel' | 'grid' | 'status';

/**
 * Counters from the daily rollup (kept by triggers, migration 0010) for whole local days [fromDay, toDay):
 * grouped by the dimension's key, or (dimension `status`, where each request counts once) by community or day.
 * Keys stored as '' (no category, no grid) come back as null.
 */
export async function statsBy(db: Db, communityIds: string[], days: { from: string; to: string }, dim: StatsDim, by: 'key' | 'community' | 'day'): Promise<(Counters & { key: string | null })[]> {
  if (communityIds.length === 0) return [];
  const group = by === 'key' ? sql`s.key` : by === 'community' ? sql`s.community_id` : sql`s.day`;
  const sums = sql.join(
    ['received', 'counted', 'responded_in_time', 'rated', 'resolved', 'satisfied', 'open', 'replied', 'closed'].map((c) => sql`sum(${sql.ref(`s.${c}`)}) as ${sql.ref(c)}`),
  );
  const { rows } = await sql<RawCounters & { k: string }>`
    select ${group} as k, ${sums} from request_daily_stats s
    where s.community_id in (${sql.join(communityIds)}) and s.dim = ${dim} and s.day >= ${days.from} and s.day < ${days.to}
    group by ${group}`.execute(db);
  return rows.map((r) => ({ ...toCounters(r), key: r.k === '' ? null : r.k }));
}
