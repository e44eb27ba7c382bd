import { sql, type SqlBool } from 'kysely';
import type { Db } from '../../db/database.js';
import { householdsNotReached } from '../registers/households-not-reached.repository.js';
import type { CovenantPledgesTable } from '../../db/covenant-tables.js';
import { pathInRange } from '../../lib/scope.js';

/**
 * Row access for pledges, coverage and nominations (Kysely only). The covenant tables are read directly rather
 * than through the covenant core module, so this module depends on the schema alone.
 */

export interface CovenantRow {
  id: string;
  community_id: string;
  community_path: string;
  community_name: string;
  title: string;
  phase: string;
  adopted_version_id: string | null;
  filed_on: string | null;
  filing_reference: string | null;
  published_at: string | null;
}

export function findCovenant(db: Db, id: string): Promise<CovenantRow | undefined> {
  return db
    .selectFrom('covenants as cv')
    .innerJoin('places as c', 'c.id', 'cv.community_id')
    .select([
      'cv.id',
      'cv.community_id',
      'c.path as community_path',
      'c.name as community_name',
      'cv.title',
      'cv.phase',
      'cv.adopted_version_id',
      'cv.filed_on',
      'cv.filing_reference',
      'cv.published_at',
    ])
    .where('cv.id', '=', id)
    .executeTakeFirst();
}

/** The stored permissions JSON of one phase, or undefined when the phase row is missing. */
export async function phasePermissionsJson(db: Db, covenantId: string, phase: string): Promise<string | undefined> {
  const row = await db.selectFrom('covenant_phases').select('permissions').where('covenant_id', '=', covenantId).where('phase', '=', phase).executeTakeFirst();
  return row?.permissions;
}

export interface HouseholdRow {
  id: string;
  community_id: string;
  place_path: string;
  status: string;
  householder_name: string | null;
}

export function findHousehold(db: Db, id: string): Promise<HouseholdRow | undefined> {
  return db
    .selectFrom('households as h')
    .leftJoin('residents as r', 'r.id', 'h.householder_id')
    .select(['h.id', 'h.community_id', 'h.place_path', 'h.status', 'r.name as householder_name'])
    .where('h.id', '=', id)
    .executeTakeFirst();
}

const standing = (covenantId: string) =>
  sql<SqlBool>`exists (select 1 from covenant_pledges p where p.covenant_id = ${covenantId} and p.household_id = ${sql.ref('h.id')} and p.revoked_at is null)`;

/** Active households within the prefixes whose address or householder matches `q`, with whether they pledged. */
export function searchHouseholds(db: Db, f: { covenantId: string; prefixes: string[]; placePaths: string[]; name: string; limit: number }) {
  let q = db
    .selectFrom('households as h')
    .leftJoin('residents as r', 'r.id', 'h.householder_id')
    .select(['h.id', 'h.place_path', 'r.name as householder_name'])
    .select(standing(f.covenantId).as('pledged'))
    .where('h.status', '=', 'active')
    .where(pathInRange('h.place_path', f.prefixes));
  if (f.name || f.placePaths.length > 0) {
    q = q.where((eb) => {
      const parts = [];
      if (f.name) parts.push(containing('r.name', f.name));
      // Places matched by name: their households lie below them.
      if (f.placePaths.length > 0) parts.push(pathInRange('h.place_path', f.placePaths));
      return eb.or(parts);
    });
  }
  return q.orderBy('h.place_path').orderBy('h.id').limit(f.limit).execute();
}

/** `column` contains `text` literally (LIKE with its wildcards escaped, the same on both databases). */
const containing = (column: string, text: string) => sql<SqlBool>`${sql.ref(column)} like ${'%' + text.replace(/[\\%_]/g, (c) => '\\' + c) + '%'} escape '\\'`;

