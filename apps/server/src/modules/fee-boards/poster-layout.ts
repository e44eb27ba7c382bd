import type { PDFDocument, PDFFont, PDFPage } from 'pdf-lib';
import { colours } from '../analysis/pdf-layout.js';
import { Measure, wrapText } from '../analysis/poster-layout.js';

/**
 * The fee board poster's layout: a header (community, estate and month), the table of items (collected, spent,
 * quantity, note) with its totals row, and a footer (publisher and date, revision, the content hash, the QR code
 * and its URL). A board has at most twelve lines, so one page always holds it; type sizes scale with the paper.
 */

export type PosterSize = 'A3' | 'A4';

const specs: Record<PosterSize, { w: number; h: number; margin: number; scale: number; qr: number }> = {
  A3: { w: 841.89, h: 1190.55, margin: 56, scale: 1.41, qr: 150 },
  A4: { w: 595.28, h: 841.89, margin: 40, scale: 1, qr: 104 },
};

export interface PosterRow {
  cells: [string, string, string, string, string];
  total?: boolean;
}

export interface FeePosterContent {
  community: string;
  title: string;
  subtitle: string;
  header: [string, string, string, string, string];
  rows: PosterRow[];
  facts: string[];
  hashLabel: string;
  hash: string;
  qrPng: Uint8Array;
  url: string;
  urlCaption: string;
}

/** Column widths as shares of the table: item, quantity, collected, spent, note. */
const shares = [0.2, 0.14, 0.19, 0.19, 0.28];
const rightAligned = [false, true, true, true, false];

export async function drawFeePoster(doc: PDFDocument, font: PDFFont, size: PosterSize, c: FeePosterContent): Promise<void> {
  const s = specs[size];
  const k = s.scale;
  const m = new Measure(font);
  const page = doc.addPage([s.w, s.h]);
  const width = s.w - 2 * s.margin;
  const centred = (p: PDFPage, t: string, y: number, sz: number, color = colours.text) => p.drawText(t, { x: (s.w - m.width(t, sz)) / 2, y, size: sz, font, color });

  let y = s.h - s.margin - 14 * k;
  centred(page, c.community, y, 14 * k, colours.muted);
  for (const t of wrapText(m, c.title, 28 * k, width)) {
    y -= 28 * k * 1.35;
    centred(page, t, y, 28 * k);
  }
  y -= 24 * k;
  centred(page, c.subtitle, y, 11 * k, colours.muted);
  y -= 12 * k;
  page.drawLine({ start: { x: s.margin, y }, end: { x: s.w - s.margin, y }, thickness: 1.2, color: colours.bar });

  // The table.
  const body = 11 * k;
  const pad = 6 * k;
  const xs = shares.reduce<number[]>((acc, sh, i) => [...acc, (acc[i] ?? s.margin) + sh * width], [s.margin]);
  y -= 18 * k;
  const drawRow = (cells: string[], bold: boolean, shade: boolean) => {
    const wrapped = cells.map((t, i) => wrapText(m, t, body, shares[i]! * width - 2 * pad));
    const lines = Math.max(1, ...wrapped.map((w) => w.length));
    const h = lines * body * 1.4 + pad * 2;
    if (shade) page.drawRectangle({ x: s.margin, y: y - h, width, height: h, color: colours.box });
    wrapped.forEach((ls, i) =>
      ls.forEach((t, j) => {
        const tx = rightAligned[i] ? xs[i + 1]! - pad - m.width(t, body) : xs[i]! + pad;
        page.drawText(t, { x: tx, y: y - pad - body * (1 + j * 1.4), size: body, font, color: bold ? colours.bar : colours.text });
      }),
    );
    y -= h;
    page.drawLine({ start: { x: s.margin, y }, end: { x: s.w - s.margin, y }, thickness: bold ? 1 : 0.5, color: bold ? colours.bar : colours.rule });
  };
  drawRow(c.header, true, true);
  for (const r of c.rows) drawRow(r.cells, r.total === true, r.total === true);

  // Footer: facts and the hash on the left, the QR code on the right, the URL along the bottom.
  const foot = 9.5 * k;
  const qr = await doc.embedPng(c.qrPng);
  const qrX = s.w - s.margin - s.qr;
  const qrY = s.margin + foot * 2;
  page.drawImage(qr, { x: qrX, y: qrY, width: s.qr, height: s.qr });
  page.drawText(c.urlCaption, { x: qrX + (s.qr - m.width(c.urlCaption, foot * 0.9)) / 2, y: qrY - foot * 1.2, size: foot * 0.9, font, color: colours.muted });
  const textWidth = width - s.qr - 24;
  const hashSize = Math.min(foot * 0.85, (textWidth / m.width(c.hash, 1)) * 0.98);
  const factLines = c.facts.flatMap((f) => wrapText(m, f, foot, textWidth));
  let fy = qrY + s.qr - foot;
  for (const f of factLines) {
    page.drawText(f, { x: s.margin, y: fy, size: foot, font, color: colours.text });
    fy -= foot * 1.6;
  }
  page.drawText(c.hashLabel, { x: s.margin, y: fy, size: foot, font, color: colours.muted });
  fy -= foot * 1.4;
  page.drawText(c.hash, { x: s.margin, y: fy, size: hashSize, font, color: colours.text });
  const urlSize = Math.min(foot * 0.8, (width / m.width(c.url, 1)) * 0.98);
  page.drawText(c.url, { x: s.w - s.margin - m.width(c.url, urlSize), y: s.margin, size: urlSize, font, color: colours.muted });
  page.drawLine({ start: { x: s.margin, y: qrY + s.qr + foot }, end: { x: s.w - s.margin, y: qrY + s.qr + foot }, thickness: 0.5, color: colours.rule });
}
