import type { z } from 'zod';
import { maskPersonName } from '@gongzhi/shared';
import type { CommentBody, CommentHandling, CommentPage, CommentView, HandlingBody, ListCommentsQuery, OpinionChannel, OpinionView, opinionBody } from '@gongzhi/shared';
import type { AppDeps } from '../../deps.js';
import type { Db } from '../../db/database.js';
import type { Actor, RequestContext } from '../../lib/actor.js';
import { AppError, notFound } from '../../lib/app-error.js';
import { iso } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import { participantOf, requirePermitted, type Participant } from '../../lib/participation.js';
import { recordAudit } from '../audit/audit.service.js';
import * as crepo from './consultation.repository.js';
import * as repo from './covenant.repository.js';
import { isOfficeAt } from './covenant.policy.js';
import { auditTarget, managedCovenant, visibleCovenant } from './covenant.service.js';
import { currentPermissions, requirePhase } from './phases.js';
import { versionOf } from './versions.service.js';

/** Opinions before the draft, and comments on the draft's articles; each handled with a reason. */

export const participant = (db: Db, actor: Actor, c: repo.CovenantRow) => participantOf(db, actor, { id: c.community_id, path: c.community_path });

/** The name a participant speaks under: their register name, their organisation's, or the account's. */
async function speakerName(db: Db, actor: Actor, p: Participant): Promise<string> {
  if (p.residentName) return p.residentName;
  if (p.organisationId) {
    const org = await db.selectFrom('organisations').select('name').where('id', '=', p.organisationId).executeTakeFirst();
    if (org) return org.name;
  }
  return actor.displayName;
}

/** Names whole for office holders and for one's own; masked (张*) for other residents. */
const nameFor = (actor: Actor, c: repo.CovenantRow, name: string, authorUserId: string | null) =>
  isOfficeAt(actor, c.community_path) || (authorUserId !== null && authorUserId === actor.userId) ? name : maskPersonName(name);

function opinionView(actor: Actor, c: repo.CovenantRow, o: crepo.OpinionRow): OpinionView {
  return {
    id: o.id,
    authorName: nameFor(actor, c, o.author_name, o.author_user_id),
    mine: o.author_user_id !== null && o.author_user_id === actor.userId,
    text: o.text,
    channel: o.channel as OpinionChannel,
    createdAt: o.created_at,
    handling: o.handling as CommentHandling | null,
    handlingReason: o.handling_reason,
  };
}

export async function listOpinions(deps: AppDeps, actor: Actor, id: string) {
  const c = await visibleCovenant(deps.db, actor, id);
  return { items: (await crepo.listOpinions(deps.db, c.id)).map((o) => opinionView(actor, c, o)) };
}

/** An opinion in the collection phase; staff may enter one heard at a meeting or a visit, naming the speaker. */
export async function addOpinion(deps: AppDeps, ctx: RequestContext, id: string, body: z.infer<typeof opinionBody>): Promise<OpinionView> {
  const c = await visibleCovenant(deps.db, ctx.actor, id);
  requirePhase(c, 'opinion_collection');
  const p = await participant(deps.db, ctx.actor, c);
  requirePermitted(await currentPermissions(deps.db, c), 'propose', p);
  const onBehalf = body.authorName !== undefined || body.channel !== 'online';
  if (onBehalf && !p.groups.has('staff')) throw new AppError('covenant_entry_staff_only', 403, { field: 'authorName' });
  const row: crepo.OpinionRow = {
    id: newId(),
    covenant_id: c.id,
    // An opinion entered for someone else is the speaker's, not the recorder's: no author account.
    author_user_id: onBehalf ? null : ctx.actor.userId,
    resident_id: onBehalf ? null : p.residentId,
    organisation_id: onBehalf ? null : p.organisationId,
    author_name: body.authorName ?? (await speakerName(deps.db, ctx.actor, p)),
    text: body.text,
    channel: body.channel,
    handling: null,
    handling_reason: null,
    handled_by: null,
    handled_at: null,
    created_at: iso(deps.clock.now()),
  };
  await deps.db.transaction().execute(async (trx) => {
    await crepo.insertOpinion(trx, row);
    await recordAudit(trx, ctx, deps.clock, { action: 'covenant.opinion_added', ...auditTarget(c), after: { opinionId: row.id, channel: row.channel, onBehalf, text: row.text } });
  });
  return opinionView(ctx.actor, c, row);
}

/** How an opinion was taken up; until the text goes to legality review. */
export async function handleOpinion(deps: AppDeps, ctx: RequestContext, id: string, opinionId: string, body: HandlingBody): Promise<OpinionView> {
  const c = await managedCovenant(deps.db, ctx.actor, id);
  requirePhase(c, 'opinion_collection', 'drafting', 'consultation', 'revision');
  const o = await crepo.findOpinion(deps.db, opinionId);
  if (!o || o.covenant_id !== c.id) throw notFound();
  const patch = { handling: body.handling, handling_reason: body.reason, handled_by: ctx.actor.userId, handled_at: iso(deps.clock.now()) };
  await deps.db.transaction().execute(async (trx) => {
    await crepo.updateOpinion(trx, o.id, patch);
    await recordAudit(trx, ctx, deps.clock, {
      action: 'covenant.opinion_handled',
      ...auditTarget(c),
      before: { opinionId: o.id, handling: o.handling, reason: o.handling_reason },
      after: { opinionId: o.id, handling: body.handling, reason: body.reason },
    });
  });
  return opinionView(ctx.actor, c, { ...o, ...patch });
}

