import type { z } from 'zod';
import type { rateBody } from '@gongzhi/shared';
import type { Db } from '../../db/database.js';
import type { AppDeps } from '../../deps.js';
import type { RequestContext } from '../../lib/actor.js';
import { badRequest } from '../../lib/app-error.js';
import { addMinutes, iso } from '../../lib/clock.js';
import { commit, commitIn, prepare, type Acting } from './lifecycle.core.js';
import { tellUsers } from './request-notices.js';
import * as repo from './requests.repository.js';

/** The resident's answer to an answer: a rating, or an objection that reopens the request with its lead. */

export type RateInput = z.infer<typeof rateBody>;

/** What reopening sets: one more objection, a fresh reply deadline from now, reminders and escalation anew. */
function reopening(a: Acting) {
  const urgency = a.r.urgency as keyof typeof a.settings.replyMinutes;
  return {
    objection_count: a.r.objection_count + 1,
    reply_due_at: iso(addMinutes(a.now, a.settings.replyMinutes[urgency])),
    reminded_at: null,
    escalation_level: 0,
    closed_at: null,
  };
}

/** The lead keeps (or gets back) their assignment and hears that the answer was disputed. */
async function backToLead(trx: Db, deps: AppDeps, a: Acting, stepId: string, actorUserId: string | null) {
  const assignments = await repo.assignmentsOf(trx, a.r.id);
  const lead = [...assignments].reverse().find((x) => x.is_lead === 1 && (x.status === 'active' || x.status === 'done'));
  if (!lead) return;
  await repo.setAssignmentStatus(trx, a.r.id, ['active', 'done'], { status: 'active', finished_at: null }, [lead.id]);
  const accounts = lead.user_id ? [lead.user_id] : await repo.representativesOf(trx, [lead.organisation_id!]);
  await tellUsers(trx, deps, a.r, accounts, { event: 'request_assigned', template: 'request_objection', key: stepId, actorUserId });
}

/**
 * Record a rating on a replied request (checked by the caller): satisfied or basically satisfied rate it;
 * dissatisfied needs a comment and reopens it as an objection.
 */
export async function applyRating(trx: Db, deps: AppDeps, ctx: RequestContext, a: Acting, body: RateInput, via?: { callbackId: string }) {
  if (body.rating === 'dissatisfied' && !body.comment) throw badRequest('comment_required', { field: 'comment' });
  const rated = { rating: body.rating, resolved: body.resolved ? 1 : 0, rating_comment: body.comment ?? null, rated_at: a.at };
  const data = { rating: body.rating, resolved: body.resolved, ...(via ? { callbackId: via.callbackId } : {}) };
  if (body.rating !== 'dissatisfied') {
    await commitIn(trx, deps, ctx, a, { action: 'rate', patch: rated, step: { message: body.comment ?? null, data }, audit: { after: { status: 'rated', ...data } } });
    return;
  }
  await commitIn(trx, deps, ctx, a, {
    action: 'rate',
    to: 'objection',
    patch: { ...rated, ...reopening(a) },
    step: { message: body.comment ?? null, data },
    audit: { after: { status: 'objection', ...data } },
    then: (trx, stepId) => backToLead(trx, deps, a, stepId, ctx.actor.userId),
  });
}

export async function rateRequest(deps: AppDeps, ctx: RequestContext, id: string, body: RateInput) {
  const a = await prepare(deps, ctx, id, 'rate');
  await deps.db.transaction().execute((trx) => applyRating(trx, deps, ctx, a, body));
}

/** The resident disputes an answer within the objection window: the request reopens with its lead. */
export async function objectToRequest(deps: AppDeps, ctx: RequestContext, id: string, reason: string) {
  const a = await prepare(deps, ctx, id, 'object');
  await commit(deps, ctx, a, {
    action: 'object',
    patch: reopening(a),
    step: { message: reason },
    audit: { after: { status: 'objection', reason } },
    then: (trx, stepId) => backToLead(trx, deps, a, stepId, ctx.actor.userId),
  });
}
