import type { AddTopicTaskBody, ReportBackBody, TopicDetail } from '@gongzhi/shared';
import type { AppDeps } from '../../deps.js';
import type { Db } from '../../db/database.js';
import type { RequestContext } from '../../lib/actor.js';
import { AppError, notFound } from '../../lib/app-error.js';
import { iso } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import { recordAudit } from '../audit/audit.service.js';
import * as repo from './topics.repository.js';
import { canManageAt } from './topics.policy.js';
import { managedTopic, step, topicDetail, visibleTopic } from './topics.service.js';

/** Carrying out a decision: tasks with owners and deadlines, then the report-back to residents. */

/** The owner as the task will show it; an account or organisation must belong to the topic's community. */
async function ownerOf(db: Db, communityId: string, body: AddTopicTaskBody): Promise<{ userId: string | null; organisationId: string | null; name: string }> {
  const invalid = (field: string) => new AppError('topic_task_owner_invalid', 400, { field });
  if (body.ownerKind === 'user') {
    const u = body.ownerUserId && (await repo.userInCommunity(db, body.ownerUserId, communityId));
    if (!u) throw invalid('ownerUserId');
    return { userId: u.id, organisationId: null, name: u.display_name };
  }
  if (body.ownerKind === 'organisation') {
    const o = body.ownerOrganisationId && (await repo.organisationInCommunity(db, body.ownerOrganisationId, communityId));
    if (!o) throw invalid('ownerOrganisationId');
    return { userId: null, organisationId: o.id, name: o.name };
  }
  if (!body.ownerName) throw invalid('ownerName');
  return { userId: null, organisationId: null, name: body.ownerName };
}

/** Add a task to a decided topic; the first task starts the carrying out. */
export async function addTask(deps: AppDeps, ctx: RequestContext, id: string, body: AddTopicTaskBody): Promise<TopicDetail> {
  const t = await managedTopic(deps.db, ctx.actor, id);
  if (t.status !== 'decided' && t.status !== 'implementing') throw new AppError('topic_wrong_status', 409, { status: t.status });
  const owner = await ownerOf(deps.db, t.community_id, body);
  const at = iso(deps.clock.now());
  const taskId = newId();
  await deps.db.transaction().execute(async (trx) => {
    if (t.status === 'decided' && !(await repo.updateTopic(trx, t.id, 'decided', { status: 'implementing', phase: 'implementation', updated_at: at }))) {
      throw new AppError('topic_wrong_status', 409);
    }
    await repo.insertTask(trx, {
      id: taskId,
      topic_id: t.id,
      title: body.title,
      owner_kind: body.ownerKind,
      owner_user_id: owner.userId,
      owner_organisation_id: owner.organisationId,
      owner_name: owner.name,
      due_on: body.dueOn,
      created_by: ctx.actor.userId!,
      created_at: at,
    });
    await repo.addEvent(trx, {
      topicId: t.id,
      kind: 'task_added',
      actorUserId: ctx.actor.userId,
      actorName: ctx.actor.displayName,
      note: body.title,
      data: { taskId, owner: owner.name, dueOn: body.dueOn },
      at,
    });
    await recordAudit(trx, ctx, deps.clock, {
      action: 'topic_task.added',
      targetType: 'topic_task',
      targetId: taskId,
      communityId: t.community_id,
      scopePath: t.community_path,
      after: { topicId: t.id, title: body.title, ownerKind: body.ownerKind, owner: owner.name, dueOn: body.dueOn },
    });
  });
  return topicDetail(deps, ctx.actor, t.id);
}

/** Mark a task done with a note: staff of the community, or the account that owns the task. */
export async function completeTask(deps: AppDeps, ctx: RequestContext, id: string, taskId: string, note: string): Promise<TopicDetail> {
  const t = await visibleTopic(deps.db, ctx.actor, id);
  const task = await repo.findTask(deps.db, t.id, taskId);
  if (!task) throw notFound();
  if (!canManageAt(ctx.actor, t.community_path) && task.owner_user_id !== ctx.actor.userId) throw new AppError('forbidden', 403);
  if (task.done_at) throw new AppError('topic_task_done', 409);
  const at = iso(deps.clock.now());
  await deps.db.transaction().execute(async (trx) => {
    if (!(await repo.completeTask(trx, task.id, { done_at: at, done_note: note, done_by: ctx.actor.userId! }))) throw new AppError('topic_task_done', 409);
    await repo.addEvent(trx, { topicId: t.id, kind: 'task_done', actorUserId: ctx.actor.userId, actorName: ctx.actor.displayName, note, data: { taskId, title: task.title }, at });
    await recordAudit(trx, ctx, deps.clock, {
      action: 'topic_task.done',
      targetType: 'topic_task',
      targetId: task.id,
      communityId: t.community_id,
      scopePath: t.community_path,
      after: { topicId: t.id, note },
    });
  });
  return topicDetail(deps, ctx.actor, t.id);
}

/** Save the report-back as a draft, or publish it (→ report_back phase, where residents may comment). */
export async function writeReportBack(deps: AppDeps, ctx: RequestContext, id: string, body: ReportBackBody): Promise<TopicDetail> {
  const t = await managedTopic(deps.db, ctx.actor, id);
  const from = ['decided', 'implementing', 'rejected'];
  if (!body.publish) {
    if (!from.includes(t.status)) throw new AppError('topic_wrong_status', 409, { status: t.status });
    const at = iso(deps.clock.now());
    await deps.db.transaction().execute(async (trx) => {
      if (!(await repo.updateTopic(trx, t.id, t.status, { report_back: body.text, updated_at: at }))) throw new AppError('topic_wrong_status', 409);
      await recordAudit(trx, ctx, deps.clock, {
        action: 'topic.report_back_saved',
        targetType: 'topic',
        targetId: t.id,
        communityId: t.community_id,
        scopePath: t.community_path,
        after: { length: body.text.length },
      });
    });
    return topicDetail(deps, ctx.actor, t.id);
  }
  const open = (await repo.tasksOf(deps.db, t.id)).filter((k) => !k.done_at).length;
  return step(deps, ctx, t, {
    from,
    patch: { status: 'reported', phase: 'report_back', report_back: body.text, report_back_published_at: iso(deps.clock.now()) },
    event: 'report_back_published',
    data: { openTasks: open },
    action: 'topic.report_back_published',
  });
}
