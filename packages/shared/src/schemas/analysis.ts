import { z } from 'zod';
import { idSchema } from './common.js';
import { requestChannels, requestStatuses, urgencies } from './requests.js';

/**
 * Analysis of requests (分析): the dashboard, hotspots, trending terms, the three rates, the overdue list, the
 * .xlsx export and the monthly PDF report.
 *
 * Definitions, the same everywhere (dashboard, export, PDF footnote):
 * - **Period.** `from`/`to` are ISO date-times (`to` exclusive) or dates `YYYY-MM-DD` read in China Standard
 *   Time (UTC+8), `to` inclusive. Default: the 30 days up to now. At most two years; `from` after `to` or a longer
 *   span answers 400 `report_period_invalid`. Every figure except `overdue` concerns the requests *received* in
 *   the period (created_at within it), with their status now.
 * - **Received** (受理量): requests created in the period, all statuses.
 * - **Response rate** (响应率) = responded in time / received, merged and withdrawn requests left out of both.
 *   Responded in time: `responded_at` (first accepted by a handler) at or before `dispatch_due_at`; a request
 *   resolved on the spot (自办自结) counts as responded in time.
 * - **Resolution rate** (解决率) = rated with "resolved" / rated. Rated: the request carries a rating (the latest
 *   one, after an objection). Self-resolved requests nobody rated are in neither count.
 * - **Satisfaction rate** (满意率) = rated satisfied or basically satisfied / rated.
 * - **Overdue** (逾期): in a handling status (received, dispatched, in progress, returned, objection) with its reply
 *   deadline passed, now; whatever the period, unless the overdue list is given one.
 * A rate is null when its denominator is 0.
 * - **Late** (the export's 逾期 column): still in a handling status past the reply deadline, or replied after it.
 */

const isoDate = z.iso.date();
const periodBound = z.union([z.iso.datetime({ offset: true }), isoDate]);

/** The period and (optionally) one place inside the caller's scope: a community, grid, estate or building. */
export const analysisQuery = z.object({
  from: periodBound.optional(),
  to: periodBound.optional(),
  placeId: idSchema.optional(),
});
export type AnalysisQuery = z.infer<typeof analysisQuery>;

/** Days and weeks start on the local (UTC+8) day; a week starts on Monday. */
export const timeGranularities = ['day', 'week', 'month'] as const;
export type TimeGranularity = (typeof timeGranularities)[number];
export const summaryQuery = analysisQuery.extend({
  /** Default: day up to 62 days, week up to 26 weeks, month beyond. */
  granularity: z.enum(timeGranularities).optional(),
});
export type SummaryQuery = z.infer<typeof summaryQuery>;

export const periodView = z.object({ from: z.string(), to: z.string() });
export const scopeView = z.object({ placeId: z.string().nullable(), name: z.string(), kind: z.string().nullable() });

/** One rate: numerator / denominator, null when nobody is in the denominator. */
export const rateView = z.object({ numerator: z.number().int(), denominator: z.number().int(), rate: z.number().nullable() });
export type RateView = z.infer<typeof rateView>;
export const ratesView = z.object({ response: rateView, resolution: rateView, satisfaction: rateView });
export type RatesView = z.infer<typeof ratesView>;

export const categoryRef = z.object({ id: z.string().nullable(), code: z.string().nullable(), nameZh: z.string(), nameEn: z.string() });
const counted = { count: z.number().int() };

export const analysisSummary = z.object({
  period: periodView,
  scope: scopeView,
  totals: z.object({
    received: z.number().int(),
    /** Received in the period and in a handling status now. */
    open: z.number().int(),
    /** Received in the period and replied (or later) now. */
    replied: z.number().int(),
    /** Received in the period and closed now. */
    closed: z.number().int(),
    /** Overdue now, whenever received. */
    overdue: z.number().int(),
  }),
  rates: ratesView,
  byCategory: z.array(categoryRef.extend(counted)),
  byCommunity: z.array(z.object({ id: z.string(), name: z.string(), ...counted })),
  byGrid: z.array(z.object({ id: z.string().nullable(), name: z.string(), ...counted })),
  /** The 20 buildings with the most requests, for a scope inside one community (empty for a wider one: see byCommunity). */
  byBuilding: z.array(z.object({ id: z.string(), name: z.string(), estateName: z.string(), ...counted })),
  byChannel: z.array(z.object({ channel: z.enum(requestChannels), ...counted })),
  byStatus: z.array(z.object({ status: z.enum(requestStatuses), ...counted })),
  byTime: z.object({ granularity: z.enum(timeGranularities), buckets: z.array(z.object({ start: z.string(), ...counted })) }),
});
export type AnalysisSummary = z.infer<typeof analysisSummary>;