/** Paths of places within the prefixes whose name contains `name` (for the household search by address). */
export async function placePathsNamed(db: Db, communityId: string, prefixes: string[], name: string): Promise<string[]> {
  if (!name) return [];
  const rows = await db
    .selectFrom('places')
    .select('path')
    .where('community_id', '=', communityId)
    .where(containing('name', name))
    .where('kind', 'in', ['estate', 'building', 'entrance', 'dwelling'])
    .where('retired_at', 'is', null)
    .limit(50)
    .execute();
  return rows.map((r) => r.path).filter((p) => prefixes.some((s) => p.startsWith(s) || s.startsWith(p)));
}

export type PledgeRow = CovenantPledgesTable & { recorded_by_name: string | null };

export function standingPledgeOf(db: Db, covenantId: string, householdId: string): Promise<PledgeRow | undefined> {
  return pledgeQuery(db).where('p.covenant_id', '=', covenantId).where('p.household_id', '=', householdId).where('p.revoked_at', 'is', null).executeTakeFirst();
}

export function findPledge(db: Db, covenantId: string, id: string): Promise<PledgeRow | undefined> {
  return pledgeQuery(db).where('p.covenant_id', '=', covenantId).where('p.id', '=', id).executeTakeFirst();
}

export function findPledgeById(db: Db, id: string): Promise<PledgeRow | undefined> {
  return pledgeQuery(db).where('p.id', '=', id).executeTakeFirst();
}

function pledgeQuery(db: Db) {
  return db.selectFrom('covenant_pledges as p').leftJoin('users as u', 'u.id', 'p.recorded_by').selectAll('p').select('u.display_name as recorded_by_name');
}

export async function insertPledge(db: Db, row: CovenantPledgesTable): Promise<void> {
  await db.insertInto('covenant_pledges').values(row).execute();
}

