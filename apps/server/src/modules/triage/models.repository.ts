import { sql } from 'kysely';
import type { Selectable } from 'kysely';
import type { ClassifierModelsTable, Db } from '../../db/database.js';

export type ClassifierModelRow = Selectable<ClassifierModelsTable>;
/** A model row without its (large) serialised model. */
export type ClassifierModelMeta = Omit<ClassifierModelRow, 'model'>;

const metaColumns = ['id', 'community_id', 'example_count', 'labels_json', 'metrics_json', 'active', 'created_by', 'created_at'] as const;

/**
 * The id of the community's active model: one indexed lookup, cheap enough for every classification, so a model
 * activated on another app server is used here from the next request on. Should two ever be active (activations
 * racing on PostgreSQL), the newest wins everywhere alike.
 */
export async function activeModelId(db: Db, communityId: string): Promise<string | null> {
  const r = await db
    .selectFrom('classifier_models')
    .select('id')
    .where('community_id', '=', communityId)
    .where('active', '=', 1)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return r?.id ?? null;
}

export async function modelText(db: Db, id: string): Promise<string | null> {
  const r = await db.selectFrom('classifier_models').select('model').where('id', '=', id).executeTakeFirst();
  return r?.model ?? null;
}

export function findModelMeta(db: Db, id: string): Promise<ClassifierModelMeta | undefined> {
  return db.selectFrom('classifier_models').select(metaColumns).where('id', '=', id).executeTakeFirst();
}

export function listModelMeta(db: Db, communityId: string, limit: number): Promise<ClassifierModelMeta[]> {
  return db
    .selectFrom('classifier_models')
    .select(metaColumns)
    .where('community_id', '=', communityId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

export async function insertModel(db: Db, row: ClassifierModelRow): Promise<void> {
  await db.insertInto('classifier_models').values(row).execute();
}

/** Make `id` the community's only active model. */
export async function activateModel(db: Db, communityId: string, id: string): Promise<void> {
  await db.updateTable('classifier_models').set({ active: 0 }).where('community_id', '=', communityId).where('id', '!=', id).where('active', '=', 1).execute();
  await db.updateTable('classifier_models').set({ active: 1 }).where('id', '=', id).execute();
}

/**
 * Serialise activations of one community on PostgreSQL by locking its place row; SQLite runs one write
 * transaction at a time already.
 */
export async function lockCommunity(db: Db, communityId: string, postgres: boolean): Promise<void> {
  if (postgres) await sql`select id from places where id = ${communityId} for update`.execute(db);
}

/** A request labelled by staff or the resident: the training data. */
export interface LabelledRequest {
  title: string;
  text: string;
  code: string;
}

/** The community's labelled requests in active categories, newest first, at most `limit`. */
export function labelledRequests(db: Db, communityId: string, limit: number): Promise<LabelledRequest[]> {
  return db
    .selectFrom('requests as r')
    .innerJoin('request_categories as c', 'c.id', 'r.category_id')
    .select(['r.title', 'r.text', 'c.code'])
    .where('r.community_id', '=', communityId)
    .where('r.category_source', 'in', ['staff', 'resident'])
    .where('c.retired_at', 'is', null)
    .orderBy('r.created_at', 'desc')
    .limit(limit)
    .execute();
}

/** How many labelled requests each active category has (all of them, not only the newest): the quick check. */
export async function labelCounts(db: Db, communityId: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('requests as r')
    .innerJoin('request_categories as c', 'c.id', 'r.category_id')
    .select(['c.code', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('r.community_id', '=', communityId)
    .where('r.category_source', 'in', ['staff', 'resident'])
    .where('c.retired_at', 'is', null)
    .groupBy('c.code')
    .execute();
  return new Map(rows.map((r) => [r.code, Number(r.n)]));
}
