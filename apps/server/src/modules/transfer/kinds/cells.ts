import { parseIdNumber, residentTagInfo, residentTags, type IdNumberFacts, type ResidentTag } from '@gongzhi/shared';
import type { RowErrorCode } from '../row-messages.js';
import type { CellValue, ColumnDef, ParsedRow, RowError } from './types.js';

/**
 * Reading one cell. Excel hands back whatever the user's cell formatting made of the value: numbers for room
 * numbers, Dates for dates, numbers for ID numbers (with the last digits lost). Each reader turns that into the
 * register's text form or a reason it cannot.
 */

type Result<T> = { ok: true; value: T | null } | { ok: false; code: RowErrorCode; params?: Record<string, string | number> };
const fail = (code: RowErrorCode, params?: Record<string, string | number>): { ok: false; code: RowErrorCode; params?: Record<string, string | number> } => ({ ok: false, code, params });

/** An ID number or phone as typed, or its masked form from an export (kept so the record's own value can stay). */
export type IdNumberCell = { masked: false; facts: IdNumberFacts } | { masked: true; text: string };
export type PhoneCell = { masked: false; value: string } | { masked: true; text: string };

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const MASKED_ID = /^\d{3}\*{4,}\d{3}[\dX]$/;
const MASKED_PHONE = /^[\d-]{2,5}\*{3,}\d{4}$/;
const MOBILE = /^1[3-9]\d{9}$/;
const CONTACT = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;
const CREDIT_CODE = /^[0-9A-HJ-NPQRTUWXY]{18}$/;

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
export const dateText = (d: Date): string => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

/** The cell as trimmed text, or null when blank. Integers print without exponent or decimals. */
export function cellText(v: CellValue): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') {
    const t = v.trim();
    return t === '' ? null : t;
  }
  if (typeof v === 'number') return Number.isInteger(v) && Math.abs(v) < 1e21 ? v.toFixed(0) : String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : dateText(v);
  return null;
}

function isErrorCell(v: CellValue): v is { error: string } {
  return typeof v === 'object' && v !== null && !(v instanceof Date) && 'error' in v;
}

function validDate(y: number, m: number, d: number): string | null {
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || y > 2100 || dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** Dates as Excel dates, or text: 2024-03-07, 2024/3/7, 2024.3.7, 2024年3月7日, 20240307. */
export function readDate(v: CellValue): Result<string> {
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return fail('date_invalid');
    // Excel dates carry no zone; they are read as UTC midnight, which is the calendar day typed.
    return validDate(v.getUTCFullYear(), v.getUTCMonth() + 1, v.getUTCDate()) ? { ok: true, value: dateText(v) } : fail('date_invalid');
  }
  const t = cellText(v);
  if (t === null) return { ok: true, value: null };
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(t) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  const date = m ? validDate(Number(m[1]), Number(m[2]), Number(m[3])) : null;
  return date ? { ok: true, value: date } : fail('date_invalid');
}

export function readIdNumber(v: CellValue, today: Date): Result<IdNumberCell> {
  // 18 digits do not fit a double: Excel has already replaced the last ones by zeros.
  if (typeof v === 'number') return fail('id_number_as_number');
  const t = cellText(v);
  if (t === null) return { ok: true, value: null };
  const n = t.replace(/\s+/g, '').toUpperCase();
  if (MASKED_ID.test(n)) return { ok: true, value: { masked: true, text: n } };
  if (/^\d(\.\d+)?E\+\d+$/.test(n)) return fail('id_number_as_number');
  const parsed = parseIdNumber(n, today);
  if (!parsed.ok) return fail(parsed.problem === 'format' ? 'id_number_format' : parsed.problem === 'checksum' ? 'id_number_checksum' : 'id_number_birth_date');
  return { ok: true, value: { masked: false, facts: parsed.facts } };
}

export function readPhone(v: CellValue, contact: boolean): Result<PhoneCell> {
  const t = cellText(v);
  if (t === null) return { ok: true, value: null };
  const n = t.replace(/[\s()（）]/g, '').replace(/^\+?86-?(?=1)/, '');
  if (MASKED_PHONE.test(n)) return { ok: true, value: { masked: true, text: n } };
  if (!(contact ? CONTACT : MOBILE).test(n)) return fail(contact ? 'contact_phone_invalid' : 'phone_invalid');
  return { ok: true, value: { masked: false, value: n } };
}

