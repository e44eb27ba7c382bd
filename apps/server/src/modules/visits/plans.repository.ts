import { sql, type Expression, type Insertable, type SqlBool, type Updateable } from 'kysely';
import type { Db, VisitPlanTargetsTable, VisitPlansTable } from '../../db/database.js';
import { pathInRange, pathInScope } from '../../lib/scope.js';
import type { PlanScope } from './visits.policy.js';

/** Row access for visiting plans and their targets (Kysely only). */

export type PlanRow = VisitPlansTable & {
  community_name: string;
  community_path: string;
  assignee_name: string | null;
  created_by_name: string | null;
  target_count: number;
  visited_count: number;
};

function selectPlans(db: Db) {
  return db
    .selectFrom('visit_plans as p')
    .innerJoin('places as c', 'c.id', 'p.community_id')
    .leftJoin('users as au', 'au.id', 'p.assignee_user_id')
    .leftJoin('users as cu', 'cu.id', 'p.created_by')
    .selectAll('p')
    .select(['c.name as community_name', 'c.path as community_path', 'au.display_name as assignee_name', 'cu.display_name as created_by_name'])
    .select((eb) => [
      eb.selectFrom('visit_plan_targets as t').select(eb.fn.countAll<number>().as('n')).whereRef('t.plan_id', '=', 'p.id').as('target_count'),
      eb
        .selectFrom('visit_plan_targets as t')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('t.plan_id', '=', 'p.id')
        .where('t.visit_id', 'is not', null)
        .as('visited_count'),
    ]);
}

type Raw = Omit<PlanRow, 'target_count' | 'visited_count'> & { target_count: unknown; visited_count: unknown };
const normalise = (r: Raw): PlanRow => ({ ...r, target_count: Number(r.target_count ?? 0), visited_count: Number(r.visited_count ?? 0) });

export async function findPlan(db: Db, id: string): Promise<PlanRow | undefined> {
  const r = await selectPlans(db).where('p.id', '=', id).executeTakeFirst();
  return r && normalise(r);
}

/** Plans the scope sees: its communities' (community-wide readers), or those with a target in it, or its own. */
function visible(s: PlanScope): Expression<SqlBool> {
  return sql<SqlBool>`(${pathInScope('c.path', s.communityPrefixes)}
    or ${sql.ref('p.assignee_user_id')} = ${s.userId} or ${sql.ref('p.created_by')} = ${s.userId}
    or exists (select 1 from visit_plan_targets t where t.plan_id = p.id and ${pathInRange('t.place_path', s.targetPrefixes)}))`;
}

/** Whether the scope sees this plan. */
export async function planVisible(db: Db, id: string, s: PlanScope): Promise<boolean> {
  const r = await db.selectFrom('visit_plans as p').innerJoin('places as c', 'c.id', 'p.community_id').select('p.id').where('p.id', '=', id).where(visible(s)).executeTakeFirst();
  return r !== undefined;
}

export interface PlanFilter {
  scope: PlanScope;
  status?: string;
  assigneeUserId?: string;
  /** Plans of communities under this path. */
  communityPathPrefix?: string;
  communityId?: string;
  limit: number;
  offset: number;
}

function filterOf(f: PlanFilter): Expression<SqlBool> {
  const parts: Expression<SqlBool>[] = [visible(f.scope)];
  if (f.status) parts.push(sql<SqlBool>`${sql.ref('p.status')} = ${f.status}`);
  if (f.assigneeUserId) parts.push(sql<SqlBool>`${sql.ref('p.assignee_user_id')} = ${f.assigneeUserId}`);
  if (f.communityPathPrefix) parts.push(pathInScope('c.path', [f.communityPathPrefix]));
  if (f.communityId) parts.push(sql<SqlBool>`${sql.ref('p.community_id')} = ${f.communityId}`);
  return sql<SqlBool>`${sql.join(parts, sql` and `)}`;
}

/** A page of plans, newest first, with the total. */
export async function listPlans(db: Db, f: PlanFilter): Promise<{ rows: PlanRow[]; total: number }> {
  const [rows, total] = await Promise.all([
    selectPlans(db).where(filterOf(f)).orderBy('p.created_at', 'desc').orderBy('p.id', 'desc').limit(f.limit).offset(f.offset).execute(),
    db.selectFrom('visit_plans as p').innerJoin('places as c', 'c.id', 'p.community_id').select((eb) => eb.fn.countAll<number>().as('n')).where(filterOf(f)).executeTakeFirst(),
  ]);
  return { rows: rows.map(normalise), total: Number(total?.n ?? 0) };
}

