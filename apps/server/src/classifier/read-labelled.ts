import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { CellValue } from '../modules/transfer/kinds/types.js';
import { dateStyles, firstSheetRelId, sharedStrings, sheetRows, uses1904, workbookRels } from '../modules/transfer/xlsx/sheet-xml.js';
import { readZip } from '../modules/transfer/xlsx/zip.js';
import { parseCsv } from './csv.js';
import type { LabelledExample } from './types.js';

/**
 * Labelled messages from a file: .jsonl (one JSON object a line), .csv/.tsv (header row, RFC 4180, UTF-8 with or
 * without BOM, or GB18030 as Chinese Excel saves it), or .xlsx (first sheet, first non-blank row is the header).
 * Rows whose label is blank are skipped (not yet classified); a field missing from the file is an error.
 */

/** A problem with the file itself, said in one line (the CLI prints it as is). */
export class LabelledFileError extends Error {}

/** UTF-8 when the bytes are valid UTF-8, else GB18030 (a superset of GBK, what Excel in Chinese writes). */
function decodeText(data: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gb18030').decode(data);
  }
}

const cellText = (c: CellValue | undefined): string =>
  c === null || c === undefined ? '' : c instanceof Date ? c.toISOString() : typeof c === 'object' ? '' : String(c);

/** Examples from a header row and data rows; the header is matched trimmed, case-insensitively. */
function fromTable(rows: string[][], file: string, textField: string, labelField: string): LabelledExample[] {
  const headerAt = rows.findIndex((r) => r.some((c) => c.trim() !== ''));
  if (headerAt < 0) return [];
  const header = rows[headerAt]!.map((h) => h.trim().toLowerCase());
  const col = (name: string) => {
    const at = header.indexOf(name.trim().toLowerCase());
    if (at < 0) throw new LabelledFileError(`${path.basename(file)} has no column "${name}" (columns: ${rows[headerAt]!.map((h) => h.trim()).filter(Boolean).join(', ')})`);
    return at;
  };
  const t = col(textField);
  const l = col(labelField);
  const out: LabelledExample[] = [];
  for (const r of rows.slice(headerAt + 1)) {
    const label = (r[l] ?? '').trim();
    if (label) out.push({ text: r[t] ?? '', label });
  }
  return out;
}

function readJsonl(content: string, file: string, textField: string, labelField: string): LabelledExample[] {
  const out: LabelledExample[] = [];
  const lines = content.split(/\r?\n/);
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    let row: unknown;
    try {
      row = JSON.parse(line);
    } catch {
      throw new LabelledFileError(`${path.basename(file)} line ${i + 1} is not valid JSON`);
    }
    if (!row || typeof row !== 'object' || Array.isArray(row)) throw new LabelledFileError(`${path.basename(file)} line ${i + 1} is not a JSON object`);
    const record = row as Record<string, unknown>;
    for (const f of [textField, labelField]) if (!(f in record)) throw new LabelledFileError(`${path.basename(file)} line ${i + 1} has no field "${f}"`);
    const text = record[textField];
    const label = record[labelField];
    const labelText = typeof label === 'string' || typeof label === 'number' ? String(label).trim() : '';
    if (labelText) out.push({ text: typeof text === 'string' ? text : text === null || text === undefined ? '' : String(text), label: labelText });
  });
  return out;
}

function readXlsx(data: Buffer, file: string): string[][] {
  const part = (parts: Map<string, Buffer>, name: string) => {
    const b = parts.get(name);
    return b === undefined ? null : b.toString('utf8').replace(/^\uFEFF/, '');
  };
  try {
    const parts = new Map(readZip(data, { maxEntries: 5000, maxBytes: 400 * 1024 * 1024 }, (n) => /\.(xml|rels)$/i.test(n) && !n.startsWith('xl/media/')).map((e) => [e.name, e.data]));
    const workbook = part(parts, 'xl/workbook.xml');
    if (!workbook) throw new Error('no workbook');
    const rels = workbookRels(part(parts, 'xl/_rels/workbook.xml.rels'));
    const byType = (suffix: string, fallback: string) => rels.find((r) => r.type.endsWith(suffix))?.path ?? fallback;
    const rid = firstSheetRelId(workbook);
    const sheet = part(parts, rels.find((r) => r.id === rid)?.path ?? 'xl/worksheets/sheet1.xml');
    if (!sheet) throw new Error('no sheet');
    const shared = sharedStrings(part(parts, byType('/sharedStrings', 'xl/sharedStrings.xml')));
    const dates = dateStyles(part(parts, byType('/styles', 'xl/styles.xml')));
    const rows: string[][] = [];
    for (const { cells } of sheetRows(sheet, shared, dates, uses1904(workbook))) rows.push(Array.from(cells, cellText));
    return rows;
  } catch {
    throw new LabelledFileError(`${path.basename(file)} is not a readable .xlsx workbook`);
  }
}

/** Read labelled examples from a .jsonl, .csv, .tsv or .xlsx file. */
export async function readLabelledFile(file: string, textField: string, labelField: string): Promise<LabelledExample[]> {
  let data: Buffer;
  try {
    data = await readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new LabelledFileError(code === 'ENOENT' ? `no such file: ${file}` : code === 'EISDIR' ? `${file} is a directory` : `cannot read ${file} (${code ?? 'error'})`);
  }
  const ext = path.extname(file).toLowerCase();
  switch (ext) {
    case '.jsonl':
    case '.ndjson':
      return readJsonl(decodeText(data), file, textField, labelField);
    case '.csv':
    case '.tsv': {
      let rows: string[][];
      try {
        rows = parseCsv(decodeText(data), ext === '.tsv' ? '\t' : ',');
      } catch (e) {
        throw new LabelledFileError(`${path.basename(file)}: ${(e as Error).message}`);
      }
      return fromTable(rows, file, textField, labelField);
    }
    case '.xlsx':
      return data.length ? fromTable(readXlsx(data, file), file, textField, labelField) : [];
    default:
      throw new LabelledFileError(`${path.basename(file)}: unsupported file type "${ext || '(none)'}" (use .jsonl, .csv, .tsv or .xlsx)`);
  }
}
