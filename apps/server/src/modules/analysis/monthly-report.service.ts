import { PDFDocument } from 'pdf-lib';
import { requestStatusLabels, urgencyLabels, type MonthlyReportQuery, type RateView } from '@gongzhi/shared';
import type { AppDeps } from '../../deps.js';
import type { RequestContext } from '../../lib/actor.js';
import { recordAudit } from '../audit/audit.service.js';
import { resolveScope } from './analysis-scope.js';
import { monthPeriod } from './period.js';
import { colours, PdfLayout } from './pdf-layout.js';
import { overdueOf } from './rates.service.js';
import { DEFAULT_REPORT_FONT, embedReportFont, readReportFont } from './report-font.js';
import { summariseScope } from './summary.service.js';
import { termsOf } from './terms.service.js';

const pct = (r: RateView) => (r.rate === null ? '—' : `${(r.rate * 100).toFixed(1)}%`);
const localTime = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
const duration = (minutes: number) => (minutes >= 1440 ? `${Math.floor(minutes / 1440)} 天` : minutes >= 60 ? `${Math.floor(minutes / 60)} 小时` : `${minutes} 分钟`);

/** The footnote every report carries: how the figures are defined (the same as schemas/analysis.ts). */
export const RATE_DEFINITIONS = [
  '说明：统计对象为本月受理（创建）的诉求及其当前状态；逾期为截至生成时仍在办理且已超过答复时限的诉求。',
  '响应率 = 按时响应数 / 受理数（不含已合并、已撤回）；按时响应指首次接单时间不晚于派单时限，自办自结视为按时响应。',
  '解决率 = 评价为“已解决”的数 / 已评价数；满意率 = 评价为满意或基本满意的数 / 已评价数；未评价的自办自结诉求不计入评价分母。',
];

export interface MonthlyReport {
  fileName: string;
  asciiName: string;
  bytes: Uint8Array;
}

/**
 * The monthly report for the party secretary as a PDF: the headline figures, volume by category (a bar chart),
 * by grid, the ten busiest buildings, trending terms and the overdue list, with page numbers. Chinese text uses
 * WenQuanYi Micro Hei, subset; `fontPath` is a parameter so a test (or an operator) can point elsewhere, and a
 * missing font answers 503 naming the Debian package. Checked (scope, font) before the work starts.
 */
export async function monthlyReport(deps: AppDeps, ctx: RequestContext, q: MonthlyReportQuery, opts: { fontPath?: string } = {}): Promise<MonthlyReport> {
  const period = monthPeriod(q.month, deps.clock.now());
  const scope = await resolveScope(deps.db, ctx.actor, q.placeId);
  const fontBytes = await readReportFont(opts.fontPath ?? DEFAULT_REPORT_FONT);
  const [summary, terms, overdue] = await Promise.all([
    summariseScope(deps, scope, period, 'day', 'zh-CN'),
    termsOf(deps, scope, period, 15),
    overdueOf(deps, scope, { limit: 100, offset: 0 }, 'zh-CN'),
  ]);
  await recordAudit(deps.db, ctx, deps.clock, {
    action: 'analysis.monthly_report',
    targetType: 'analysis',
    targetId: null,
    communityId: null,
    scopePath: scope.prefixes.length === 1 ? scope.prefixes[0]! : null,
    after: { month: period.month, placeId: scope.view.placeId },
  });

  const doc = await PDFDocument.create();
  const [y, m] = period.month.split('-').map(Number) as [number, number];
  const title = `${scope.view.name} ${y}年${m}月 接诉即办月报`;
  doc.setTitle(title);
  doc.setCreator('Gongzhi 共治');
  doc.setCreationDate(deps.clock.now());
  const font = await embedReportFont(doc, fontBytes);
  const pdf = new PdfLayout(doc, font);

  pdf.text(title, { size: 20 });
  pdf.text(`统计月份：${y}年${m}月（北京时间）　生成时间：${localTime(deps.clock.now().toISOString())}`, { size: 9, color: colours.muted });
  pdf.heading('一、总体情况');
  const t = summary.totals;
  const r = summary.rates;
  pdf.figures([
    { label: '受理', value: String(t.received) },
    { label: '办结', value: String(t.closed) },
    { label: '逾期（截至生成时）', value: String(t.overdue), alert: t.overdue > 0 },
    { label: `响应率（${r.response.numerator}/${r.response.denominator}）`, value: pct(r.response) },
    { label: `解决率（${r.resolution.numerator}/${r.resolution.denominator}）`, value: pct(r.resolution) },
    { label: `满意率（${r.satisfaction.numerator}/${r.satisfaction.denominator}）`, value: pct(r.satisfaction) },
  ]);
  pdf.gap(4);
  for (const line of RATE_DEFINITIONS) pdf.text(line, { size: 7.5, color: colours.muted });

  pdf.heading('二、分类诉求量');
  if (summary.byCategory.length === 0) pdf.text('本月无诉求。', { color: colours.muted });
  pdf.bars(summary.byCategory.map((c) => ({ label: c.nameZh, value: c.count })));

  pdf.heading('三、各网格诉求量');
  pdf.bars(summary.byGrid.map((g) => ({ label: g.name, value: g.count })));

  pdf.heading('四、诉求最多的楼栋（前 10）');
  const top = summary.byBuilding.slice(0, 10);
  if (top.length === 0) pdf.text('本月无落到楼栋的诉求。', { color: colours.muted });
  else pdf.table([{ title: '序号', width: 1 }, { title: '小区', width: 4 }, { title: '楼栋', width: 4 }, { title: '诉求数', width: 2, align: 'right' }], top.map((b, i) => [String(i + 1), b.estateName, b.name, String(b.count)]));

  pdf.heading('五、热点词（与上一期相比）');
  if (terms.terms.length === 0) pdf.text('本月无可统计的词。', { color: colours.muted });
  else
    pdf.table(
      [{ title: '词', width: 4 }, { title: '本月', width: 2, align: 'right' }, { title: '上期', width: 2, align: 'right' }, { title: '增幅', width: 2, align: 'right' }],
      terms.terms.map((x) => [x.term, String(x.count), String(x.previous), x.growth === null ? '新出现' : `${x.growth >= 0 ? '+' : ''}${(x.growth * 100).toFixed(0)}%`]),
    );

  pdf.heading(`六、逾期诉求（截至生成时，共 ${overdue.total} 件${overdue.total > overdue.items.length ? `，列出最久的 ${overdue.items.length} 件` : ''}）`);
  if (overdue.items.length === 0) pdf.text('无逾期诉求。', { color: colours.muted });
  else
    pdf.table(
      [{ title: '编号', width: 3 }, { title: '标题', width: 5 }, { title: '地点', width: 4 }, { title: '状态', width: 2 }, { title: '紧急程度', width: 2 }, { title: '逾期', width: 2, align: 'right' }],
      overdue.items.map((o) => [o.number, o.title, o.placeName ?? '', requestStatusLabels[o.status].zh, urgencyLabels[o.urgency].zh, duration(o.overdueMinutes)]),
    );

  pdf.numberPages((n, total) => `第 ${n} 页 / 共 ${total} 页`);
  const bytes = await doc.save();
  return { fileName: `${title.replace(/\s+/g, '-')}.pdf`, asciiName: `monthly-report-${period.month}.pdf`, bytes };
}
