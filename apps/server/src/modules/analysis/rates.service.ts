import type { Locale, OverdueQuery, OverdueView, RatesByView, RatesQuery, RateDimension, RequestStatus, Urgency } from '@gongzhi/shared';
import type { AppDeps } from '../../deps.js';
import type { RequestContext } from '../../lib/actor.js';
import { labelsForPaths } from '../registers/place-labels.js';
import { resolveScope, type AnalysisScope } from './analysis-scope.js';
import { countersByHandler, countOverdue, leadHandlerNames, overduePage, type Counters } from './analysis.repository.js';
import { countersFor } from './counters.js';
import { resolvePeriod, type Period } from './period.js';
import { labelIn, noneLabels, ratesOf, sumBy } from './rates.js';
import { categoryRefs, placeNames } from './names.js';

type Row = RatesByView['rows'][number];
const row = (key: string | null, name: string, c: Counters): Row => ({ key, name, received: c.received, closed: c.closed, rates: ratesOf(c) });

/** The three rates per community, grid, lead handler, category or local month. */
export async function ratesBy(deps: AppDeps, ctx: RequestContext, q: RatesQuery, locale: Locale): Promise<RatesByView> {
  const period = resolvePeriod(q, deps.clock.now());
  const scope = await resolveScope(deps.db, ctx.actor, q.placeId);
  return { period, scope: scope.view, by: q.by, rows: await rateRows(deps, scope, period, q.by, locale) };
}

/** Rows sorted by received (months in calendar order). */
export async function rateRows(deps: AppDeps, scope: AnalysisScope, period: Period, by: RateDimension, locale: Locale): Promise<Row[]> {
  const byReceived = (a: Row, b: Row) => b.received - a.received || (a.name < b.name ? -1 : 1);
  switch (by) {
    case 'handler':
      return (await countersByHandler(deps.db, scope.parts, period)).map((h) => row(h.key, h.name, h)).sort(byReceived);
    case 'month': {
      const days = [...(await countersFor(deps, scope, period, 'day'))].map(([day, c]) => ({ ...c, day }));
      return [...sumBy(days, (d) => d.day?.slice(0, 7) ?? null)].sort((a, b) => (String(a[0]) < String(b[0]) ? -1 : 1)).map(([m, c]) => row(m, m ?? '', c));
    }
    case 'category': {
      const rows = [...(await countersFor(deps, scope, period, 'category'))].filter(([, c]) => c.received !== 0);
      const refs = await categoryRefs(deps, rows.map(([id]) => id), locale);
      return rows.map(([id, c]) => row(id, (locale === 'en-US' ? refs.get(id)?.nameEn : refs.get(id)?.nameZh) ?? '', c)).sort(byReceived);
    }
    case 'community':
    case 'grid': {
      const rows = [...(await countersFor(deps, scope, period, by))].filter(([, c]) => c.received !== 0);
      const names = await placeNames(deps, rows.map(([id]) => id).filter((id): id is string => id !== null));
      const none = labelIn(noneLabels.grid, locale);
      return rows.map(([id, c]) => row(id, id ? (names.get(id)?.name ?? '?') : none, c)).sort(byReceived);
    }
  }
}

/** Overdue requests now, most overdue first, with what a supervisor needs to chase them (no personal data). */
export async function overdueList(deps: AppDeps, ctx: RequestContext, q: OverdueQuery, locale: Locale): Promise<OverdueView> {
  const now = deps.clock.now();
  // Only a period someone asked for narrows the list: overdue is a state now, whenever the request came in.
  const period = q.from !== undefined || q.to !== undefined ? resolvePeriod(q, now) : undefined;
  const scope = await resolveScope(deps.db, ctx.actor, q.placeId);
  return overdueOf(deps, scope, { limit: q.limit, offset: q.offset }, locale, period);
}

export async function overdueOf(deps: AppDeps, scope: AnalysisScope, page: { limit: number; offset: number }, locale: Locale, period?: Period): Promise<OverdueView> {
  const now = deps.clock.now();
  const nowIso = now.toISOString();
  const [total, rows] = await Promise.all([countOverdue(deps.db, scope.parts, nowIso, period), overduePage(deps.db, scope.parts, nowIso, page, period)]);
  const [labels, handlers, cats] = await Promise.all([
    labelsForPaths(deps.db, rows.map((r) => r.place_path)),
    leadHandlerNames(deps.db, rows.map((r) => r.id)),
    categoryRefs(deps, [...new Set(rows.map((r) => r.category_id))], locale),
  ]);
  return {
    scope: scope.view,
    total,
    items: rows.map((r) => ({
      id: r.id,
      number: r.number,
      title: r.title,
      status: r.status as RequestStatus,
      urgency: r.urgency as Urgency,
      category: r.category_id ? cats.get(r.category_id)! : null,
      placeName: labels.get(r.place_path) || null,
      createdAt: r.created_at,
      replyDueAt: r.reply_due_at,
      overdueMinutes: Math.floor((now.getTime() - Date.parse(r.reply_due_at)) / 60_000),
      escalationLevel: Number(r.escalation_level),
      handlerName: handlers.get(r.id) ?? null,
    })),
  };
}
