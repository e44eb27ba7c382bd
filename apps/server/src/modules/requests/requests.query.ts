import { sql, type Expression, type SqlBool } from 'kysely';
import type { Db } from '../../db/database.js';
import { prefixUpperBound } from '../../lib/scope.js';
import type { RequestScope } from './requests.policy.js';
import { isSqlite } from './fixed-sql.repository.js';
import { requestScopeWhere, selectRequestViews, type RequestViewRow } from './requests.repository.js';

/**
 * The request list: every filter, full-text search on either database, a stable sort, and a total that is
 * exact up to TOTAL_CAP (counting a million rows for a page of twenty is not worth it). A search's total stops
 * at SEARCH_TOTAL_CAP: counting the 20,000 requests of a community that say 小区 costs more than the page, and
 * nobody pages through more than a thousand search results.
 */

export const TOTAL_CAP = 10_000;
export const SEARCH_TOTAL_CAP = 1_000;

export interface RequestListFilter {
  scope: RequestScope;
  number?: string;
  /** Search words (jieba tokens of the query); all must occur. */
  words?: string[];
  statuses?: string[];
  kind?: string;
  channel?: string;
  urgency?: string;
  categoryId?: string;
  placePath?: string;
  overdueAt?: string;
  handlingStatuses: readonly string[];
  assignedTo?: string;
  mineOf?: string[];
  from?: string;
  to?: string;
  sort: 'created_at' | 'reply_due_at' | 'updated_at';
  order: 'asc' | 'desc';
  limit: number;
  offset: number;
}

/**
 * FTS5 and tsquery queries in which every word must occur, quoted so no word is read as an operator, and each as
 * a prefix: jieba keeps some phrases whole in one sentence and splits them in another
 * (灯不亮 vs 灯), so 灯 must also find 灯不亮. On SQLite the words are matched in the tokens column only, and a
 * scope made of whole communities (or places inside them) is also matched on the community column: an index
 * lookup instead of walking the other communities' matches.
 */
function ftsQuery(words: string[], scope: RequestScope): string {
  const all = `tokens : (${words.map((w) => `"${w.replace(/"/g, '""')}"*`).join(' ')})`;
  const communities = scopeCommunities(scope);
  if (!communities) return all;
  return `community : (${communities.map((c) => `"${c.replaceAll('-', '')}"`).join(' OR ')}) AND ${all}`;
}
const tsQuery = (words: string[]): string => words.map((w) => `'${w.replace(/\\/g, '').replace(/'/g, "''")}':*`).join(' & ');

/** The communities a scope lies within, when it is only place subtrees at or below communities; else null. */
function scopeCommunities(s: RequestScope): string[] | null {
  if (s.assignedUserId || s.orgRepUserId || s.residentUserIds.length || s.paths.length === 0) return null;
  const ids = s.paths.map((p) => p.split('/').filter(Boolean)[1]);
  return ids.every((id): id is string => id !== undefined) ? [...new Set(ids)] : null;
}

/**
 * How a SQLite search meets the rest of the query; PostgreSQL's planner weighs the same choice from its statistics.
 * - `driven`: newest (or oldest) first with no filter but the scope: the search index drives. Its rows are in
 *   arrival order, the order of `created_at`, so the page is the first matches and the query stops there.
 * - `set`: fewer than COMMON_MATCHES matches: look each one up.
 * - `walk`: a word many requests share, with another sort or filter: walk the index that sort or filter uses and
 *   keep the rows among the matches (`+r.id` stops SQLite from driving the query from the match list instead).
 */
type SearchPlan = 'driven' | 'set' | 'walk';
export const COMMON_MATCHES = 2_000;

const onlyScope = (f: RequestListFilter): boolean =>
  !(f.number || f.statuses || f.kind || f.channel || f.urgency || f.categoryId || f.placePath || f.overdueAt || f.assignedTo || f.mineOf || f.from || f.to);

export async function searchPlan(db: Db, f: RequestListFilter): Promise<SearchPlan | null> {
  if (!f.words || !isSqlite(db)) return null;
  if (f.sort === 'created_at' && onlyScope(f)) return 'driven';
  const probe = sql<{ n: number }>`select count(*) as n from (select 1 from request_search where request_search match ${ftsQuery(f.words, f.scope)} limit ${COMMON_MATCHES})`;
  const { rows } = await probe.execute(db);
  return Number(rows[0]?.n ?? 0) >= COMMON_MATCHES ? 'walk' : 'set';
}

