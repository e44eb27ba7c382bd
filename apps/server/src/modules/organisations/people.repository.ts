import type { Db } from '../../db/database.js';
import { pathInRange } from '../../lib/scope.js';

/**
 * What posts and the party roster need from the resident register: who the person is, where they live, their
 * account. Read here directly so this module does not depend on the registers module's code.
 */
export interface ResidentFacts {
  id: string;
  community_id: string;
  place_path: string;
  name: string;
  gender: string | null;
  status: string;
  user_id: string | null;
  id_number_index: string | null;
}

const columns = ['id', 'community_id', 'place_path', 'name', 'gender', 'status', 'user_id', 'id_number_index'] as const;

export function findResident(db: Db, id: string): Promise<ResidentFacts | undefined> {
  return db.selectFrom('residents').select(columns).where('id', '=', id).executeTakeFirst();
}

/** The resident, only if their place lies under one of the prefixes (the register's own scoping). */
export function findResidentInScope(db: Db, id: string, prefixes: string[]): Promise<ResidentFacts | undefined> {
  return db.selectFrom('residents').select(columns).where('id', '=', id).where(pathInRange('place_path', prefixes)).executeTakeFirst();
}

export function findUser(db: Db, id: string) {
  return db.selectFrom('users').select(['id', 'display_name', 'status']).where('id', '=', id).executeTakeFirst();
}

/** An account's roles with the places they cover. */
export function accountRoles(db: Db, userId: string) {
  return db
    .selectFrom('role_assignments as r')
    .innerJoin('places as p', 'p.id', 'r.place_id')
    .select(['r.id', 'r.role', 'r.place_id', 'p.name as place_name', 'p.path as place_path'])
    .where('r.user_id', '=', userId)
    .orderBy('r.created_at')
    .orderBy('r.id')
    .execute();
}

/** The resident record an account is linked to in a community, if any. */
export function residentOfUser(db: Db, userId: string, communityId: string): Promise<ResidentFacts | undefined> {
  return db.selectFrom('residents').select(columns).where('user_id', '=', userId).where('community_id', '=', communityId).executeTakeFirst();
}
