import {
  covenantPhases,
  defaultCovenantPermissions,
  type CovenantPhase,
  type CovenantView,
  type CreateCovenantBody,
  type PhasePermissions,
  type UpdatePhaseBody,
} from '@gongzhi/shared';
import type { AppDeps } from '../../deps.js';
import type { Db } from '../../db/database.js';
import type { Actor, RequestContext } from '../../lib/actor.js';
import { AppError, forbidden, notFound } from '../../lib/app-error.js';
import { iso } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import { communityPrefixes } from '../../lib/scope.js';
import { recordAudit } from '../audit/audit.service.js';
import { findPlace } from '../places/places.repository.js';
import * as repo from './covenant.repository.js';
import { canManageAt, canSeeAt } from './covenant.policy.js';
import { covenantView, summaryOf } from './covenant.views.js';
import { movePhase, requirePhase, unmetCondition } from './phases.js';

/** The covenant process: create, list, read, rename, plan the phases and move between them. */

/** A covenant of a community the actor belongs to; others answer 404 as if it did not exist. */
export async function visibleCovenant(db: Db, actor: Actor, id: string): Promise<repo.CovenantRow> {
  const c = await repo.findCovenant(db, id);
  if (!c || !canSeeAt(actor, c.community_path)) throw notFound();
  return c;
}

/** A covenant the actor runs (community admin or staff of its community); others who see it get 403. */
export async function managedCovenant(db: Db, actor: Actor, id: string): Promise<repo.CovenantRow> {
  const c = await visibleCovenant(db, actor, id);
  if (!canManageAt(actor, c.community_path)) throw forbidden();
  return c;
}

export async function getCovenant(deps: AppDeps, actor: Actor, id: string): Promise<CovenantView> {
  return covenantView(deps.db, actor, await visibleCovenant(deps.db, actor, id));
}

export async function listCovenantsFor(deps: AppDeps, actor: Actor, communityId: string | undefined) {
  const rows = await repo.listCovenants(deps.db, communityPrefixes(actor), communityId);
  return { items: await Promise.all(rows.map((c) => summaryOf(deps.db, c))) };
}

/** The auditable facts of a covenant, for before/after in the audit log. */
export const auditTarget = (c: repo.CovenantRow) => ({ targetType: 'covenant', targetId: c.id, communityId: c.community_id, scopePath: c.community_path });

function checkDates(start: string | null | undefined, end: string | null | undefined, phase: string): void {
  if (start && end && end < start) throw new AppError('covenant_phase_dates', 400, { field: 'plannedEndOn', phase });
}

/** Legality review and filing are the subdistrict's by law; a community cannot open them to itself. */
function checkPermissions(phase: CovenantPhase, p: PhasePermissions): void {
  if ((phase === 'legality_review' || phase === 'filing') && p.review.some((g) => g !== 'subdistrict')) {
    throw new AppError('covenant_review_reserved', 400, { field: 'permissions.review', phase });
  }
}

export async function createCovenant(deps: AppDeps, ctx: RequestContext, body: CreateCovenantBody): Promise<CovenantView> {
  const own = [...new Set(ctx.actor.roles.filter((r) => canManageRole(r.role)).map((r) => r.communityId).filter((c): c is string => c !== null))];
  const communityId = body.communityId ?? (own.length === 1 ? own[0] : undefined);
  const community = communityId ? await findPlace(deps.db, communityId) : undefined;
  if (!community || community.kind !== 'community' || !canManageAt(ctx.actor, community.path)) throw new AppError('covenant_community_required', 400, { field: 'communityId' });
  const plans = new Map(body.phases.map((p) => [p.phase, p]));
  for (const p of body.phases) {
    checkDates(p.plannedStartOn, p.plannedEndOn, p.phase);
    if (p.permissions) checkPermissions(p.phase, p.permissions);
  }
  const id = newId();
  const at = iso(deps.clock.now());
  await deps.db.transaction().execute(async (trx) => {
    await repo.insertCovenant(
      trx,
      { id, community_id: community.id, title: body.title, phase: 'opinion_collection', created_by: ctx.actor.userId!, created_at: at, updated_at: at },
      covenantPhases.map((phase) => {
        const plan = plans.get(phase);
        return {
          covenant_id: id,
          phase,
          planned_start_on: plan?.plannedStartOn ?? null,
          planned_end_on: plan?.plannedEndOn ?? null,
          started_at: phase === 'opinion_collection' ? at : null,
          ended_at: null,
          permissions: JSON.stringify(plan?.permissions ?? defaultCovenantPermissions[phase]),
        };
      }),
    );
    await recordAudit(trx, ctx, deps.clock, {
      action: 'covenant.created',
      targetType: 'covenant',
      targetId: id,
      communityId: community.id,
      scopePath: community.path,
      after: { title: body.title, phases: body.phases },
    });
  });
  return getCovenant(deps, ctx.actor, id);
}

