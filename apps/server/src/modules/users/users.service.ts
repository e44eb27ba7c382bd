import { roleScopeKind, type Role, type UserView } from '@gongzhi/shared';
import type { AppDeps } from '../../deps.js';
import type { Db, PlaceRow, UserRow } from '../../db/database.js';
import type { Actor, RequestContext } from '../../lib/actor.js';
import { AppError, notFound } from '../../lib/app-error.js';
import { iso } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import { maskPhone } from '../../lib/personal-data.js';
import { scopePrefixes } from '../../lib/scope.js';
import { recordAudit } from '../audit/audit.service.js';
import { deleteOtherSessions } from '../auth/auth.repository.js';
import { hashPassword, issueClaimCode } from '../auth/auth.service.js';
import { findPlace } from '../places/places.repository.js';
import { canGrant, userManagerRoles } from './users.policy.js';
import * as repo from './users.repository.js';

/** Present users with their roles; phones are always masked here. */
async function toViews(deps: AppDeps, db: Db, rows: UserRow[]): Promise<UserView[]> {
  const roles = await repo.rolesOfUsers(db, rows.map((r) => r.id));
  return rows.map((u) => ({
    id: u.id,
    displayName: u.display_name,
    username: u.username,
    phoneMasked: u.phone_cipher ? maskPhone(deps.vault.decrypt(u.phone_cipher)) : null,
    status: u.status as UserView['status'],
    roles: roles
      .filter((r) => r.user_id === u.id)
      .map((r) => ({ id: r.id, role: r.role as Role, placeId: r.place_id, placeName: r.place_name, placeKind: r.place_kind, communityId: r.community_id })),
    createdAt: u.created_at,
  }));
}

export async function listUsers(deps: AppDeps, actor: Actor, q: { q?: string; role?: Role; placeId?: string; limit: number; offset: number }) {
  let placePath: string | undefined;
  if (q.placeId) {
    const place = await findPlace(deps.db, q.placeId);
    // An unknown place has nobody under it (the scope filter below hides places outside the actor's reach).
    if (!place) return { items: [], total: 0 };
    placePath = place.path;
  }
  const phone = q.q && /^1[3-9]\d{9}$/.test(q.q) ? deps.vault.blindIndex('phone', q.q) : undefined;
  const { rows, total } = await repo.listUsers(deps.db, {
    scope: scopePrefixes(actor, userManagerRoles),
    q: q.q,
    qPhoneIndex: phone,
    role: q.role,
    placePath,
    limit: q.limit,
    offset: q.offset,
  });
  return { items: await toViews(deps, deps.db, rows), total };
}

/** A user the actor manages: one with at least one role inside the actor's scope. Others answer 404. */
async function managedUser(deps: AppDeps, actor: Actor, id: string): Promise<UserRow> {
  const user = await repo.findUserById(deps.db, id);
  if (!user) throw notFound();
  const scope = scopePrefixes(actor, userManagerRoles);
  const roles = await repo.rolesOfUsers(deps.db, [id]);
  if (!roles.some((r) => scope.some((p) => r.place_path.startsWith(p)))) throw notFound();
  return user;
}

export async function getUser(deps: AppDeps, actor: Actor, id: string): Promise<UserView> {
  const user = await managedUser(deps, actor, id);
  return (await toViews(deps, deps.db, [user]))[0]!;
}

/** Check a role grant: the place must exist, fit the role's kind, and lie where the actor may grant it. */
async function checkGrant(deps: AppDeps, actor: Actor | null, role: Role, placeId: string) {
  const place = await findPlace(deps.db, placeId);
  if (!place || place.retired_at) throw new AppError('not_found', 404, { field: 'placeId' });
  if (place.kind !== roleScopeKind[role]) throw new AppError('invalid_role_scope', 400, { field: 'placeId', expected: roleScopeKind[role] });
  if (actor && !canGrant(actor, role, place.path)) throw new AppError('forbidden', 403, { role });
  return place;
}

/**
 * Create an account. With a password it is active at once (staff accounts); without, it is unclaimed and the
 * person claims it with a one-time code, which is returned here so staff can print it.
 */
