import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { CovenantArticlesTable, CovenantPhasesTable, CovenantsTable, CovenantVersionsTable } from '../../db/covenant-tables.js';
import { pathInScope } from '../../lib/scope.js';

/** The covenant process, its phases and versions with their articles. The only place that touches these tables. */

export type CovenantRow = Selectable<CovenantsTable> & { community_path: string; community_name: string };
export type PhaseRow = Selectable<CovenantPhasesTable>;
export type ArticleRow = Selectable<CovenantArticlesTable>;
export type VersionRow = Selectable<CovenantVersionsTable> & { created_by_name: string | null };

const covenantColumns = ['c.id', 'c.community_id', 'c.title', 'c.phase', 'c.current_version_id', 'c.adopted_version_id', 'c.filed_on', 'c.filing_reference', 'c.filed_by', 'c.published_at', 'c.published_by', 'c.created_by', 'c.created_at', 'c.updated_at', 'p.path as community_path', 'p.name as community_name'] as const;

export function findCovenant(db: Db, id: string): Promise<CovenantRow | undefined> {
  return db.selectFrom('covenants as c').innerJoin('places as p', 'p.id', 'c.community_id').select(covenantColumns).where('c.id', '=', id).executeTakeFirst();
}

/** Covenants of the communities under the prefixes (and of one community when given), newest first. */
export function listCovenants(db: Db, prefixes: string[], communityId: string | undefined): Promise<CovenantRow[]> {
  let q = db.selectFrom('covenants as c').innerJoin('places as p', 'p.id', 'c.community_id').select(covenantColumns).where(pathInScope('p.path', prefixes));
  if (communityId) q = q.where('c.community_id', '=', communityId);
  return q.orderBy('c.created_at', 'desc').orderBy('c.id', 'desc').execute();
}

export function publishedCovenants(db: Db, communityId: string) {
  return db
    .selectFrom('covenants')
    .select(['id', 'title', 'published_at'])
    .where('community_id', '=', communityId)
    .where('published_at', 'is not', null)
    .orderBy('published_at', 'desc')
    .execute();
}

export async function insertCovenant(db: Db, row: Insertable<CovenantsTable>, phases: Insertable<CovenantPhasesTable>[]): Promise<void> {
  await db.insertInto('covenants').values(row).execute();
  await db.insertInto('covenant_phases').values(phases).execute();
}

