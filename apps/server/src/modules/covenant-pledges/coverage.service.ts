import { maskPersonName } from '@gongzhi/shared';
import type { CoverageQuery, CoverageResponse, CoverageRow, PledgeHouseholdOption, UnreachedPage, UnreachedQuery } from '@gongzhi/shared';
import type { AppDeps } from '../../deps.js';
import type { Actor } from '../../lib/actor.js';
import { notFound } from '../../lib/app-error.js';
import { readsNamesIn, recordPrefixes } from './covenant-pledges.policy.js';
import * as repo from './covenant-pledges.repository.js';
import { loadCovenant, narrowToPlace, viewableCovenant } from './covenant-pledges.service.js';
import { addressBook, rateOf, segments } from './covenant-pledges.views.js';

/**
 * Coverage of a covenant's pledges: of the active households in each building (or grid) within the viewer's
 * places, how many hold a standing pledge; and the households not yet reached. The database sums households
 * and pledges per entrance in one statement; the few hundred entrances are summed into buildings or grids here,
 * since both are fixed segments of the path (/subdistrict/community/grid/estate/building/entrance/).
 */

const GRID = 2;
const ESTATE = 3;
const BUILDING = 4;

export async function coverage(deps: AppDeps, actor: Actor, id: string, q: CoverageQuery): Promise<CoverageResponse> {
  const { cv, prefixes } = await viewableCovenant(deps.db, actor, id);
  const narrowed = await narrowToPlace(deps.db, prefixes, q.placeId);
  const entrances = await repo.coverageByEntrance(deps.db, cv.id, narrowed);
  const depth = q.by === 'building' ? BUILDING : GRID;
  const groups = new Map<string, { key: string; path: string; parent: string | null; households: number; pledged: number }>();
  for (const e of entrances) {
    const s = segments(e.path);
    const key = s[depth];
    if (!key) continue;
    const g = groups.get(key) ?? { key, path: `/${s.slice(0, depth + 1).join('/')}/`, parent: q.by === 'building' ? (s[ESTATE] ?? null) : null, households: 0, pledged: 0 };
    g.households += e.households;
    g.pledged += e.pledged;
    groups.set(key, g);
  }
  const sorted = [...groups.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const names = await repo.placeNames(deps.db, sorted.flatMap((g) => (g.parent ? [g.key, g.parent] : [g.key])));
  const rows: CoverageRow[] = sorted.map((g) => ({
    placeId: g.key,
    name: names.get(g.key) ?? '',
    kind: q.by,
    parentName: g.parent ? (names.get(g.parent) ?? null) : null,
    households: g.households,
    pledged: g.pledged,
    rate: rateOf(g.pledged, g.households),
  }));
  const households = rows.reduce((n, r) => n + r.households, 0);
  const pledged = rows.reduce((n, r) => n + r.pledged, 0);
  return { by: q.by, rows, total: { households, pledged, rate: rateOf(pledged, households) } };
}

/** Active households within the viewer's places without a standing pledge, in register order, paged; names masked but for the office. */
export async function unreached(deps: AppDeps, actor: Actor, id: string, q: UnreachedQuery): Promise<UnreachedPage> {
  const { cv, prefixes } = await viewableCovenant(deps.db, actor, id);
  const narrowed = await narrowToPlace(deps.db, prefixes, q.placeId);
  const { rows, total } = await repo.unreachedHouseholds(deps.db, { covenantId: cv.id, prefixes: narrowed, limit: q.limit, offset: q.offset });
  const book = await addressBook(deps.db, rows.map((r) => r.place_path));
  const office = readsNamesIn(actor, cv.community_path);
  return {
    items: rows.map((r) => {
      const a = book.get(r.place_path);
      return {
        householdId: r.id,
        address: a?.address ?? '',
        householderName: r.householder_name === null || office ? r.householder_name : maskPersonName(r.householder_name),
        gridName: a?.gridName ?? null,
        buildingName: a?.buildingName ?? null,
      };
    }),
    total,
  };
}

/** Households to choose on the paper-pledge or nomination form: by householder name or by a place's name. */
export async function searchHouseholds(deps: AppDeps, actor: Actor, id: string, q: { q: string; limit: number }): Promise<{ items: PledgeHouseholdOption[] }> {
  const cv = await loadCovenant(deps.db, id);
  const prefixes = recordPrefixes(actor, cv.community_path);
  if (prefixes.length === 0) throw notFound();
  const placePaths = await repo.placePathsNamed(deps.db, cv.community_id, prefixes, q.q);
  const rows = await repo.searchHouseholds(deps.db, { covenantId: cv.id, prefixes, placePaths, name: q.q, limit: q.limit });
  const book = await addressBook(deps.db, rows.map((r) => r.place_path));
  // The community's office reads names in the register anyway; building leaders and grid workers see them masked.
  const office = readsNamesIn(actor, cv.community_path);
  return {
    items: rows.map((r) => ({
      householdId: r.id,
      address: book.get(r.place_path)?.address ?? '',
      householderName: r.householder_name === null || office ? r.householder_name : maskPersonName(r.householder_name),
      pledged: Boolean(Number(r.pledged)),
    })),
  };
}