export async function createUser(
  deps: AppDeps,
  ctx: RequestContext | null,
  input: { displayName: string; username?: string; phone?: string; password?: string; roles: { role: Role; placeId: string }[] },
) {
  const places: PlaceRow[] = [];
  for (const r of input.roles) places.push(await checkGrant(deps, ctx?.actor ?? null, r.role, r.placeId));
  const username = input.username?.toLowerCase() ?? null;
  if (username && (await repo.findUserByUsername(deps.db, username))) throw new AppError('username_taken', 409, { field: 'username' });
  const phoneIndex = input.phone ? deps.vault.blindIndex('phone', input.phone) : null;
  if (phoneIndex && (await repo.findUserByPhoneIndex(deps.db, phoneIndex))) throw new AppError('phone_taken', 409, { field: 'phone' });
  const now = iso(deps.clock.now());
  const id = newId();
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  await deps.db.transaction().execute(async (trx) => {
    await repo.insertUser(trx, {
      id,
      display_name: input.displayName,
      username,
      phone_cipher: input.phone ? deps.vault.encrypt(input.phone) : null,
      phone_index: phoneIndex,
      password_hash: passwordHash,
      status: passwordHash ? 'active' : 'unclaimed',
      elder_mode: 0,
      locale: 'zh-CN',
      created_at: now,
      updated_at: now,
    });
    const seen = new Set<string>();
    for (const r of input.roles) {
      if (seen.has(`${r.role}:${r.placeId}`)) continue;
      seen.add(`${r.role}:${r.placeId}`);
      await repo.insertRole(trx, { id: newId(), user_id: id, role: r.role, place_id: r.placeId, created_at: now });
    }
    await recordAudit(trx, ctx, deps.clock, {
      action: 'user.created',
      targetType: 'user',
      targetId: id,
      communityId: places[0]!.community_id,
      scopePath: places[0]!.path,
      after: { displayName: input.displayName, username, phone: input.phone ?? null, roles: input.roles },
    });
  });
  const claim = passwordHash || !ctx ? null : await issueClaimCode(deps, ctx, id);
  const user = (await toViews(deps, deps.db, [(await repo.findUserById(deps.db, id))!]))[0]!;
  return { user, claimCode: claim ? { code: claim.code, expiresAt: iso(claim.expiresAt) } : null };
}

export async function updateUserAccount(deps: AppDeps, ctx: RequestContext, id: string, patch: { displayName?: string; status?: 'active' | 'disabled' }) {
  const user = await managedUser(deps, ctx.actor, id);
  if (patch.status === 'active' && user.status === 'unclaimed') throw new AppError('validation_failed', 400, [{ field: 'body.status', message: 'unclaimed accounts become active by claiming' }]);
  if (id === ctx.actor.userId && patch.status === 'disabled') throw new AppError('forbidden', 403, { reason: 'cannot disable yourself' });
  const scopePath = (await repo.rolesOfUsers(deps.db, [id]))[0]?.place_path ?? null;
  await deps.db.transaction().execute(async (trx) => {
    await repo.updateUser(trx, id, {
      ...(patch.displayName ? { display_name: patch.displayName } : {}),
      ...(patch.status ? { status: patch.status } : {}),
      updated_at: iso(deps.clock.now()),
    });
    // A disabled account is signed out everywhere at once.
    if (patch.status === 'disabled') await deleteOtherSessions(trx, id, null);
    await recordAudit(trx, ctx, deps.clock, {
      action: 'user.updated',
      targetType: 'user',
      targetId: id,
      communityId: null,
      scopePath,
      before: { displayName: user.display_name, status: user.status },
      after: patch,
    });
  });
  deps.sessions.forgetUser(id);
  return getUser(deps, ctx.actor, id);
}

export async function addRole(deps: AppDeps, ctx: RequestContext, userId: string, role: Role, placeId: string) {
  await managedUser(deps, ctx.actor, userId);
  const place = await checkGrant(deps, ctx.actor, role, placeId);
  const existing = await repo.rolesOfUsers(deps.db, [userId]);
  if (existing.some((r) => r.role === role && r.place_id === placeId)) throw new AppError('role_already_held', 409);
  await deps.db.transaction().execute(async (trx) => {
    const id = newId();
    await repo.insertRole(trx, { id, user_id: userId, role, place_id: placeId, created_at: iso(deps.clock.now()) });
    await recordAudit(trx, ctx, deps.clock, {
      action: 'user.role_granted',
      targetType: 'user',
      targetId: userId,
      communityId: place.community_id,
      scopePath: place.path,
      after: { role, placeId },
    });
  });
  deps.sessions.forgetUser(userId);
  return getUser(deps, ctx.actor, userId);
}

export async function removeRole(deps: AppDeps, ctx: RequestContext, userId: string, roleId: string) {
  await managedUser(deps, ctx.actor, userId);
  const role = await repo.findRole(deps.db, roleId);
  if (!role || role.user_id !== userId) throw notFound();
  const place = await findPlace(deps.db, role.place_id);
  if (!place || !canGrant(ctx.actor, role.role as Role, place.path)) throw new AppError('forbidden', 403);
  await deps.db.transaction().execute(async (trx) => {
    await repo.deleteRole(trx, roleId);
    await recordAudit(trx, ctx, deps.clock, {
      action: 'user.role_revoked',
      targetType: 'user',
      targetId: userId,
      communityId: place.community_id,
      scopePath: place.path,
      before: { role: role.role, placeId: role.place_id },
    });
  });
  deps.sessions.forgetUser(userId);
  return getUser(deps, ctx.actor, userId);
}

/** A fresh one-time code for an unclaimed account, with what the printed slip shows. */
export async function newClaimCode(deps: AppDeps, ctx: RequestContext, userId: string) {
  const user = await managedUser(deps, ctx.actor, userId);
  if (user.status !== 'unclaimed') throw new AppError('account_already_claimed', 409);
  const { code, expiresAt } = await issueClaimCode(deps, ctx, userId);
  const roles = await repo.rolesOfUsers(deps.db, [userId]);
  const community = roles[0]?.community_id ? await findPlace(deps.db, roles[0].community_id) : undefined;
  return { code, expiresAt: iso(expiresAt), displayName: user.display_name, communityName: community?.name ?? null };
}
