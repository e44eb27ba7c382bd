import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { pathInRange } from '../../lib/scope.js';

/** Row access for what visits, plans and meetings point at: households, organisations, residents, people. */

export interface HouseholdRef {
  id: string;
  community_id: string;
  dwelling_id: string;
  place_path: string;
  status: string;
  householder_id: string | null;
  householder_name: string | null;
}

/** Households by id with their householder's name. */
export async function householdRefs(db: Db, ids: string[]): Promise<HouseholdRef[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('households as h')
    .leftJoin('residents as hr', 'hr.id', 'h.householder_id')
    .select(['h.id', 'h.community_id', 'h.dwelling_id', 'h.place_path', 'h.status', 'h.householder_id', 'hr.name as householder_name'])
    .where('h.id', 'in', ids)
    .execute();
}

/** Active households whose dwelling lies under any of the prefixes, in register order. */
export function activeHouseholdsUnder(db: Db, prefixes: string[]): Promise<{ id: string; dwelling_id: string; place_path: string }[]> {
  return db
    .selectFrom('households')
    .select(['id', 'dwelling_id', 'place_path'])
    .where('status', '=', 'active')
    .where(pathInRange('place_path', prefixes))
    .orderBy('place_path')
    .orderBy('id')
    .execute();
}

/** The active households registered at one dwelling. */
export async function activeHouseholdsAt(db: Db, dwellingId: string): Promise<string[]> {
  const rows = await db.selectFrom('households').select('id').where('dwelling_id', '=', dwellingId).where('status', '=', 'active').execute();
  return rows.map((r) => r.id);
}

export interface OrganisationRef {
  id: string;
  name: string;
  community_id: string;
  place_id: string | null;
  retired_at: string | null;
  /** The organisation's place, or its community when it has none: where its visits are filed. */
  path: string;
}

export async function organisationRefs(db: Db, ids: string[]): Promise<OrganisationRef[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('organisations as o')
    .innerJoin('places as c', 'c.id', 'o.community_id')
    .leftJoin('places as pl', 'pl.id', 'o.place_id')
    .select(['o.id', 'o.name', 'o.community_id', 'o.place_id', 'o.retired_at'])
    .select(sql<string>`coalesce(${sql.ref('pl.path')}, ${sql.ref('c.path')})`.as('path'))
    .where('o.id', 'in', ids)
    .execute();
}

export interface ResidentRef {
  id: string;
  name: string;
  community_id: string;
  place_path: string;
  status: string;
}

export async function residentRefs(db: Db, ids: string[]): Promise<ResidentRef[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('residents').select(['id', 'name', 'community_id', 'place_path', 'status']).where('id', 'in', ids).execute();
}

export interface StaffRoleRow {
  user_id: string;
  display_name: string;
  role: string;
  community_id: string;
  place_path: string;
}

/**
 * Active accounts holding a staff role in these communities (admin or staff at the community, grid worker at
 * one of its grids), one row per role: who may be assigned a plan or host a meeting.
 */
export async function staffRoles(db: Db, communityIds: string[], userId?: string): Promise<StaffRoleRow[]> {
  if (communityIds.length === 0) return [];
  let q = db
    .selectFrom('role_assignments as ra')
    .innerJoin('users as u', 'u.id', 'ra.user_id')
    .innerJoin('places as p', 'p.id', 'ra.place_id')
    .select(['ra.user_id', 'u.display_name', 'ra.role', 'p.path as place_path'])
    .select(sql<string>`${sql.ref('p.community_id')}`.as('community_id'))
    .where('u.status', '=', 'active')
    .where('ra.role', 'in', ['community_admin', 'community_staff', 'grid_worker'])
    .where('p.community_id', 'in', communityIds)
    .where('p.retired_at', 'is', null);
  if (userId) q = q.where('ra.user_id', '=', userId);
  return q.orderBy('u.display_name').orderBy('ra.user_id').execute();
}

/** Display names of accounts by id. */
export async function userNames(db: Db, ids: (string | null)[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids.filter((id): id is string => id !== null))];
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', unique).execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

/** Request numbers by id, for items and opinions that became requests. */
export async function requestNumbers(db: Db, ids: (string | null)[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids.filter((id): id is string => id !== null))];
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom('requests').select(['id', 'number']).where('id', 'in', unique).execute();
  return new Map(rows.map((r) => [r.id, r.number]));
}
