import type { AnalysisSummary, Locale, RequestChannel, RequestStatus, SummaryQuery } from '@gongzhi/shared';
import type { AppDeps } from '../../deps.js';
import type { RequestContext } from '../../lib/actor.js';
import { resolveScope, type AnalysisScope } from './analysis-scope.js';
import { countOverdue, countsBy } from './analysis.repository.js';
import { countersFor, type CounterKey } from './counters.js';
import { categoryRefs, placeNames, segmentsOf } from './names.js';
import { bucketStart, bucketStarts, defaultGranularity, resolvePeriod, type Period } from './period.js';
import { labelIn, noneLabels, ratesOf, zeroCounters, addInto } from './rates.js';

const TOP_BUILDINGS = 20;

/** The dashboard's figures for the scope and period (see schemas/analysis.ts for every definition). */
export async function summarise(deps: AppDeps, ctx: RequestContext, q: SummaryQuery, locale: Locale): Promise<AnalysisSummary> {
  const period = resolvePeriod(q, deps.clock.now());
  const scope = await resolveScope(deps.db, ctx.actor, q.placeId);
  return summariseScope(deps, scope, period, q.granularity ?? defaultGranularity(period), locale);
}

/** The summary of a resolved scope and period (the monthly report uses it too). */
export async function summariseScope(deps: AppDeps, scope: AnalysisScope, period: Period, granularity: 'day' | 'week' | 'month', locale: Locale): Promise<AnalysisSummary> {
  const now = deps.clock.now().toISOString();
  // Buildings only inside one community: across a subdistrict the communities are the places to compare, and
  // counting by place there would read every request of the period (see bench/requests.ts).
  const oneCommunity = new Set(scope.parts.flatMap((p) => p.communityIds)).size === 1;
  const by = (key: CounterKey) => countersFor(deps, scope, period, key).then((m) => [...m].filter(([, c]) => c.received !== 0).sort((a, b) => b[1].received - a[1].received));
  // Independent reads: on PostgreSQL they run side by side on the pool; SQLite runs them in turn.
  const [byStatus, byCategory, byGrid, byCommunity, byChannel, days, places, overdue] = await Promise.all([
    by('status'),
    by('category'),
    by('grid'),
    by('community'),
    by('channel'),
    by('day'),
    oneCommunity ? countsBy(deps.db, scope.parts, period, ['place'] as const) : Promise.resolve([]),
    countOverdue(deps.db, scope.parts, now),
  ]);
  const totals = byStatus.reduce((acc, [, c]) => addInto(acc, c), zeroCounters());

  const buildings = new Map<string, number>();
  for (const p of places) {
    const b = segmentsOf(p.place ?? '')[4];
    if (b) buildings.set(b, (buildings.get(b) ?? 0) + p.count);
  }
  const topBuildings = [...buildings].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, TOP_BUILDINGS);
  const names = await placeNames(deps, [...byCommunity, ...byGrid].map(([id]) => id).filter((id): id is string => id !== null).concat(topBuildings.map(([id]) => id)));
  const estateNames = await placeNames(deps, [...new Set(topBuildings.map(([id]) => names.get(id)?.parentId).filter((id): id is string => !!id))]);
  const cats = await categoryRefs(deps, byCategory.map(([id]) => id), locale);

  const buckets = new Map(bucketStarts(period, granularity).map((b) => [b, 0]));
  for (const [day, c] of days) {
    if (!day) continue;
    const b = bucketStart(day, granularity);
    buckets.set(b, (buckets.get(b) ?? 0) + c.received);
  }
  return {
    period,
    scope: scope.view,
    totals: { received: totals.received, open: totals.open, replied: totals.replied, closed: totals.closed, overdue },
    rates: ratesOf(totals),
    byCategory: byCategory.map(([id, c]) => ({ ...cats.get(id)!, count: c.received })),
    byCommunity: byCommunity.map(([id, c]) => ({ id: id ?? '', name: (id && names.get(id)?.name) || '?', count: c.received })),
    byGrid: byGrid.map(([id, c]) => ({ id, name: id ? (names.get(id)?.name ?? '?') : labelIn(noneLabels.grid, locale), count: c.received })),
    byBuilding: topBuildings.map(([id, count]) => {
      const b = names.get(id);
      return { id, name: b?.name ?? '?', estateName: (b?.parentId && estateNames.get(b.parentId)?.name) || '', count };
    }),
    byChannel: byChannel.map(([channel, c]) => ({ channel: channel as RequestChannel, count: c.received })),
    byStatus: byStatus.map(([status, c]) => ({ status: status as RequestStatus, count: c.received })),
    byTime: { granularity, buckets: [...buckets].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([start, count]) => ({ start, count })) },
  };
}
