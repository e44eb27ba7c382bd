import type { z } from 'zod';
import { requestDispatcherRoles, type CallbackView, type completeCallbackBody, type listCallbacksQuery, type RequestStatus } from '@gongzhi/shared';
import type { AppDeps } from '../../deps.js';
import type { Actor, RequestContext } from '../../lib/actor.js';
import { badRequest, conflict, notFound } from '../../lib/app-error.js';
import { iso } from '../../lib/clock.js';
import { inScope, scopePrefixes } from '../../lib/scope.js';
import { recordAudit } from '../audit/audit.service.js';
import * as repo from './callbacks.repository.js';
import { applyRating } from './rating.service.js';
import { findRequestView, insertSteps } from './requests.repository.js';
import { settingsFor } from './settings.service.js';
import { stepRow } from './steps.js';

/**
 * Callback tasks (回访): requests heard by phone, on a visit or at a meeting are answered by a call back. The
 * staff member who entered the request owns it; the community office sees all of its communities'. A call that
 * reached the resident may record their rating, exactly as if they had rated in the app.
 */

type CallbackRow = Awaited<ReturnType<typeof repo.listCallbacks>>['items'][number];

const viewOf = (c: CallbackRow): CallbackView => ({
  id: c.id,
  requestId: c.request_id,
  requestNumber: c.request_number,
  requestTitle: c.request_title,
  status: c.status as CallbackView['status'],
  dueAt: c.due_at,
  assignedUserId: c.assigned_user_id,
  note: c.note,
  doneAt: c.done_at,
});

const dispatcherScope = (actor: Actor) => ({ paths: scopePrefixes(actor, requestDispatcherRoles), assignedUserId: null, orgRepUserId: null, residentUserIds: [] });

export async function listMyCallbacks(deps: AppDeps, actor: Actor, q: z.infer<typeof listCallbacksQuery>) {
  const { items, total } = await repo.listCallbacks(deps.db, { userId: actor.userId!, dispatcherScope: dispatcherScope(actor), ...q });
  return { items: items.map(viewOf), total };
}

export async function completeCallback(deps: AppDeps, ctx: RequestContext, id: string, body: z.infer<typeof completeCallbackBody>) {
  const cb = await repo.findCallback(deps.db, id);
  const r = cb ? await findRequestView(deps.db, cb.request_id) : undefined;
  if (!cb || !r || !(cb.assigned_user_id === ctx.actor.userId || inScope(ctx.actor, r.place_path, requestDispatcherRoles))) throw notFound();
  if (cb.status !== 'open') throw conflict('callback_closed');
  if (!body.reached && body.rating) throw badRequest('validation_failed', [{ field: 'body.rating', code: 'custom', message: 'only a call that reached the resident records a rating' }]);
  const rating = body.rating ?? null;
  if (rating && body.resolved === undefined) throw badRequest('validation_failed', [{ field: 'body.resolved', code: 'invalid_type', message: 'resolved is required with a rating' }]);
  if (rating && r.status !== 'replied') throw conflict('rating_not_open', { status: r.status });
  const settings = await settingsFor(deps.db, r.community_id);
  const now = deps.clock.now();
  const at = iso(now);
  await deps.db.transaction().execute(async (trx) => {
    const done = await repo.finishCallback(trx, id, { status: body.reached ? 'done' : 'unreachable', note: body.note ?? null, done_by: ctx.actor.userId!, done_at: at });
    if (!done) throw conflict('callback_closed');
    const step = stepRow(ctx.actor, {
      requestId: r.id,
      action: 'callback',
      from: r.status as RequestStatus,
      to: r.status as RequestStatus,
      message: body.note ?? null,
      // A call that reached the resident is part of their timeline; an unanswered one is the office's note.
      public: body.reached,
      data: { callbackId: id, reached: body.reached },
      now: at,
    });
    await insertSteps(trx, [step]);
    await recordAudit(trx, ctx, deps.clock, {
      action: 'request.callback',
      targetType: 'request',
      targetId: r.id,
      communityId: r.community_id,
      scopePath: r.place_path,
      after: { callbackId: id, reached: body.reached, rating },
    });
    if (rating) {
      await applyRating(trx, deps, ctx, { r, standing: null, settings, now, at }, { rating, resolved: body.resolved!, comment: body.note }, { callbackId: id });
    }
  });
  return { ok: true as const };
}
