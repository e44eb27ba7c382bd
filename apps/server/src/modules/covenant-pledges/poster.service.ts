import { PDFDocument } from 'pdf-lib';
import QRCode from 'qrcode';
import { deliberationMeetingKindLabels, type DeliberationMeetingKind, type PosterQuery } from '@gongzhi/shared';
import type { AppDeps } from '../../deps.js';
import { notFound } from '../../lib/app-error.js';
import { localDate } from '../../lib/clock.js';
import { DEFAULT_REPORT_FONT, embedReportFont, readReportFont } from '../analysis/report-font.js';
import * as repo from './covenant-pledges.repository.js';
import { drawPoster, toChineseNumeral, type PosterBlock } from '../analysis/poster-layout.js';

/**
 * The printable poster of a published covenant (A3 by default, A4 on request): the adopted text, how and when it
 * was adopted and filed, how many households pledged, and a QR code to the covenant's public page. Public, like
 * the portal page it points to; anything unpublished answers 404. Chinese text is set in WenQuanYi Micro Hei
 * (the analysis report's font helpers), subset, so the text layer extracts.
 */

/** 2026-11-20 → 2026年11月20日 */
const chineseDate = (date: string): string => {
  const [y, m, d] = date.split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
};

/** Strip the Markdown a covenant's body may carry (emphasis, list and heading marks); keep its line breaks. */
const plain = (body: string): string =>
  body
    .split('\n')
    .map((l) => l.replace(/^\s*(?:#{1,6}\s+|[-*+]\s+|>\s*)/, '').replace(/\*\*|__/g, '').trim())
    .filter(Boolean)
    .join('\n');

export interface Poster {
  fileName: string;
  bytes: Uint8Array;
}

export async function covenantPoster(deps: AppDeps, id: string, q: PosterQuery, opts: { fontPath?: string } = {}): Promise<Poster> {
  const cv = await repo.findCovenant(deps.db, id);
  if (!cv || !cv.published_at || !cv.adopted_version_id) throw notFound();
  const fontBytes = await readReportFont(opts.fontPath ?? DEFAULT_REPORT_FONT);
  const [articles, vote, pledged] = await Promise.all([
    repo.adoptedArticles(deps.db, cv.adopted_version_id),
    repo.adoptingVote(deps.db, cv.id, cv.adopted_version_id),
    repo.countStandingPledges(deps.db, cv.id),
  ]);

  const blocks: PosterBlock[] = [];
  let chapter: number | null = null;
  for (const a of articles) {
    if (a.chapter_number !== null && a.chapter_number !== chapter) {
      chapter = a.chapter_number;
      blocks.push({ kind: 'chapter', text: `第${toChineseNumeral(a.chapter_number)}章 ${a.chapter_title ?? ''}`.trim() });
    }
    blocks.push({ kind: 'article', text: `第${toChineseNumeral(a.number)}条 ${plain(a.body)}` });
  }

  const facts: string[] = [];
  if (vote) {
    const kind = deliberationMeetingKindLabels[vote.meeting_kind as DeliberationMeetingKind]?.zh ?? vote.meeting_kind;
    facts.push(
      `本公约经${chineseDate(localDate(new Date(vote.decided_at)))}${kind}表决通过：应到${vote.eligible}，实到${vote.present}（其中女性${vote.women_present}），` +
        `赞成${vote.for_count}，反对${vote.against_count}，弃权${vote.abstain_count}。`,
    );
  }
  if (cv.filed_on) facts.push(`已于${chineseDate(cv.filed_on)}报街道备案${cv.filing_reference ? `，备案号：${cv.filing_reference}` : ''}。`);
  facts.push(`${chineseDate(localDate(new Date(cv.published_at)))}公布施行。`);
  facts.push(`已有 ${pledged} 户家庭签字承诺遵守本公约。`);

  const url = `${deps.config.publicUrl}/covenants/${cv.id}`;
  const qrPng = await QRCode.toBuffer(url, { type: 'png', errorCorrectionLevel: 'M', margin: 1, width: 480 });

  const doc = await PDFDocument.create();
  const title = `${cv.community_name} ${cv.title}`;
  doc.setTitle(title);
  doc.setSubject(cv.title);
  doc.setLanguage('zh-CN');
  doc.setCreator('Gongzhi');
  doc.setCreationDate(deps.clock.now());
  doc.setModificationDate(deps.clock.now());
  const font = await embedReportFont(doc, fontBytes);
  await drawPoster(doc, font, q.size, {
    community: cv.community_name,
    title: cv.title,
    blocks,
    facts,
    qrPng,
    url,
    urlCaption: '扫码阅读全文',
    continued: '（续）',
  });
  return { fileName: `${title}-${q.size}.pdf`, bytes: await doc.save() };
}
