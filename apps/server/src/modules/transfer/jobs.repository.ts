import type { Db, ImportJobRow } from '../../db/database.js';

export function insertJob(db: Db, row: ImportJobRow): Promise<unknown> {
  return db.insertInto('import_jobs').values(row).execute();
}

export function findJob(db: Db, id: string): Promise<ImportJobRow | undefined> {
  return db.selectFrom('import_jobs').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Newest first, in the given communities. */
export function listJobs(db: Db, communityIds: string[], limit: number): Promise<ImportJobRow[]> {
  if (communityIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('import_jobs').selectAll().where('community_id', 'in', communityIds).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

/**
 * Change a job only if it is still in one of `from` states; answers whether it was. This is how a batch learns
 * that its job was interrupted meanwhile (and rolls back), and how two commits of one job cannot both start.
 */
export async function updateJobIf(db: Db, id: string, from: string[], patch: Partial<Omit<ImportJobRow, 'id'>>): Promise<boolean> {
  const r = await db.updateTable('import_jobs').set(patch).where('id', '=', id).where('status', 'in', from).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Jobs a stopped process left `importing` (see `interruptAbandonedImports`). */
export async function interruptImporting(db: Db, now: string): Promise<number> {
  const r = await db.updateTable('import_jobs').set({ status: 'interrupted', updated_at: now, finished_at: now }).where('status', '=', 'importing').executeTakeFirst();
  return Number(r.numUpdatedRows);
}
