import { PDFDocument } from 'pdf-lib';
import QRCode from 'qrcode';
import { disclosureCategoryLabels, periodLabel, publicationKindLabels, type DisclosureCategory, type PublicationKind } from '@gongzhi/shared';
import type { AppDeps } from '../../deps.js';
import { notFound } from '../../lib/app-error.js';
import { localDate } from '../../lib/clock.js';
import { DEFAULT_REPORT_FONT, embedReportFont, readReportFont } from '../analysis/report-font.js';
// The covenant poster's layout (header, flowing paragraphs, footer with the QR code) fits a notice-board sheet as it is.
import { drawPoster, type PosterBlock } from '../analysis/poster-layout.js';
import * as repo from './publications.repository.js';

/**
 * The notice-board copy of a publication (公开栏): an A4 sheet with the published text, when and under which
 * catalogue item it was published, its sha256, and a QR code to its portal page where anyone can check it.
 * Public, like the page it points to; drafts answer 404.
 */

const chineseDate = (iso: string): string => {
  const [y, m, d] = localDate(new Date(iso)).split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
};

/** Paragraphs of the body without Markdown marks. */
const paragraphs = (body: string): string[] =>
  body
    .split('\n')
    .map((l) => l.replace(/^\s*(?:#{1,6}\s+|[-*+]\s+|>\s*)/, '').replace(/\*\*|__|`/g, '').trim())
    .filter(Boolean);

export async function publicationPoster(deps: AppDeps, id: string, opts: { fontPath?: string } = {}): Promise<{ fileName: string; bytes: Uint8Array }> {
  const p = await repo.findPublication(deps.db, id);
  if (!p || !p.published_at || (p.status !== 'published' && p.status !== 'archived')) throw notFound();
  const fontBytes = await readReportFont(opts.fontPath ?? DEFAULT_REPORT_FONT);
  const blocks: PosterBlock[] = paragraphs(p.body).map((text) => ({ kind: 'article', text }));
  const kind = publicationKindLabels[p.kind as PublicationKind]?.zh ?? '';
  const facts = [
    `${p.category ? disclosureCategoryLabels[p.category as DisclosureCategory].zh + ' · ' : ''}${kind}${p.period ? ' · ' + periodLabel(p.period) : ''}`,
    `${chineseDate(p.published_at)}发布${p.status === 'archived' ? '（已归档）' : ''}`,
  ];
  if (p.objection_ends_at) facts.push(`异议期至${chineseDate(p.objection_ends_at)}，如有异议请扫码在线提出或到社区居委会反映。`);
  facts.push(`原文校验码 SHA-256：${p.text_sha256 ?? ''}`);

  const url = `${deps.config.publicUrl}/publications/${p.id}`;
  const qrPng = await QRCode.toBuffer(url, { type: 'png', errorCorrectionLevel: 'M', margin: 1, width: 480 });
  const doc = await PDFDocument.create();
  const title = `${p.community_name} ${p.title}`;
  doc.setTitle(title);
  doc.setLanguage('zh-CN');
  doc.setCreator('Gongzhi');
  doc.setCreationDate(deps.clock.now());
  doc.setModificationDate(deps.clock.now());
  const font = await embedReportFont(doc, fontBytes);
  await drawPoster(doc, font, 'A4', { community: p.community_name, title: p.title, blocks, facts, qrPng, url, urlCaption: '扫码核对原文', continued: '（续）' });
  return { fileName: `${title}.pdf`, bytes: await doc.save() };
}