/** Every building in scope (also those with no request) with its parents, so the web can draw blocks by estate. */
export const hotspotsView = z.object({
  period: periodView,
  scope: scopeView,
  communities: z.array(z.object({ id: z.string(), name: z.string(), ...counted })),
  grids: z.array(z.object({ id: z.string(), name: z.string(), communityId: z.string(), ...counted })),
  estates: z.array(z.object({ id: z.string(), name: z.string(), gridId: z.string(), ...counted })),
  buildings: z.array(
    z.object({ id: z.string(), name: z.string(), estateId: z.string(), gridId: z.string(), ...counted, topCategory: categoryRef.extend(counted).nullable() }),
  ),
  /** Requests placed above any building (a grid, an estate, the community itself). */
  unplaced: z.number().int(),
  /** The largest building count, for a colour scale. */
  max: z.number().int(),
});
export type HotspotsView = z.infer<typeof hotspotsView>;

/**
 * Trending terms: in how many requests of the period each token occurs, against the previous period of the same
 * length. Tokens are the stored jieba tokens (stop words already out); one-character tokens and numbers are left
 * out. `growth` = (count − previous) / previous, null for a term the previous period did not have.
 */
export const termsView = z.object({
  period: periodView,
  previous: periodView,
  scope: scopeView,
  terms: z.array(z.object({ term: z.string(), count: z.number().int(), previous: z.number().int(), growth: z.number().nullable() })),
});
export type TermsView = z.infer<typeof termsView>;

export const rateDimensions = ['community', 'grid', 'handler', 'category', 'month'] as const;
export type RateDimension = (typeof rateDimensions)[number];
export const ratesQuery = analysisQuery.extend({ by: z.enum(rateDimensions) });
export type RatesQuery = z.infer<typeof ratesQuery>;
/** One row per community, grid, lead handler (user or organisation), category or local month `YYYY-MM`. */
export const ratesByView = z.object({
  period: periodView,
  scope: scopeView,
  by: z.enum(rateDimensions),
  rows: z.array(z.object({ key: z.string().nullable(), name: z.string(), received: z.number().int(), closed: z.number().int(), rates: ratesView })),
});
export type RatesByView = z.infer<typeof ratesByView>;

/** Overdue now; with from/to only those received in that period. */
export const overdueQuery = analysisQuery.extend({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(10_000).default(0),
});
export type OverdueQuery = z.infer<typeof overdueQuery>;
export const overdueItem = z.object({
  id: z.string(),
  number: z.string(),
  title: z.string(),
  status: z.enum(requestStatuses),
  urgency: z.enum(urgencies),
  category: categoryRef.nullable(),
  placeName: z.string().nullable(),
  createdAt: z.string(),
  replyDueAt: z.string(),
  overdueMinutes: z.number().int(),
  escalationLevel: z.number().int(),
  /** The lead handler's display name (a person or an organisation), if dispatched. */
  handlerName: z.string().nullable(),
});
export type OverdueItem = z.infer<typeof overdueItem>;
export const overdueView = z.object({ scope: scopeView, total: z.number().int(), items: z.array(overdueItem) });
export type OverdueView = z.infer<typeof overdueView>;

export const analysisExportQuery = analysisQuery;
/** `month` is a local month `YYYY-MM`; default the previous month. */
export const monthlyReportQuery = z.object({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM').optional(),
  placeId: idSchema.optional(),
});
export type MonthlyReportQuery = z.infer<typeof monthlyReportQuery>;
