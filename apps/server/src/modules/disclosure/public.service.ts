import type { PublicPublication, PublicPublicationPage, PublicPublicationsQuery, PublicationCommentKind, PublicationCommentView, PublicationDetail } from '@gongzhi/shared';
import type { AppDeps } from '../../deps.js';
import type { Actor, RequestContext } from '../../lib/actor.js';
import { AppError, notFound } from '../../lib/app-error.js';
import { iso } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import { communityPrefixes } from '../../lib/scope.js';
import { recordAudit } from '../audit/audit.service.js';
import { findPlace } from '../places/places.repository.js';
import { belongsTo, canEditAt } from './disclosure.policy.js';
import * as repo from './publications.repository.js';
import { tellAuthor } from './publication-alerts.js';
import { publicationDetail, visiblePublication } from './publications.service.js';
import { baseView, objectionOpen, publicView } from './publications.views.js';

/** What the public reads without a login, and what residents file on it: objections and questions. */

const isOut = (p: repo.PublicationRow): boolean => p.status === 'published' || p.status === 'archived';

/** A published or archived publication; drafts and unknown ids answer 404. */
async function outPublication(deps: AppDeps, id: string): Promise<repo.PublicationRow> {
  const p = await repo.findPublication(deps.db, id);
  if (!p || !isOut(p)) throw notFound();
  return p;
}

export async function publicPublicationList(deps: AppDeps, communityId: string, q: PublicPublicationsQuery): Promise<PublicPublicationPage> {
  const c = await findPlace(deps.db, communityId);
  if (!c || c.kind !== 'community' || c.retired_at) throw notFound();
  const { rows, total } = await repo.publicPublications(deps.db, { communityId, category: q.category, archived: q.archived ?? false, limit: q.limit, offset: q.offset });
  const counts = await repo.commentCounts(deps.db, rows.map((r) => r.id));
  return { communityName: c.name, total, items: rows.map((r) => ({ ...baseView(r), questions: counts.get(r.id)!.questions, objections: counts.get(r.id)!.objections })) };
}

export async function publicPublication(deps: AppDeps, actor: Actor, id: string): Promise<PublicPublication> {
  const p = await outPublication(deps, id);
  const linked = [p.supersedes_id, p.superseded_by_id].filter((x): x is string => x !== null);
  const [comments, titles] = await Promise.all([repo.commentsOf(deps.db, id), repo.titlesOf(deps.db, linked)]);
  return publicView(actor, p, comments, new Map(titles.map((t) => [t.id, t.title])), deps.clock.now());
}

/** The resident app's list: published publications of the actor's communities on the resident-app channel. */
export async function residentFeed(deps: AppDeps, actor: Actor, q: { limit: number; offset: number }) {
  const rows = await repo.residentFeed(deps.db, communityPrefixes(actor), q.limit, q.offset);
  const counts = await repo.commentCounts(deps.db, rows.map((r) => r.id));
  return { items: rows.map((r) => ({ ...baseView(r), questions: counts.get(r.id)!.questions, objections: counts.get(r.id)!.objections, objectionOpen: objectionOpen(r, deps.clock.now()) })) };
}

/** A signed-in member of the community objects to a notice (during its period) or asks about a publication. */
export async function fileComment(deps: AppDeps, ctx: RequestContext, id: string, kind: PublicationCommentKind, text: string): Promise<PublicationCommentView> {
  const p = await repo.findPublication(deps.db, id);
  if (!p || !isOut(p)) throw notFound();
  if (!belongsTo(ctx.actor, p.community_path)) throw new AppError('publication_not_your_community', 403);
  if (kind === 'objection') {
    if (p.kind !== 'public_notice') throw new AppError('publication_not_a_notice', 409);
    if (!objectionOpen(p, deps.clock.now())) throw new AppError('publication_objection_period_closed', 409, { objectionEndsAt: p.objection_ends_at });
  } else if (p.status !== 'published') throw new AppError('publication_not_open', 409);
  const row = {
    id: newId(),
    publication_id: p.id,
    kind,
    author_user_id: ctx.actor.userId!,
    author_name: ctx.actor.onBehalfOf?.displayName ?? ctx.actor.displayName,
    text,
    answer: null,
    answered_by: null,
    answered_at: null,
    created_at: iso(deps.clock.now()),
  };
  await deps.db.transaction().execute(async (trx) => {
    await repo.insertComment(trx, row);
    await tellAuthor(trx, deps, p, kind === 'objection' ? 'publication_objection' : 'publication_question', text, `comment:${row.id}`);
    await recordAudit(trx, ctx, deps.clock, { action: `publication.${kind}_filed`, targetType: 'publication_comment', targetId: row.id, communityId: p.community_id, scopePath: p.community_path, after: { publicationId: p.id, text } });
  });
  return (await publicPublication(deps, ctx.actor, p.id)).comments.find((c) => c.id === row.id)!;
}

/** Staff answer an objection or a question in public, once. */
export async function answerComment(deps: AppDeps, ctx: RequestContext, id: string, commentId: string, text: string): Promise<PublicationDetail> {
  const p = await visiblePublication(deps.db, ctx.actor, id);
  if (!canEditAt(ctx.actor, p.community_path)) throw new AppError('forbidden', 403);
  const c = await repo.findComment(deps.db, commentId);
  if (!c || c.publication_id !== p.id) throw notFound();
  if (c.answer !== null) throw new AppError('publication_already_answered', 409);
  await deps.db.transaction().execute(async (trx) => {
    if (!(await repo.answerComment(trx, c.id, { answer: text, answered_by: ctx.actor.userId, answered_at: iso(deps.clock.now()) }))) throw new AppError('publication_already_answered', 409);
    await recordAudit(trx, ctx, deps.clock, { action: `publication.${c.kind}_answered`, targetType: 'publication_comment', targetId: c.id, communityId: p.community_id, scopePath: p.community_path, after: { answer: text } });
  });
  return publicationDetail(deps, ctx.actor, p.id);
}
