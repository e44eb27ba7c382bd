import { sql } from 'kysely';
import type { Db, PartyMemberRow } from '../../db/database.js';
import { pathInScope } from '../../lib/scope.js';
import { likeContains } from './organisations.repository.js';

/** A party member with their organisation's name and their community's path for scope checks. */
export type PartyMemberListRow = PartyMemberRow & { party_org_name: string; community_path: string };

function selectPartyMembers(db: Db) {
  return db
    .selectFrom('party_members as pm')
    .innerJoin('organisations as o', 'o.id', 'pm.party_org_id')
    .innerJoin('places as c', 'c.id', 'pm.community_id')
    .selectAll('pm')
    .select(['o.name as party_org_name', 'c.path as community_path']);
}

export function findPartyMember(db: Db, id: string): Promise<PartyMemberListRow | undefined> {
  return selectPartyMembers(db).where('pm.id', '=', id).executeTakeFirst();
}

/** The natural key of a party member: the blind index of their ID number within the community. */
export function findPartyMemberByIdNumber(db: Db, communityId: string, idNumberIndex: string): Promise<PartyMemberListRow | undefined> {
  return selectPartyMembers(db).where('pm.community_id', '=', communityId).where('pm.id_number_index', '=', idNumberIndex).executeTakeFirst();
}

export function findPartyMemberByResident(db: Db, residentId: string): Promise<PartyMemberListRow | undefined> {
  return selectPartyMembers(db).where('pm.resident_id', '=', residentId).executeTakeFirst();
}

export interface PartyMemberFilter {
  /** Community path prefixes the actor may read. */
  scope: string[];
  communityId?: string;
  partyOrgId?: string;
  reporting?: string;
  status: string;
  /** Free text: a name fragment, or (when it looks like one) an exact ID number, phone or phone tail. */
  q?: { name: string; idNumberIndex?: string; phoneIndex?: string; phoneTail?: string };
  limit: number;
  offset: number;
}

export async function listPartyMembers(db: Db, f: PartyMemberFilter): Promise<{ rows: PartyMemberListRow[]; total: number }> {
  let q = db
    .selectFrom('party_members as pm')
    .innerJoin('places as c', 'c.id', 'pm.community_id')
    .where(pathInScope('c.path', f.scope))
    .where('pm.status', '=', f.status);
  if (f.communityId) q = q.where('pm.community_id', '=', f.communityId);
  if (f.partyOrgId) q = q.where('pm.party_org_id', '=', f.partyOrgId);
  if (f.reporting) q = q.where('pm.reporting', '=', f.reporting);
  const text = f.q;
  if (text) {
    q = q.where((eb) =>
      eb.or([
        sql<boolean>`${sql.ref('pm.name')} like ${likeContains(text.name)} escape '\\'`,
        ...(text.idNumberIndex ? [eb('pm.id_number_index', '=', text.idNumberIndex)] : []),
        ...(text.phoneIndex ? [eb('pm.phone_index', '=', text.phoneIndex)] : []),
        ...(text.phoneTail ? [eb('pm.phone_tail', '=', text.phoneTail)] : []),
      ]),
    );
  }
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  const ids = await q.select('pm.id').orderBy('pm.name').orderBy('pm.id').limit(f.limit).offset(f.offset).execute();
  if (ids.length === 0) return { rows: [], total: Number(total?.n ?? 0) };
  const rows = await selectPartyMembers(db).where('pm.id', 'in', ids.map((r) => r.id)).orderBy('pm.name').orderBy('pm.id').execute();
  return { rows, total: Number(total?.n ?? 0) };
}

/** A resident's party membership: linked directly, or recorded under the same ID number in a visible community. */
export async function partyMemberOfResident(db: Db, scope: string[], residentId: string, idNumberIndex: string | null): Promise<PartyMemberListRow | undefined> {
  const rows = await selectPartyMembers(db)
    .where(pathInScope('c.path', scope))
    .where((eb) => eb.or([eb('pm.resident_id', '=', residentId), ...(idNumberIndex ? [eb('pm.id_number_index', '=', idNumberIndex)] : [])]))
    .execute();
  // The direct link wins over a match by ID number; an active membership over a past one.
  const rank = (r: PartyMemberListRow) => (r.resident_id === residentId ? 0 : 2) + (r.status === 'active' ? 0 : 1);
  return rows.sort((a, b) => rank(a) - rank(b))[0];
}

/** Active members on an organisation's roster (it cannot be retired while it has any). */
export async function countActiveMembers(db: Db, partyOrgId: string): Promise<number> {
  const r = await db.selectFrom('party_members').select((eb) => eb.fn.countAll<number>().as('n')).where('party_org_id', '=', partyOrgId).where('status', '=', 'active').executeTakeFirst();
  return Number(r?.n ?? 0);
}

export async function insertPartyMember(db: Db, row: PartyMemberRow): Promise<void> {
  await db.insertInto('party_members').values(row).execute();
}

export async function updatePartyMember(db: Db, id: string, patch: Partial<Omit<PartyMemberRow, 'id' | 'community_id' | 'created_at'>>): Promise<void> {
  await db.updateTable('party_members').set(patch).where('id', '=', id).execute();
}
