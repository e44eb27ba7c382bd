import type { VisitCoverageResponse } from '@gongzhi/shared';
import type { z } from 'zod';
import type { unvisitedQuery, visitCoverageQuery } from '@gongzhi/shared';
import type { AppDeps } from '../../deps.js';
import type { Actor } from '../../lib/actor.js';
import { iso } from '../../lib/clock.js';
import { labelsForPaths } from '../registers/index.js';
import * as repo from './coverage.repository.js';
import { narrowToPlace } from './narrow.js';
import { readPrefixes } from './visits.policy.js';

/**
 * Coverage: of the active households in each grid, how many someone visited in the last N months, and which
 * ones nobody did. "The last N months" starts at the same moment N calendar months ago (the day clamped to the
 * month's end: 31 August minus 6 months is 28 or 29 February); a visit at exactly that moment counts.
 */

/** `now` moved back by whole calendar months. */
export function monthsBefore(now: Date, months: number): Date {
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth() - months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m, Math.min(now.getUTCDate(), lastDay), now.getUTCHours(), now.getUTCMinutes(), now.getUTCSeconds(), now.getUTCMilliseconds()));
}

const percentage = (visited: number, households: number): number => (households === 0 ? 0 : Math.round((visited * 1000) / households) / 10);

/** Path segments: subdistrict, community, grid, …; a scope deeper than a grid names its grid third. */
const gridOfPath = (path: string): string | null => path.split('/').filter(Boolean)[2] ?? null;

export async function coverageFor(deps: AppDeps, actor: Actor, q: z.infer<typeof visitCoverageQuery>): Promise<VisitCoverageResponse> {
  const prefixes = await narrowToPlace(deps.db, readPrefixes(actor), q.placeId);
  const belowGrid = (p: string) => p.split('/').filter(Boolean).length > 3;
  const since = iso(monthsBefore(deps.clock.now(), q.months));
  const rows = await repo.coverageByGrid(deps.db, deps.handle.dialect, { prefixes: prefixes.filter((p) => !belowGrid(p)), deepPrefixes: prefixes.filter(belowGrid), since });
  const households = rows.reduce((n, r) => n + r.households, 0);
  const visited = rows.reduce((n, r) => n + r.visited, 0);
  return {
    months: q.months,
    since,
    grids: rows.map((r) => ({
      gridId: r.grid_id,
      gridName: r.grid_name,
      communityId: r.community_id,
      communityName: r.community_name,
      households: r.households,
      visited: r.visited,
      percentage: percentage(r.visited, r.households),
    })),
    total: { households, visited, percentage: percentage(visited, households) },
  };
}

/** Households nobody visited in the last N months, with their address, householder and last visit (or never). */
export async function unvisitedFor(deps: AppDeps, actor: Actor, q: z.infer<typeof unvisitedQuery>) {
  const prefixes = await narrowToPlace(deps.db, readPrefixes(actor), q.gridId);
  const since = iso(monthsBefore(deps.clock.now(), q.months));
  const { rows, total } = await repo.unvisitedHouseholds(deps.db, { prefixes, since, limit: q.limit, offset: q.offset });
  const labels = await labelsForPaths(deps.db, rows.map((r) => r.place_path));
  return {
    months: q.months,
    since,
    items: rows.map((r) => ({
      householdId: r.id,
      dwellingId: r.dwelling_id,
      gridId: gridOfPath(r.place_path),
      placeLabel: labels.get(r.place_path) ?? '',
      householderName: r.householder_name,
      lastVisitedAt: r.last_visited_at,
    })),
    total,
  };
}
