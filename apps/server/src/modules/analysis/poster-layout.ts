import type { PDFDocument, PDFFont, PDFImage, PDFPage, RGB } from 'pdf-lib';
import { colours } from './pdf-layout.js';

/**
 * The notice-board poster's layout, shared by the covenant poster, the publication sheet and the fee board: a
 * header (community, title), blocks of text in one or two columns, and a footer (facts, the QR code and its URL). The body's type size is the largest that fits the page
 * (one column preferred at a size, then two); below the smallest size the text continues on further pages.
 */

export type PosterSize = 'A3' | 'A4';

interface Spec {
  w: number;
  h: number;
  margin: number;
  community: number;
  title: number;
  footer: number;
  qr: number;
  maxBody: number;
  minBody: number;
}

const specs: Record<PosterSize, Spec> = {
  A3: { w: 841.89, h: 1190.55, margin: 56, community: 20, title: 40, footer: 12, qr: 132, maxBody: 18, minBody: 8 },
  A4: { w: 595.28, h: 841.89, margin: 40, community: 14, title: 28, footer: 8.5, qr: 92, maxBody: 13, minBody: 6 },
};

export interface PosterBlock {
  kind: 'chapter' | 'article';
  text: string;
}

export interface PosterContent {
  community: string;
  title: string;
  blocks: PosterBlock[];
  /** Lines of the footer's text (adoption, filing, publication, pledges). */
  facts: string[];
  qrPng: Uint8Array;
  url: string;
  urlCaption: string;
  continued: string;
}

interface Line {
  text: string;
  size: number;
  color: RGB;
  /** Space above the line (a paragraph or chapter gap), dropped at the top of a column. */
  before: number;
  /** Keep with the next line (a chapter heading). */
  keep: boolean;
}

const accent = colours.bar;

/**
 * Widths of text in a font, from cached per-character advances: measuring a whole string through fontkit for
 * every candidate line (and every size tried) is quadratic and slow; CJK text has no kerning worth keeping.
 */
export class Measure {
  private readonly advances = new Map<string, number>();
  constructor(readonly font: PDFFont) {}
  width(text: string, size: number): number {
    let w = 0;
    for (const ch of text) {
      let a = this.advances.get(ch);
      if (a === undefined) {
        a = this.font.widthOfTextAtSize(ch, 1000) / 1000;
        this.advances.set(ch, a);
      }
      w += a;
    }
    return w * size;
  }
}

