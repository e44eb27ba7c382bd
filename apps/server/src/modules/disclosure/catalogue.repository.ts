import type { Insertable, Updateable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { DisclosureItemsTable } from '../../db/disclosure-tables.js';
import { pathInRange } from '../../lib/scope.js';

/** Row access for the disclosure catalogue and its reminders (Kysely only). */

export type ItemRow = DisclosureItemsTable & { community_name: string; owner_name: string | null };

function selectItems(db: Db) {
  return db
    .selectFrom('disclosure_items as i')
    .innerJoin('places as c', 'c.id', 'i.community_id')
    .leftJoin('users as u', 'u.id', 'i.owner_user_id')
    .selectAll('i')
    .select(['c.name as community_name', 'u.display_name as owner_name']);
}

export function findItem(db: Db, id: string): Promise<ItemRow | undefined> {
  return selectItems(db).where('i.id', '=', id).executeTakeFirst();
}

/** Items of the communities under `prefixes` (or of one community), in catalogue order. */
export function listItems(db: Db, f: { prefixes: string[]; communityId?: string; includeRetired?: boolean }): Promise<ItemRow[]> {
  let q = selectItems(db).where(pathInRange('i.community_path', f.prefixes));
  if (f.communityId) q = q.where('i.community_id', '=', f.communityId);
  if (!f.includeRetired) q = q.where('i.retired_at', 'is', null);
  return q.orderBy('i.community_path').orderBy('i.position').orderBy('i.id').limit(2000).execute();
}

/** Every active periodic item on the platform, for the reminder job. */
export function activePeriodicItems(db: Db): Promise<ItemRow[]> {
  return selectItems(db)
    .where('i.retired_at', 'is', null)
    .where('i.frequency', 'in', ['monthly', 'quarterly', 'half_yearly', 'yearly'])
    .orderBy('i.id')
    .execute();
}

export async function insertItems(db: Db, rows: Insertable<DisclosureItemsTable>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 100) await db.insertInto('disclosure_items').values(rows.slice(i, i + 100)).execute();
}

export async function updateItem(db: Db, id: string, patch: Updateable<DisclosureItemsTable>): Promise<void> {
  await db.updateTable('disclosure_items').set(patch).where('id', '=', id).execute();
}

/** The default keys a community already has, and the next free position. */
export async function catalogueState(db: Db, communityId: string): Promise<{ keys: Set<string>; nextPosition: number }> {
  const rows = await db.selectFrom('disclosure_items').select(['default_key', 'position']).where('community_id', '=', communityId).execute();
  return {
    keys: new Set(rows.map((r) => r.default_key).filter((k): k is string => k !== null)),
    nextPosition: rows.reduce((m, r) => Math.max(m, Number(r.position)), 0) + 1,
  };
}

/** Which of the (item, period) pairs have a publication out (published or archived): item id → period → publication id. */
export async function publishedPeriods(db: Db, itemIds: string[], periods: string[]): Promise<Map<string, Map<string, string>>> {
  const out = new Map<string, Map<string, string>>();
  if (itemIds.length === 0 || periods.length === 0) return out;
  for (let i = 0; i < itemIds.length; i += 500) {
    const rows = await db
      .selectFrom('publications')
      .select(['item_id', 'period', 'id'])
      .where('item_id', 'in', itemIds.slice(i, i + 500))
      .where('period', 'in', [...new Set(periods)])
      .where('status', 'in', ['published', 'archived'])
      .orderBy('published_at')
      .execute();
    for (const r of rows) {
      if (!r.item_id || !r.period) continue;
      const m = out.get(r.item_id) ?? new Map<string, string>();
      if (!m.has(r.period)) m.set(r.period, r.id);
      out.set(r.item_id, m);
    }
  }
  return out;
}

/** Active accounts holding community_admin or community_staff at the community itself: who may own an item. */
/** Remember a reminder; false when another server (or an earlier round) already sent it. */
export async function claimReminder(db: Db, row: { item_id: string; period: string; kind: string; sent_at: string }): Promise<boolean> {
  const r = await db
    .insertInto('disclosure_reminders')
    .values(row)
    .onConflict((oc) => oc.columns(['item_id', 'period', 'kind']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0n) === 1;
}