function conditions(f: RequestListFilter, plan: SearchPlan | null): Expression<SqlBool>[] {
  const out: Expression<SqlBool>[] = [requestScopeWhere(f.scope)];
  if (f.number) out.push(sql<SqlBool>`r.number = ${f.number}`);
  if (f.words && plan !== 'driven') {
    const matches = sql`(select request_id from request_search where request_search match ${ftsQuery(f.words, f.scope)})`;
    if (plan === 'set') out.push(sql<SqlBool>`r.id in ${matches}`);
    else if (plan === 'walk') out.push(sql<SqlBool>`+r.id in ${matches}`);
    else out.push(sql<SqlBool>`r.search_vector @@ to_tsquery('simple', ${tsQuery(f.words)})`);
  }
  if (f.statuses) out.push(sql<SqlBool>`r.status in (${sql.join(f.statuses)})`);
  if (f.kind) out.push(sql<SqlBool>`r.kind = ${f.kind}`);
  if (f.channel) out.push(sql<SqlBool>`r.channel = ${f.channel}`);
  if (f.urgency) out.push(sql<SqlBool>`r.urgency = ${f.urgency}`);
  if (f.categoryId) out.push(sql<SqlBool>`r.category_id = ${f.categoryId}`);
  if (f.placePath) out.push(sql<SqlBool>`(r.place_path >= ${f.placePath} and r.place_path < ${prefixUpperBound(f.placePath)})`);
  if (f.overdueAt) out.push(sql<SqlBool>`(r.status in (${sql.join([...f.handlingStatuses])}) and r.reply_due_at < ${f.overdueAt})`);
  if (f.assignedTo) {
    out.push(sql<SqlBool>`exists (select 1 from request_assignments fa where fa.request_id = r.id and fa.status = 'active' and (fa.user_id = ${f.assignedTo}
      or fa.organisation_id in (select fm.organisation_id from memberships fm where fm.user_id = ${f.assignedTo} and fm.ended_at is null)))`);
  }
  if (f.mineOf) {
    const ids = sql.join(f.mineOf);
    out.push(sql<SqlBool>`(r.submitted_by in (${ids}) or r.resident_id in (select fr.id from residents fr where fr.user_id in (${ids})))`);
  }
  if (f.from) out.push(sql<SqlBool>`r.created_at >= ${f.from}`);
  if (f.to) out.push(sql<SqlBool>`r.created_at < ${f.to}`);
  return out;
}

export async function listRequestRows(db: Db, f: RequestListFilter): Promise<{ rows: RequestViewRow[]; total: number; capped: boolean }> {
  const plan = await searchPlan(db, f);
  if (plan === 'driven') return searchInArrivalOrder(db, f);
  const where = conditions(f, plan);
  const cap = f.words ? SEARCH_TOTAL_CAP : TOTAL_CAP;
  const rows = await selectRequestViews(db)
    .where((eb) => eb.and(where))
    .orderBy(`r.${f.sort}`, f.order)
    .orderBy('r.id', f.order)
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  // A short first page is its own total; otherwise count, stopping one past the cap.
  if (f.offset === 0 && rows.length < f.limit) return { rows, total: rows.length, capped: false };
  const limited = db
    .selectFrom('requests as r')
    .select(sql`1`.as('one'))
    .where((eb) => eb.and(where))
    .limit(cap + 1);
  const c = await db.selectFrom(limited.as('x')).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const n = Number(c.n);
  return { rows, total: Math.min(n, cap), capped: n > cap };
}

/**
 * The SQLite search page in arrival order: the ids come from the search index joined to requests (CROSS JOIN
 * keeps the index as the outer loop, so SQLite reads matches newest first and stops at the page), then their
 * views. The total is the same walk, stopped one past the cap.
 */
async function searchInArrivalOrder(db: Db, f: RequestListFilter): Promise<{ rows: RequestViewRow[]; total: number; capped: boolean }> {
  const where = conditions(f, 'driven');
  const matched = () =>
    db
      .selectFrom('request_search as s')
      .crossJoin('requests as r')
      .whereRef('r.id', '=', 's.request_id')
      .where(sql<SqlBool>`request_search match ${ftsQuery(f.words ?? [], f.scope)}`)
      .where((eb) => eb.and(where));
  const page = await matched().select('r.id').orderBy(sql`s.rowid`, f.order).limit(f.limit).offset(f.offset).execute();
  const views = page.length ? await selectRequestViews(db).where('r.id', 'in', page.map((p) => p.id)).execute() : [];
  const byId = new Map(views.map((v) => [v.id, v]));
  const rows = page.map((p) => byId.get(p.id)).filter((v): v is RequestViewRow => v !== undefined);
  if (f.offset === 0 && rows.length < f.limit) return { rows, total: rows.length, capped: false };
  const c = await db
    .selectFrom(matched().select(sql`1`.as('one')).limit(SEARCH_TOTAL_CAP + 1).as('x'))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const n = Number(c.n);
  return { rows, total: Math.min(n, SEARCH_TOTAL_CAP), capped: n > SEARCH_TOTAL_CAP };
}

/** Which of these requests are assigned (ever) to this user: a grid worker sent outside their grid. */
export async function assignedAmong(db: Db, userId: string, requestIds: string[]): Promise<Set<string>> {
  if (requestIds.length === 0) return new Set();
  const rows = await db.selectFrom('request_assignments').select('request_id').where('user_id', '=', userId).where('request_id', 'in', requestIds).execute();
  return new Set(rows.map((r) => r.request_id));
}

export function placePath(db: Db, id: string) {
  return db.selectFrom('places').select('path').where('id', '=', id).executeTakeFirst();
}
