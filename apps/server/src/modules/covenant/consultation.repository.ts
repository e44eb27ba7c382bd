import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { CovenantCommentsTable, CovenantOpinionsTable, CovenantQuestionsTable } from '../../db/covenant-tables.js';

/** Opinions, article-anchored comments, stances and questions of a covenant. */

export type OpinionRow = Selectable<CovenantOpinionsTable>;
export type QuestionRow = Selectable<CovenantQuestionsTable>;

export function listOpinions(db: Db, covenantId: string): Promise<OpinionRow[]> {
  return db.selectFrom('covenant_opinions').selectAll().where('covenant_id', '=', covenantId).orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
}

export function findOpinion(db: Db, id: string): Promise<OpinionRow | undefined> {
  return db.selectFrom('covenant_opinions').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertOpinion(db: Db, row: Insertable<CovenantOpinionsTable>): Promise<void> {
  await db.insertInto('covenant_opinions').values(row).execute();
}

export async function updateOpinion(db: Db, id: string, patch: Updateable<CovenantOpinionsTable>): Promise<void> {
  await db.updateTable('covenant_opinions').set(patch).where('id', '=', id).execute();
}

export interface CommentFilter {
  covenantId: string;
  versionId?: string;
  articleId?: string;
  handling?: string;
  authorUserId?: string;
}

function filtered(db: Db, f: CommentFilter) {
  let q = db.selectFrom('covenant_comments as c').where('c.covenant_id', '=', f.covenantId);
  if (f.versionId) q = q.where('c.version_id', '=', f.versionId);
  if (f.articleId) q = q.where('c.article_id', '=', f.articleId);
  if (f.handling === 'unhandled') q = q.where('c.handling', 'is', null);
  else if (f.handling) q = q.where('c.handling', '=', f.handling);
  if (f.authorUserId) q = q.where('c.author_user_id', '=', f.authorUserId);
  return q;
}

const commentColumns = [
  'c.id',
  'c.version_id',
  'v.number as version_number',
  'c.article_id',
  'a.number as article_number',
  'c.author_user_id',
  'c.author_name',
  'c.text',
  'c.created_at',
  'c.handling',
  'c.handling_reason',
  'hv.number as handled_in_version_number',
  'c.handled_at',
] as const;

/** One page, newest first: ids are time-ordered, so `before` is a plain range on the (article|version, id) index. */
export function commentPage(db: Db, f: CommentFilter, before: string | undefined, limit: number) {
  let q = filtered(db, f)
    .innerJoin('covenant_versions as v', 'v.id', 'c.version_id')
    .leftJoin('covenant_articles as a', 'a.id', 'c.article_id')
    .leftJoin('covenant_versions as hv', 'hv.id', 'c.handled_in_version_id')
    .select(commentColumns);
  if (before) q = q.where('c.id', '<', before);
  return q.orderBy('c.id', 'desc').limit(limit).execute();
}
export type CommentRow = Awaited<ReturnType<typeof commentPage>>[number];

export async function countComments(db: Db, f: CommentFilter): Promise<number> {
  const r = await filtered(db, f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  return Number(r?.n ?? 0);
}

export function findComment(db: Db, id: string) {
  return db
    .selectFrom('covenant_comments as c')
    .innerJoin('covenant_versions as v', 'v.id', 'c.version_id')
    .leftJoin('covenant_articles as a', 'a.id', 'c.article_id')
    .leftJoin('covenant_versions as hv', 'hv.id', 'c.handled_in_version_id')
    .select(commentColumns)
    .select('c.covenant_id')
    .where('c.id', '=', id)
    .executeTakeFirst();
}

export async function insertComment(db: Db, row: Insertable<CovenantCommentsTable>): Promise<void> {
  await db.insertInto('covenant_comments').values(row).execute();
}

export async function updateComment(db: Db, id: string, patch: Updateable<CovenantCommentsTable>): Promise<void> {
  await db.updateTable('covenant_comments').set(patch).where('id', '=', id).execute();
}

/** Comments per article of a version, in one grouped query (null: on the whole text). */
export async function commentCounts(db: Db, versionId: string): Promise<Map<string | null, number>> {
  const rows = await db
    .selectFrom('covenant_comments')
    .select(['article_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('version_id', '=', versionId)
    .groupBy('article_id')
    .execute();
  return new Map(rows.map((r) => [r.article_id, Number(r.n)]));
}

/** Support and oppose per article of a version, in one grouped query. */
export async function stanceCounts(db: Db, versionId: string, articleId?: string): Promise<Map<string, { support: number; oppose: number }>> {
  let q = db
    .selectFrom('covenant_stances')
    .select(['article_id', 'stance', (eb) => eb.fn.countAll<number>().as('n')])
    .where('version_id', '=', versionId);
  if (articleId) q = q.where('article_id', '=', articleId);
  const rows = await q.groupBy(['article_id', 'stance']).execute();
  const out = new Map<string, { support: number; oppose: number }>();
  for (const r of rows) {
    const c = out.get(r.article_id) ?? { support: 0, oppose: 0 };
    if (r.stance === 'support') c.support = Number(r.n);
    else c.oppose = Number(r.n);
    out.set(r.article_id, c);
  }
  return out;
}

export async function myStances(db: Db, versionId: string, userId: string): Promise<Map<string, string>> {
  const rows = await db.selectFrom('covenant_stances').select(['article_id', 'stance']).where('version_id', '=', versionId).where('user_id', '=', userId).execute();
  return new Map(rows.map((r) => [r.article_id, r.stance]));
}

export async function setStance(db: Db, s: { articleId: string; userId: string; covenantId: string; versionId: string; stance: string | null; at: string }) {
  await db.deleteFrom('covenant_stances').where('article_id', '=', s.articleId).where('user_id', '=', s.userId).execute();
  if (s.stance) {
    await db
      .insertInto('covenant_stances')
      .values({ article_id: s.articleId, user_id: s.userId, covenant_id: s.covenantId, version_id: s.versionId, stance: s.stance, updated_at: s.at })
      .execute();
  }
}

export function listQuestions(db: Db, versionId: string): Promise<QuestionRow[]> {
  return db.selectFrom('covenant_questions').selectAll().where('version_id', '=', versionId).orderBy('created_at').orderBy('id').execute();
}

export function findQuestion(db: Db, id: string): Promise<QuestionRow | undefined> {
  return db.selectFrom('covenant_questions').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertQuestion(db: Db, row: Insertable<CovenantQuestionsTable>): Promise<void> {
  await db.insertInto('covenant_questions').values(row).execute();
}

/** Answers per option, respondents and the viewer's own choices, for the questions given. */
export async function answerTallies(db: Db, questionIds: string[], userId: string | null) {
  if (questionIds.length === 0) return { options: [], respondents: [], mine: [] };
  const options = await db
    .selectFrom('covenant_answers')
    .select(['question_id', 'option_index', (eb) => eb.fn.countAll<number>().as('n')])
    .where('question_id', 'in', questionIds)
    .groupBy(['question_id', 'option_index'])
    .execute();
  const respondents = await db
    .selectFrom('covenant_answers')
    .select(['question_id', (eb) => eb.fn.count<number>('user_id').distinct().as('n')])
    .where('question_id', 'in', questionIds)
    .groupBy('question_id')
    .execute();
  const mine = userId
    ? await db.selectFrom('covenant_answers').select(['question_id', 'option_index']).where('question_id', 'in', questionIds).where('user_id', '=', userId).execute()
    : [];
  return { options, respondents, mine };
}

export async function replaceAnswer(db: Db, questionId: string, userId: string, options: number[], at: string): Promise<void> {
  await db.deleteFrom('covenant_answers').where('question_id', '=', questionId).where('user_id', '=', userId).execute();
  await db
    .insertInto('covenant_answers')
    .values(options.map((o) => ({ question_id: questionId, user_id: userId, option_index: o, answered_at: at })))
    .execute();
}

/** Counts for the staff overview: opinions and comments, and how many of either still await their handling. */
export async function overviewCounts(db: Db, covenantId: string) {
  const count = (table: 'covenant_opinions' | 'covenant_comments') =>
    db
      .selectFrom(table)
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>(eb.case().when('handling', 'is', null).then(1).else(0).end()).as('pending')])
      .where('covenant_id', '=', covenantId)
      .executeTakeFirst();
  const [o, c] = await Promise.all([count('covenant_opinions'), count('covenant_comments')]);
  return { opinions: Number(o?.n ?? 0), comments: Number(c?.n ?? 0), unhandled: Number(o?.pending ?? 0) + Number(c?.pending ?? 0) };
}