/** Update only while the covenant is still in `phase`, so two concurrent steps cannot both pass. */
export async function updateCovenant(db: Db, id: string, phase: string, patch: Updateable<CovenantsTable>): Promise<boolean> {
  const r = await db.updateTable('covenants').set(patch).where('id', '=', id).where('phase', '=', phase).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export function listPhases(db: Db, covenantId: string): Promise<PhaseRow[]> {
  return db.selectFrom('covenant_phases').selectAll().where('covenant_id', '=', covenantId).execute();
}

/** The planned last day of one phase, if it has one. */
export async function plannedEndOf(db: Db, covenantId: string, phase: string): Promise<string | null> {
  const r = await db.selectFrom('covenant_phases').select('planned_end_on').where('covenant_id', '=', covenantId).where('phase', '=', phase).executeTakeFirst();
  return r?.planned_end_on ?? null;
}

export async function countVersions(db: Db, covenantId: string): Promise<number> {
  const r = await db.selectFrom('covenant_versions').select((eb) => eb.fn.countAll<number>().as('n')).where('covenant_id', '=', covenantId).executeTakeFirst();
  return Number(r?.n ?? 0);
}

export async function updatePhase(db: Db, covenantId: string, phase: string, patch: Updateable<CovenantPhasesTable>): Promise<void> {
  await db.updateTable('covenant_phases').set(patch).where('covenant_id', '=', covenantId).where('phase', '=', phase).execute();
}

export function listVersions(db: Db, covenantId: string) {
  return db
    .selectFrom('covenant_versions as v')
    .leftJoin('users as u', 'u.id', 'v.created_by')
    .select(['v.id', 'v.number', 'v.kind', 'v.changelog', 'v.created_at', 'u.display_name as created_by_name'])
    .select((eb) => eb.selectFrom('covenant_articles as a').select((e) => e.fn.countAll<number>().as('n')).whereRef('a.version_id', '=', 'v.id').as('article_count'))
    .where('v.covenant_id', '=', covenantId)
    .orderBy('v.number')
    .execute();
}

export function findVersion(db: Db, id: string): Promise<VersionRow | undefined> {
  return db
    .selectFrom('covenant_versions as v')
    .leftJoin('users as u', 'u.id', 'v.created_by')
    .selectAll('v')
    .select('u.display_name as created_by_name')
    .where('v.id', '=', id)
    .executeTakeFirst();
}

export async function nextVersionNumber(db: Db, covenantId: string): Promise<number> {
  const r = await db.selectFrom('covenant_versions').select((eb) => eb.fn.max<number | null>('number').as('n')).where('covenant_id', '=', covenantId).executeTakeFirst();
  return Number(r?.n ?? 0) + 1;
}

export async function insertVersion(db: Db, row: Insertable<CovenantVersionsTable>, articles: Insertable<CovenantArticlesTable>[]): Promise<void> {
  await db.insertInto('covenant_versions').values(row).execute();
  // Chunks keep each statement under SQLite's bound-parameter limit.
  for (let i = 0; i < articles.length; i += 100) await db.insertInto('covenant_articles').values(articles.slice(i, i + 100)).execute();
}

export async function setVersionKind(db: Db, id: string, kind: string): Promise<void> {
  await db.updateTable('covenant_versions').set({ kind }).where('id', '=', id).execute();
}

export function listArticles(db: Db, versionId: string): Promise<ArticleRow[]> {
  return db.selectFrom('covenant_articles').selectAll().where('version_id', '=', versionId).orderBy('position').execute();
}

export function findArticle(db: Db, id: string): Promise<ArticleRow | undefined> {
  return db.selectFrom('covenant_articles').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listReviews(db: Db, covenantId: string) {
  return db
    .selectFrom('covenant_reviews as r')
    .innerJoin('covenant_versions as v', 'v.id', 'r.version_id')
    .innerJoin('users as u', 'u.id', 'r.reviewer_user_id')
    .select(['r.id', 'r.version_id', 'v.number as version_number', 'r.decision', 'r.notes', 'u.display_name as reviewer_name', 'r.created_at'])
    .where('r.covenant_id', '=', covenantId)
    .orderBy('r.created_at')
    .orderBy('r.id')
    .execute();
}

export async function insertReview(db: Db, row: { id: string; covenant_id: string; version_id: string; decision: string; notes: string | null; reviewer_user_id: string; created_at: string }) {
  await db.insertInto('covenant_reviews').values(row).execute();
}

export function listVotes(db: Db, covenantId: string) {
  return db
    .selectFrom('covenant_votes as o')
    .innerJoin('covenant_versions as v', 'v.id', 'o.version_id')
    .selectAll('o')
    .select('v.number as version_number')
    .where('o.covenant_id', '=', covenantId)
    .orderBy('o.decided_at')
    .orderBy('o.id')
    .execute();
}

/** Standing (not revoked) pledges, and the community's active households: the pledge rate's two sides. */
export async function pledgeCounts(db: Db, covenantId: string, communityId: string): Promise<{ pledged: number; households: number }> {
  const p = await db.selectFrom('covenant_pledges').select((eb) => eb.fn.countAll<number>().as('n')).where('covenant_id', '=', covenantId).where('revoked_at', 'is', null).executeTakeFirst();
  const h = await db.selectFrom('households').select((eb) => eb.fn.countAll<number>().as('n')).where('community_id', '=', communityId).where('status', '=', 'active').executeTakeFirst();
  return { pledged: Number(p?.n ?? 0), households: Number(h?.n ?? 0) };
}