const canManageRole = (role: string) => role === 'community_admin' || role === 'community_staff';

export async function renameCovenant(deps: AppDeps, ctx: RequestContext, id: string, title: string): Promise<CovenantView> {
  const c = await managedCovenant(deps.db, ctx.actor, id);
  const at = iso(deps.clock.now());
  await deps.db.transaction().execute(async (trx) => {
    // Guarded by the phase read above: a covenant that moved on meanwhile is not renamed behind its new phase.
    if (!(await repo.updateCovenant(trx, c.id, c.phase, { title, updated_at: at }))) throw new AppError('wrong_phase', 409);
    await recordAudit(trx, ctx, deps.clock, { action: 'covenant.renamed', ...auditTarget(c), before: { title: c.title }, after: { title } });
  });
  return getCovenant(deps, ctx.actor, id);
}

/** Dates and permissions of one phase; a phase already over keeps its permissions as they were. */
export async function updatePhasePlan(deps: AppDeps, ctx: RequestContext, id: string, phase: CovenantPhase, body: UpdatePhaseBody): Promise<CovenantView> {
  const c = await managedCovenant(deps.db, ctx.actor, id);
  const rows = await repo.listPhases(deps.db, c.id);
  const row = rows.find((r) => r.phase === phase);
  if (!row) throw notFound();
  const start = body.plannedStartOn === undefined ? row.planned_start_on : body.plannedStartOn;
  const end = body.plannedEndOn === undefined ? row.planned_end_on : body.plannedEndOn;
  checkDates(start, end, phase);
  if (body.permissions) {
    if (row.ended_at) throw new AppError('wrong_phase', 409, { phase, ended: row.ended_at });
    checkPermissions(phase, body.permissions);
  }
  const patch = { planned_start_on: start, planned_end_on: end, ...(body.permissions ? { permissions: JSON.stringify(body.permissions) } : {}) };
  await deps.db.transaction().execute(async (trx) => {
    await repo.updatePhase(trx, c.id, phase, patch);
    await recordAudit(trx, ctx, deps.clock, {
      action: 'covenant.phase_planned',
      ...auditTarget(c),
      before: { phase, plannedStartOn: row.planned_start_on, plannedEndOn: row.planned_end_on, permissions: JSON.parse(row.permissions) as unknown },
      after: { phase, plannedStartOn: start, plannedEndOn: end, permissions: body.permissions ?? null },
    });
  });
  return getCovenant(deps, ctx.actor, id);
}

/** Facts the phase rules read: the last review and the last vote. */
export async function phaseFacts(db: Db, covenantId: string) {
  const [reviews, votes] = await Promise.all([repo.listReviews(db, covenantId), repo.listVotes(db, covenantId)]);
  return { lastReview: reviews.at(-1), lastVote: votes.at(-1) };
}

/** Move to the next phase when its precondition holds (see phases.ts). */
export async function advanceCovenant(deps: AppDeps, ctx: RequestContext, id: string, to: CovenantPhase): Promise<CovenantView> {
  const c = await managedCovenant(deps.db, ctx.actor, id);
  const unmet = unmetCondition(c, to, await phaseFacts(deps.db, c.id));
  if (unmet === 'order') throw new AppError('covenant_phase_order', 409, { phase: c.phase, to });
  if (unmet) throw new AppError('covenant_phase_precondition', 409, { phase: c.phase, to, needs: unmet });
  const at = iso(deps.clock.now());
  await deps.db.transaction().execute(async (trx) => {
    await movePhase(trx, c, to, at);
    await recordAudit(trx, ctx, deps.clock, { action: 'covenant.advanced', ...auditTarget(c), before: { phase: c.phase }, after: { phase: to } });
  });
  return getCovenant(deps, ctx.actor, id);
}

/** Publication: the adopted, filed covenant is made public and pledging opens. */
export async function publishCovenant(deps: AppDeps, ctx: RequestContext, id: string): Promise<CovenantView> {
  const c = await managedCovenant(deps.db, ctx.actor, id);
  requirePhase(c, 'publication');
  const at = iso(deps.clock.now());
  await deps.db.transaction().execute(async (trx) => {
    await movePhase(trx, c, 'pledging', at, { published_at: at, published_by: ctx.actor.userId });
    await recordAudit(trx, ctx, deps.clock, { action: 'covenant.published', ...auditTarget(c), before: { phase: c.phase }, after: { phase: 'pledging', publishedAt: at } });
  });
  return getCovenant(deps, ctx.actor, id);
}
