import { finalStatuses } from '@gongzhi/shared';
import type { Insertable } from 'kysely';
import type { Db, PlaceRow, RequestCategoriesTable, RequestCategoryRow } from '../../db/database.js';
import { pathInScope } from '../../lib/scope.js';

/** A community's categories in display order; retired ones only when asked. */
export function listCategories(db: Db, communityId: string, includeRetired: boolean): Promise<RequestCategoryRow[]> {
  let q = db.selectFrom('request_categories').selectAll().where('community_id', '=', communityId);
  if (!includeRetired) q = q.where('retired_at', 'is', null);
  return q.orderBy('sort_order').orderBy('code').execute();
}

/** Categories of several communities at once (list pages of a subdistrict admin). */
export function listCategoriesOf(db: Db, communityIds: string[], includeRetired: boolean): Promise<RequestCategoryRow[]> {
  if (!communityIds.length) return Promise.resolve([]);
  let q = db.selectFrom('request_categories').selectAll().where('community_id', 'in', communityIds);
  if (!includeRetired) q = q.where('retired_at', 'is', null);
  return q.orderBy('community_id').orderBy('sort_order').orderBy('code').execute();
}

/**
 * Insert categories, skipping any whose (community, code) already exists. Two first uses racing each other
 * both try the whole default set; the unique constraint keeps one, and neither fails.
 */
export async function insertCategoriesIfAbsent(db: Db, rows: Insertable<RequestCategoriesTable>[]): Promise<void> {
  if (!rows.length) return;
  await db
    .insertInto('request_categories')
    .values(rows)
    .onConflict((oc) => oc.columns(['community_id', 'code']).doNothing())
    .execute();
}

export async function insertCategory(db: Db, row: Insertable<RequestCategoriesTable>): Promise<void> {
  await db.insertInto('request_categories').values(row).execute();
}

export function findCategory(db: Db, id: string): Promise<RequestCategoryRow | undefined> {
  return db.selectFrom('request_categories').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findCategoriesByIds(db: Db, ids: string[]): Promise<RequestCategoryRow[]> {
  if (!ids.length) return Promise.resolve([]);
  return db.selectFrom('request_categories').selectAll().where('id', 'in', [...new Set(ids)]).execute();
}

export async function updateCategory(db: Db, id: string, patch: Partial<Omit<RequestCategoryRow, 'id' | 'community_id' | 'code'>>): Promise<void> {
  await db.updateTable('request_categories').set(patch).where('id', '=', id).execute();
}

/**
 * Retire only while nothing uses the category: the check and the write are one statement, so a request
 * classified into it at the same moment cannot slip between them. Returns whether it was retired.
 */
export async function retireCategoryIfUnused(db: Db, id: string, at: string): Promise<boolean> {
  const r = await db
    .updateTable('request_categories')
    .set({ retired_at: at, updated_at: at })
    .where('id', '=', id)
    .where('retired_at', 'is', null)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('requests')
            .select('requests.id')
            .whereRef('requests.category_id', '=', 'request_categories.id')
            .where('requests.status', 'not in', [...finalStatuses]),
        ),
      ),
    )
    .where((eb) => eb.not(eb.exists(eb.selectFrom('routing_rules').select('routing_rules.id').whereRef('routing_rules.category_id', '=', 'request_categories.id'))))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Active communities under the prefixes (a community admin's own, a subdistrict admin's several). */
export function communitiesIn(db: Db, prefixes: string[]): Promise<PlaceRow[]> {
  return db
    .selectFrom('places')
    .selectAll()
    .where('kind', '=', 'community')
    .where('retired_at', 'is', null)
    .where(pathInScope('path', prefixes))
    .orderBy('id')
    .execute();
}
