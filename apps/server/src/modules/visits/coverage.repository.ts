import { sql, type Expression, type SqlBool } from 'kysely';
import type { DialectName } from '../../db/connect.js';
import type { Db } from '../../db/database.js';
import { pathInRange } from '../../lib/scope.js';
import { householdsNotReached, type NotReachedRow } from '../registers/households-not-reached.repository.js';

/**
 * Visit coverage, each answer one statement. Households carry their dwelling's path, so a grid's active households
 * are a byte range of `households_coverage_idx (status, place_path, id)`, read without the table, and the grid
 * is the third segment of that path.
 *
 * The per-grid figures are computed the way each database does best (measured on a subdistrict of 30
 * communities, 90,000 households, 90,000 visits): SQLite, which has no hash join, walks each grid's range and
 * probes `visits (household_id, visited_at)` once per household; PostgreSQL groups the households by grid and
 * hash-joins them to the set of households visited since the cut-off (an index-only scan of
 * `visits_community_household_idx`). On PostgreSQL the probing form is mis-estimated (a range bounded by another
 * column) into a plan that costs a second or more with JIT.
 */

export interface GridCoverageRow {
  grid_id: string;
  grid_name: string;
  community_id: string;
  community_name: string;
  households: number;
  visited: number;
}

export interface CoverageFilter {
  /** Scopes at grid level or above (grids, communities, a subdistrict): their grids count in full. */
  prefixes: string[];
  /** Scopes below a grid (a building leader's building): their grids count only these households. */
  deepPrefixes: string[];
  since: string;
}

/** The household `h` had a visit at or after `since`. */
const visitedSince = (since: string) => sql<SqlBool>`exists (select 1 from visits v where v.household_id = ${sql.ref('h.id')} and v.visited_at >= ${since})`;

const segments = (path: string) => path.split('/').filter(Boolean);
const unique = (xs: string[]) => [...new Set(xs)];
const inList = (column: string, ids: string[]) => sql<SqlBool>`${sql.ref(column)} in (${sql.join(ids)})`;
const anyOf = (parts: Expression<SqlBool>[]) => (parts.length === 0 ? sql<SqlBool>`1 = 0` : sql<SqlBool>`(${sql.join(parts, sql` or `)})`);

/** Ids along the scope paths: subdistricts, communities and grids named whole, grids above deeper scopes. */
function scopeIds(f: CoverageFilter) {
  const at = (depth: number) => unique(f.prefixes.map(segments).filter((s) => s.length === depth).map((s) => s[depth - 1]!));
  const deepGrids = unique(f.deepPrefixes.map((p) => segments(p)[2]!));
  const communities = unique([...f.prefixes, ...f.deepPrefixes].map(segments).filter((s) => s.length >= 2).map((s) => s[1]!));
  return { subdistricts: at(1), communities, wholeCommunities: at(2), grids: [...at(3), ...deepGrids], deepGrids };
}

/** A subdistrict's communities (places_parent_idx), for filters by community id. */
const communitiesOf = (subdistricts: string[]) => sql`select s.id from places s where s.parent_id in (${sql.join(subdistricts)}) and s.kind = 'community'`;

/** The grids the scope covers, found by id or by community (places_community_kind_idx), never by path text. */
function gridsInScope(ids: ReturnType<typeof scopeIds>): Expression<SqlBool> {
  const parts: Expression<SqlBool>[] = [];
  if (ids.grids.length > 0) parts.push(inList('g.id', ids.grids));
  if (ids.wholeCommunities.length > 0) parts.push(inList('g.community_id', ids.wholeCommunities));
  if (ids.subdistricts.length > 0) parts.push(sql<SqlBool>`${sql.ref('g.community_id')} in (${communitiesOf(ids.subdistricts)})`);
  return anyOf(parts);
}

function gridsWithCommunity(db: Db) {
  return db
    .selectFrom('places as g')
    .innerJoin('places as c', 'c.id', 'g.community_id')
    .select(['g.id as grid_id', 'g.name as grid_name', 'c.id as community_id', 'c.name as community_name'])
    .where('g.kind', '=', 'grid')
    .where('g.retired_at', 'is', null);
}

/** Per grid: active households within the scope, and how many of them were visited since `since`. */
export async function coverageByGrid(db: Db, dialect: DialectName, f: CoverageFilter): Promise<GridCoverageRow[]> {
  if (f.prefixes.length === 0 && f.deepPrefixes.length === 0) return [];
  const ids = scopeIds(f);
  const rows = dialect === 'postgres' ? await hashJoined(db, f, ids) : await probed(db, f, ids);
  return rows.map((r) => ({ ...r, households: Number(r.households ?? 0), visited: Number(r.visited ?? 0) }));
}