/** An enum typed as its Chinese label (or its English label or name, for exports made in English). */
export function readOption(v: CellValue, col: ColumnDef): Result<string> {
  const t = cellText(v);
  if (t === null) return { ok: true, value: null };
  const opts = col.options ?? [];
  const lower = t.toLowerCase();
  const hit = opts.find((o) => o.label.zh === t || o.label.en.toLowerCase() === lower || o.value === lower);
  return hit ? { ok: true, value: hit.value } : fail('option_invalid', { options: opts.map((o) => o.label.zh).join('、') });
}

const tagByLabel = new Map<string, ResidentTag>(residentTags.flatMap((t) => [[residentTagInfo[t].zh, t], [residentTagInfo[t].en.toLowerCase(), t], [t, t]] as [string, ResidentTag][]));

/** Tags as Chinese names separated by 、 , ， ; or spaces; an empty set is blank. */
export function readTags(v: CellValue): Result<ResidentTag[]> {
  const t = cellText(v);
  if (t === null) return { ok: true, value: null };
  const out = new Set<ResidentTag>();
  for (const part of t.split(/[、,，;；\s]+/).filter(Boolean)) {
    const tag = tagByLabel.get(part) ?? tagByLabel.get(part.toLowerCase());
    if (!tag) return fail('tag_unknown', { value: part, options: residentTags.map((x) => residentTagInfo[x].zh).join('、') });
    out.add(tag);
  }
  return { ok: true, value: [...out].sort() };
}

function readText(v: CellValue, col: ColumnDef): Result<string> {
  const t = cellText(v);
  if (t === null) return { ok: true, value: null };
  if (CONTROL.test(t) || (col.type === 'name' && /[\r\n\t]/.test(t))) return fail('invalid_characters');
  const max = col.max ?? (col.type === 'name' ? 100 : 200);
  if ([...t].length > max) return fail('text_too_long', { max });
  return { ok: true, value: t };
}

/** Read one cell by its column's type. */
export function readCell(v: CellValue, col: ColumnDef, today: Date): Result<unknown> {
  if (isErrorCell(v)) return fail('cell_error', { value: v.error });
  switch (col.type) {
    case 'date':
    case 'past_date': {
      const r = readDate(v);
      if (r.ok && r.value && col.type === 'past_date' && r.value > dateText(today)) return fail('date_in_future');
      return r;
    }
    case 'id_number':
      return readIdNumber(v, today);
    case 'phone':
    case 'contact_phone':
      return readPhone(v, col.type === 'contact_phone');
    case 'enum':
      return readOption(v, col);
    case 'tags':
      return readTags(v);
    case 'credit_code': {
      const t = cellText(v)?.toUpperCase() ?? null;
      if (t === null) return { ok: true, value: null };
      return CREDIT_CODE.test(t) ? { ok: true, value: t } : fail('credit_code_invalid');
    }
    default:
      return readText(v, col);
  }
}

/** Read every cell of a row; a blank required cell is an error. */
export function parseRow(columns: ColumnDef[], row: number, cells: CellValue[], today: Date): ParsedRow {
  const values: Record<string, unknown> = {};
  const errors: RowError[] = [];
  columns.forEach((col, i) => {
    const r = readCell(cells[i] ?? null, col, today);
    if (!r.ok) {
      errors.push({ row, column: col.key, code: r.code, ...(r.params ? { params: r.params } : {}) });
      values[col.key] = null;
      return;
    }
    values[col.key] = r.value;
    if (r.value === null && col.required) errors.push({ row, column: col.key, code: 'required' });
  });
  return { row, values, errors };
}

/** An enum's choices from a shared `*Labels` map, in the map's order. */
export function optionsOf<K extends string>(labels: Record<K, { zh: string; en: string }>): { value: K; label: { zh: string; en: string } }[] {
  return (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value] }));
}

export { ageOn } from '../../../lib/clock.js';

/** The label an export writes for an enum value. */
export function labelOf(col: ColumnDef, value: string | null): string | null {
  if (value === null) return null;
  return col.options?.find((o) => o.value === value)?.label.zh ?? value;
}