/** Split text into lines no wider than `width`; CJK breaks anywhere, and runs of Latin letters or digits stay whole when they fit. */
export function wrapText(m: Measure, text: string, size: number, width: number): string[] {
  const out: string[] = [];
  const push = (line: string) => {
    if (line.trim()) out.push(line.trimEnd());
  };
  for (const para of text.split('\n')) {
    const tokens = para.match(/[A-Za-z0-9@:/._%?=&#+-]+|./gu) ?? [];
    let line = '';
    let lineWidth = 0;
    for (const tok of tokens) {
      const w = m.width(tok, size);
      if (lineWidth + w <= width) {
        line += tok;
        lineWidth += w;
        continue;
      }
      push(line);
      line = tok.trim() ? tok : '';
      // A token wider than the line (a very long URL) is broken by characters.
      while (m.width(line, size) > width && line.length > 1) {
        let cut = line.length - 1;
        while (cut > 1 && m.width(line.slice(0, cut), size) > width) cut--;
        out.push(line.slice(0, cut));
        line = line.slice(cut);
      }
      lineWidth = m.width(line, size);
    }
    push(line);
  }
  return out;
}

function bodyLines(m: Measure, blocks: PosterBlock[], size: number, width: number): Line[] {
  const lines: Line[] = [];
  for (const b of blocks) {
    const chapter = b.kind === 'chapter';
    const s = chapter ? size * 1.2 : size;
    wrapText(m, b.text, s, width).forEach((text, i) =>
      lines.push({ text, size: s, color: chapter ? accent : colours.text, before: i === 0 ? (chapter ? size * 0.9 : size * 0.45) : 0, keep: chapter }),
    );
  }
  return lines;
}

const lineHeight = (l: Line) => l.size * 1.5;

/** Columns of lines filling areas of `height`; each column is a list of lines with their y offsets from the top. */
function flow(lines: Line[], height: number): { line: Line; y: number }[][] {
  const columns: { line: Line; y: number }[][] = [[]];
  let y = 0;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const col = columns[columns.length - 1]!;
    const before = col.length === 0 ? 0 : l.before;
    const next = lines[i + 1];
    const need = before + lineHeight(l) + (l.keep && next ? next.before + lineHeight(next) : 0);
    if (col.length > 0 && y + need > height) {
      columns.push([]);
      y = 0;
      i--;
      continue;
    }
    y += before + lineHeight(l);
    col.push({ line: l, y });
  }
  return columns;
}

export async function drawPoster(doc: PDFDocument, font: PDFFont, size: PosterSize, c: PosterContent): Promise<void> {
  const s = specs[size];
  const m = new Measure(font);
  const width = s.w - 2 * s.margin;
  const page = doc.addPage([s.w, s.h]);
  const centred = (p: PDFPage, text: string, y: number, sz: number, color: RGB) =>
    p.drawText(text, { x: (s.w - font.widthOfTextAtSize(text, sz)) / 2, y, size: sz, font, color });

  // Header.
  let y = s.h - s.margin - s.community;
  centred(page, c.community, y, s.community, colours.muted);
  for (const t of wrapText(m, c.title, s.title, width)) {
    y -= s.title * 1.35;
    centred(page, t, y, s.title, colours.text);
  }
  y -= s.title * 0.6;
  page.drawLine({ start: { x: s.margin, y }, end: { x: s.w - s.margin, y }, thickness: 1.2, color: accent });
  const bodyTop = y - s.footer;

  // Footer: facts on the left, the QR code on the right, the URL under it.
  const qr: PDFImage = await doc.embedPng(c.qrPng);
  const factWidth = width - s.qr - 24;
  const facts = c.facts.flatMap((f) => wrapText(m, f, s.footer, factWidth));
  const urlSize = Math.min(s.footer * 0.8, fitSize(m, c.url, width, s.footer * 0.8));
  const footerHeight = Math.max(facts.length * s.footer * 1.6, s.qr + s.footer * 1.4) + urlSize * 1.8;
  const footerTop = s.margin + footerHeight;
  page.drawLine({ start: { x: s.margin, y: footerTop + 10 }, end: { x: s.w - s.margin, y: footerTop + 10 }, thickness: 0.5, color: colours.rule });
  facts.forEach((f, i) => page.drawText(f, { x: s.margin, y: footerTop - (i + 1) * s.footer * 1.6, size: s.footer, font, color: colours.text }));
  const qrX = s.w - s.margin - s.qr;
  const qrY = footerTop - s.qr;
  page.drawImage(qr, { x: qrX, y: qrY, width: s.qr, height: s.qr });
  const caption = c.urlCaption;
  page.drawText(caption, { x: qrX + (s.qr - font.widthOfTextAtSize(caption, s.footer * 0.85)) / 2, y: qrY - s.footer * 1.2, size: s.footer * 0.85, font, color: colours.muted });
  page.drawText(c.url, { x: s.w - s.margin - font.widthOfTextAtSize(c.url, urlSize), y: s.margin, size: urlSize, font, color: colours.muted });

  // Body: the largest size (one column, then two) whose text fits between header and footer.
  const bodyHeight = bodyTop - (footerTop + 24);
  const gutter = 24;
  let chosen: { cols: number; columns: { line: Line; y: number }[][] } | null = null;
  for (let sz = s.maxBody; sz >= s.minBody && !chosen; sz -= 0.5) {
    for (const cols of [1, 2]) {
      const colWidth = (width - (cols - 1) * gutter) / cols;
      const columns = flow(bodyLines(m, c.blocks, sz, colWidth), bodyHeight);
      if (columns.length <= cols) {
        chosen = { cols, columns };
        break;
      }
    }
  }
  const cols = chosen?.cols ?? 2;
  const colWidth = (width - (cols - 1) * gutter) / cols;
  if (chosen) {
    drawColumns(chosen.columns, page, bodyTop, cols, colWidth, gutter, s.margin, font);
    return;
  }
  // Too long for one page even at the smallest size: page 1's area, then whole pages headed "（续）".
  const lines = bodyLines(m, c.blocks, s.minBody, colWidth);
  const first = flow(lines, bodyHeight).slice(0, cols);
  drawColumns(first, page, bodyTop, cols, colWidth, gutter, s.margin, font);
  let rest = lines.slice(first.reduce((n, col) => n + col.length, 0));
  while (rest.length > 0) {
    const p = doc.addPage([s.w, s.h]);
    const top = s.h - s.margin - s.footer * 1.2;
    p.drawText(`${c.title}${c.continued}`, { x: s.margin, y: top, size: s.footer, font, color: colours.muted });
    const columns = flow(rest, top - s.footer - s.margin).slice(0, cols);
    drawColumns(columns, p, top - s.footer, cols, colWidth, gutter, s.margin, font);
    rest = rest.slice(columns.reduce((n, col) => n + col.length, 0));
  }
}

function drawColumns(columns: { line: Line; y: number }[][], page: PDFPage, top: number, cols: number, colWidth: number, gutter: number, margin: number, font: PDFFont) {
  columns.slice(0, cols).forEach((col, i) => {
    const x = margin + i * (colWidth + gutter);
    for (const { line, y } of col) page.drawText(line.text, { x, y: top - y + line.size * 0.3, size: line.size, font, color: line.color });
  });
}

/** The size at which `text` fits `width` on one line, at most `max`. */
function fitSize(m: Measure, text: string, width: number, max: number): number {
  const w = m.width(text, max);
  return w <= width ? max : Math.floor(((max * width) / w) * 10) / 10;
}

const numerals = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 23 → 二十三, 105 → 一百零五 (chapters and articles of a covenant stay well below 1,000). */
export function toChineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n >= 1000) return String(n);
  if (n < 10) return numerals[n]!;
  if (n < 20) return '十' + (n % 10 ? numerals[n % 10]! : '');
  if (n < 100) return numerals[Math.floor(n / 10)]! + '十' + (n % 10 ? numerals[n % 10]! : '');
  const rest = n % 100;
  const head = numerals[Math.floor(n / 100)]! + '百';
  if (rest === 0) return head;
  return head + (rest < 10 ? '零' + numerals[rest]! : rest < 20 ? '一' + toChineseNumeral(rest) : toChineseNumeral(rest));
}
