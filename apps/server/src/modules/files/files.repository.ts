import type { Insertable } from 'kysely';
import type { Db, FilesTable } from '../../db/database.js';

/** Row access for uploaded files (Kysely only). Lists never select `content`: only a download reads the bytes. */

/** What a file is, without its bytes. */
export interface FileMeta {
  id: string;
  owner_kind: string | null;
  owner_id: string | null;
  file_name: string;
  mime: string;
  size: number;
  created_by: string | null;
  created_at: string;
}

const metaColumns = ['id', 'owner_kind', 'owner_id', 'file_name', 'mime', 'size', 'created_by', 'created_at'] as const;

export async function insertFile(db: Db, row: Insertable<FilesTable>): Promise<void> {
  await db.insertInto('files').values(row).execute();
}

export function findFileMeta(db: Db, id: string): Promise<FileMeta | undefined> {
  return db.selectFrom('files').select(metaColumns).where('id', '=', id).executeTakeFirst();
}

export function readFileContent(db: Db, id: string): Promise<{ content: Buffer } | undefined> {
  return db.selectFrom('files').select('content').where('id', '=', id).executeTakeFirst();
}

/**
 * Attach the uploader's own unattached files to an owner, in one statement. Returns how many were attached;
 * the caller compares with how many it asked for (someone else's, already used or missing files are left out).
 */
export async function attachFileRows(
  db: Db,
  ids: string[],
  o: { uploaderId: string | null; ownerKind: string; ownerId: string; communityId: string | null; now: string },
): Promise<number> {
  if (ids.length === 0) return 0;
  let q = db
    .updateTable('files')
    .set({ owner_kind: o.ownerKind, owner_id: o.ownerId, community_id: o.communityId, attached_at: o.now })
    .where('id', 'in', ids)
    .where('owner_kind', 'is', null);
  q = o.uploaderId === null ? q.where('created_by', 'is', null) : q.where('created_by', '=', o.uploaderId);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Files of these owners (metadata only), oldest first. */
export function filesOfOwners(db: Db, ownerKind: string, ownerIds: string[]): Promise<FileMeta[]> {
  if (ownerIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('files').select(metaColumns).where('owner_kind', '=', ownerKind).where('owner_id', 'in', ownerIds).orderBy('id').execute();
}

/** Delete unattached uploads created before `before`; the owner index finds the few unattached rows. */
export async function deleteUnattachedBefore(db: Db, before: string): Promise<number> {
  const r = await db.deleteFrom('files').where('owner_kind', 'is', null).where('created_at', '<', before).executeTakeFirst();
  return Number(r.numDeletedRows);
}
