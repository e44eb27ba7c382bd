import type { Selectable } from 'kysely';
import type { ClassifierJobsTable, Db } from '../../db/database.js';

export type ClassifierJobRow = Selectable<ClassifierJobsTable>;
export type ClassifierJobPatch = Partial<Omit<ClassifierJobRow, 'id' | 'community_id'>>;

/** Statuses of a job not yet ended; the database holds at most one such job per community. */
export const openStatuses = ['queued', 'running'];

export async function insertJob(db: Db, row: ClassifierJobRow): Promise<void> {
  await db.insertInto('classifier_jobs').values(row).execute();
}

export function findJob(db: Db, id: string): Promise<ClassifierJobRow | undefined> {
  return db.selectFrom('classifier_jobs').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The community's queued or running job, if any. */
export function findOpenJob(db: Db, communityId: string): Promise<ClassifierJobRow | undefined> {
  return db.selectFrom('classifier_jobs').selectAll().where('community_id', '=', communityId).where('status', 'in', openStatuses).executeTakeFirst();
}

/** The community's jobs, newest first. */
export function listJobs(db: Db, communityId: string, limit: number): Promise<ClassifierJobRow[]> {
  return db
    .selectFrom('classifier_jobs')
    .selectAll()
    .where('community_id', '=', communityId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/** The oldest queued job's id (any community): what a runner tries to claim next. */
export async function nextQueuedJobId(db: Db): Promise<string | null> {
  const r = await db.selectFrom('classifier_jobs').select('id').where('status', '=', 'queued').orderBy('created_at').orderBy('id').limit(1).executeTakeFirst();
  return r?.id ?? null;
}

/**
 * Change a job only while it is in `from`; answers whether it was. Claiming (queued → running) and every
 * progress write go through here, so two servers cannot both claim a job, and a runner whose job was failed as
 * stale meanwhile learns it at its next write.
 */
export async function updateJobIf(db: Db, id: string, from: string, patch: ClassifierJobPatch): Promise<boolean> {
  const r = await db.updateTable('classifier_jobs').set(patch).where('id', '=', id).where('status', '=', from).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Running jobs whose heartbeat is older than `cutoff` (their server stopped): failed with `errorCode`. */
export async function failStaleJobs(db: Db, cutoff: string, now: string, errorCode: string): Promise<number> {
  // Read first, so the usual round (nothing stale) takes no write lock on SQLite.
  const stale = await db.selectFrom('classifier_jobs').select('id').where('status', '=', 'running').where('heartbeat_at', '<', cutoff).execute();
  if (!stale.length) return 0;
  const r = await db
    .updateTable('classifier_jobs')
    .set({ status: 'failed', phase: null, fold: null, error_code: errorCode, finished_at: now, updated_at: now })
    .where('id', 'in', stale.map((s) => s.id))
    .where('status', '=', 'running')
    .where('heartbeat_at', '<', cutoff)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}
