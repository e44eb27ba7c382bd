import type { CreateVisitPlanBody, ListVisitPlansQuery, UpdateVisitPlanBody, VisitPlanDetail, VisitPlanStatus, VisitPlanSummary, VisitPlanTargetKind } from '@gongzhi/shared';
import type { AppDeps } from '../../deps.js';
import type { Actor, RequestContext } from '../../lib/actor.js';
import { badRequest, conflict, notFound } from '../../lib/app-error.js';
import { iso } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import { recordAudit } from '../audit/audit.service.js';
import { findPlace } from '../places/places.repository.js';
import { checkStaffMember } from './people.service.js';
import { visitPlaceLabels } from './place-labels.js';
import * as repo from './plans.repository.js';
import { resolvePlanTargets } from './targets.js';
import { assertAllowed, canKeepPlan, planScope, targetPrefixesFor } from './visits.policy.js';

/** Visiting plans: who visits which households or organisations, and how far they have got. */

const within = (paths: string[], prefixes: string[]) => paths.every((p) => prefixes.some((g) => p.startsWith(g)));

function summaryView(p: repo.PlanRow): VisitPlanSummary {
  return {
    id: p.id,
    communityId: p.community_id,
    communityName: p.community_name,
    title: p.title,
    targetKind: p.target_kind as VisitPlanTargetKind,
    startsOn: p.starts_on,
    endsOn: p.ends_on,
    assigneeUserId: p.assignee_user_id,
    assigneeName: p.assignee_name,
    note: p.note,
    status: p.status as VisitPlanStatus,
    createdBy: p.created_by,
    createdByName: p.created_by_name,
    createdAt: p.created_at,
    updatedAt: p.updated_at,
    targetCount: p.target_count,
    visitedCount: p.visited_count,
  };
}

/** A plan the actor may read; any other answers 404 as if it did not exist. */
export async function visiblePlan(deps: AppDeps, actor: Actor, id: string): Promise<repo.PlanRow> {
  const plan = await repo.findPlan(deps.db, id);
  if (!plan || !(await repo.planVisible(deps.db, id, planScope(actor)))) throw notFound();
  return plan;
}

export async function listPlansFor(deps: AppDeps, actor: Actor, q: ListVisitPlansQuery) {
  let communityPathPrefix: string | undefined;
  let communityId: string | undefined;
  if (q.placeId) {
    const place = await findPlace(deps.db, q.placeId);
    if (!place) return { items: [], total: 0 };
    if (place.community_id === null) communityPathPrefix = place.path;
    else communityId = place.community_id;
  }
  const { rows, total } = await repo.listPlans(deps.db, {
    scope: planScope(actor),
    status: q.status,
    assigneeUserId: q.mine ? (actor.userId ?? '') : undefined,
    communityPathPrefix,
    communityId,
    limit: q.limit,
    offset: q.offset,
  });
  return { items: rows.map(summaryView), total };
}

/** The plan with the targets this actor may see (all of them for the community's staff) and what they may do. */
export async function planDetail(deps: AppDeps, actor: Actor, id: string): Promise<VisitPlanDetail> {
  const plan = await visiblePlan(deps, actor, id);
  const targets = await repo.planTargets(deps.db, id, targetPrefixesFor(actor, plan.community_path));
  const labels = await visitPlaceLabels(deps.db, targets.map((t) => t.place_path));
  const keep = plan.status === 'active' && canKeepPlan(actor, plan, plan.community_path);
  return {
    ...summaryView(plan),
    targets: targets.map((t) => ({
      id: t.id,
      householdId: t.household_id,
      organisationId: t.organisation_id,
      placeId: t.place_id,
      placeLabel: labels.get(t.place_path) ?? '',
      name: t.organisation_name ?? t.householder_name,
      visitedAt: t.visited_at,
      visitId: t.visit_id,
    })),
    can: { edit: keep, cancel: keep },
  };
}

