import type { AnalysisQuery, HotspotsView, Locale } from '@gongzhi/shared';
import type { AppDeps } from '../../deps.js';
import type { RequestContext } from '../../lib/actor.js';
import { resolveScope, type AnalysisScope } from './analysis-scope.js';
import { countsBy, placesUnder } from './analysis.repository.js';
import { resolvePeriod, type Period } from './period.js';
import { categoryRefs, placeNames, segmentsOf } from './names.js';

/** Buildings in scope with their request counts, for a drawn grid-of-buildings chart (no map tiles). */
export async function hotspots(deps: AppDeps, ctx: RequestContext, q: AnalysisQuery, locale: Locale): Promise<HotspotsView> {
  const period = resolvePeriod(q, deps.clock.now());
  const scope = await resolveScope(deps.db, ctx.actor, q.placeId);
  return hotspotsOf(deps, scope, period, locale);
}

const bump = (m: Map<string, number>, k: string | undefined, n: number) => {
  if (k) m.set(k, (m.get(k) ?? 0) + n);
};

/**
 * Every building under the scope (retired ones only when they still have requests in the period), counted by the
 * requests placed at or below it, with its most frequent category; and the estates, grids and communities above
 * them, so the web can draw blocks grouped by estate. Requests placed above any building count as `unplaced`.
 */
export async function hotspotsOf(deps: AppDeps, scope: AnalysisScope, period: Period, locale: Locale): Promise<HotspotsView> {
  const [buildingRows, counts] = await Promise.all([
    placesUnder(deps.db, scope.prefixes, ['building']),
    countsBy(deps.db, scope.parts, period, ['community', 'place', 'category'] as const),
  ]);
  const byBuilding = new Map<string, number>();
  const byEstate = new Map<string, number>();
  const byGrid = new Map<string, number>();
  const byCommunity = new Map<string, number>();
  const categoryCounts = new Map<string, Map<string | null, number>>();
  let unplaced = 0;
  for (const r of counts) {
    const s = segmentsOf(r.place ?? '');
    bump(byCommunity, r.community ?? undefined, r.count);
    bump(byGrid, s[2], r.count);
    bump(byEstate, s[3], r.count);
    const b = s[4];
    if (!b) {
      unplaced += r.count;
      continue;
    }
    bump(byBuilding, b, r.count);
    let cats = categoryCounts.get(b);
    if (!cats) categoryCounts.set(b, (cats = new Map()));
    cats.set(r.category, (cats.get(r.category) ?? 0) + r.count);
  }
  const buildings = buildingRows.filter((b) => b.retired_at === null || byBuilding.has(b.id));
  const inBuildings = new Set(buildings.map((b) => b.id));
  // Requests of buildings the tree no longer shows under this scope still count, as unplaced.
  for (const [id, n] of byBuilding) if (!inBuildings.has(id)) unplaced += n;

  const tops = new Map<string, [string | null, number]>();
  for (const [b, cats] of categoryCounts) {
    const top = [...cats].sort((x, y) => y[1] - x[1] || String(x[0]).localeCompare(String(y[0])))[0];
    if (top) tops.set(b, top);
  }
  const refs = await categoryRefs(deps, [...new Set([...tops.values()].map(([id]) => id))], locale);

  const parentIds = new Set<string>();
  for (const b of buildings) for (const id of segmentsOf(b.path).slice(1, 4)) parentIds.add(id);
  const parents = await placeNames(deps, [...parentIds]);
  const withPaths = buildings.map((b) => ({ b, s: segmentsOf(b.path) }));
  const ordered = <T>(ids: Iterable<string>, f: (id: string) => T) => [...new Set(ids)].map(f);
  const communities = ordered(withPaths.map(({ s }) => s[1]!), (id) => ({ id, name: parents.get(id)?.name ?? '', count: byCommunity.get(id) ?? 0 }));
  const grids = ordered(withPaths.map(({ s }) => s[2]!), (id) => ({ id, name: parents.get(id)?.name ?? '', communityId: parents.get(id)?.parentId ?? '', count: byGrid.get(id) ?? 0 }));
  const estates = ordered(withPaths.map(({ s }) => s[3]!), (id) => ({ id, name: parents.get(id)?.name ?? '', gridId: parents.get(id)?.parentId ?? '', count: byEstate.get(id) ?? 0 }));
  const out = withPaths.map(({ b, s }) => {
    const top = tops.get(b.id);
    return {
      id: b.id,
      name: b.name,
      estateId: s[3]!,
      gridId: s[2]!,
      count: byBuilding.get(b.id) ?? 0,
      topCategory: top ? { ...refs.get(top[0])!, count: top[1] } : null,
    };
  });
  return { period, scope: scope.view, communities, grids, estates, buildings: out, unplaced, max: Math.max(0, ...out.map((b) => b.count)) };
}
