import { IMPORT_MAX_ROWS } from '@gongzhi/shared';
import type { AppDeps } from '../../deps.js';
import type { PlaceRow } from '../../db/database.js';
import type { RequestContext } from '../../lib/actor.js';
import { AppError } from '../../lib/app-error.js';
import { iso } from '../../lib/clock.js';
import { dateText, parseRow } from './kinds/cells.js';
import type { KindDefinition, ParsedRow, RowError, RowPlan } from './kinds/types.js';
import { readSheet } from './xlsx/read-sheet.js';

/** Rows sharing a natural key are all refused: the file does not say which one is right. */
export function markDuplicates(def: KindDefinition, rows: ParsedRow[]): void {
  const keyed = new Map<string, ParsedRow[]>();
  for (const r of rows) {
    if (r.errors.some((e) => e.column !== null && def.keyColumns.includes(e.column))) continue;
    const key = def.naturalKey(r.values);
    if (key !== null) keyed.set(key, [...(keyed.get(key) ?? []), r]);
  }
  for (const group of keyed.values()) {
    if (group.length < 2) continue;
    for (const r of group) {
      const others = group.filter((o) => o !== r).map((o) => o.row);
      r.errors.push({ row: r.row, column: def.keyColumns[0]!, code: 'duplicate_in_file', params: { rows: others.join('、') } });
    }
  }
}

export interface FilePlan {
  plans: RowPlan[];
  counts: { created: number; updated: number; unchanged: number; errorRows: number };
  errors: RowError[];
}

/** Errors in row order, and within a row in column order. */
export function sortErrors(def: KindDefinition, errors: RowError[]): RowError[] {
  const at = (c: string | null) => (c === null ? -1 : def.columns.findIndex((x) => x.key === c));
  return [...errors].sort((a, b) => a.row - b.row || at(a.column) - at(b.column));
}

export function summarise(def: KindDefinition, plans: RowPlan[]): FilePlan {
  const counts = { created: 0, updated: 0, unchanged: 0, errorRows: 0 };
  for (const p of plans) {
    if (p.outcome === 'error') counts.errorRows++;
    else counts[p.outcome]++;
  }
  return { plans, counts, errors: sortErrors(def, plans.flatMap((p) => p.errors)) };
}

/**
 * Read a file and decide, row by row, what importing it into `community` would do. Pure with respect to the
 * database: it reads (in bulk) and writes nothing. Refuses a file that is not an .xlsx, whose headers do not
 * match the kind, or that holds no data rows or too many.
 */
export async function planFile(deps: AppDeps, ctx: RequestContext | null, community: PlaceRow, def: KindDefinition, data: Buffer): Promise<FilePlan> {
  const sheet = await readSheet(data, def.columns, IMPORT_MAX_ROWS);
  if (sheet.rows.length === 0) throw new AppError('import_empty', 400);
  const now = deps.clock.now();
  const parsed = sheet.rows.map((r) => parseRow(def.columns, r.row, r.cells, now));
  markDuplicates(def, parsed);
  const plans = await def.plan({ deps, ctx, community, now: iso(now), today: dateText(now) }, parsed);
  return summarise(def, plans);
}