/** Make a plan; grid and building targets become the active households under them, in one transaction. */
export async function createPlan(deps: AppDeps, ctx: RequestContext, body: CreateVisitPlanBody): Promise<VisitPlanDetail> {
  if (body.endsOn < body.startsOn) throw badRequest('visit_plan_dates_invalid', { field: 'endsOn' });
  const { communityId, targets } = await resolvePlanTargets(deps.db, ctx.actor, body.targetKind, body.targetIds);
  const paths = targets.map((t) => t.place_path);
  if (body.assigneeUserId) await checkStaffMember(deps.db, body.assigneeUserId, communityId, 'assigneeUserId', (grids) => within(paths, grids));
  const community = (await findPlace(deps.db, communityId))!;
  const now = iso(deps.clock.now());
  const id = newId();
  await deps.db.transaction().execute(async (trx) => {
    await repo.insertPlan(trx, {
      id,
      community_id: communityId,
      title: body.title,
      target_kind: body.targetKind,
      starts_on: body.startsOn,
      ends_on: body.endsOn,
      assignee_user_id: body.assigneeUserId ?? null,
      note: body.note ?? null,
      status: 'active',
      created_by: ctx.actor.userId!,
      created_at: now,
      updated_at: now,
    });
    await repo.insertTargets(trx, targets.map((t) => ({ id: newId(), plan_id: id, ...t, visited_at: null, visit_id: null })));
    await recordAudit(trx, ctx, deps.clock, {
      action: 'visit_plan.created',
      targetType: 'visit_plan',
      targetId: id,
      communityId,
      scopePath: community.path,
      after: { title: body.title, targetKind: body.targetKind, targetIds: body.targetIds, targetCount: targets.length, startsOn: body.startsOn, endsOn: body.endsOn, assigneeUserId: body.assigneeUserId ?? null },
    });
  });
  return planDetail(deps, ctx.actor, id);
}

/** A plan the actor keeps (its community's staff or its maker) and that is still active. */
async function keptActivePlan(deps: AppDeps, actor: Actor, id: string): Promise<repo.PlanRow> {
  const plan = await visiblePlan(deps, actor, id);
  assertAllowed(canKeepPlan(actor, plan, plan.community_path));
  if (plan.status !== 'active') throw conflict('visit_plan_closed');
  return plan;
}

export async function updatePlan(deps: AppDeps, ctx: RequestContext, id: string, body: UpdateVisitPlanBody): Promise<VisitPlanDetail> {
  const plan = await keptActivePlan(deps, ctx.actor, id);
  const startsOn = body.startsOn ?? plan.starts_on;
  const endsOn = body.endsOn ?? plan.ends_on;
  if (endsOn < startsOn) throw badRequest('visit_plan_dates_invalid', { field: body.endsOn ? 'endsOn' : 'startsOn' });
  if (body.assigneeUserId) {
    await checkStaffMember(deps.db, body.assigneeUserId, plan.community_id, 'assigneeUserId', async (grids) => (await repo.countTargetsOutside(deps.db, id, grids)) === 0);
  }
  const patch = {
    title: body.title ?? plan.title,
    starts_on: startsOn,
    ends_on: endsOn,
    assignee_user_id: body.assigneeUserId === undefined ? plan.assignee_user_id : body.assigneeUserId,
    note: body.note === undefined ? plan.note : body.note,
  };
  const before = { title: plan.title, starts_on: plan.starts_on, ends_on: plan.ends_on, assignee_user_id: plan.assignee_user_id, note: plan.note };
  await deps.db.transaction().execute(async (trx) => {
    if (!(await repo.updateActivePlan(trx, id, { ...patch, updated_at: iso(deps.clock.now()) }))) throw conflict('visit_plan_closed');
    await recordAudit(trx, ctx, deps.clock, { action: 'visit_plan.updated', targetType: 'visit_plan', targetId: id, communityId: plan.community_id, scopePath: plan.community_path, before, after: patch });
  });
  return planDetail(deps, ctx.actor, id);
}

/** Cancel an active plan; its visited targets keep their visits. */
export async function cancelPlan(deps: AppDeps, ctx: RequestContext, id: string): Promise<VisitPlanDetail> {
  const plan = await keptActivePlan(deps, ctx.actor, id);
  await deps.db.transaction().execute(async (trx) => {
    if (!(await repo.updateActivePlan(trx, id, { status: 'cancelled', updated_at: iso(deps.clock.now()) }))) throw conflict('visit_plan_closed');
    await recordAudit(trx, ctx, deps.clock, {
      action: 'visit_plan.cancelled',
      targetType: 'visit_plan',
      targetId: id,
      communityId: plan.community_id,
      scopePath: plan.community_path,
      before: { status: plan.status },
      after: { status: 'cancelled' },
    });
  });
  return planDetail(deps, ctx.actor, id);
}