/** Revoke a standing pledge; 0 when it was revoked meanwhile. */
export async function revokePledgeRow(db: Db, id: string, by: string, reason: string, at: string): Promise<number> {
  const r = await db.updateTable('covenant_pledges').set({ revoked_at: at, revoked_by: by, revoke_reason: reason }).where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export interface PledgeFilter {
  covenantId: string;
  prefixes: string[];
  method?: string;
  includeRevoked: boolean;
  limit: number;
  offset: number;
}

/** A page of pledges within the prefixes (by the copied path: `covenant_pledges_path_idx`), newest first. */
export async function listPledges(db: Db, f: PledgeFilter): Promise<{ rows: PledgeRow[]; total: number }> {
  let q = pledgeQuery(db).where('p.covenant_id', '=', f.covenantId).where(pathInRange('p.place_path', f.prefixes));
  let c = db.selectFrom('covenant_pledges as p').select((eb) => eb.fn.countAll<number>().as('n')).where('p.covenant_id', '=', f.covenantId).where(pathInRange('p.place_path', f.prefixes));
  if (f.method) {
    q = q.where('p.method', '=', f.method);
    c = c.where('p.method', '=', f.method);
  }
  if (!f.includeRevoked) {
    q = q.where('p.revoked_at', 'is', null);
    c = c.where('p.revoked_at', 'is', null);
  }
  const [rows, total] = await Promise.all([q.orderBy('p.id', 'desc').limit(f.limit).offset(f.offset).execute(), c.executeTakeFirst()]);
  return { rows, total: Number(total?.n ?? 0) };
}

/** Standing pledges of the covenant (all of them), for the poster. */
export async function countStandingPledges(db: Db, covenantId: string): Promise<number> {
  const r = await db
    .selectFrom('covenant_pledges')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('covenant_id', '=', covenantId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

/** The entrance part of a household's path: the dwelling's path without its last segment. */
const entrancePath = sql<string>`substr(${sql.ref('h.place_path')}, 1, length(${sql.ref('h.place_path')}) - length(${sql.ref('h.dwelling_id')}) - 1)`;

/**
 * Active households and their standing pledges within the prefixes, grouped by entrance in one statement: the
 * households are a byte range of `households_coverage_idx`, each probing the pledges' unique partial index.
 * Entrances (a few hundred in a community) are then summed into buildings or grids by the caller.
 */
export async function coverageByEntrance(db: Db, covenantId: string, prefixes: string[]): Promise<{ path: string; households: number; pledged: number }[]> {
  if (prefixes.length === 0) return [];
  const rows = await db
    .selectFrom('households as h')
    .leftJoin('covenant_pledges as p', (join) => join.onRef('p.household_id', '=', 'h.id').on('p.covenant_id', '=', covenantId).on('p.revoked_at', 'is', null))
    .select((eb) => [entrancePath.as('path'), eb.fn.countAll<number>().as('households'), eb.fn.count<number>('p.id').as('pledged')])
    .where('h.status', '=', 'active')
    .where(pathInRange('h.place_path', prefixes))
    .groupBy(entrancePath)
    .execute();
  return rows.map((r) => ({ path: r.path, households: Number(r.households), pledged: Number(r.pledged) }));
}

/** Active households within the prefixes without a standing pledge, in register order. */
export function unreachedHouseholds(db: Db, f: { covenantId: string; prefixes: string[]; limit: number; offset: number }) {
  return householdsNotReached(db, { prefixes: f.prefixes, reached: standing(f.covenantId), limit: f.limit, offset: f.offset });
}

/** Names of places by id (chunked below parameter limits). */
export async function placeNames(db: Db, ids: Iterable<string>): Promise<Map<string, string>> {
  const all = [...new Set(ids)];
  const out = new Map<string, string>();
  for (let i = 0; i < all.length; i += 500) {
    const rows = await db.selectFrom('places').select(['id', 'name']).where('id', 'in', all.slice(i, i + 500)).execute();
    for (const r of rows) out.set(r.id, r.name);
  }
  return out;
}

export function findPlacePath(db: Db, id: string): Promise<{ path: string; community_id: string | null } | undefined> {
  return db.selectFrom('places').select(['path', 'community_id']).where('id', '=', id).executeTakeFirst();
}

// ---- nominations ----

export async function insertNomination(db: Db, row: { id: string; covenant_id: string; household_id: string; reason: string; nominated_by: string; event_id: string; created_at: string }) {
  await db.insertInto('covenant_nominations').values(row).execute();
}

export function nominationExists(db: Db, covenantId: string, householdId: string) {
  return db.selectFrom('covenant_nominations').select('id').where('covenant_id', '=', covenantId).where('household_id', '=', householdId).executeTakeFirst();
}

/** Nominations of households within the prefixes, newest first. */
export function listNominations(db: Db, covenantId: string, prefixes: string[]) {
  return db
    .selectFrom('covenant_nominations as n')
    .innerJoin('households as h', 'h.id', 'n.household_id')
    .leftJoin('residents as r', 'r.id', 'h.householder_id')
    .leftJoin('users as u', 'u.id', 'n.nominated_by')
    .select(['n.id', 'n.household_id', 'n.reason', 'n.event_id', 'n.created_at', 'h.place_path', 'r.name as householder_name', 'u.display_name as nominated_by_name'])
    .where('n.covenant_id', '=', covenantId)
    .where(pathInRange('h.place_path', prefixes))
    .orderBy('n.id', 'desc')
    .execute();
}

// ---- poster ----

export function adoptedArticles(db: Db, versionId: string) {
  return db
    .selectFrom('covenant_articles')
    .select(['position', 'chapter_number', 'chapter_title', 'number', 'body'])
    .where('version_id', '=', versionId)
    .orderBy('position')
    .execute();
}

/** The vote that adopted the version (the latest adopted one, should a meeting have repeated it). */
export function adoptingVote(db: Db, covenantId: string, versionId: string) {
  return db
    .selectFrom('covenant_votes')
    .select(['meeting_kind', 'decided_at', 'eligible', 'present', 'women_present', 'for_count', 'against_count', 'abstain_count'])
    .where('covenant_id', '=', covenantId)
    .where('version_id', '=', versionId)
    .where('result', '=', 'adopted')
    .orderBy('decided_at', 'desc')
    .executeTakeFirst();
}
