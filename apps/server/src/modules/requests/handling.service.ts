import type { z } from 'zod';
import { callbackChannels, type dispatchBody, type noteBody, type replyBody, type RequestChannel, type RequestSettings, type Urgency } from '@gongzhi/shared';
import type { Db } from '../../db/database.js';
import type { AppDeps } from '../../deps.js';
import type { RequestContext } from '../../lib/actor.js';
import { badRequest } from '../../lib/app-error.js';
import { addMinutes, iso } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import { validAssignee, type Assignee } from '../triage/index.js';
import { insertCallback } from './callbacks.repository.js';
import { categoryForIntake } from './intake.repository.js';
import { commit, prepare, type Acting } from './lifecycle.core.js';
import { tellMerged } from './merged-notices.js';
import { tellRoles, tellUsers } from './request-notices.js';
import * as repo from './requests.repository.js';

/** Dispatching and handling: classify, urgency, dispatch, accept, return, notes, reply. */

/** Deadlines of an urgency counted from the request's creation. */
export function deadlinesFor(createdAt: string, urgency: Urgency, s: RequestSettings, now: Date) {
  const created = new Date(createdAt);
  const reply = iso(addMinutes(created, s.replyMinutes[urgency]));
  // A later deadline starts the reminders and escalation over; an earlier one keeps what already happened.
  const restart = reply > iso(now) ? { reminded_at: null, escalation_level: 0 } : {};
  return { dispatch_due_at: iso(addMinutes(created, s.dispatchMinutes[urgency])), reply_due_at: reply, ...restart };
}

export async function classifyRequest(deps: AppDeps, ctx: RequestContext, id: string, categoryId: string) {
  const a = await prepare(deps, ctx, id, 'classify');
  const c = await categoryForIntake(deps.db, categoryId);
  if (!c || c.community_id !== a.r.community_id || c.retired_at) throw badRequest('category_unknown', { field: 'categoryId' });
  // A person's category is a training label; the model's confidence no longer describes it.
  await commit(deps, ctx, a, {
    action: 'classify',
    patch: { category_id: c.id, category_source: 'staff', category_confidence: null },
    step: { public: false, data: { from: a.r.category_id, to: c.id } },
    audit: { before: { categoryId: a.r.category_id, source: a.r.category_source }, after: { categoryId: c.id, source: 'staff' } },
  });
}

export async function changeUrgency(deps: AppDeps, ctx: RequestContext, id: string, body: { urgency: Urgency; reason?: string }) {
  const a = await prepare(deps, ctx, id, 'urgency');
  await commit(deps, ctx, a, {
    action: 'urgency',
    patch: { urgency: body.urgency, ...deadlinesFor(a.r.created_at, body.urgency, a.settings, a.now) },
    step: { public: false, message: body.reason ?? null, data: { from: a.r.urgency, to: body.urgency } },
    audit: { before: { urgency: a.r.urgency }, after: { urgency: body.urgency } },
  });
}

/** The accounts that act for assignees: assigned users, and the representatives of assigned organisations. */
async function handlerAccounts(db: Db, assignees: Pick<Assignee, 'userId' | 'organisationId'>[]): Promise<string[]> {
  const users = assignees.map((x) => x.userId).filter((u): u is string => u !== null);
  const reps = await repo.representativesOf(db, assignees.map((x) => x.organisationId).filter((o): o is string => o !== null));
  return [...new Set([...users, ...reps])];
}

export async function dispatchRequest(deps: AppDeps, ctx: RequestContext, id: string, body: z.infer<typeof dispatchBody>) {
  const a = await prepare(deps, ctx, id, 'dispatch');
  const leads = body.assignees.filter((x) => x.lead).length;
  if (body.assignees.length > 1 && leads !== 1) throw badRequest('lead_required', { field: 'assignees' });
  const keys = body.assignees.map((x) => `${x.kind}:${x.userId ?? x.organisationId ?? ''}`);
  if (new Set(keys).size !== keys.length) throw badRequest('assignee_invalid', { field: 'assignees', reason: 'duplicate' });
  const segs = a.r.place_path.split('/').filter(Boolean);
  const community = { id: a.r.community_id, path: `/${segs.slice(0, 2).join('/')}/` };
  const assignees: (Assignee & { lead: boolean })[] = [];
  for (const [i, x] of body.assignees.entries()) {
    const v = await validAssignee(deps.db, community, x);
    if (!v) throw badRequest('assignee_invalid', { field: `assignees.${i}` });
    assignees.push({ ...v, lead: body.assignees.length === 1 || x.lead });
  }
  const urgency = body.urgency ?? (a.r.urgency as Urgency);
  const handlers = await handlerAccounts(deps.db, assignees);
  await commit(deps, ctx, a, {
    action: 'dispatch',
    patch: { dispatched_at: a.at, ...(body.urgency && body.urgency !== a.r.urgency ? { urgency, ...deadlinesFor(a.r.created_at, urgency, a.settings, a.now) } : {}) },
    step: { data: { assignees: assignees.map((x) => ({ kind: x.kind, id: x.userId ?? x.organisationId, lead: x.lead })) } },
    audit: { after: { status: 'dispatched', assignees: assignees.map((x) => ({ name: x.name, lead: x.lead })), urgency } },
    then: async (trx, stepId) => {
      // A re-dispatch (after a return or an objection) replaces whoever still held it.
      await repo.setAssignmentStatus(trx, id, ['active'], { status: 'removed', finished_at: a.at });
      await repo.insertAssignments(
        trx,
        assignees.map((x) => ({
          id: newId(),
          request_id: id,
          community_id: a.r.community_id,
          assignee_kind: x.kind,
          user_id: x.userId,
          organisation_id: x.organisationId,
          is_lead: x.lead ? 1 : 0,
          status: 'active',
          assigned_by: ctx.actor.userId!,
          assigned_at: a.at,
          accepted_at: null,
          finished_at: null,
          note: body.note ?? null,
        })),
      );
      await tellUsers(trx, deps, a.r, handlers, { event: 'request_assigned', template: 'request_assigned', key: stepId, actorUserId: ctx.actor.userId });
    },
  });
}

