import type { AppDeps } from '../../deps.js';
import type { AnalysisScope } from './analysis-scope.js';
import { countersBy, statsBy, type Counters, type StatsDim } from './analysis.repository.js';
import { splitForRollup, type Period } from './period.js';
import { addInto, zeroCounters } from './rates.js';

/** What the counters of a period can be grouped by. */
export type CounterKey = 'category' | 'grid' | 'status' | 'channel' | 'community' | 'day';

/** Where each key lives in the rollup: its dimension, and what to group by. */
const rollupOf: Record<CounterKey, [StatsDim, 'key' | 'community' | 'day']> = {
  category: ['category', 'key'],
  grid: ['grid', 'key'],
  status: ['status', 'key'],
  channel: ['channel', 'key'],
  community: ['status', 'community'],
  day: ['status', 'day'],
};

/**
 * The counters of the requests received in the period within the scope, grouped by one key. Whole communities
 * (or a subdistrict) read whole local days from the daily rollup and only the partial days at the period's edges
 * from the requests themselves; a grid, estate or building reads the requests (a small part of a community).
 */
export async function countersFor(deps: AppDeps, scope: AnalysisScope, period: Period, key: CounterKey): Promise<Map<string | null, Counters>> {
  const out = new Map<string | null, Counters>();
  const add = (k: string | null, c: Counters) => {
    let acc = out.get(k);
    if (!acc) out.set(k, (acc = zeroCounters()));
    addInto(acc, c);
  };
  const wholeCommunities = scope.parts.every((p) => p.pathPrefix === null);
  const split = wholeCommunities ? splitForRollup(period, deps.clock.now()) : { days: null, edges: [period] };
  const reads: Promise<void>[] = split.edges.map(async (edge) => {
    for (const r of await countersBy(deps.db, scope.parts, edge, [key] as const)) add(r[key], r);
  });
  if (split.days) {
    const [dim, by] = rollupOf[key];
    const communityIds = [...new Set(scope.parts.flatMap((p) => p.communityIds))];
    reads.push(statsBy(deps.db, communityIds, split.days, dim, by).then((rows) => rows.forEach((r) => add(r.key, r))));
  }
  await Promise.all(reads);
  return out;
}
