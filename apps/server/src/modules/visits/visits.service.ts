import { VISIT_EDIT_HOURS, type CreateVisitBody, type ListVisitsQuery, type UpdateVisitBody, type VisitDetail, type VisitSummary } from '@gongzhi/shared';
import type { AppDeps } from '../../deps.js';
import type { Db } from '../../db/database.js';
import type { Actor, RequestContext } from '../../lib/actor.js';
import { AppError, badRequest, conflict, notFound } from '../../lib/app-error.js';
import { iso, localDate } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import { recordAudit } from '../audit/audit.service.js';
import { narrowToPlace } from './narrow.js';
import { visitPlaceLabels } from './place-labels.js';
import * as plans from './plans.repository.js';
import { visiblePlan } from './plans.service.js';
import { resolveVisitWhere } from './targets.js';
import * as repo from './visits.repository.js';
import { assertAllowed, canReadAt, canWriteAt, readPrefixes } from './visits.policy.js';

/** Visit records: who went where, whom they met, and what they heard, line by line. */

/** Clocks on phones drift; a visit a few minutes "ahead" is still now. */
const FUTURE_SLACK_MS = 5 * 60_000;

/** The visit time as stored (UTC), refused when it lies in the future. */
function visitTime(value: string, now: Date): string {
  const t = new Date(value);
  if (t.getTime() > now.getTime() + FUTURE_SLACK_MS) throw badRequest('visit_time_invalid', { field: 'visitedAt' });
  return iso(t);
}

export async function visitSummaries(db: Db, rows: repo.VisitListRow[]): Promise<VisitSummary[]> {
  const labels = await visitPlaceLabels(db, rows.map((v) => v.place_path));
  return rows.map((v) => ({
    id: v.id,
    communityId: v.community_id,
    planId: v.plan_id,
    planTitle: v.plan_title,
    visitorUserId: v.visitor_user_id,
    visitorName: v.visitor_name,
    visitedAt: v.visited_at,
    placeId: v.place_id,
    placeLabel: labels.get(v.place_path) ?? '',
    householdId: v.household_id,
    householderName: v.householder_name,
    organisationId: v.organisation_id,
    organisationName: v.organisation_name,
    peopleMet: v.people_met,
    summary: v.summary,
    itemCount: v.item_count,
    convertedCount: v.converted_count,
    createdAt: v.created_at,
    updatedAt: v.updated_at,
  }));
}

/** A visit the actor may read; any other answers 404 as if it did not exist. */
export async function visibleVisit(deps: AppDeps, actor: Actor, id: string): Promise<repo.VisitListRow> {
  const v = await repo.findVisit(deps.db, id);
  if (!v || !canReadAt(actor, v.place_path)) throw notFound();
  return v;
}

/** Only the visitor corrects a record, and only for a day: after that it stands as the account of the visit. */
const canEdit = (actor: Actor, v: repo.VisitListRow, now: Date): boolean =>
  v.visitor_user_id === actor.userId && canWriteAt(actor, v.place_path) && now.getTime() - Date.parse(v.created_at) <= VISIT_EDIT_HOURS * 3_600_000;

export async function listVisitsFor(deps: AppDeps, actor: Actor, q: ListVisitsQuery) {
  const prefixes = await narrowToPlace(deps.db, readPrefixes(actor), q.placeId);
  const { rows, total } = await repo.listVisits(deps.db, {
    prefixes,
    planId: q.planId,
    householdId: q.householdId,
    organisationId: q.organisationId,
    visitorId: q.mine ? (actor.userId ?? '') : q.visitorId,
    from: q.from && iso(new Date(q.from)),
    to: q.to && iso(new Date(q.to)),
    limit: q.limit,
    offset: q.offset,
  });
  return { items: await visitSummaries(deps.db, rows), total };
}

export async function visitDetail(deps: AppDeps, actor: Actor, id: string): Promise<VisitDetail> {
  const v = await visibleVisit(deps, actor, id);
  const [[view], items] = await Promise.all([visitSummaries(deps.db, [v]), repo.itemsOf(deps.db, id)]);
  return {
    ...view!,
    items: items.map((i) => ({ id: i.id, text: i.text, requestId: i.request_id, requestNumber: i.request_number, createdAt: i.created_at })),
    can: { edit: canEdit(actor, v, deps.clock.now()), convert: canWriteAt(actor, v.place_path) },
  };
}

/** A plan a visit names: visible to the visitor, of the visit's community, still active. */
async function namedPlan(deps: AppDeps, actor: Actor, planId: string, communityId: string): Promise<string> {
  const plan = await visiblePlan(deps, actor, planId).catch((e: unknown) => {
    throw e instanceof AppError && e.code === 'not_found' ? new AppError('not_found', 404, { field: 'planId' }) : e;
  });
  if (plan.community_id !== communityId) throw new AppError('visit_target_invalid', 400, { field: 'planId' });
  if (plan.status !== 'active') throw conflict('visit_plan_closed', { field: 'planId' });
  return plan.id;
}

/**
 * Record a visit. In the same transaction every unvisited target of the community's active plans that this
 * visit fulfils is marked visited, and a plan with no target left becomes done.
 */
