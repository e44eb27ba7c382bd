import type { CellValue } from '../kinds/types.js';

/**
 * Reading SpreadsheetML (ECMA-376 part 1, §18) straight from the inflated parts: the first sheet's cells with
 * shared and inline strings, numbers, booleans, errors and formula results, and dates where the cell's style
 * has a date format. Element names may carry a namespace prefix (some generators write `x:c`).
 */

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** XML text to a string: entities, character references and Excel's `_xHHHH_` escapes of control characters. */
export function xmlDecode(s: string): string {
  return s
    .replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (m, e: string) =>
      e[0] === '#' ? String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : (ENTITIES[e] ?? m),
    )
    .replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** An element's attributes by name (prefixed names keep their prefix: `r:id`). */
const attrs = (s: string): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const m of s.matchAll(/([\w:.-]+)\s*=\s*"([^"]*)"/g)) out[m[1]!] = m[2]!;
  return out;
};

/** The text of a string item (`<si>` or `<is>`): its `<t>` runs, without phonetic guides. */
function itemText(xml: string): string {
  let out = '';
  for (const m of xml.replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, '').matchAll(/<(?:\w+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?t>/g)) out += m[1]!;
  return xmlDecode(out);
}

export function sharedStrings(xml: string | null): string[] {
  if (!xml) return [];
  return [...xml.matchAll(/<(?:\w+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?si>)/g)].map((m) => itemText(m[1] ?? ''));
}

/** Built-in number formats that are dates, including the Chinese ones (27–36, 50–58). */
const DATE_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

function isDateCode(code: string): boolean {
  const bare = code.replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/\[[^\]]*\]/g, '');
  return /[ymdhs]/i.test(bare) && !/^General$/i.test(bare);
}

/** Indexes of the cell styles (cellXfs) whose number format is a date. */
export function dateStyles(xml: string | null): Set<number> {
  const out = new Set<number>();
  if (!xml) return out;
  const custom = new Map<number, string>();
  for (const m of xml.matchAll(/<(?:\w+:)?numFmt\b([^>]*)\/?>/g)) {
    const a = attrs(m[1]!);
    if (a.numFmtId && a.formatCode) custom.set(Number(a.numFmtId), xmlDecode(a.formatCode));
  }
  const xfs = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(xml)?.[1] ?? '';
  [...xfs.matchAll(/<(?:\w+:)?xf\b([^>]*?)(?:\/>|>)/g)].forEach((m, i) => {
    const id = Number(attrs(m[1]!).numFmtId ?? 0);
    const code = custom.get(id);
    if (code !== undefined ? isDateCode(code) : DATE_IDS.has(id)) out.add(i);
  });
  return out;
}

/** The workbook's relationships: where each part is, by id and by type. */
export function workbookRels(rels: string | null): { id: string; type: string; path: string }[] {
  if (!rels) return [];
  return [...rels.matchAll(/<(?:\w+:)?Relationship\b([^>]*?)\/?>/g)].map((m) => {
    const a = attrs(m[1]!);
    const target = a.Target ?? '';
    return { id: a.Id ?? '', type: a.Type ?? '', path: target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}` };
  });
}

/** The relationship id of the workbook's first sheet (in the workbook's order, not the zip's). */
export function firstSheetRelId(workbook: string): string | null {
  const sheet = /<(?:\w+:)?sheet\b([^>]*?)\/?>/.exec(workbook);
  if (!sheet) return null;
  return Object.entries(attrs(sheet[1]!)).find(([k]) => /(^|:)id$/.test(k))?.[1] ?? null;
}

/** Whether dates count from 1904 (old Mac workbooks). */
export const uses1904 = (workbook: string) => /date1904="(1|true)"/.test(workbook);

/** "AB12" → 27 (0-based column). */
function columnIndex(ref: string): number {
  let n = 0;
  for (const ch of ref) {
    const c = ch.charCodeAt(0);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

function excelDate(serial: number, date1904: boolean): Date {
  const days = serial + (date1904 ? 24107 : 0) - 25569;
  return new Date(Math.round(days * 86400) * 1000);
}

/** Every row of a sheet with its cells by 0-based column, in document order. */
export function* sheetRows(xml: string, shared: string[], dates: Set<number>, date1904: boolean): Generator<{ row: number; cells: CellValue[] }> {
  let lastRow = 0;
  for (const r of xml.matchAll(/<(?:\w+:)?row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?row>)/g)) {
    const rowNumber = Number(attrs(r[1]!).r ?? lastRow + 1);
    lastRow = rowNumber;
    const cells: CellValue[] = [];
    let col = -1;
    for (const c of (r[2] ?? '').matchAll(/<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g)) {
      const a = attrs(c[1]!);
      col = a.r ? columnIndex(a.r) : col + 1;
      const body = c[2] ?? '';
      const v = /<(?:\w+:)?v>([\s\S]*?)<\/(?:\w+:)?v>/.exec(body)?.[1];
      let value: CellValue = null;
      switch (a.t) {
        case 's':
          value = v === undefined ? null : (shared[Number(v)] ?? null);
          break;
        case 'inlineStr':
          value = itemText(/<(?:\w+:)?is>([\s\S]*?)<\/(?:\w+:)?is>/.exec(body)?.[1] ?? '');
          break;
        case 'str':
          value = v === undefined ? null : xmlDecode(v);
          break;
        case 'b':
          value = v === undefined ? null : v === '1' || v === 'true';
          break;
        case 'e':
          value = { error: v === undefined ? '#N/A' : xmlDecode(v) };
          break;
        case 'd':
          value = v === undefined ? null : new Date(xmlDecode(v));
          break;
        default: {
          if (v === undefined || v.trim() === '') break;
          const n = Number(v);
          value = Number.isFinite(n) ? (dates.has(Number(a.s ?? 0)) ? excelDate(n, date1904) : n) : xmlDecode(v);
        }
      }
      if (col >= 0) cells[col] = value;
    }
    yield { row: rowNumber, cells };
  }
}
