import type { Insertable, Updateable } from 'kysely';
import type { Db, NotificationEndpointsTable } from '../../db/database.js';

/** Community notification endpoints. */

export function listEndpoints(db: Db, communityIds: string[]) {
  if (communityIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('notification_endpoints').selectAll().where('community_id', 'in', communityIds).orderBy('created_at').orderBy('id').execute();
}

export function findEndpoint(db: Db, id: string) {
  return db.selectFrom('notification_endpoints').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertEndpoint(db: Db, row: Insertable<NotificationEndpointsTable>): Promise<void> {
  await db.insertInto('notification_endpoints').values(row).execute();
}

export async function updateEndpoint(db: Db, id: string, patch: Updateable<NotificationEndpointsTable>): Promise<void> {
  await db.updateTable('notification_endpoints').set(patch).where('id', '=', id).execute();
}

/**
 * Remove an endpoint. Its undelivered messages are given up and its sent ones keep their history without the
 * reference (the outbox row's foreign key would otherwise forbid the delete).
 */
export async function deleteEndpoint(db: Db, id: string): Promise<void> {
  await db
    .updateTable('notifications')
    .set({ status: 'dead', next_attempt_at: null, last_error: 'endpoint removed' })
    .where('endpoint_id', '=', id)
    .where('status', 'in', ['pending', 'failed'])
    .execute();
  await db.updateTable('notifications').set({ endpoint_id: null }).where('endpoint_id', '=', id).execute();
  await db.deleteFrom('notification_endpoints').where('id', '=', id).execute();
}

/** The path of a community (undefined when the id is not a community). */
export async function communityPath(db: Db, id: string): Promise<string | undefined> {
  const row = await db.selectFrom('places').select('path').where('id', '=', id).where('kind', '=', 'community').executeTakeFirst();
  return row?.path;
}
