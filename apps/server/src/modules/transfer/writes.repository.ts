import type { AuditRow, Db } from '../../db/database.js';
import type { InsertTable, Writes } from './kinds/types.js';

/**
 * Apply the writes of a batch of rows inside the caller's transaction: one multi-row INSERT per table (in the
 * order foreign keys need), then each row's updates, then the audit entries. Rows of one table always carry the
 * same columns, so a multi-row VALUES needs no DEFAULT (which SQLite lacks).
 */

/** Parameters per statement: below SQLite's 32,766 and PostgreSQL's 65,535. */
const MAX_PARAMS = 30_000;

async function insertMany(trx: Db, table: InsertTable | 'audit_log', rows: Record<string, unknown>[]): Promise<void> {
  if (rows.length === 0) return;
  const per = Math.max(1, Math.floor(MAX_PARAMS / Object.keys(rows[0]!).length));
  for (let i = 0; i < rows.length; i += per) {
    // The table is chosen at run time; each row was built for it by its kind.
    await trx.insertInto(table as 'places').values(rows.slice(i, i + per) as never).execute();
  }
}

/** Tables in the order their foreign keys allow; organisations go one at a time (a parent may be in the batch). */
const beforeUpdates: InsertTable[] = ['places', 'place_history', 'households', 'residents'];
const afterUpdates: InsertTable[] = ['consents', 'resident_tags', 'residence_history', 'party_members'];

export async function applyWrites(trx: Db, batch: Writes[], audit: AuditRow[]): Promise<void> {
  const collect = (t: InsertTable) => batch.flatMap((w) => w.inserts[t] ?? []);
  const places = collect('places').sort((a, b) => String(a.path).length - String(b.path).length);
  await insertMany(trx, 'places', places);
  for (const t of beforeUpdates.slice(1)) await insertMany(trx, t, collect(t));
  for (const org of collect('organisations')) await trx.insertInto('organisations').values(org as never).execute();
  for (const w of batch) {
    for (const u of w.updates) await trx.updateTable(u.table).set(u.patch as never).where('id', '=', u.id).execute();
  }
  for (const w of batch) {
    for (const d of w.tagDeletes) await trx.deleteFrom('resident_tags').where('resident_id', '=', d.residentId).where('tag', '=', d.tag).execute();
  }
  for (const t of afterUpdates) await insertMany(trx, t, collect(t));
  await insertMany(trx, 'audit_log', audit as unknown as Record<string, unknown>[]);
}