function commentView(actor: Actor, c: repo.CovenantRow, r: crepo.CommentRow): CommentView {
  return {
    id: r.id,
    versionId: r.version_id,
    versionNumber: r.version_number,
    articleId: r.article_id,
    articleNumber: r.article_number,
    authorName: nameFor(actor, c, r.author_name, r.author_user_id),
    mine: r.author_user_id === actor.userId,
    text: r.text,
    createdAt: r.created_at,
    handling: r.handling as CommentHandling | null,
    handlingReason: r.handling_reason,
    handledInVersionNumber: r.handled_in_version_number,
    handledAt: r.handled_at,
  };
}

/** A page of comments, newest first, with the total under the same filter. */
export async function listComments(deps: AppDeps, actor: Actor, id: string, q: ListCommentsQuery): Promise<CommentPage> {
  const c = await visibleCovenant(deps.db, actor, id);
  // `mine` for a visitor without an account matches nothing rather than everything.
  const f = { covenantId: c.id, versionId: q.versionId, articleId: q.articleId, handling: q.handling, ...(q.mine ? { authorUserId: actor.userId ?? '' } : {}) };
  const [rows, total] = await Promise.all([crepo.commentPage(deps.db, f, q.before, q.limit + 1), crepo.countComments(deps.db, f)]);
  const items = rows.slice(0, q.limit);
  return { items: items.map((r) => commentView(actor, c, r)), nextBefore: rows.length > q.limit ? (items.at(-1)?.id ?? null) : null, total };
}

/** The current version's article (or the whole current version); an older version's is refused. */
export async function currentArticle(db: Db, c: repo.CovenantRow, versionId: string, articleId: string | undefined): Promise<repo.ArticleRow | null> {
  const v = await versionOf(db, c, versionId);
  if (v.id !== c.current_version_id) throw new AppError('covenant_version_not_current', 400, { field: 'versionId', currentVersionId: c.current_version_id });
  if (!articleId) return null;
  const a = await repo.findArticle(db, articleId);
  if (!a || a.version_id !== v.id) throw new AppError('covenant_article_invalid', 400, { field: 'articleId' });
  return a;
}

export async function addComment(deps: AppDeps, ctx: RequestContext, id: string, body: CommentBody): Promise<CommentView> {
  const c = await visibleCovenant(deps.db, ctx.actor, id);
  requirePhase(c, 'consultation');
  const p = await participant(deps.db, ctx.actor, c);
  requirePermitted(await currentPermissions(deps.db, c), 'comment', p);
  const article = await currentArticle(deps.db, c, body.versionId, body.articleId);
  const commentId = newId();
  await deps.db.transaction().execute(async (trx) => {
    await crepo.insertComment(trx, {
      id: commentId,
      covenant_id: c.id,
      version_id: body.versionId,
      article_id: article?.id ?? null,
      author_user_id: ctx.actor.userId!,
      resident_id: p.residentId,
      household_id: p.householdId,
      organisation_id: p.organisationId,
      author_name: await speakerName(trx, ctx.actor, p),
      text: body.text,
      handling: null,
      handling_reason: null,
      handled_in_version_id: null,
      handled_by: null,
      handled_at: null,
      created_at: iso(deps.clock.now()),
    });
    await recordAudit(trx, ctx, deps.clock, { action: 'covenant.comment_added', ...auditTarget(c), after: { commentId, versionId: body.versionId, articleId: article?.id ?? null, text: body.text } });
  });
  const row = await crepo.findComment(deps.db, commentId);
  if (!row) throw notFound();
  return commentView(ctx.actor, c, row);
}

/** How a comment was taken up, in which version; shown to its author and everyone next to the comment. */
export async function handleComment(deps: AppDeps, ctx: RequestContext, id: string, commentId: string, body: HandlingBody): Promise<CommentView> {
  const c = await managedCovenant(deps.db, ctx.actor, id);
  requirePhase(c, 'consultation', 'revision');
  const found = await crepo.findComment(deps.db, commentId);
  if (!found || found.covenant_id !== c.id) throw notFound();
  const versionId = body.versionId ?? c.current_version_id;
  if (versionId) await versionOf(deps.db, c, versionId);
  await deps.db.transaction().execute(async (trx) => {
    await crepo.updateComment(trx, found.id, {
      handling: body.handling,
      handling_reason: body.reason,
      handled_in_version_id: versionId,
      handled_by: ctx.actor.userId,
      handled_at: iso(deps.clock.now()),
    });
    await recordAudit(trx, ctx, deps.clock, {
      action: 'covenant.comment_handled',
      ...auditTarget(c),
      before: { commentId: found.id, handling: found.handling, reason: found.handling_reason },
      after: { commentId: found.id, handling: body.handling, reason: body.reason, versionId },
    });
  });
  const row = await crepo.findComment(deps.db, found.id);
  if (!row) throw notFound();
  return commentView(ctx.actor, c, row);
}
