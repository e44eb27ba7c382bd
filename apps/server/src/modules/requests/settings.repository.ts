import type { Db } from '../../db/database.js';
import { fixedText, runFixed } from './fixed-sql.repository.js';

/** Row access for a community's request settings (deadlines, escalation, windows). */

export function findSettingsRow(db: Db, communityId: string) {
  return db.selectFrom('request_settings').selectAll().where('community_id', '=', communityId).executeTakeFirst();
}

/** Only the stored JSON (every intake reads it: a fixed text). */
export async function settingsJsonOf(db: Db, communityId: string): Promise<string | undefined> {
  const t = fixedText(db, 'settings', (p) => `select settings_json from request_settings where community_id = ${p(0)}`);
  return (await runFixed<{ settings_json: string }>(db, t, [communityId]))[0]?.settings_json;
}

/** Settings rows of several communities at once (timers work across communities). */
export function settingsRows(db: Db, communityIds: string[]) {
  if (communityIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('request_settings').select(['community_id', 'settings_json']).where('community_id', 'in', communityIds).execute();
}

export async function upsertSettingsRow(db: Db, row: { community_id: string; settings_json: string; updated_by: string; updated_at: string }) {
  await db
    .insertInto('request_settings')
    .values(row)
    .onConflict((oc) => oc.column('community_id').doUpdateSet({ settings_json: row.settings_json, updated_by: row.updated_by, updated_at: row.updated_at }))
    .execute();
}

/** The community place of an id (undefined when it is not a community). */
export function findCommunity(db: Db, id: string) {
  return db.selectFrom('places').select(['id', 'name', 'path']).where('id', '=', id).where('kind', '=', 'community').executeTakeFirst();
}
