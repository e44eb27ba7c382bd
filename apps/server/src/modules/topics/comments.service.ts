import type { TopicComment, TopicCommentBody, TopicPhase, topicCommentsQuery } from '@gongzhi/shared';
import type { z } from 'zod';
import type { AppDeps } from '../../deps.js';
import type { Actor, RequestContext } from '../../lib/actor.js';
import { AppError, notFound } from '../../lib/app-error.js';
import { iso } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import { participantOf, requirePermitted } from '../../lib/participation.js';
import { recordAudit } from '../audit/audit.service.js';
import * as repo from './topics.repository.js';
import { isOffice } from './topics.policy.js';
import { managedTopic, visibleTopic } from './topics.service.js';
import { commentView, consultationOpen, permissionsOf } from './topics.views.js';

/** Comments on a topic: opinions that take a side, and questions staff answer in public. */

const closedStatuses = ['proposed', 'declined', 'rejected', 'closed'];

export async function addComment(deps: AppDeps, ctx: RequestContext, id: string, body: TopicCommentBody): Promise<TopicComment> {
  const t = await visibleTopic(deps.db, ctx.actor, id);
  const now = deps.clock.now();
  const phase = t.phase as TopicPhase;
  const participant = await participantOf(deps.db, ctx.actor, { id: t.community_id, path: t.community_path });
  // A proposed topic is not open for comment whatever the permissions say: staff have not accepted it yet.
  if (closedStatuses.includes(t.status)) throw new AppError('topic_wrong_status', 409, { status: t.status });
  requirePermitted(permissionsOf(t)[phase], 'comment', participant);
  if (phase === 'consultation' && !consultationOpen(t, now)) throw new AppError('topic_consultation_ended', 409);
  const at = iso(now);
  const row = {
    id: newId(),
    topic_id: t.id,
    phase,
    kind: body.kind,
    side: body.kind === 'opinion' ? body.side : null,
    author_user_id: ctx.actor.userId!,
    author_name: participant.residentName ?? ctx.actor.displayName,
    text: body.text,
    answer: null,
    answered_by: null,
    answered_at: null,
    created_at: at,
  };
  await deps.db.transaction().execute(async (trx) => {
    await repo.insertComment(trx, row);
    await recordAudit(trx, ctx, deps.clock, {
      action: 'topic_comment.added',
      targetType: 'topic_comment',
      targetId: row.id,
      communityId: t.community_id,
      scopePath: t.community_path,
      after: { topicId: t.id, kind: row.kind, side: row.side, phase },
    });
  });
  return commentView(ctx.actor, isOffice(ctx.actor, t.community_path), row);
}

/** Answer a question in public (again to correct the answer). */
export async function answerQuestion(deps: AppDeps, ctx: RequestContext, id: string, commentId: string, text: string): Promise<TopicComment> {
  const t = await managedTopic(deps.db, ctx.actor, id);
  const c = await repo.findComment(deps.db, t.id, commentId);
  if (!c) throw notFound();
  if (c.kind !== 'question') throw new AppError('topic_not_a_question', 400, { field: 'commentId' });
  const at = iso(deps.clock.now());
  const patch = { answer: text, answered_by: ctx.actor.userId, answered_at: at };
  await deps.db.transaction().execute(async (trx) => {
    await repo.answerComment(trx, c.id, patch);
    await recordAudit(trx, ctx, deps.clock, {
      action: 'topic_comment.answered',
      targetType: 'topic_comment',
      targetId: c.id,
      communityId: t.community_id,
      scopePath: t.community_path,
      before: { answer: c.answer },
      after: { answer: text },
    });
  });
  return commentView(ctx.actor, true, { ...c, ...patch });
}

export async function listCommentsFor(deps: AppDeps, actor: Actor, id: string, q: z.infer<typeof topicCommentsQuery>) {
  const t = await visibleTopic(deps.db, actor, id);
  const office = isOffice(actor, t.community_path);
  const [{ rows, total }, counts] = await Promise.all([
    repo.listComments(deps.db, { topicId: t.id, side: q.side, kind: q.kind, limit: q.limit, offset: q.offset }),
    repo.commentCounts(deps.db, [t.id]),
  ]);
  return { items: rows.map((c) => commentView(actor, office, c)), total, counts: counts.get(t.id)! };
}
