import type { AnalysisQuery, TermsView } from '@gongzhi/shared';
import type { AppDeps } from '../../deps.js';
import type { RequestContext } from '../../lib/actor.js';
import { resolveScope, type AnalysisScope } from './analysis-scope.js';
import { tokensIn } from './analysis.repository.js';
import { previousPeriod, resolvePeriod, type Period } from './period.js';

export const TOP_TERMS = 30;
/** The period is read a day at a time: memory holds one day's tokens, and no query has to sort. */
const WINDOW_MS = 86_400_000;

/** One-character tokens (了, 楼) say little on their own; numbers (room numbers, years) are not topics. */
const isTerm = (t: string) => [...t].length >= 2 && !/^[\d.,:%\-/]+$/.test(t);

/** Trending terms: in how many requests each token occurs this period against the previous one of equal length. */
export async function trendingTerms(deps: AppDeps, ctx: RequestContext, q: AnalysisQuery): Promise<TermsView> {
  const period = resolvePeriod(q, deps.clock.now());
  const scope = await resolveScope(deps.db, ctx.actor, q.placeId);
  return termsOf(deps, scope, period, TOP_TERMS);
}

/**
 * Count document frequencies over both periods, a day at a time, through the stored tokens (stop words were removed by
 * the tokenizer at intake), in pages so memory holds one page whatever the period. Ranked by this period's count,
 * then growth, then the term.
 */
export async function termsOf(deps: AppDeps, scope: AnalysisScope, period: Period, top: number): Promise<TermsView> {
  const previous = previousPeriod(period);
  const current = new Map<string, number>();
  const before = new Map<string, number>();
  for (const [p, counts] of [[previous, before], [period, current]] as const) {
    for (let from = Date.parse(p.from), end = Date.parse(p.to); from < end; from += WINDOW_MS) {
      const window = { from: new Date(from).toISOString(), to: new Date(Math.min(end, from + WINDOW_MS)).toISOString() };
      for (const tokens of await tokensIn(deps.db, scope.parts, window)) {
        for (const t of new Set(tokens.split(/\s+/))) if (t && isTerm(t)) counts.set(t, (counts.get(t) ?? 0) + 1);
      }
    }
  }
  const growth = (now: number, prev: number) => (prev === 0 ? null : Math.round(((now - prev) / prev) * 10_000) / 10_000);
  const terms = [...current]
    .map(([term, count]) => ({ term, count, previous: before.get(term) ?? 0, growth: growth(count, before.get(term) ?? 0) }))
    .sort((a, b) => b.count - a.count || (b.growth ?? Number.MAX_VALUE) - (a.growth ?? Number.MAX_VALUE) || (a.term < b.term ? -1 : 1))
    .slice(0, top);
  return { period, previous, scope: scope.view, terms };
}
