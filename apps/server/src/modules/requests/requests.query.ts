import { sql, type Expression, type SqlBool } from 'kysely';
import type { Db } from '../../db/database.js';
import { prefixUpperBound } from '../../lib/scope.js';
import type { RequestScope } from './requests.policy.js';
import { isSqlite } from './fixed-sql.repository.js';
import { requestScopeWhere, selectRequestViews, type RequestViewRow } from './requests.repository.js';

/**
 * The request list: every filter, full-text search on either database, a stable sort, and a total that is
 * exact up to TOTAL_CAP (counting a million rows for a page of twenty is not worth it).
 */

export const TOTAL_CAP = 10_000;

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
 * (灯不亮 vs 灯), so 灯 must also find 灯不亮.
 */
const ftsQuery = (words: string[]): string => words.map((w) => `"${w.replace(/"/g, '""')}"*`).join(' ');
const tsQuery = (words: string[]): string => words.map((w) => `'${w.replace(/\\/g, '').replace(/'/g, "''")}':*`).join(' & ');

function conditions(db: Db, f: RequestListFilter): Expression<SqlBool>[] {
  const out: Expression<SqlBool>[] = [requestScopeWhere(f.scope)];
  if (f.number) out.push(sql<SqlBool>`r.number = ${f.number}`);
  if (f.words) {
    out.push(
      isSqlite(db)
        ? sql<SqlBool>`r.id in (select request_id from requests_fts where requests_fts match ${ftsQuery(f.words)})`
        : sql<SqlBool>`to_tsvector('simple', r.tokens) @@ to_tsquery('simple', ${tsQuery(f.words)})`,
    );
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
  const where = conditions(db, f);
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
    .limit(TOTAL_CAP + 1);
  const c = await db.selectFrom(limited.as('x')).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const n = Number(c.n);
  return { rows, total: Math.min(n, TOTAL_CAP), capped: n > TOTAL_CAP };
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
