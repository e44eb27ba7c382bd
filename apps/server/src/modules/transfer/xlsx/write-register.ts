import type { Writable } from 'node:stream';
import type { ExportRow, KindDefinition } from '../kinds/types.js';
import { exampleRow, instructionsSheet, startDataSheet } from './sheet-layout.js';
import { XlsxWriter } from './xlsx-writer.js';

/** The template: header, one example row, and the instructions sheet. */
export async function writeTemplate(def: KindDefinition, out: Writable): Promise<void> {
  const w = new XlsxWriter(out);
  await startDataSheet(w, def);
  exampleRow(w, def);
  await w.endSheet();
  await instructionsSheet(w, def);
  await w.finish();
}

/**
 * A register as .xlsx, written page by page as the rows are read: the template's sheet with the data in it, so
 * the file can be edited and imported back. Memory holds one page; a slow download slows the reading.
 */
export async function writeRegister(def: KindDefinition, pages: AsyncIterable<ExportRow[]>, out: Writable, onRows?: (rows: number) => void): Promise<number> {
  const w = new XlsxWriter(out);
  await startDataSheet(w, def);
  const keys = def.columns.map((c) => c.key);
  let rows = 0;
  for await (const page of pages) {
    for (const r of page) w.values(keys.map((k) => r[k] ?? null));
    rows += page.length;
    await w.flush();
    onRows?.(rows);
  }
  await w.endSheet();
  await instructionsSheet(w, def);
  await w.finish();
  return rows;
}
