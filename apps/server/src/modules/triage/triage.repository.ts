import type { Db } from '../../db/database.js';

/** What the suggestions for one request need of it. */
export function requestForSuggestions(db: Db, id: string) {
  return db
    .selectFrom('requests')
    .select(['id', 'community_id', 'place_path', 'grid_id', 'title', 'text', 'tokens', 'category_id', 'status'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The community's saved request settings (JSON), if any. */
export async function settingsJson(db: Db, communityId: string): Promise<string | null> {
  const r = await db.selectFrom('request_settings').select('settings_json').where('community_id', '=', communityId).executeTakeFirst();
  return r?.settings_json ?? null;
}

/** Requests by id with what a case checks and shows. */
export function requestsByIds(db: Db, ids: string[]) {
  if (!ids.length) return Promise.resolve([]);
  return db
    .selectFrom('requests')
    .select(['id', 'number', 'title', 'status', 'community_id', 'place_path'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
}
