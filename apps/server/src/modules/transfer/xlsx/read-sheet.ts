import { AppError } from '../../../lib/app-error.js';
import type { CellValue, ColumnDef } from '../kinds/types.js';
import { EXAMPLE_MARKER, REPORT_COLUMN } from './sheet-layout.js';
import { dateStyles, firstSheetRelId, sharedStrings, sheetRows, uses1904, workbookRels } from './sheet-xml.js';
import { readZip } from './zip.js';

/** A data row: its number as Excel shows it, and its cells in the kind's column order. */
export interface SheetRow {
  row: number;
  cells: CellValue[];
}

export interface SheetData {
  headerRow: number;
  rows: SheetRow[];
}

/** Header text as compared: no spaces or line breaks, no required-mark star. */
const normaliseHeader = (h: string) => h.replace(/\s+/g, '').replace(/[*＊]+$/, '');

const blank = (c: CellValue | undefined) => c === null || c === undefined || (typeof c === 'string' && c.trim() === '');
const text = (c: CellValue | undefined) => (c === undefined ? '' :  typeof c === 'string' ? c : c === null ? '' : typeof c === 'object' && !(c instanceof Date) ? '' : String(c));

/** Inflated, a 20 MB upload of text could be ten times larger; beyond this it is not a register. */
const MAX_INFLATED = 400 * 1024 * 1024;

/** An XML part as text (UTF-8, or UTF-16 when it says so with a byte-order mark). */
const partText = (data: Buffer | undefined): string | null =>
  data === undefined ? null : data[0] === 0xff && data[1] === 0xfe ? data.subarray(2).toString('utf16le') : data.toString('utf8').replace(/^\uFEFF/, '');

/** The first sheet's XML with what its cells refer to: shared strings, date styles and the date system. */
function openWorkbook(data: Buffer) {
  try {
    const xml = (name: string) => /\.(xml|rels)$/i.test(name) && !name.startsWith('xl/media/');
    const parts = new Map(readZip(data, { maxEntries: 5000, maxBytes: MAX_INFLATED }, xml).map((e) => [e.name, e.data]));
    const workbook = partText(parts.get('xl/workbook.xml'));
    if (!workbook) throw new Error('not a workbook');
    const rels = workbookRels(partText(parts.get('xl/_rels/workbook.xml.rels')));
    const byType = (suffix: string, fallback: string) => rels.find((r) => r.type.endsWith(suffix))?.path ?? fallback;
    const rid = firstSheetRelId(workbook);
    const sheetPath = rels.find((r) => r.id === rid)?.path ?? 'xl/worksheets/sheet1.xml';
    const sheet = partText(parts.get(sheetPath));
    if (!sheet) throw new Error('no sheet');
    return {
      sheet,
      shared: sharedStrings(partText(parts.get(byType('/sharedStrings', 'xl/sharedStrings.xml')))),
      dates: dateStyles(partText(parts.get(byType('/styles', 'xl/styles.xml')))),
      date1904: uses1904(workbook),
    };
  } catch {
    throw new AppError('import_file_invalid', 400);
  }
}

/** Map the header row to the kind's columns: every required column present, nothing unknown. */
function mapHeaders(columns: ColumnDef[], header: CellValue[]): number[] {
  const positions = columns.map(() => -1);
  const unexpected: string[] = [];
  header.forEach((cell, i) => {
    const h = normaliseHeader(text(cell));
    if (!h || h === REPORT_COLUMN.zh || h.toLowerCase() === REPORT_COLUMN.en.toLowerCase()) return;
    const at = columns.findIndex((c) => c.zh === h || c.en.toLowerCase() === h.toLowerCase() || c.key === h);
    if (at < 0 || positions[at]! >= 0) unexpected.push(h);
    else positions[at] = i;
  });
  const missing = columns.filter((c, i) => c.required && positions[i]! < 0).map((c) => c.zh);
  if (missing.length || unexpected.length) throw new AppError('import_headers_mismatch', 400, { missing, unexpected, expected: columns.map((c) => c.zh) });
  return positions;
}

/**
 * Read the first sheet of an .xlsx: the first non-blank row is the header; rows whose first cell starts with the
 * example marker, and blank rows, are skipped. At most `maxRows` data rows.
 */
export async function readSheet(data: Buffer, columns: ColumnDef[], maxRows: number): Promise<SheetData> {
  // Every .xlsx is a zip; anything else is refused before a parser sees it.
  if (data.length < 4 || data.readUInt32LE(0) !== 0x04034b50) throw new AppError('import_file_invalid', 400);
  const book = openWorkbook(data);
  let positions: number[] | null = null;
  let headerRow = 0;
  const rows: SheetRow[] = [];
  for (const { row, cells: raw } of sheetRows(book.sheet, book.shared, book.dates, book.date1904)) {
    if (raw.every(blank)) continue;
    if (!positions) {
      positions = mapHeaders(columns, raw);
      headerRow = row;
      continue;
    }
    const firstText = text(raw.find((c) => !blank(c)) ?? null).trim();
    if (firstText.startsWith(EXAMPLE_MARKER)) continue;
    if (rows.length >= maxRows) throw new AppError('import_too_many_rows', 400, { maxRows });
    rows.push({ row, cells: positions.map((p) => (p >= 0 ? (raw[p] ?? null) : null)) });
  }
  if (!positions) throw new AppError('import_headers_mismatch', 400, { missing: columns.filter((c) => c.required).map((c) => c.zh), unexpected: [], expected: columns.map((c) => c.zh) });
  return { headerRow, rows };
}
