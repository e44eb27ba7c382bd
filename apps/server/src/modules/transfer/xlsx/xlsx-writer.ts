import type { Writable } from 'node:stream';
import {
  commentsXml,
  contentTypesXml,
  rootRelsXml,
  sheetEndXml,
  sheetRelsXml,
  sheetStartXml,
  styleIds,
  stylesXml,
  vmlXml,
  workbookRelsXml,
  workbookXml,
  xmlText,
  type ListValidation,
  type Note,
  type StyleName,
} from './xlsx-parts.js';
import { ZipStreamWriter } from './zip-stream.js';

/** A cell to write: its value, its style and an optional note. */
export interface CellOut {
  value: string | number | boolean | null;
  style?: StyleName;
  note?: string;
}

/** Column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const FLUSH_AT = 64 * 1024;

function cellXml(ref: string, c: CellOut, fallback: StyleName): string {
  const s = styleIds[c.style ?? fallback];
  const v = c.value;
  // An absent cell shows its column's format, so blank cells are left out.
  if (v === null || v === '') return '';
  if (typeof v === 'number') return Number.isFinite(v) ? `<c r="${ref}" s="${s}"><v>${v}</v></c>` : '';
  if (typeof v === 'boolean') return `<c r="${ref}" s="${s}" t="b"><v>${v ? 1 : 0}</v></c>`;
  const space = /^\s|\s$/.test(v) ? ' xml:space="preserve"' : '';
  return `<c r="${ref}" s="${s}" t="inlineStr"><is><t${space}>${xmlText(v)}</t></is></c>`;
}

/**
 * A streaming .xlsx writer: sheets one after another, rows written as they come and compressed on the way out,
 * so memory holds one buffer of rows whatever the sheet's length. Notes are kept until their sheet ends.
 */
export class XlsxWriter {
  private readonly zip: ZipStreamWriter;
  private readonly sheets: { name: string; commented: boolean }[] = [];
  private entry: Awaited<ReturnType<ZipStreamWriter['open']>> | null = null;
  private buffer: string[] = [];
  private buffered = 0;
  private notes: Note[] = [];
  private colStyles: StyleName[] = [];
  private validations: ListValidation[] = [];
  private lastRow = 0;
  private readonly letters = Array.from({ length: 64 }, (_, i) => columnLetter(i));
  private started: Promise<void>;

  constructor(out: Writable) {
    this.zip = new ZipStreamWriter(out);
    this.started = this.zip.add('xl/styles.xml', stylesXml);
  }

  /** Start a sheet; its columns' widths and default styles, an optional frozen header and drop-down lists. */
  async startSheet(name: string, cols: { width: number; style: StyleName }[], opts: { frozenHeader?: boolean; validations?: ListValidation[] } = {}): Promise<void> {
    await this.started;
    if (this.entry) await this.endSheet();
    this.sheets.push({ name, commented: false });
    this.entry = await this.zip.open(`xl/worksheets/sheet${this.sheets.length}.xml`);
    this.colStyles = cols.map((c) => c.style);
    this.validations = opts.validations ?? [];
    this.notes = [];
    this.lastRow = 0;
    this.push(sheetStartXml({ frozenHeader: opts.frozenHeader ?? false, cols: cols.map((c) => ({ width: c.width, style: styleIds[c.style] })) }));
  }

  private push(xml: string): void {
    this.buffer.push(xml);
    this.buffered += xml.length;
  }

  /** Add a row (numbers must increase; gaps are left empty). Call `flush` now and then to bound memory. */
  row(cells: (CellOut | null)[], rowNumber = this.lastRow + 1): void {
    if (!this.entry || rowNumber <= this.lastRow) throw new Error('rows must be written in order, inside a sheet');
    this.lastRow = rowNumber;
    const parts = [`<row r="${rowNumber}">`];
    for (let i = 0; i < cells.length; i++) {
      const c = cells[i];
      if (!c) continue;
      const ref = `${this.letters[i] ?? columnLetter(i)}${rowNumber}`;
      parts.push(cellXml(ref, c, this.colStyles[i] ?? 'general'));
      if (c.note) this.notes.push({ ref, row: rowNumber - 1, col: i, text: c.note });
    }
    parts.push('</row>');
    this.push(parts.join(''));
  }

  /** Add a row of plain values in their columns' styles: the fast path for long exports (no object per cell). */
  values(values: (string | number | null)[]): void {
    if (!this.entry) throw new Error('rows must be written inside a sheet');
    const rowNumber = ++this.lastRow;
    let xml = `<row r="${rowNumber}">`;
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (v === null || v === undefined || v === '') continue;
      const s = styleIds[this.colStyles[i] ?? 'general'];
      const ref = `${this.letters[i] ?? columnLetter(i)}${rowNumber}`;
      if (typeof v === 'number') xml += `<c r="${ref}" s="${s}"><v>${v}</v></c>`;
      else xml += `<c r="${ref}" s="${s}" t="inlineStr"><is><t${/^\s|\s$/.test(v) ? ' xml:space="preserve"' : ''}>${xmlText(v)}</t></is></c>`;
    }
    this.push(`${xml}</row>`);
  }

  /** Hand the buffered rows to the compressor, waiting while the consumer is behind. */
  async flush(force = false): Promise<void> {
    if (!this.entry || (!force && this.buffered < FLUSH_AT)) return;
    const text = this.buffer.join('');
    this.buffer = [];
    this.buffered = 0;
    await this.entry.write(text);
  }

  async endSheet(): Promise<void> {
    if (!this.entry) return;
    const commented = this.notes.length > 0;
    this.push(sheetEndXml(this.validations, commented));
    await this.flush(true);
    await this.entry.close();
    this.entry = null;
    const n = this.sheets.length;
    if (commented) {
      this.sheets[n - 1]!.commented = true;
      await this.zip.add(`xl/comments${n}.xml`, commentsXml(this.notes));
      await this.zip.add(`xl/drawings/vmlDrawing${n}.vml`, vmlXml(this.notes));
      await this.zip.add(`xl/worksheets/_rels/sheet${n}.xml.rels`, sheetRelsXml(n));
    }
    this.notes = [];
  }

  /** Close the last sheet, write the workbook's parts and end the output. */
  async finish(): Promise<void> {
    await this.endSheet();
    await this.zip.add('xl/workbook.xml', workbookXml(this.sheets.map((s) => s.name)));
    await this.zip.add('xl/_rels/workbook.xml.rels', workbookRelsXml(this.sheets.length));
    await this.zip.add('_rels/.rels', rootRelsXml);
    await this.zip.add('[Content_Types].xml', contentTypesXml(this.sheets));
    await this.zip.finish();
  }
}
