import type { Writable } from 'node:stream';
import {
  handlingStatuses,
  ratingLabels,
  requestChannelLabels,
  requestStatusLabels,
  urgencyLabels,
  type AnalysisQuery,
  type Locale,
  type Rating,
  type RequestChannel,
  type RequestStatus,
  type Urgency,
} from '@gongzhi/shared';
import type { AppDeps } from '../../deps.js';
import type { RequestContext } from '../../lib/actor.js';
import { recordAudit } from '../audit/audit.service.js';
import { labelsForPaths } from '../registers/place-labels.js';
import type { PreparedFile } from '../transfer/export.service.js';
import { XlsxWriter } from '../transfer/xlsx/xlsx-writer.js';
import { resolveScope, type AnalysisScope } from './analysis-scope.js';
import { exportPage, type ExportRequestRow } from './analysis.repository.js';
import { localDay, resolvePeriod, type Period } from './period.js';
import { categoryRefs } from './names.js';
import { rateRows } from './rates.service.js';

const PAGE = 2_000;
type L = { zh: string; en: string };
const t = (l: L, locale: Locale) => (locale === 'en-US' ? l.en : l.zh);

const requestColumns: [L, number][] = [
  [{ zh: '编号', en: 'Number' }, 18],
  [{ zh: '受理时间', en: 'Received' }, 18],
  [{ zh: '答复时间', en: 'Replied' }, 18],
  [{ zh: '办结时间', en: 'Closed' }, 18],
  [{ zh: '分类', en: 'Category' }, 14],
  [{ zh: '地点', en: 'Place' }, 36],
  [{ zh: '状态', en: 'Status' }, 10],
  [{ zh: '渠道', en: 'Channel' }, 12],
  [{ zh: '紧急程度', en: 'Urgency' }, 10],
  [{ zh: '逾期', en: 'Overdue' }, 8],
  [{ zh: '评价', en: 'Rating' }, 10],
  [{ zh: '是否解决', en: 'Resolved' }, 10],
];
const rateColumns: [L, number][] = [
  [{ zh: '受理量', en: 'Received' }, 10],
  [{ zh: '办结量', en: 'Closed' }, 10],
  [{ zh: '响应率(%)', en: 'Response rate (%)' }, 14],
  [{ zh: '解决率(%)', en: 'Resolution rate (%)' }, 14],
  [{ zh: '满意率(%)', en: 'Satisfaction rate (%)' }, 14],
];
const yesNo = (b: boolean, locale: Locale) => (b ? t({ zh: '是', en: 'Yes' }, locale) : t({ zh: '否', en: 'No' }, locale));
/** Local (UTC+8) date and time to the minute: what a spreadsheet reader expects to see. */
const localTime = (iso: string | null) => (iso ? new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ') : null);
const pct = (r: number | null) => (r === null ? null : Math.round(r * 10_000) / 100);

/** Late: still handling past the reply deadline, or replied after it. */
export const wasOverdue = (r: Pick<ExportRequestRow, 'status' | 'reply_due_at' | 'replied_at'>, now: string) =>
  (handlingStatuses.includes(r.status as RequestStatus) && r.reply_due_at < now) || (r.replied_at !== null && r.replied_at > r.reply_due_at);

/**
 * The analysis as .xlsx, checked and audited before a byte is written: the requests received in the period (no
 * names or phones), a summary by category and the rates by grid. Streamed page by page with the transfer module's
 * writer, so memory holds one page whatever the period.
 */
export async function prepareAnalysisExport(deps: AppDeps, ctx: RequestContext, q: AnalysisQuery, locale: Locale): Promise<PreparedFile> {
  const period = resolvePeriod(q, deps.clock.now());
  const scope = await resolveScope(deps.db, ctx.actor, q.placeId);
  await recordAudit(deps.db, ctx, deps.clock, {
    action: 'analysis.export',
    targetType: 'analysis',
    targetId: null,
    communityId: scope.parts.length === 1 && scope.parts[0]!.communityIds.length === 1 ? scope.parts[0]!.communityIds[0]! : null,
    scopePath: scope.prefixes.length === 1 ? scope.prefixes[0]! : null,
    after: { period, placeId: scope.view.placeId },
  });
  const days = `${localDay(period.from)}_${localDay(new Date(Date.parse(period.to) - 1))}`;
  return {
    fileName: `${t({ zh: '诉求分析', en: 'requests-analysis' }, locale)}-${scope.view.name}-${days}.xlsx`,
    asciiName: `requests-analysis-${days}.xlsx`,
    write: (out) => writeAnalysisWorkbook(deps, scope, period, locale, out),
  };
}

/** Write the workbook into `out` (ends it); resolves with the number of request rows. */
export async function writeAnalysisWorkbook(deps: AppDeps, scope: AnalysisScope, period: Period, locale: Locale, out: Writable): Promise<number> {
  const w = new XlsxWriter(out);
  const now = deps.clock.now().toISOString();
  const header = (cols: [L, number][]) => w.row(cols.map(([l]) => ({ value: t(l, locale), style: 'header' as const })), 1);
  await w.startSheet(t({ zh: '诉求明细', en: 'Requests' }, locale), requestColumns.map(([, width]) => ({ width, style: 'text' as const })), { frozenHeader: true });
  header(requestColumns);
  let rows = 0;
  let after: { createdAt: string; id: string } | null = null;
  for (;;) {
    const page = await exportPage(deps.db, scope.parts, period, after, PAGE);
    const [labels, cats] = await Promise.all([labelsForPaths(deps.db, page.map((r) => r.place_path)), categoryRefs(deps, [...new Set(page.map((r) => r.category_id))], locale)]);
    for (const r of page) {
      const cat = cats.get(r.category_id);
      w.values([
        r.number,
        localTime(r.created_at),
        localTime(r.replied_at),
        localTime(r.closed_at),
        cat ? (locale === 'en-US' ? cat.nameEn : cat.nameZh) : null,
        labels.get(r.place_path) || null,
        t(requestStatusLabels[r.status as RequestStatus], locale),
        t(requestChannelLabels[r.channel as RequestChannel], locale),
        t(urgencyLabels[r.urgency as Urgency], locale),
        yesNo(wasOverdue(r, now), locale),
        r.rating ? t(ratingLabels[r.rating as Rating], locale) : null,
        r.rating ? yesNo(r.resolved === 1, locale) : null,
      ]);
    }
    rows += page.length;
    await w.flush();
    if (page.length < PAGE) break;
    after = { createdAt: page[page.length - 1]!.created_at, id: page[page.length - 1]!.id };
  }
  const rateSheet = async (name: L, first: L, by: 'category' | 'grid') => {
    const cols: [L, number][] = [[first, 20], ...rateColumns];
    await w.startSheet(t(name, locale), cols.map(([, width], i) => ({ width, style: i === 0 ? ('text' as const) : ('general' as const) })), { frozenHeader: true });
    header(cols);
    for (const r of await rateRows(deps, scope, period, by, locale)) {
      w.values([r.name, r.received, r.closed, pct(r.rates.response.rate), pct(r.rates.resolution.rate), pct(r.rates.satisfaction.rate)]);
    }
  };
  await rateSheet({ zh: '分类汇总', en: 'By category' }, { zh: '分类', en: 'Category' }, 'category');
  await rateSheet({ zh: '网格三率', en: 'Rates by grid' }, { zh: '网格', en: 'Grid' }, 'grid');
  await w.finish();
  return rows;
}