export async function createVisit(deps: AppDeps, ctx: RequestContext, body: CreateVisitBody): Promise<VisitDetail> {
  const now = deps.clock.now();
  const visitedAt = visitTime(body.visitedAt, now);
  const where = await resolveVisitWhere(deps.db, ctx.actor, body);
  const namedPlanId = body.planId ? await namedPlan(deps, ctx.actor, body.planId, where.communityId) : null;
  const at = iso(now);
  const id = newId();
  await deps.db.transaction().execute(async (trx) => {
    const open = await plans.openTargetsFor(trx, where.communityId, localDate(new Date(visitedAt)), where);
    const planId = namedPlanId ?? open[0]?.plan_id ?? null;
    await repo.insertVisit(trx, {
      id,
      community_id: where.communityId,
      plan_id: planId,
      visitor_user_id: ctx.actor.userId!,
      visited_at: visitedAt,
      place_id: where.placeId,
      place_path: where.placePath,
      household_id: where.householdId,
      organisation_id: where.organisationId,
      people_met: body.peopleMet ?? null,
      summary: body.summary ?? null,
      created_at: at,
      updated_at: at,
    });
    await repo.insertItems(trx, body.items.map((text) => ({ id: newId(), visit_id: id, text, request_id: null, created_at: at })));
    const marked = await plans.markTargetsVisited(trx, open.map((t) => t.id), id, visitedAt);
    const completed = await plans.completePlans(trx, open.map((t) => t.plan_id), at);
    await recordAudit(trx, ctx, deps.clock, {
      action: 'visit.created',
      targetType: 'visit',
      targetId: id,
      communityId: where.communityId,
      scopePath: where.placePath,
      after: { visitedAt, placeId: where.placeId, householdId: where.householdId, organisationId: where.organisationId, planId, peopleMet: body.peopleMet ?? null, summary: body.summary ?? null, items: body.items, markedTargets: marked, completedPlans: completed },
    });
  });
  return visitDetail(deps, ctx.actor, id);
}

/** Correct one's own visit within the day: times, people met, summary, and the item lines (requests stay put). */
export async function updateVisit(deps: AppDeps, ctx: RequestContext, id: string, body: UpdateVisitBody): Promise<VisitDetail> {
  const v = await visibleVisit(deps, ctx.actor, id);
  const now = deps.clock.now();
  assertAllowed(v.visitor_user_id === ctx.actor.userId && canWriteAt(ctx.actor, v.place_path));
  if (!canEdit(ctx.actor, v, now)) throw conflict('visit_edit_window_passed');
  const visitedAt = body.visitedAt ? visitTime(body.visitedAt, now) : v.visited_at;
  const patch = {
    visited_at: visitedAt,
    people_met: body.peopleMet === undefined ? v.people_met : body.peopleMet,
    summary: body.summary === undefined ? v.summary : body.summary,
  };
  const at = iso(now);
  await deps.db.transaction().execute(async (trx) => {
    const itemsBefore = await repo.itemsOf(trx, id);
    if (body.items) await replaceItems(trx, id, itemsBefore, body.items, at);
    await repo.updateVisit(trx, id, { ...patch, updated_at: at });
    if (visitedAt !== v.visited_at) await plans.retimeTargets(trx, id, visitedAt);
    await recordAudit(trx, ctx, deps.clock, {
      action: 'visit.updated',
      targetType: 'visit',
      targetId: id,
      communityId: v.community_id,
      scopePath: v.place_path,
      before: { visited_at: v.visited_at, people_met: v.people_met, summary: v.summary, items: itemsBefore.map((i) => i.text) },
      after: { ...patch, ...(body.items ? { items: body.items.map((i) => i.text) } : {}) },
    });
  });
  return visitDetail(deps, ctx.actor, id);
}

type ItemRow = Awaited<ReturnType<typeof repo.itemsOf>>[number];

/** The new list of lines: kept by id (converted ones unchanged), new ones added, the rest removed. */
async function replaceItems(trx: Db, visitId: string, current: ItemRow[], lines: { id?: string; text: string }[], at: string): Promise<void> {
  const byId = new Map(current.map((i) => [i.id, i]));
  const kept = new Set<string>();
  for (const line of lines) {
    if (!line.id) continue;
    const item = byId.get(line.id);
    if (!item || kept.has(line.id)) throw new AppError('not_found', 404, { field: 'items', id: line.id });
    kept.add(line.id);
    if (item.text === line.text) continue;
    if (item.request_id !== null || !(await repo.updateItemText(trx, item.id, line.text))) throw conflict('item_already_converted', { itemId: item.id });
  }
  const removed = current.filter((i) => !kept.has(i.id));
  const converted = removed.find((i) => i.request_id !== null);
  if (converted) throw conflict('item_already_converted', { itemId: converted.id });
  if ((await repo.deleteOpenItems(trx, removed.map((i) => i.id))) !== removed.length) throw conflict('item_already_converted');
  await repo.insertItems(trx, lines.filter((l) => !l.id).map((l) => ({ id: newId(), visit_id: visitId, text: l.text, request_id: null, created_at: at })));
}
