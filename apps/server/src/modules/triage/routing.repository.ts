import type { Db } from '../../db/database.js';
import type { RoutingRulesTable } from '../../db/database.js';
import type { Selectable } from 'kysely';
import { pathInScope } from '../../lib/scope.js';

export type RoutingRuleRow = Selectable<RoutingRulesTable>;
/** A rule with the names its view shows. */
export type RoutingRuleListRow = RoutingRuleRow & { place_name: string | null; user_name: string | null; organisation_name: string | null };

/** Roles whose holders may be a request's handler as a person. */
export const handlerUserRoles = ['community_admin', 'community_staff', 'grid_worker'] as const;
/** Organisation kinds that take requests. */
export const handlerOrganisationKinds = ['property_company', 'stationed_unit', 'social_org', 'owners_committee'] as const;

function selectRules(db: Db) {
  return db
    .selectFrom('routing_rules as rr')
    .leftJoin('places as p', 'p.id', 'rr.place_id')
    .leftJoin('users as u', 'u.id', 'rr.user_id')
    .leftJoin('organisations as o', 'o.id', 'rr.organisation_id')
    .selectAll('rr')
    .select(['p.name as place_name', 'u.display_name as user_name', 'o.name as organisation_name']);
}

export function listRules(db: Db, f: { communityIds: string[]; categoryId?: string }): Promise<RoutingRuleListRow[]> {
  if (!f.communityIds.length) return Promise.resolve([]);
  let q = selectRules(db).where('rr.community_id', 'in', f.communityIds);
  if (f.categoryId) q = q.where('rr.category_id', '=', f.categoryId);
  return q.orderBy('rr.community_id').orderBy('rr.category_id').orderBy('rr.created_at').orderBy('rr.id').execute();
}

export function findRule(db: Db, id: string): Promise<RoutingRuleListRow | undefined> {
  return selectRules(db).where('rr.id', '=', id).executeTakeFirst();
}

export async function insertRule(db: Db, row: RoutingRuleRow): Promise<void> {
  await db.insertInto('routing_rules').values(row).execute();
}

export async function deleteRule(db: Db, id: string): Promise<boolean> {
  const r = await db.deleteFrom('routing_rules').where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/**
 * The user, if they are active and hold a handler role somewhere in the community (`communityPath`), with
 * their display name.
 */
export function handlerUser(db: Db, userId: string, communityPath: string) {
  return db
    .selectFrom('users as u')
    .innerJoin('role_assignments as ra', 'ra.user_id', 'u.id')
    .innerJoin('places as p', 'p.id', 'ra.place_id')
    .select(['u.id', 'u.display_name'])
    .where('u.id', '=', userId)
    .where('u.status', '=', 'active')
    .where('ra.role', 'in', [...handlerUserRoles])
    .where(pathInScope('p.path', [communityPath]))
    .limit(1)
    .executeTakeFirst();
}

/** The organisation, if it is of a handling kind, belongs to the community and is not retired. */
export function handlerOrganisation(db: Db, organisationId: string, communityId: string) {
  return db
    .selectFrom('organisations')
    .select(['id', 'name'])
    .where('id', '=', organisationId)
    .where('community_id', '=', communityId)
    .where('kind', 'in', [...handlerOrganisationKinds])
    .where('retired_at', 'is', null)
    .executeTakeFirst();
}

/** Lead handlers of a category's requests since `since`, in a grid (or, without one, the community), most frequent first. */
export async function frequentLeads(db: Db, f: { communityId: string; categoryId: string; gridId: string | null; since: string }) {
  let q = db
    .selectFrom('request_assignments as a')
    .innerJoin('requests as r', 'r.id', 'a.request_id')
    .select(['a.assignee_kind', 'a.user_id', 'a.organisation_id'])
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('a.assigned_at').as('last_at')])
    .where('r.community_id', '=', f.communityId)
    .where('r.category_id', '=', f.categoryId)
    .where('a.is_lead', '=', 1)
    .where('a.assigned_at', '>=', f.since);
  q = f.gridId ? q.where('r.grid_id', '=', f.gridId) : q.where('r.grid_id', 'is', null);
  const rows = await q
    .groupBy(['a.assignee_kind', 'a.user_id', 'a.organisation_id'])
    .orderBy('n', 'desc')
    .orderBy('last_at', 'desc')
    .limit(5)
    .execute();
  return rows.map((r) => ({ ...r, n: Number(r.n) }));
}

/** Active grid workers of a grid, longest-serving first. */
export function gridWorkers(db: Db, gridId: string) {
  return db
    .selectFrom('role_assignments as ra')
    .innerJoin('users as u', 'u.id', 'ra.user_id')
    .select(['u.id', 'u.display_name'])
    .where('ra.place_id', '=', gridId)
    .where('ra.role', '=', 'grid_worker')
    .where('u.status', '=', 'active')
    .orderBy('ra.created_at')
    .orderBy('u.id')
    .execute();
}
