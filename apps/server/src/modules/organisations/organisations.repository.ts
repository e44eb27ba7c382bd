import { sql } from 'kysely';
import type { Db, OrganisationRow } from '../../db/database.js';
import { pathInScope } from '../../lib/scope.js';

/** An organisation with what its view and scope checks need: its place's name, its community's path, active members. */
export type OrganisationListRow = OrganisationRow & { place_name: string | null; community_path: string; member_count: number };

function selectOrganisations(db: Db) {
  return db
    .selectFrom('organisations as o')
    .innerJoin('places as c', 'c.id', 'o.community_id')
    .leftJoin('places as pl', 'pl.id', 'o.place_id')
    .selectAll('o')
    .select(['pl.name as place_name', 'c.path as community_path'])
    .select((eb) =>
      eb
        .selectFrom('memberships as m')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('m.organisation_id', '=', 'o.id')
        .where('m.ended_at', 'is', null)
        .as('member_count'),
    );
}

const normalise = (r: Omit<OrganisationListRow, 'member_count'> & { member_count: unknown }): OrganisationListRow => ({ ...r, member_count: Number(r.member_count ?? 0) });

export async function findOrganisation(db: Db, id: string): Promise<OrganisationListRow | undefined> {
  const r = await selectOrganisations(db).where('o.id', '=', id).executeTakeFirst();
  return r && normalise(r);
}

/** The natural key of an organisation: its name within its community (retired ones keep theirs). */
export async function findOrganisationByName(db: Db, communityId: string, name: string): Promise<OrganisationListRow | undefined> {
  const r = await selectOrganisations(db).where('o.community_id', '=', communityId).where('o.name', '=', name).executeTakeFirst();
  return r && normalise(r);
}

export interface OrganisationFilter {
  /** Community path prefixes the actor may read. */
  scope: string[];
  communityId?: string;
  kind?: string;
  q?: string;
  includeRetired: boolean;
}

export async function listOrganisations(db: Db, f: OrganisationFilter): Promise<OrganisationListRow[]> {
  let q = selectOrganisations(db).where(pathInScope('c.path', f.scope));
  if (f.communityId) q = q.where('o.community_id', '=', f.communityId);
  if (f.kind) q = q.where('o.kind', '=', f.kind);
  if (f.q) q = q.where(sql<boolean>`${sql.ref('o.name')} like ${likeContains(f.q)} escape '\\'`);
  if (!f.includeRetired) q = q.where('o.retired_at', 'is', null);
  const rows = await q.orderBy('o.community_id').orderBy('o.created_at').orderBy('o.id').execute();
  return rows.map(normalise);
}

export async function insertOrganisation(db: Db, row: OrganisationRow): Promise<void> {
  await db.insertInto('organisations').values(row).execute();
}

export async function updateOrganisation(db: Db, id: string, patch: Partial<Omit<OrganisationRow, 'id' | 'community_id' | 'kind'>>): Promise<void> {
  await db.updateTable('organisations').set(patch).where('id', '=', id).execute();
}

/** Active party organisations directly under this one. */
export function activeChildren(db: Db, id: string) {
  return db.selectFrom('organisations').select(['id', 'party_level']).where('parent_id', '=', id).where('retired_at', 'is', null).execute();
}

/** A LIKE pattern for text containing `s`, its own wildcards escaped with a backslash (used with `escape`). */
export const likeContains = (s: string): string => `%${s.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
