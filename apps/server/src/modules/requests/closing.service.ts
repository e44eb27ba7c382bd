import type { z } from 'zod';
import { handlingStatuses, requestDispatcherRoles, type replyBody, type RequestStatus } from '@gongzhi/shared';
import type { Db } from '../../db/database.js';
import type { AppDeps } from '../../deps.js';
import type { RequestContext } from '../../lib/actor.js';
import { badRequest } from '../../lib/app-error.js';
import { inScope } from '../../lib/scope.js';
import { callbackIfNeeded } from './handling.service.js';
import { commit, prepare, type Acting } from './lifecycle.core.js';
import { tellMerged } from './merged-notices.js';
import * as repo from './requests.repository.js';

/** Ending a request: close after rating, close on the spot, merge into a duplicate, withdraw. */

/** Finish the assignments still held when a request ends. */
const finishAssignments = (trx: Db, a: Acting, status: 'done' | 'removed') =>
  repo.setAssignmentStatus(trx, a.r.id, ['active'], { status, finished_at: a.at });

export async function closeRequest(deps: AppDeps, ctx: RequestContext, id: string, note?: string) {
  const a = await prepare(deps, ctx, id, 'close');
  await closeChecked(deps, ctx, a, note ?? null);
}

/** Close a request already checked (by a dispatcher's `close`, or the auto-close timer with `ctx` null). */
export async function closeChecked(deps: AppDeps, ctx: RequestContext | null, a: Acting, note: string | null, auto = false) {
  await commit(deps, ctx, a, {
    action: 'close',
    // The timer closes answers nobody rated; a person closes rated ones.
    ...(auto ? { from: ['replied'] as const } : {}),
    patch: { closed_at: a.at },
    step: { message: note, data: auto ? { auto: true } : undefined },
    then: async (trx, stepId) => {
      await finishAssignments(trx, a, 'done');
      await tellMerged(trx, deps, ctx?.actor ?? null, a, { stepId, action: 'closed', text: null });
    },
  });
}

/** 自办自结: a grid worker (in their grid) or community staff answers and closes a new request at once. */
export async function selfResolveRequest(deps: AppDeps, ctx: RequestContext, id: string, body: z.infer<typeof replyBody>) {
  const a = await prepare(deps, ctx, id, 'selfResolve');
  await commit(deps, ctx, a, {
    action: 'selfResolve',
    patch: { self_resolved: 1, responded_at: a.at, replied_at: a.at, closed_at: a.at, reply_text: body.text },
    step: { message: body.text },
    photoIds: body.photoIds,
    residentMessage: body.text,
    then: async (trx, stepId) => {
      await callbackIfNeeded(trx, a);
      await tellMerged(trx, deps, ctx.actor, a, { stepId, action: 'self_resolved', text: body.text });
    },
  });
}

/** Merge a duplicate into another open request of the same community; its resident will get that one's answer. */
export async function mergeRequest(deps: AppDeps, ctx: RequestContext, id: string, intoId: string) {
  const a = await prepare(deps, ctx, id, 'merge');
  const target = intoId === id ? undefined : await repo.findRequestView(deps.db, intoId);
  const valid =
    target &&
    target.community_id === a.r.community_id &&
    handlingStatuses.includes(target.status as RequestStatus) &&
    inScope(ctx.actor, target.place_path, requestDispatcherRoles);
  if (!valid) throw badRequest('merge_invalid', { field: 'intoId' });
  await commit(deps, ctx, a, {
    action: 'merge',
    patch: { merged_into_id: target.id },
    step: { message: target.number, data: { intoId: target.id } },
    audit: { after: { status: 'merged', intoId: target.id, intoNumber: target.number } },
    then: async (trx) => {
      // Requests merged into this one follow it, so a merge is always one level deep.
      await repo.repointMerged(trx, id, target.id, a.at);
      await finishAssignments(trx, a, 'removed');
    },
  });
}

export async function withdrawRequest(deps: AppDeps, ctx: RequestContext, id: string, reason?: string) {
  const a = await prepare(deps, ctx, id, 'withdraw');
  await commit(deps, ctx, a, {
    action: 'withdraw',
    step: { message: reason ?? null },
    then: (trx) => finishAssignments(trx, a, 'removed'),
  });
}
