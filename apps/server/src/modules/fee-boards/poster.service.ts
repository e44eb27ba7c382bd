import { PDFDocument } from 'pdf-lib';
import QRCode from 'qrcode';
import { formatYuan, maskPersonName, type FeeBoardPosterQuery } from '@gongzhi/shared';
import type { AppDeps } from '../../deps.js';
import { notFound } from '../../lib/app-error.js';
import { localDate } from '../../lib/clock.js';
import { DEFAULT_REPORT_FONT, embedReportFont, readReportFont } from '../analysis/report-font.js';
import { lineView, totalsOf } from './content.js';
import * as repo from './fee-boards.repository.js';
import { drawFeePoster, type PosterRow } from './poster-layout.js';

/**
 * The printable poster of a published board for the estate's notice board (A3 by default, A4 on request), with a
 * QR code to the board's public page, where the hash printed here can be checked. Public like that page; a draft
 * answers 404. Set in WenQuanYi Micro Hei, subset, so the text layer extracts (and pdftotext can read it).
 */

/** 2026-10 → 2026年10月 */
export const chineseMonth = (month: string): string => `${month.slice(0, 4)}年${Number(month.slice(5))}月`;
const chineseDate = (date: string): string => `${date.slice(0, 4)}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;

export async function feeBoardPoster(deps: AppDeps, id: string, q: FeeBoardPosterQuery, opts: { fontPath?: string } = {}): Promise<{ fileName: string; bytes: Uint8Array }> {
  const b = await repo.findBoard(deps.db, id);
  if (!b || b.status === 'draft' || !b.published_at || !b.content_hash) throw notFound();
  const fontBytes = await readReportFont(opts.fontPath ?? DEFAULT_REPORT_FONT);
  const stored = (await repo.linesOf(deps.db, [id])).get(id) ?? [];
  const totals = totalsOf(stored);
  const rows: PosterRow[] = stored.map(lineView).map((l) => ({
    cells: [l.label, l.quantity ? `${l.quantity}${l.unit ? ` ${l.unit}` : ''}` : '', formatYuan(l.collectedFen), formatYuan(l.spentFen), l.note ?? ''],
  }));
  rows.push({ cells: ['合计', '', formatYuan(totals.collectedFen), formatYuan(totals.spentFen), `结余 ${formatYuan(totals.balanceFen)}`], total: true });

  const facts = [`公示单位：${b.community_name}居民委员会　发布人：${maskPersonName(b.published_by_name ?? '')}　公示日期：${chineseDate(localDate(new Date(b.published_at)))}`];
  if (b.revision > 1) facts.push(`第${b.revision}版，更正了：${b.correction_reason ?? ''}`);
  if (b.status === 'superseded') facts.push('本版已被更正，请扫码查看最新一版。');
  facts.push('金额单位：元。如有疑问，请向社区居委会反映。');

  const url = `${deps.config.publicUrl}/fee-boards/${b.id}`;
  const qrPng = await QRCode.toBuffer(url, { type: 'png', errorCorrectionLevel: 'M', margin: 1, width: 480 });
  const doc = await PDFDocument.create();
  const title = `${b.estate_name} ${chineseMonth(b.month)}收费公示`;
  doc.setTitle(`${b.community_name} ${title}`);
  doc.setLanguage('zh-CN');
  doc.setCreator('Gongzhi');
  doc.setCreationDate(deps.clock.now());
  doc.setModificationDate(deps.clock.now());
  const font = await embedReportFont(doc, fontBytes);
  await drawFeePoster(doc, font, q.size, {
    community: b.community_name,
    title,
    subtitle: '物业费、路灯费、垃圾费、用水、车辆停放、电动车充电的收取与支出',
    header: ['项目', '用量', '收取金额(元)', '支出金额(元)', '备注'],
    rows,
    facts,
    hashLabel: '内容校验码(SHA-256)，扫码可核对：',
    hash: b.content_hash,
    qrPng,
    url,
    urlCaption: '扫码查看与核对',
  });
  return { fileName: `${title}-${q.size}.pdf`, bytes: await doc.save() };
}