/** SQLite: each grid's range of households, one index probe into visits per household. */
function probed(db: Db, f: CoverageFilter, ids: ReturnType<typeof scopeIds>) {
  const gridPath = sql.ref<string>('g.path');
  // Register paths compare byte-wise; `places.path` is compared in the same collation so the range uses the index.
  const lower = sql<string>`(${gridPath} collate binary)`;
  // Paths end in '/', so '…/' → '…0' bounds every path below the grid.
  const upper = sql<string>`((substr(${gridPath}, 1, length(${gridPath}) - 1) || '0') collate binary)`;
  // The grid's own range is the one the index serves; a scope below a grid (scopes never nest) only filters it.
  const narrowed = ids.deepGrids.length === 0 ? sql<SqlBool>`1 = 1` : sql<SqlBool>`(${sql.ref('g.id')} not in (${sql.join(ids.deepGrids)}) or ${pathInRange('h.place_path', f.deepPrefixes)})`;
  return gridsWithCommunity(db)
    .leftJoin('households as h', (join) =>
      join
        .on('h.status', '=', 'active')
        .on(sql<SqlBool>`${sql.ref('h.place_path')} >= ${lower} and ${sql.ref('h.place_path')} < ${upper}`)
        .on(narrowed),
    )
    .select((eb) => [eb.fn.count<number>('h.id').as('households'), eb.fn.count<number>(sql`case when ${visitedSince(f.since)} then 1 end`).as('visited')])
    .where(gridsInScope(ids))
    // Grouped by the two primary keys only (names and paths follow from them): a narrow sort key.
    .groupBy(['g.id', 'c.id'])
    .orderBy('c.path')
    .orderBy('g.path')
    .execute();
}

/** PostgreSQL: households grouped by grid (the path's third segment), hash-joined to the visited households. */
function hashJoined(db: Db, f: CoverageFilter, ids: ReturnType<typeof scopeIds>) {
  const inCommunities: Expression<SqlBool>[] = [];
  if (ids.communities.length > 0) inCommunities.push(inList('v.community_id', ids.communities));
  if (ids.subdistricts.length > 0) inCommunities.push(sql<SqlBool>`${sql.ref('v.community_id')} in (${communitiesOf(ids.subdistricts)})`);
  const visited = db
    .selectFrom('visits as v')
    .select('v.household_id')
    .distinct()
    .where('v.visited_at', '>=', f.since)
    .where(anyOf(inCommunities));
  const gridOf = sql<string>`split_part(${sql.ref('h.place_path')}, '/', 4)`;
  const perGrid = db
    .selectFrom('households as h')
    .leftJoin(visited.as('vv'), 'vv.household_id', 'h.id')
    .select((eb) => [gridOf.as('grid_id'), eb.fn.countAll<number>().as('households'), eb.fn.count<number>('vv.household_id').as('visited')])
    .where('h.status', '=', 'active')
    .where(pathInRange('h.place_path', [...f.prefixes, ...f.deepPrefixes]))
    .groupBy(gridOf);
  return gridsWithCommunity(db)
    .leftJoin(perGrid.as('x'), 'x.grid_id', 'g.id')
    .select(['x.households', 'x.visited'])
    .where(gridsInScope(ids))
    .orderBy('c.path')
    .orderBy('g.path')
    .execute();
}

export interface UnvisitedRow extends NotReachedRow {
  last_visited_at: string | null;
}

/**
 * Active households within the prefixes nobody visited since `since`, in register order, with their last visit.
 * Within named communities the visits looked at are those communities' (PostgreSQL then hashes a community's
 * visits, not the whole installation's); a subdistrict-wide list probes by household alone, the faster plan there.
 */
export async function unvisitedHouseholds(db: Db, f: { prefixes: string[]; since: string; limit: number; offset: number }): Promise<{ rows: UnvisitedRow[]; total: number }> {
  const depths = f.prefixes.map(segments);
  const communities = depths.some((s) => s.length < 2) ? [] : unique(depths.map((s) => s[1]!));
  const ofCommunities = communities.length === 0 ? sql`` : sql` and v.community_id in (${sql.join(communities)})`;
  const visited = sql<SqlBool>`exists (select 1 from visits v where v.household_id = ${sql.ref('h.id')} and v.visited_at >= ${f.since}${ofCommunities})`;
  const page = await householdsNotReached(db, { prefixes: f.prefixes, reached: visited, limit: f.limit, offset: f.offset });
  const last = await lastVisits(db, page.rows.map((r) => r.id));
  return { rows: page.rows.map((r) => ({ ...r, last_visited_at: last.get(r.id) ?? null })), total: page.total };
}

/** Each household's latest visit, for one page of households. */
async function lastVisits(db: Db, householdIds: string[]): Promise<Map<string, string>> {
  if (householdIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('visits')
    .select((eb) => ['household_id', eb.fn.max('visited_at').as('at')])
    .where('household_id', 'in', householdIds)
    .groupBy('household_id')
    .execute();
  return new Map(rows.flatMap((r) => (r.household_id && r.at ? [[r.household_id, String(r.at)] as const] : [])));
}
