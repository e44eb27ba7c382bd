import type { Role } from '@gongzhi/shared';
import { pathInScope } from '../../lib/scope.js';
import type { Db, NewUser, UserRow, UserUpdate } from '../../db/database.js';

export interface RoleWithPlace {
  id: string;
  user_id: string;
  role: string;
  place_id: string;
  community_id: string | null;
  place_name: string;
  place_kind: string;
  place_path: string;
}

export function findUserById(db: Db, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findUserByUsername(db: Db, username: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}

export function findUserByPhoneIndex(db: Db, phoneIndex: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('phone_index', '=', phoneIndex).executeTakeFirst();
}

export async function insertUser(db: Db, row: NewUser): Promise<void> {
  await db.insertInto('users').values(row).execute();
}

export async function updateUser(db: Db, id: string, patch: UserUpdate): Promise<void> {
  await db.updateTable('users').set(patch).where('id', '=', id).execute();
}

/** Role assignments of these users, with the place each covers. */
export function rolesOfUsers(db: Db, userIds: string[]): Promise<RoleWithPlace[]> {
  if (userIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('role_assignments as r')
    .innerJoin('places as p', 'p.id', 'r.place_id')
    .select([
      'r.id',
      'r.user_id',
      'r.role',
      'r.place_id',
      'p.community_id',
      'p.name as place_name',
      'p.kind as place_kind',
      'p.path as place_path',
    ])
    .where('r.user_id', 'in', userIds)
    .orderBy('r.created_at')
    .execute();
}

export async function insertRole(
  db: Db,
  row: { id: string; user_id: string; role: Role; place_id: string; created_at: string },
): Promise<void> {
  await db.insertInto('role_assignments').values(row).execute();
}

export function findRole(db: Db, id: string) {
  return db.selectFrom('role_assignments').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function deleteRole(db: Db, id: string): Promise<void> {
  await db.deleteFrom('role_assignments').where('id', '=', id).execute();
}

export interface UserListFilter {
  scope: string[];
  q?: string;
  qPhoneIndex?: string;
  role?: Role;
  placePath?: string;
  limit: number;
  offset: number;
}

/** Users holding at least one role inside the scope; total for pagination. */
export async function listUsers(db: Db, f: UserListFilter): Promise<{ rows: UserRow[]; total: number }> {
  let inner = db
    .selectFrom('role_assignments as r')
    .innerJoin('places as p', 'p.id', 'r.place_id')
    .select('r.user_id')
    .where(pathInScope('p.path', f.scope));
  if (f.role) inner = inner.where('r.role', '=', f.role);
  if (f.placePath) inner = inner.where('p.path', 'like', `${f.placePath}%`);
  let q = db.selectFrom('users').where('id', 'in', inner);
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
    q = q.where((eb) =>
      eb.or([
        eb('display_name', 'like', like),
        eb('username', 'like', like),
        ...(f.qPhoneIndex ? [eb('phone_index', '=', f.qPhoneIndex)] : []),
      ]),
    );
  }
  const totalRow = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  const rows = await q.selectAll().orderBy('display_name').orderBy('id').limit(f.limit).offset(f.offset).execute();
  return { rows, total: Number(totalRow?.n ?? 0) };
}

/** Users holding a resident role in one of these communities (for acting on behalf). */
export async function isResidentIn(db: Db, userId: string, communityPaths: string[]): Promise<boolean> {
  const row = await db
    .selectFrom('role_assignments as r')
    .innerJoin('places as p', 'p.id', 'r.place_id')
    .select('r.id')
    .where('r.user_id', '=', userId)
    .where('r.role', '=', 'resident')
    .where(pathInScope('p.path', communityPaths))
    .executeTakeFirst();
  return row !== undefined;
}

/** The active accounts holding a community-office role (admin or staff) at the community itself, by role and name. */
export function communityStaff(db: Db, communityId: string): Promise<{ userId: string; displayName: string; role: string }[]> {
  return db
    .selectFrom('role_assignments as ra')
    .innerJoin('users as u', 'u.id', 'ra.user_id')
    .select(['u.id as userId', 'u.display_name as displayName', 'ra.role as role'])
    .where('ra.place_id', '=', communityId)
    .where('ra.role', 'in', ['community_admin', 'community_staff'])
    .where('u.status', '=', 'active')
    .orderBy('ra.role')
    .orderBy('u.display_name')
    .execute();
}
