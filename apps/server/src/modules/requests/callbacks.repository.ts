import type { Insertable } from 'kysely';
import type { Db, RequestCallbacksTable } from '../../db/database.js';
import type { RequestScope } from './requests.policy.js';
import { requestScopeWhere } from './requests.repository.js';

/** Row access for callback tasks (Kysely only). */

export async function insertCallback(db: Db, row: Insertable<RequestCallbacksTable>): Promise<void> {
  await db.insertInto('request_callbacks').values(row).execute();
}

export function callbacksOf(db: Db, requestId: string) {
  return db.selectFrom('request_callbacks').selectAll().where('request_id', '=', requestId).orderBy('created_at').orderBy('id').execute();
}

export function findCallback(db: Db, id: string) {
  return db.selectFrom('request_callbacks').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Callbacks of a status that the actor works: assigned to them, or on requests in `dispatcherScope` (the
 * community office sees every callback of its communities). Soonest due first.
 */
export async function listCallbacks(db: Db, f: { userId: string; dispatcherScope: RequestScope; status: string; limit: number; offset: number }) {
  const base = db
    .selectFrom('request_callbacks as cb')
    .innerJoin('requests as r', 'r.id', 'cb.request_id')
    .where('cb.status', '=', f.status)
    .where((eb) => eb.or([eb('cb.assigned_user_id', '=', f.userId), requestScopeWhere(f.dispatcherScope)]));
  const [items, total] = await Promise.all([
    base
      .selectAll('cb')
      .select(['r.number as request_number', 'r.title as request_title'])
      .orderBy('cb.due_at')
      .orderBy('cb.id')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

/** Finish an open callback; false when someone already did (two staff calling back at once). */
export async function finishCallback(db: Db, id: string, patch: { status: string; note: string | null; done_by: string; done_at: string }): Promise<boolean> {
  const r = await db.updateTable('request_callbacks').set(patch).where('id', '=', id).where('status', '=', 'open').executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Open callbacks that fell due since `since`, for the due reminders. */
export function dueCallbacks(db: Db, since: string, until: string, limit: number) {
  return db
    .selectFrom('request_callbacks as cb')
    .innerJoin('requests as r', 'r.id', 'cb.request_id')
    .select(['cb.id', 'cb.assigned_user_id', 'r.id as request_id', 'r.number', 'r.title', 'r.community_id', 'r.place_path'])
    .where('cb.status', '=', 'open')
    .where('cb.due_at', '<=', until)
    .where('cb.due_at', '>', since)
    .orderBy('cb.due_at')
    .limit(limit)
    .execute();
}