export async function insertPlan(db: Db, row: Insertable<VisitPlansTable>): Promise<void> {
  await db.insertInto('visit_plans').values(row).execute();
}

/** Chunked: a grid plan may hold a few thousand households, more than one statement's parameter limit. */
export async function insertTargets(db: Db, rows: Insertable<VisitPlanTargetsTable>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await db.insertInto('visit_plan_targets').values(rows.slice(i, i + 500)).execute();
}

/** Change an active plan; false when it is no longer active (so two edits and a cancel cannot cross). */
export async function updateActivePlan(db: Db, id: string, patch: Updateable<VisitPlansTable>): Promise<boolean> {
  const r = await db.updateTable('visit_plans').set(patch).where('id', '=', id).where('status', '=', 'active').executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export interface TargetRow {
  id: string;
  plan_id: string;
  household_id: string | null;
  organisation_id: string | null;
  place_id: string | null;
  place_path: string;
  visited_at: string | null;
  visit_id: string | null;
  householder_name: string | null;
  organisation_name: string | null;
}

/** A plan's targets in register order, limited to the prefixes when given. */
export function planTargets(db: Db, planId: string, prefixes: string[] | null): Promise<TargetRow[]> {
  let q = db
    .selectFrom('visit_plan_targets as t')
    .leftJoin('households as h', 'h.id', 't.household_id')
    .leftJoin('residents as hr', 'hr.id', 'h.householder_id')
    .leftJoin('organisations as o', 'o.id', 't.organisation_id')
    .select(['t.id', 't.plan_id', 't.household_id', 't.organisation_id', 't.place_id', 't.place_path', 't.visited_at', 't.visit_id', 'hr.name as householder_name', 'o.name as organisation_name'])
    .where('t.plan_id', '=', planId);
  if (prefixes) q = q.where(pathInRange('t.place_path', prefixes));
  return q.orderBy('t.place_path').orderBy('t.id').execute();
}

/** How many of a plan's targets lie outside the prefixes (an assignee must be able to visit them all). */
export async function countTargetsOutside(db: Db, planId: string, prefixes: string[]): Promise<number> {
  const r = await db
    .selectFrom('visit_plan_targets')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('plan_id', '=', planId)
    .where((eb) => eb.not(pathInRange('place_path', prefixes)))
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

export interface VisitMatch {
  householdId: string | null;
  organisationId: string | null;
  placeId: string | null;
}

/**
 * Unvisited targets of the community's active plans (started on or before `onDate`) that a visit to this
 * household, organisation or place fulfils.
 */
export function openTargetsFor(db: Db, communityId: string, onDate: string, m: VisitMatch): Promise<{ id: string; plan_id: string }[]> {
  return db
    .selectFrom('visit_plan_targets as t')
    .innerJoin('visit_plans as p', 'p.id', 't.plan_id')
    .select(['t.id', 't.plan_id'])
    .where('p.community_id', '=', communityId)
    .where('p.status', '=', 'active')
    .where('p.starts_on', '<=', onDate)
    .where('t.visit_id', 'is', null)
    .where((eb) => {
      if (m.householdId) return eb('t.household_id', '=', m.householdId);
      if (m.organisationId) return eb('t.organisation_id', '=', m.organisationId);
      return eb.and([eb('t.place_id', '=', m.placeId ?? ''), eb('t.organisation_id', 'is', null)]);
    })
    .orderBy('p.created_at')
    .execute();
}

/** Mark targets visited by a visit; a target another visit took first in the meantime stays with that one. */
export async function markTargetsVisited(db: Db, ids: string[], visitId: string, visitedAt: string): Promise<number> {
  if (ids.length === 0) return 0;
  const r = await db.updateTable('visit_plan_targets').set({ visit_id: visitId, visited_at: visitedAt }).where('id', 'in', ids).where('visit_id', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Keep the visited time of targets in step with a corrected visit time. */
export async function retimeTargets(db: Db, visitId: string, visitedAt: string): Promise<void> {
  await db.updateTable('visit_plan_targets').set({ visited_at: visitedAt }).where('visit_id', '=', visitId).execute();
}

/** Active plans whose every target is now visited become done; returns their ids. */
export async function completePlans(db: Db, planIds: string[], at: string): Promise<string[]> {
  const done: string[] = [];
  for (const id of [...new Set(planIds)]) {
    const r = await db
      .updateTable('visit_plans')
      .set({ status: 'done', updated_at: at })
      .where('id', '=', id)
      .where('status', '=', 'active')
      .where((eb) => eb.not(eb.exists(eb.selectFrom('visit_plan_targets').select('id').where('plan_id', '=', id).where('visit_id', 'is', null))))
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 1) done.push(id);
  }
  return done;
}