/** The viewer's own active assignments on the request (ids), and their lead one. */
function myAssignments(a: Acting, userId: string | null) {
  const side = a.standing!.side;
  const mine = a.standing!.assignments.filter(
    (x) => x.status === 'active' && ((x.user_id !== null && x.user_id === userId) || (x.organisation_id !== null && side.orgIds.has(x.organisation_id))),
  );
  return { ids: mine.map((x) => x.id), lead: mine.find((x) => x.is_lead === 1) ?? null };
}

export async function acceptRequest(deps: AppDeps, ctx: RequestContext, id: string) {
  const a = await prepare(deps, ctx, id, 'accept');
  const { lead } = myAssignments(a, ctx.actor.userId);
  await commit(deps, ctx, a, {
    action: 'accept',
    patch: { responded_at: a.r.responded_at ?? a.at },
    then: async (trx) => {
      if (lead) await repo.setAssignmentStatus(trx, id, ['active'], { accepted_at: a.at }, [lead.id]);
    },
  });
}

export async function returnRequest(deps: AppDeps, ctx: RequestContext, id: string, reason: string) {
  const a = await prepare(deps, ctx, id, 'return');
  const { ids } = myAssignments(a, ctx.actor.userId);
  await commit(deps, ctx, a, {
    action: 'return',
    // The reason is for the dispatchers (kept on the assignment); the resident reads only the status line.
    step: { data: { by: ids } },
    audit: { after: { status: 'returned', reason } },
    then: async (trx, stepId) => {
      await repo.setAssignmentStatus(trx, id, ['active'], { status: 'returned', finished_at: a.at, note: reason.slice(0, 500) }, ids);
      await repo.setAssignmentStatus(trx, id, ['active'], { status: 'removed', finished_at: a.at });
      await tellRoles(trx, deps, a.r, { roles: ['community_admin', 'community_staff'], event: 'request_returned', template: 'request_returned', key: stepId });
    },
  });
}

export async function addNote(deps: AppDeps, ctx: RequestContext, id: string, body: z.infer<typeof noteBody>) {
  const a = await prepare(deps, ctx, id, 'note');
  await commit(deps, ctx, a, { action: 'note', step: { message: body.message, public: body.public }, photoIds: body.photoIds, audit: { after: { public: body.public } } });
}

/** A callback task for requests heard by phone, on a visit and the like: the resident may never open the app. */
export async function callbackIfNeeded(trx: Db, a: Acting) {
  if (!callbackChannels.includes(a.r.channel as RequestChannel)) return;
  await insertCallback(trx, {
    id: newId(),
    request_id: a.r.id,
    community_id: a.r.community_id,
    assigned_user_id: a.r.entered_by,
    status: 'open',
    due_at: iso(addMinutes(a.now, a.settings.callbackHours * 60)),
    note: null,
    done_by: null,
    done_at: null,
    created_at: a.at,
  });
}

export async function replyRequest(deps: AppDeps, ctx: RequestContext, id: string, body: z.infer<typeof replyBody>) {
  const a = await prepare(deps, ctx, id, 'reply');
  const { lead } = myAssignments(a, ctx.actor.userId);
  await commit(deps, ctx, a, {
    action: 'reply',
    patch: { reply_text: body.text, replied_at: a.at, responded_at: a.r.responded_at ?? a.at },
    step: { message: body.text },
    photoIds: body.photoIds,
    residentMessage: body.text,
    then: async (trx, stepId) => {
      if (lead) await repo.setAssignmentStatus(trx, id, ['active'], { finished_at: a.at }, [lead.id]);
      await callbackIfNeeded(trx, a);
      await tellMerged(trx, deps, ctx.actor, a, { stepId, action: 'replied', text: body.text });
    },
  });
}
