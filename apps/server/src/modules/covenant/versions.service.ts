import { isCovenantMarkdownFailure, parseCovenantMarkdown, type ArticleStance, type ArticleDiffRow, type CreateVersionBody, type VersionView } from '@gongzhi/shared';
import type { AppDeps } from '../../deps.js';
import type { Db } from '../../db/database.js';
import type { Actor, RequestContext } from '../../lib/actor.js';
import { AppError, notFound } from '../../lib/app-error.js';
import { iso } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import { participantOf, requirePermitted } from '../../lib/participation.js';
import { isUniqueViolation } from '../../db/unique-violation.js';
import { recordAudit } from '../audit/audit.service.js';
import { commentCounts, myStances, stanceCounts } from './consultation.repository.js';
import * as repo from './covenant.repository.js';
import { auditTarget, managedCovenant, visibleCovenant } from './covenant.service.js';
import { diffArticles } from './diff.js';
import { currentPermissions, requirePhase } from './phases.js';

/** Versions: the text split into articles, each version kept whole; the article-level diff between two. */

/** A version of this covenant; a version of another answers 400 so a mixed-up id never leaks across. */
export async function versionOf(db: Db, c: { id: string }, versionId: string): Promise<repo.VersionRow> {
  const v = await repo.findVersion(db, versionId);
  if (!v || v.covenant_id !== c.id) throw new AppError('covenant_version_invalid', 400, { field: 'versionId' });
  return v;
}

/**
 * Store a version: in drafting a draft, in revision a revision; from the second on it says what changed.
 * The text must split into articles numbered in order (the same parser the editor previews with).
 */
export async function createVersion(deps: AppDeps, ctx: RequestContext, id: string, body: CreateVersionBody): Promise<VersionView> {
  const c = await managedCovenant(deps.db, ctx.actor, id);
  requirePhase(c, 'drafting', 'revision');
  requirePermitted(await currentPermissions(deps.db, c), 'propose', await participantOf(deps.db, ctx.actor, { id: c.community_id, path: c.community_path }));
  const parsed = parseCovenantMarkdown(body.markdown);
  if (isCovenantMarkdownFailure(parsed)) throw new AppError('covenant_markdown_invalid', 400, { field: 'markdown', ...parsed });
  const number = await repo.nextVersionNumber(deps.db, c.id);
  const changelog = body.changelog?.trim() || null;
  if (number > 1 && !changelog) throw new AppError('covenant_changelog_required', 400, { field: 'changelog' });
  const versionId = newId();
  const at = iso(deps.clock.now());
  // Drafts written before consultation are drafts; those answering comments and reviews are revisions.
  const kind = c.phase === 'drafting' ? 'draft' : 'revision';
  try {
    await deps.db.transaction().execute(async (trx) => {
      await repo.insertVersion(
        trx,
        { id: versionId, covenant_id: c.id, number, kind, markdown: body.markdown, changelog, created_by: ctx.actor.userId!, created_at: at },
        parsed.articles.map((a) => ({ id: newId(), covenant_id: c.id, version_id: versionId, position: a.position, chapter_number: a.chapterNumber, chapter_title: a.chapterTitle, number: a.number, body: a.body })),
      );
      if (!(await repo.updateCovenant(trx, c.id, c.phase, { current_version_id: versionId, updated_at: at }))) throw new AppError('wrong_phase', 409);
      await recordAudit(trx, ctx, deps.clock, {
        action: 'covenant.version_created',
        ...auditTarget(c),
        after: { versionId, number, kind, articles: parsed.articles.length, changelog },
      });
    });
  } catch (e) {
    // Two versions saved at once take the same number: the second is told to reload, not given a 500.
    if (isUniqueViolation(e)) throw new AppError('covenant_version_conflict', 409);
    throw e;
  }
  return versionView(deps.db, ctx.actor, c, versionId);
}

export async function versionView(db: Db, actor: Actor, c: { id: string }, versionId: string): Promise<VersionView> {
  const v = await versionOf(db, c, versionId);
  const [articles, comments, stances, mine] = await Promise.all([
    repo.listArticles(db, v.id),
    commentCounts(db, v.id),
    stanceCounts(db, v.id),
    actor.userId ? myStances(db, v.id, actor.userId) : Promise.resolve(new Map<string, string>()),
  ]);
  return {
    id: v.id,
    number: v.number,
    kind: v.kind as VersionView['kind'],
    changelog: v.changelog,
    articleCount: articles.length,
    createdAt: v.created_at,
    createdByName: v.created_by_name,
    markdown: v.markdown,
    articles: articles.map((a) => ({
      id: a.id,
      position: a.position,
      chapterNumber: a.chapter_number,
      chapterTitle: a.chapter_title,
      number: a.number,
      body: a.body,
      support: stances.get(a.id)?.support ?? 0,
      oppose: stances.get(a.id)?.oppose ?? 0,
      comments: comments.get(a.id) ?? 0,
      myStance: (mine.get(a.id) as ArticleStance | undefined) ?? null,
    })),
  };
}

export async function getVersion(deps: AppDeps, actor: Actor, id: string, versionId: string): Promise<VersionView> {
  const c = await visibleCovenant(deps.db, actor, id);
  // Reading a version by its address: one of another covenant is simply not here.
  const v = await repo.findVersion(deps.db, versionId);
  if (!v || v.covenant_id !== c.id) throw notFound();
  return versionView(deps.db, actor, c, versionId);
}

export async function diffVersions(deps: AppDeps, actor: Actor, id: string, fromId: string, toId: string): Promise<{ rows: ArticleDiffRow[] }> {
  const c = await visibleCovenant(deps.db, actor, id);
  const [from, to] = [await versionOf(deps.db, c, fromId), await versionOf(deps.db, c, toId)];
  const side = async (versionId: string) =>
    (await repo.listArticles(deps.db, versionId)).map((a) => ({ articleId: a.id, number: a.number, chapterTitle: a.chapter_title, body: a.body }));
  return { rows: diffArticles(await side(from.id), await side(to.id)) };
}
