import { rgb, type PDFDocument, type PDFFont, type PDFPage, type RGB } from 'pdf-lib';

/** A4 portrait in points. */
const PAGE_W = 595.28;
const PAGE_H = 841.89;
const MARGIN = 48;
const FOOTER = 36;

export const colours = { text: rgb(0.13, 0.13, 0.13), muted: rgb(0.45, 0.45, 0.45), bar: rgb(0.16, 0.42, 0.78), rule: rgb(0.82, 0.82, 0.82), box: rgb(0.94, 0.96, 0.99), alert: rgb(0.75, 0.16, 0.16) };

export interface Column {
  title: string;
  width: number;
  align?: 'left' | 'right';
}

/**
 * A top-to-bottom writer over pdf-lib pages: a cursor that starts a new page when the next block does not fit,
 * text that wraps by measured width, tables, horizontal bar charts drawn with rectangles, and page numbers.
 */
export class PdfLayout {
  private page!: PDFPage;
  private y = 0;
  readonly width = PAGE_W - 2 * MARGIN;

  constructor(
    private readonly doc: PDFDocument,
    private readonly font: PDFFont,
  ) {
    this.newPage();
  }

  newPage(): void {
    this.page = this.doc.addPage([PAGE_W, PAGE_H]);
    this.y = PAGE_H - MARGIN;
  }

  /** Room for `h` more points on this page, or a new page. */
  ensure(h: number): void {
    if (this.y - h < MARGIN + FOOTER) this.newPage();
  }

  gap(h: number): void {
    this.y -= h;
  }

  measure(text: string, size: number): number {
    return this.font.widthOfTextAtSize(text, size);
  }

  /** Cut text to fit `width`, with an ellipsis. */
  fit(text: string, size: number, width: number): string {
    if (this.measure(text, size) <= width) return text;
    const chars = [...text];
    while (chars.length > 0 && this.measure(chars.join('') + '…', size) > width) chars.pop();
    return chars.join('') + '…';
  }

  /** Split text into lines no wider than `width` (CJK text breaks anywhere; words are not kept whole). */
  wrap(text: string, size: number, width: number): string[] {
    const lines: string[] = [];
    let line = '';
    for (const ch of text) {
      if (this.measure(line + ch, size) > width && line) {
        lines.push(line);
        line = ch.trim() ? ch : '';
      } else line += ch;
    }
    if (line) lines.push(line);
    return lines;
  }

  private draw(text: string, x: number, y: number, size: number, color: RGB): void {
    this.page.drawText(text, { x, y, size, font: this.font, color });
  }

  /** A paragraph, wrapped. */
  text(text: string, opts: { size?: number; color?: RGB; indent?: number } = {}): void {
    const size = opts.size ?? 10;
    const indent = opts.indent ?? 0;
    for (const line of this.wrap(text.replace(/\s+/g, ' '), size, this.width - indent)) {
      this.ensure(size * 1.5);
      this.y -= size * 1.4;
      this.draw(line, MARGIN + indent, this.y, size, opts.color ?? colours.text);
    }
  }

  /** A section heading with a rule under it; kept with at least `keep` points of what follows. */
  heading(text: string, keep = 60): void {
    this.ensure(30 + keep);
    this.y -= 22;
    this.draw(text, MARGIN, this.y, 13, colours.text);
    this.y -= 6;
    this.page.drawLine({ start: { x: MARGIN, y: this.y }, end: { x: MARGIN + this.width, y: this.y }, thickness: 0.5, color: colours.rule });
    this.y -= 4;
  }

  /** Headline figures in boxes, `perRow` to a row. */
  figures(items: { label: string; value: string; alert?: boolean }[], perRow = 3): void {
    const w = (this.width - (perRow - 1) * 8) / perRow;
    const h = 46;
    for (let i = 0; i < items.length; i += perRow) {
      this.ensure(h + 8);
      this.y -= h + 8;
      items.slice(i, i + perRow).forEach((f, j) => {
        const x = MARGIN + j * (w + 8);
        this.page.drawRectangle({ x, y: this.y, width: w, height: h, color: colours.box });
        this.draw(this.fit(f.label, 9, w - 12), x + 8, this.y + h - 15, 9, colours.muted);
        this.draw(this.fit(f.value, 16, w - 12), x + 8, this.y + 9, 16, f.alert ? colours.alert : colours.text);
      });
    }
  }

  /** A horizontal bar chart: one bar per item, scaled to the largest, the value at the end of the bar. */
  bars(items: { label: string; value: number }[], opts: { labelWidth?: number } = {}): void {
    const labelWidth = opts.labelWidth ?? 110;
    const barArea = this.width - labelWidth - 50;
    const max = Math.max(1, ...items.map((i) => i.value));
    for (const item of items) {
      this.ensure(18);
      this.y -= 18;
      this.draw(this.fit(item.label, 9, labelWidth - 6), MARGIN, this.y + 4, 9, colours.text);
      const w = Math.max(item.value > 0 ? 1 : 0, (item.value / max) * barArea);
      if (w > 0) this.page.drawRectangle({ x: MARGIN + labelWidth, y: this.y + 2, width: w, height: 11, color: colours.bar });
      this.draw(String(item.value), MARGIN + labelWidth + w + 4, this.y + 4, 9, colours.muted);
    }
  }

  /** A table with a header row, repeated on each new page. Widths are shares of the text width. */
  table(columns: Column[], rows: string[][]): void {
    const total = columns.reduce((s, c) => s + c.width, 0);
    const widths = columns.map((c) => (c.width / total) * this.width);
    const line = (cells: string[], color: RGB, size: number) => {
      let x = MARGIN;
      cells.forEach((cell, i) => {
        const w = widths[i]!;
        const text = this.fit(cell.replace(/\s+/g, ' '), size, w - 6);
        const tx = columns[i]!.align === 'right' ? x + w - 4 - this.measure(text, size) : x + 2;
        this.draw(text, tx, this.y + 4, size, color);
        x += w;
      });
    };
    const header = () => {
      this.y -= 16;
      line(columns.map((c) => c.title), colours.muted, 8.5);
      this.page.drawLine({ start: { x: MARGIN, y: this.y + 1 }, end: { x: MARGIN + this.width, y: this.y + 1 }, thickness: 0.4, color: colours.rule });
    };
    this.ensure(34);
    header();
    for (const r of rows) {
      if (this.y - 15 < MARGIN + FOOTER) {
        this.newPage();
        header();
      }
      this.y -= 15;
      line(r, colours.text, 9);
    }
  }

  /** "第 n 页 / 共 N 页" centred at the foot of every page; call last. */
  numberPages(label: (n: number, total: number) => string): void {
    const pages = this.doc.getPages();
    pages.forEach((p, i) => {
      const text = label(i + 1, pages.length);
      p.drawText(text, { x: (PAGE_W - this.measure(text, 8)) / 2, y: MARGIN / 2, size: 8, font: this.font, color: colours.muted });
    });
  }
}
