import { PostgresAdapter, sql, type Expression, type SqlBool } from 'kysely';
import type { Db } from '../../db/database.js';
import { pathInRange } from '../../lib/scope.js';

const isPostgres = (db: Db): boolean => db.getExecutor().adapter instanceof PostgresAdapter;

/** What similarity needs of a request, and what a similar-request list shows. */
export interface CandidateRow {
  id: string;
  number: string;
  title: string;
  status: string;
  category_id: string | null;
  place_id: string | null;
  place_path: string;
  community_id: string;
  tokens: string;
  created_at: string;
}

/** Which requests are searched: a community and/or path prefixes, statuses, created since. */
export interface CandidateFilter {
  communityId?: string;
  scope?: string[];
  statuses: readonly string[];
  since: string;
  excludeId?: string;
}

const columns = ['r.id', 'r.number', 'r.title', 'r.status', 'r.category_id', 'r.place_id', 'r.place_path', 'r.community_id', 'r.tokens', 'r.created_at'] as const;

/** The filter as one SQL condition over the alias `r`, usable in any of the queries below. */
function filterOf(f: CandidateFilter): Expression<SqlBool> {
  const parts = [sql`${sql.ref('r.status')} in (${sql.join([...f.statuses])})`, sql`${sql.ref('r.created_at')} >= ${f.since}`];
  if (f.communityId) parts.push(sql`${sql.ref('r.community_id')} = ${f.communityId}`);
  if (f.scope) parts.push(sql`${pathInRange('r.place_path', f.scope)}`);
  if (f.excludeId) parts.push(sql`${sql.ref('r.id')} <> ${f.excludeId}`);
  return sql<SqlBool>`(${sql.join(parts, sql` and `)})`;
}

/** An FTS5 query matching any of the terms, each quoted as a phrase (so no term is read as query syntax). */
const ftsAnyOf = (terms: string[]): string => terms.map((t) => `"${t.replace(/"/g, '""')}"`).join(' OR ');

/**
 * Requests sharing at least one of `terms`, best full-text matches first (FTS5 bm25 on SQLite, ts_rank on
 * PostgreSQL over the same segmented tokens), at most `limit`.
 */
export async function searchCandidates(db: Db, terms: string[], f: CandidateFilter, limit: number): Promise<CandidateRow[]> {
  if (!terms.length) return [];
  if (isPostgres(db)) {
    const query = sql.join(
      terms.map((t) => sql`plainto_tsquery('simple', ${t})`),
      sql` || `,
    );
    // The stored tsvector of migration 0011 (not in the Kysely types: nobody writes it).
    const vector = sql.ref('r.search_vector');
    return db
      .selectFrom('requests as r')
      .select(columns)
      .where(filterOf(f))
      .where(sql<boolean>`${vector} @@ (${query})`)
      .orderBy(sql`ts_rank(${vector}, (${query}))`, 'desc')
      .orderBy('r.created_at', 'desc')
      .limit(limit)
      .execute();
  }
  // The words are matched in the tokens column only; a community's search is also an index lookup of its token.
  const words = `tokens : (${ftsAnyOf(terms)})`;
  const match = f.communityId ? `community : "${f.communityId.replaceAll('-', '')}" AND ${words}` : words;
  return db
    .selectFrom('request_search')
    .innerJoin('requests as r', 'r.id', 'request_search.request_id')
    .select(columns)
    .where(filterOf(f))
    .where(sql<boolean>`request_search match ${match}`)
    // Column weights: the request id and the community say nothing about how well the words match.
    .orderBy(sql`bm25(request_search, 0, 0, 1)`)
    .orderBy('r.created_at', 'desc')
    .limit(limit)
    .execute();
}

/** How many requests the filter covers: the document count of the IDF. */
export async function countCandidates(db: Db, f: CandidateFilter): Promise<number> {
  const r = await db
    .selectFrom('requests as r')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(filterOf(f))
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

/** Requests of a window not yet in any proactive case (a dismissed case too: staff chose not to act), newest first. */
export function requestsOutsideCases(db: Db, f: CandidateFilter, limit: number): Promise<CandidateRow[]> {
  return db
    .selectFrom('requests as r')
    .select(columns)
    .where(filterOf(f))
    .where((eb) => eb.not(eb.exists(eb.selectFrom('proactive_case_requests as pcr').select('pcr.case_id').whereRef('pcr.request_id', '=', 'r.id'))))
    .orderBy('r.created_at', 'desc')
    .limit(limit)
    .execute();
}
