import { sql, type Insertable, type Updateable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { PublicationCommentsTable, PublicationsTable } from '../../db/disclosure-tables.js';
import { pathInRange } from '../../lib/scope.js';

/** Row access for publications and their objections and questions (Kysely only). */

export type PublicationRow = PublicationsTable & { community_name: string; item_title: string | null };

function selectPublications(db: Db) {
  return db
    .selectFrom('publications as p')
    .innerJoin('places as c', 'c.id', 'p.community_id')
    .leftJoin('disclosure_items as i', 'i.id', 'p.item_id')
    .selectAll('p')
    .select(['c.name as community_name', 'i.title as item_title']);
}

export function findPublication(db: Db, id: string): Promise<PublicationRow | undefined> {
  return selectPublications(db).where('p.id', '=', id).executeTakeFirst();
}

export function titlesOf(db: Db, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('publications').select(['id', 'title']).where('id', 'in', ids).execute();
}

export interface PublicationFilter {
  prefixes: string[];
  communityId?: string;
  status?: string;
  kind?: string;
  limit: number;
  offset: number;
}

/** A page of publications under `prefixes`, most recently changed first, with the total. */
export async function listPublications(db: Db, f: PublicationFilter): Promise<{ rows: PublicationRow[]; total: number }> {
  let q = selectPublications(db).where(pathInRange('p.community_path', f.prefixes));
  let n = db.selectFrom('publications as p').select((eb) => eb.fn.countAll<number>().as('n')).where(pathInRange('p.community_path', f.prefixes));
  if (f.communityId) {
    q = q.where('p.community_id', '=', f.communityId);
    n = n.where('p.community_id', '=', f.communityId);
  }
  if (f.status) {
    q = q.where('p.status', '=', f.status);
    n = n.where('p.status', '=', f.status);
  }
  if (f.kind) {
    q = q.where('p.kind', '=', f.kind);
    n = n.where('p.kind', '=', f.kind);
  }
  const [rows, total] = await Promise.all([q.orderBy('p.updated_at', 'desc').orderBy('p.id', 'desc').limit(f.limit).offset(f.offset).execute(), n.executeTakeFirst()]);
  return { rows, total: Number(total?.n ?? 0) };
}

/** Published (or archived) publications of a community on the portal channel, newest first. */
export async function publicPublications(db: Db, f: { communityId: string; category?: string; archived: boolean; limit: number; offset: number }) {
  const portal = sql<boolean>`${sql.ref('p.channels')} like ${'%"portal"%'}`;
  let q = selectPublications(db).where('p.community_id', '=', f.communityId).where('p.status', '=', f.archived ? 'archived' : 'published').where(portal);
  let n = db
    .selectFrom('publications as p')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('p.community_id', '=', f.communityId)
    .where('p.status', '=', f.archived ? 'archived' : 'published')
    .where(portal);
  if (f.category) {
    q = q.where('p.category', '=', f.category);
    n = n.where('p.category', '=', f.category);
  }
  const [rows, total] = await Promise.all([q.orderBy('p.published_at', 'desc').orderBy('p.id', 'desc').limit(f.limit).offset(f.offset).execute(), n.executeTakeFirst()]);
  return { rows, total: Number(total?.n ?? 0) };
}

/** Published publications of the communities under `prefixes` on the resident-app channel (the phone's list). */
export function residentFeed(db: Db, prefixes: string[], limit: number, offset: number): Promise<PublicationRow[]> {
  return selectPublications(db)
    .where(pathInRange('p.community_path', prefixes))
    .where('p.status', 'in', ['published', 'archived'])
    .where(sql<boolean>`${sql.ref('p.channels')} like ${'%"resident_app"%'}`)
    .orderBy('p.published_at', 'desc')
    .orderBy('p.id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
}

export async function insertPublication(db: Db, row: Insertable<PublicationsTable>): Promise<void> {
  await db.insertInto('publications').values(row).execute();
}

/** Change a publication only from the status the caller read, so two editors acting at once cannot both win. */
export async function updatePublication(db: Db, id: string, fromStatus: string, patch: Updateable<PublicationsTable>): Promise<boolean> {
  const r = await db.updateTable('publications').set(patch).where('id', '=', id).where('status', '=', fromStatus).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function markSuperseded(db: Db, id: string, byId: string, at: string): Promise<void> {
  await db.updateTable('publications').set({ superseded_by_id: byId, updated_at: at }).where('id', '=', id).execute();
}

// ---- objections and questions ------------------------------------------------------------------------------------

export function commentsOf(db: Db, publicationId: string) {
  return db.selectFrom('publication_comments').selectAll().where('publication_id', '=', publicationId).orderBy('created_at').orderBy('id').execute();
}

export function findComment(db: Db, id: string) {
  return db.selectFrom('publication_comments').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertComment(db: Db, row: Insertable<PublicationCommentsTable>): Promise<void> {
  await db.insertInto('publication_comments').values(row).execute();
}

/** Answer once: false when someone answered first. */
export async function answerComment(db: Db, id: string, patch: { answer: string; answered_by: string | null; answered_at: string }): Promise<boolean> {
  const r = await db.updateTable('publication_comments').set(patch).where('id', '=', id).where('answer', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Per publication: objections and questions, and how many wait for an answer. */
export async function commentCounts(db: Db, ids: string[]): Promise<Map<string, { objections: number; questions: number; unanswered: number }>> {
  const out = new Map(ids.map((id) => [id, { objections: 0, questions: 0, unanswered: 0 }]));
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom('publication_comments')
    .select(['publication_id', 'kind', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.count<number>('answer').as('answered')])
    .where('publication_id', 'in', ids)
    .groupBy(['publication_id', 'kind'])
    .execute();
  for (const r of rows) {
    const c = out.get(r.publication_id)!;
    if (r.kind === 'objection') c.objections += Number(r.n);
    else c.questions += Number(r.n);
    c.unanswered += Number(r.n) - Number(r.answered);
  }
  return out;
}
