import type { Insertable, Selectable } from 'kysely';
import type { Db, Open311ClientsTable } from '../../db/database.js';

/** Open311 integrations and their hashed keys. */

export type Open311ClientRow = Selectable<Open311ClientsTable>;

export function listClients(db: Db, communityIds: string[]): Promise<Open311ClientRow[]> {
  if (communityIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('open311_clients').selectAll().where('community_id', 'in', communityIds).orderBy('created_at').orderBy('id').execute();
}

export function findClient(db: Db, id: string): Promise<Open311ClientRow | undefined> {
  return db.selectFrom('open311_clients').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The live (not revoked) client holding the key with this hash. */
export function clientByKeyHash(db: Db, keyHash: string): Promise<Open311ClientRow | undefined> {
  return db.selectFrom('open311_clients').selectAll().where('key_hash', '=', keyHash).where('revoked_at', 'is', null).executeTakeFirst();
}

export async function insertClient(db: Db, row: Insertable<Open311ClientsTable>): Promise<void> {
  await db.insertInto('open311_clients').values(row).execute();
}

/** Revoke a key once; answers whether this call did it. */
export async function revokeClient(db: Db, id: string, at: string): Promise<boolean> {
  const r = await db.updateTable('open311_clients').set({ revoked_at: at }).where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();
  return r.numUpdatedRows === 1n;
}

export async function touchClient(db: Db, id: string, at: string): Promise<void> {
  await db.updateTable('open311_clients').set({ last_used_at: at }).where('id', '=', id).execute();
}
