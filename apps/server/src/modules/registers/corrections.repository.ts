import type { Insertable, Updateable } from 'kysely';
import type { CorrectionRequestsTable, Db } from '../../db/database.js';
import { pathInRange } from '../../lib/scope.js';

/** Row access for correction requests (a resident asks for their record to be put right). */

function withName(db: Db) {
  return db.selectFrom('correction_requests as c').innerJoin('residents as r', 'r.id', 'c.resident_id').selectAll('c').select('r.name as resident_name');
}
export type CorrectionRow = Awaited<ReturnType<ReturnType<typeof withName>['executeTakeFirstOrThrow']>>;

export function findCorrection(db: Db, id: string): Promise<CorrectionRow | undefined> {
  return withName(db).where('c.id', '=', id).executeTakeFirst();
}

export function correctionsOf(db: Db, residentId: string): Promise<CorrectionRow[]> {
  return withName(db).where('c.resident_id', '=', residentId).orderBy('c.created_at', 'desc').orderBy('c.id', 'desc').execute();
}

/** Open requests oldest first (a queue); handled ones newest first. */
export async function listCorrections(db: Db, f: { prefixes: string[]; status: string; limit: number; offset: number }) {
  if (f.prefixes.length === 0) return { rows: [], total: 0 };
  const base = db.selectFrom('correction_requests as c').where(pathInRange('c.place_path', f.prefixes)).where('c.status', '=', f.status);
  const dir = f.status === 'open' ? 'asc' : 'desc';
  const [rows, count] = await Promise.all([
    withName(db)
      .where(pathInRange('c.place_path', f.prefixes))
      .where('c.status', '=', f.status)
      .orderBy(f.status === 'open' ? 'c.created_at' : 'c.handled_at', dir)
      .orderBy('c.id', dir)
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
  ]);
  return { rows, total: Number(count?.n ?? 0) };
}

export async function insertCorrection(db: Db, row: Insertable<CorrectionRequestsTable>): Promise<void> {
  await db.insertInto('correction_requests').values(row).execute();
}

/** Resolve an open request; false when it was no longer open (handled by someone else meanwhile). */
export async function resolveCorrection(db: Db, id: string, patch: Updateable<CorrectionRequestsTable>): Promise<boolean> {
  const r = await db.updateTable('correction_requests').set(patch).where('id', '=', id).where('status', '=', 'open').executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
