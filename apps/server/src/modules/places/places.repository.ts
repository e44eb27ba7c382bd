import { sql } from 'kysely';
import type { Db, PlaceRow } from '../../db/database.js';
import { pathInRange, pathInScope } from '../../lib/scope.js';

export function findPlace(db: Db, id: string): Promise<PlaceRow | undefined> {
  return db.selectFrom('places').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findPlacesByIds(db: Db, ids: string[]): Promise<PlaceRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('places').selectAll().where('id', 'in', ids).execute();
}

/** Every place under the given prefixes (the prefixes' own places included). */
export function listSubtrees(db: Db, prefixes: string[], includeRetired: boolean): Promise<PlaceRow[]> {
  let q = db.selectFrom('places').selectAll().where(pathInScope('path', prefixes));
  if (!includeRetired) q = q.where('retired_at', 'is', null);
  // Creation order (ids sort by time): registers are entered in their natural order (1栋, 2栋 … 10栋).
  return q.orderBy('id').execute();
}

export function listChildren(db: Db, parentId: string, includeRetired: boolean): Promise<PlaceRow[]> {
  let q = db.selectFrom('places').selectAll().where('parent_id', '=', parentId);
  if (!includeRetired) q = q.where('retired_at', 'is', null);
  return q.orderBy('id').execute();
}

export async function countActiveChildren(db: Db, parentId: string): Promise<number> {
  const r = await db
    .selectFrom('places')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('parent_id', '=', parentId)
    .where('retired_at', 'is', null)
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

export async function activeSiblingNamed(db: Db, parentId: string | null, name: string, excludeId?: string) {
  let q = db.selectFrom('places').select('id').where('name', '=', name).where('retired_at', 'is', null);
  q = parentId === null ? q.where('parent_id', 'is', null) : q.where('parent_id', '=', parentId);
  if (excludeId) q = q.where('id', '!=', excludeId);
  return (await q.executeTakeFirst()) !== undefined;
}

export async function insertPlace(db: Db, row: PlaceRow): Promise<void> {
  await db.insertInto('places').values(row).execute();
}

export async function updatePlace(db: Db, id: string, patch: Partial<Omit<PlaceRow, 'id'>>): Promise<void> {
  await db.updateTable('places').set(patch).where('id', '=', id).execute();
}

/** Re-root a moved subtree: every path under `oldPrefix` now starts with `newPrefix`. */
export async function rewriteSubtreePaths(db: Db, oldPrefix: string, newPrefix: string, communityId?: string | null) {
  await db
    .updateTable('places')
    .set({
      path: sql<string>`${newPrefix} || substr(path, ${oldPrefix.length + 1})`,
      ...(communityId !== undefined ? { community_id: communityId } : {}),
    })
    .where('path', 'like', `${oldPrefix}%`)
    .execute();
  // Registers copy their dwelling's path for scoping without joins; they follow the move in the same transaction.
  for (const table of ['households', 'residents', 'correction_requests'] as const) {
    await db
      .updateTable(table)
      .set({
        place_path: sql<string>`${newPrefix} || substr(place_path, ${oldPrefix.length + 1})`,
        ...(communityId ? { community_id: communityId } : {}),
      })
      .where(pathInRange('place_path', [oldPrefix]))
      .execute();
  }
  // Covenant pledges copy the household's path too (coverage by building and grid); they stay with the covenant
  // they were given to, so only the path follows.
  await db
    .updateTable('covenant_pledges')
    .set({ place_path: sql<string>`${newPrefix} || substr(place_path, ${oldPrefix.length + 1})` })
    .where(pathInRange('place_path', [oldPrefix]))
    .execute();
  // Other records copy a path for scoped lists and grouping without joins; they follow the move too.
  for (const [table, column] of pathCopies) {
    await db
      .updateTable(table)
      .set({ [column]: sql<string>`${newPrefix} || substr(${sql.ref(column)}, ${oldPrefix.length + 1})` })
      .where(pathInRange(column, [oldPrefix]))
      .execute();
  }
}

/** Tables and the path column each copies (kept byte-wise for range scans). */
const pathCopies = [
  ['topics', 'community_path'],
  ['disclosure_items', 'community_path'],
  ['publications', 'community_path'],
  ['review_rounds', 'community_path'],
  ['fee_boards', 'estate_path'],
  ['election_voters', 'place_path'],
] as const;

export async function insertPlaceHistory(
  db: Db,
  row: { id: string; place_id: string; change: string; from_value: string | null; to_value: string | null; actor_user_id: string | null; at: string },
): Promise<void> {
  await db.insertInto('place_history').values(row).execute();
}

export function listPlaceHistory(db: Db, placeId: string) {
  return db.selectFrom('place_history').selectAll().where('place_id', '=', placeId).orderBy('at').orderBy('id').execute();
}

/** Active communities with their subdistrict's name, for the public portal. */
export function listCommunities(db: Db) {
  return db
    .selectFrom('places as c')
    .leftJoin('places as s', 's.id', 'c.parent_id')
    .select(['c.id', 'c.name', 'c.path', 's.name as subdistrict_name'])
    .where('c.kind', '=', 'community')
    .where('c.retired_at', 'is', null)
    .orderBy('c.name')
    .execute();
}

/** Active places by kind strictly below a prefix (the place itself not counted). */
export async function countByKind(db: Db, prefix: string): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('places')
    .select(['kind', (eb) => eb.fn.countAll<number>().as('n')])
    .where('path', 'like', `${prefix}%`)
    .where('path', '!=', prefix)
    .where('retired_at', 'is', null)
    .groupBy('kind')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.kind, Number(r.n)]));
}

export async function anyPlaceExists(db: Db): Promise<boolean> {
  return (await db.selectFrom('places').select('id').limit(1).executeTakeFirst()) !== undefined;
}
