import type { Updateable } from 'kysely';
import type { RequestSettings, RequestStatus, StepAction } from '@gongzhi/shared';
import type { Db, RequestsTable } from '../../db/database.js';
import type { AppDeps } from '../../deps.js';
import type { RequestContext } from '../../lib/actor.js';
import { AppError, conflict } from '../../lib/app-error.js';
import { iso } from '../../lib/clock.js';
import { recordAudit } from '../audit/audit.service.js';
import { attachFiles, fileOwners } from '../files/index.js';
import { standingOf, visibleRequest, type Standing } from './requests.access.js';
import { tellResident, type NoticeRequest } from './request-notices.js';
import * as repo from './requests.repository.js';
import { settingsFor } from './settings.service.js';
import { checkAction, lifecycle, type RequestAction } from './state-machine.js';
import { stepRow } from './steps.js';

/**
 * The one way a request changes: check the action against the state machine for this viewer, then in one
 * transaction a conditional update (only from the statuses the table allows, so of two clicks one wins and the
 * other gets 409), the step, the photos, the audit entry and the resident's message.
 */

/** A request about to change, with everything the checks needed. */
export interface Acting {
  r: repo.RequestViewRow;
  standing: Standing | null;
  settings: RequestSettings;
  now: Date;
  at: string;
}

/** The outbox's view of a request row. */
export const noticeOf = (r: repo.RequestViewRow): NoticeRequest => ({
  id: r.id,
  number: r.number,
  title: r.title,
  community_id: r.community_id,
  place_path: r.place_path,
  submitted_by: r.submitted_by,
  resident_user_id: r.resident_user_id,
});

/** Load a request the actor sees and check that they may take `action` on it now (403, 409 or 404 otherwise). */
export async function prepare(deps: AppDeps, ctx: RequestContext, id: string, action: RequestAction): Promise<Acting> {
  const r = await visibleRequest(deps.db, ctx.actor, id);
  const [standing, settings] = await Promise.all([standingOf(deps.db, ctx.actor, r), settingsFor(deps.db, r.community_id)]);
  const now = deps.clock.now();
  const at = iso(now);
  const verdict = checkAction(action, standing.relations, { status: r.status as RequestStatus, repliedAt: r.replied_at, objectionDays: settings.objectionDays, now: at });
  if (verdict === 'not_allowed') {
    const handlerOnly = lifecycle[action].by.every((b) => b === 'lead' || b === 'assignee');
    throw new AppError(handlerOnly ? 'not_a_handler' : 'forbidden', 403, { action });
  }
  if (verdict === 'wrong_status') throw conflict(action === 'rate' ? 'rating_not_open' : 'request_state_conflict', { status: r.status, action });
  if (verdict === 'window_passed') throw conflict('objection_window_passed', { objectionDays: settings.objectionDays });
  return { r, standing, settings, now, at };
}

export interface Change {
  action: RequestAction;
  /** Overrides the table's starting statuses (the auto-close timer closes `replied` ones). */
  from?: readonly RequestStatus[];
  /** Overrides the table's target (a dissatisfied rating leads to `objection`). */
  to?: RequestStatus | null;
  patch?: Updateable<RequestsTable>;
  step?: { action?: StepAction; message?: string | null; public?: boolean; data?: unknown };
  photoIds?: readonly string[];
  audit?: { before?: unknown; after?: unknown };
  /** Added to the resident's status message (the answer itself); other step text stays in the timeline. */
  residentMessage?: string | null;
  /** The rest of the write, in the same transaction, once the request has changed. */
  then?: (trx: Db, stepId: string) => Promise<void>;
}

/** Apply a checked change in one transaction; returns the new step's id. `ctx` null: the system's timers. */
export function commit(deps: AppDeps, ctx: RequestContext | null, a: Acting, c: Change): Promise<string> {
  return deps.db.transaction().execute((trx) => commitIn(trx, deps, ctx, a, c));
}

/** `commit` inside a transaction the caller holds (a callback records its own step and the rating together). */
export async function commitIn(trx: Db, deps: AppDeps, ctx: RequestContext | null, a: Acting, c: Change): Promise<string> {
  const rule = lifecycle[c.action];
  const from = a.r.status as RequestStatus;
  const to = c.to === undefined ? rule.to : c.to;
  const moved = await repo.updateRequestIf(trx, a.r.id, c.from ?? rule.from, { ...c.patch, ...(to ? { status: to } : {}), updated_at: a.at });
  if (!moved) throw conflict('request_state_conflict', { action: c.action });
  const step = stepRow(ctx?.actor ?? null, {
    requestId: a.r.id,
    action: c.step?.action ?? rule.step,
    from,
    to: to ?? from,
    message: c.step?.message,
    data: c.step?.data,
    public: c.step?.public ?? true,
    now: a.at,
  });
  await repo.insertSteps(trx, [step]);
  if (c.photoIds?.length) {
    await attachFiles(trx, c.photoIds, { uploaderId: ctx?.actor.userId ?? null, ownerKind: fileOwners.requestStep, ownerId: step.id, communityId: a.r.community_id, now: a.at });
  }
  await recordAudit(trx, ctx, deps.clock, {
    action: `request.${c.step?.action ?? rule.step}`,
    targetType: 'request',
    targetId: a.r.id,
    communityId: a.r.community_id,
    scopePath: a.r.place_path,
    before: c.audit?.before ?? { status: from },
    after: c.audit?.after ?? { status: to ?? from },
  });
  if (to && to !== from && (c.step?.public ?? true)) {
    await tellResident(trx, deps, noticeOf(a.r), step.id, to, ctx?.actor.userId ?? null, c.residentMessage);
  }
  if (c.then) await c.then(trx, step.id);
  return step.id;
}
