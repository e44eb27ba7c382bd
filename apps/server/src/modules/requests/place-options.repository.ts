import type { Db } from '../../db/database.js';

/** Places a resident may name as where their request is (Kysely only). */

/** The community's active estates and buildings, in tree order. */
export function estatesAndBuildings(db: Db, communityId: string) {
  return db
    .selectFrom('places')
    .select(['id', 'kind', 'name', 'path'])
    .where('community_id', '=', communityId)
    .where('kind', 'in', ['estate', 'building'])
    .where('retired_at', 'is', null)
    .orderBy('path')
    .execute();
}

export function placesByIds(db: Db, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('places').select(['id', 'kind', 'name', 'path']).where('id', 'in', ids).where('retired_at', 'is', null).execute();
}
