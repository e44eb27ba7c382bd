import type { Writable } from 'node:stream';
import type { Locale } from '@gongzhi/shared';
import { dateText } from '../kinds/cells.js';
import type { CellValue, KindDefinition, RowError } from '../kinds/types.js';
import { rowMessage } from '../row-messages.js';
import type { SheetRow } from './read-sheet.js';
import { REPORT_COLUMN, startDataSheet } from './sheet-layout.js';
import { XlsxWriter, type CellOut } from './xlsx-writer.js';

/** An uploaded value as the report writes it back: dates as text (as an import reads them), errors as their code. */
function cellOut(c: CellValue): string | number | boolean | null {
  if (c instanceof Date) return dateText(c);
  if (c !== null && typeof c === 'object') return c.error;
  return c;
}

/**
 * The uploaded rows annotated: each row at the row number it had (so the report's numbers match the JSON's),
 * erroneous cells filled red with the reasons as a note, and a last column saying everything wrong with the row.
 * The example row is left out. Fixing the red cells and importing the report again works: the extra column is
 * ignored on import.
 */
export async function writeReport(def: KindDefinition, rows: SheetRow[], errors: RowError[], locale: Locale, out: Writable): Promise<void> {
  const byRow = new Map<number, RowError[]>();
  for (const e of errors) byRow.set(e.row, [...(byRow.get(e.row) ?? []), e]);
  const header = (key: string) => def.columns.find((c) => c.key === key)?.zh ?? key;
  const w = new XlsxWriter(out);
  await startDataSheet(w, def, { extraColumns: [REPORT_COLUMN.zh], listRows: rows.length ? rows[rows.length - 1]!.row : 1 });
  for (const r of rows) {
    if (r.row <= 1) continue;
    const errs = byRow.get(r.row) ?? [];
    const cells: CellOut[] = r.cells.map((c) => ({ value: cellOut(c) }));
    def.columns.forEach((col, i) => {
      const mine = errs.filter((e) => e.column === col.key);
      if (mine.length) cells[i] = { ...cells[i]!, style: 'error', note: mine.map((e) => rowMessage(e.code, locale, e.params)).join('\n') };
    });
    if (errs.length) cells.push({ value: errs.map((e) => (e.column ? `${header(e.column)}：` : '') + rowMessage(e.code, locale, e.params)).join('；'), style: 'error' });
    w.row(cells, r.row);
    await w.flush();
  }
  await w.finish();
}
