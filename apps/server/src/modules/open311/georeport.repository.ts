import type { Db } from '../../db/database.js';

/** The reads (and the one location write) behind the GeoReport API. */

/** A community by id (a jurisdiction), retired or not known → undefined. */
export function findCommunity(db: Db, id: string) {
  return db.selectFrom('places').select(['id', 'name', 'path']).where('id', '=', id).where('kind', '=', 'community').where('retired_at', 'is', null).executeTakeFirst();
}

/** All live communities, at most two: enough to tell whether the installation serves just one. */
export function someCommunities(db: Db) {
  return db.selectFrom('places').select(['id', 'name', 'path']).where('kind', '=', 'community').where('retired_at', 'is', null).limit(2).execute();
}

/** The columns a public request document is made from; nothing that names or reaches a person. */
export interface PublicRequestRow {
  id: string;
  number: string;
  community_id: string;
  status: string;
  channel: string;
  text: string;
  reply_text: string | null;
  address_text: string | null;
  lat: number | null;
  lng: number | null;
  place_id: string | null;
  reply_due_at: string;
  created_at: string;
  updated_at: string;
  category_code: string | null;
  category_zh: string | null;
  category_en: string | null;
}

function publicRequests(db: Db) {
  return db
    .selectFrom('requests as r')
    .leftJoin('request_categories as c', 'c.id', 'r.category_id')
    .select([
      'r.id', 'r.number', 'r.community_id', 'r.status', 'r.channel', 'r.text', 'r.reply_text', 'r.address_text', 'r.lat', 'r.lng',
      'r.place_id', 'r.reply_due_at', 'r.created_at', 'r.updated_at', 'c.code as category_code', 'c.name_zh as category_zh', 'c.name_en as category_en',
    ]);
}

export interface PublicRequestFilter {
  communityId: string;
  numbers?: string[];
  categoryIds?: string[];
  statuses?: readonly string[];
  from?: string;
  to?: string;
  limit: number;
}

/** A jurisdiction's requests, newest first, filtered as GeoReport asks. */
export function listPublicRequests(db: Db, f: PublicRequestFilter): Promise<PublicRequestRow[]> {
  let q = publicRequests(db).where('r.community_id', '=', f.communityId);
  if (f.numbers) q = q.where('r.number', 'in', f.numbers.length ? f.numbers : ['']);
  if (f.categoryIds) q = q.where('r.category_id', 'in', f.categoryIds.length ? f.categoryIds : ['']);
  if (f.statuses) q = q.where('r.status', 'in', f.statuses.length ? [...f.statuses] : ['']);
  if (f.from) q = q.where('r.created_at', '>=', f.from);
  if (f.to) q = q.where('r.created_at', '<=', f.to);
  return q.orderBy('r.created_at', 'desc').orderBy('r.id', 'desc').limit(f.limit).execute();
}

/** One request by its public number. */
export function findPublicRequest(db: Db, number: string): Promise<PublicRequestRow | undefined> {
  return publicRequests(db).where('r.number', '=', number).executeTakeFirst();
}

/** Where an Open311 report says it is (intake knows places, not free addresses or coordinates). */
export async function setRequestLocation(db: Db, id: string, loc: { address_text: string | null; lat: number | null; lng: number | null }): Promise<void> {
  await db.updateTable('requests').set(loc).where('id', '=', id).execute();
}
