import { createHash, randomBytes, randomInt } from 'node:crypto';
import { hash as argonHash, verify as argonVerify } from '@node-rs/argon2';
import type { Role } from '@gongzhi/shared';
import type { AppDeps } from '../../deps.js';
import { publicActor, type Actor, type RequestContext } from '../../lib/actor.js';
import type { Db } from '../../db/database.js';
import { AppError } from '../../lib/app-error.js';
import { addMinutes, iso } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import { maskPhone } from '../../lib/personal-data.js';
import { recordAudit } from '../audit/audit.service.js';
import * as users from '../users/users.repository.js';
import * as repo from './auth.repository.js';

/** Failures allowed per account identifier in the window before a temporary lockout. */
export const MAX_FAILURES = 5;
const WINDOW_MINUTES = 15;
const LOCK_MINUTES = 15;
/** Refresh `last_seen_at` and sliding expiry at most this often, so reads do not become writes. */
const TOUCH_EVERY_MS = 5 * 60_000;
const CLAIM_CODE_DAYS = 30;
const CLAIM_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

// Verifying against this when the account does not exist keeps timing equal: no user enumeration.
const DUMMY_HASH = await argonHash('gongzhi-dummy-password-0');

export const hashPassword = (pw: string): Promise<string> => argonHash(pw, { algorithm: 2 });
const sessionIdOf = (token: string) => createHash('sha256').update(token).digest('hex');

/** Normalise a login identifier: phone numbers and usernames are matched case-insensitively and trimmed. */
const normalise = (account: string) => account.trim().toLowerCase();

async function findByAccount(deps: AppDeps, account: string) {
  const a = normalise(account);
  if (/^1[3-9]\d{9}$/.test(a)) return users.findUserByPhoneIndex(deps.db, deps.vault.blindIndex('phone', a));
  return users.findUserByUsername(deps.db, a);
}

export interface LoginResult {
  token: string;
  userId: string;
  expiresAt: Date;
}

/**
 * Log in. Unknown accounts, wrong passwords and unclaimed accounts all answer `invalid_credentials`, and the
 * lockout counts failures per identifier whether or not the account exists, so neither reveals who has one.
 */
export async function login(deps: AppDeps, ctx: RequestContext, account: string, password: string): Promise<LoginResult> {
  const now = deps.clock.now();
  const key = deps.vault.blindIndex('login', normalise(account));
  const throttle = await repo.findThrottle(deps.db, key);
  if (throttle?.locked_until && throttle.locked_until > iso(now)) {
    const retryAfterSeconds = Math.ceil((Date.parse(throttle.locked_until) - now.getTime()) / 1000);
    throw new AppError('account_locked', 429, { retryAfterSeconds });
  }
  const user = await findByAccount(deps, account);
  const ok = await argonVerify(user?.password_hash ?? DUMMY_HASH, password);
  if (!user || !user.password_hash || !ok || user.status !== 'active') {
    const fresh = !throttle || Date.parse(throttle.window_started_at) < addMinutes(now, -WINDOW_MINUTES).getTime();
    const failures = fresh ? 1 : throttle.failures + 1;
    const lockedUntil = failures >= MAX_FAILURES ? iso(addMinutes(now, LOCK_MINUTES)) : null;
    await repo.upsertThrottle(deps.db, {
      key,
      failures: lockedUntil ? 0 : failures,
      window_started_at: fresh ? iso(now) : throttle.window_started_at,
      locked_until: lockedUntil,
    });
    if (lockedUntil) throw new AppError('account_locked', 429, { retryAfterSeconds: LOCK_MINUTES * 60 });
    throw new AppError('invalid_credentials', 401, { attemptsLeft: MAX_FAILURES - failures });
  }
  if (throttle) await repo.clearThrottle(deps.db, key);
  // The session and its audit entry are written together: no session exists without its login on record.
  return deps.db.transaction().execute(async (trx) => {
    const session = await openSession(deps, user.id, trx);
    await recordAudit(trx, { ...ctx, actor: { ...publicActor, userId: user.id } }, deps.clock, {
      action: 'auth.login',
      targetType: 'user',
      targetId: user.id,
      communityId: null,
      scopePath: await userScopePath(trx, user.id),
    });
    return session;
  });
}

/** Create a session row and return the cookie token (only its hash is stored). */
export async function openSession(deps: AppDeps, userId: string, db: Db = deps.db): Promise<LoginResult> {
  const now = deps.clock.now();
  const token = randomBytes(32).toString('base64url');
  const expiresAt = addMinutes(now, deps.config.sessionDays * 24 * 60);
  await repo.insertSession(db, {
    id: sessionIdOf(token),
    user_id: userId,
    csrf_token: randomBytes(24).toString('base64url'),
    on_behalf_of_user_id: null,
    on_behalf_reason: null,
    created_at: iso(now),
    expires_at: iso(expiresAt),
    last_seen_at: iso(now),
  });
  return { token, userId, expiresAt };
}

export async function logout(deps: AppDeps, ctx: RequestContext): Promise<void> {
  if (!ctx.actor.sessionId) return;
  await repo.deleteSession(deps.db, ctx.actor.sessionId);
  deps.sessions.forgetSession(ctx.actor.sessionId);
}

/** Resolve a cookie token to an actor, or null when the session is unknown, expired or the account disabled. */
export async function actorFromToken(deps: AppDeps, token: string): Promise<Actor | null> {
  const now = deps.clock.now();
  const id = sessionIdOf(token);
  const cached = deps.sessions.get(id, now.getTime());
  if (cached) return cached;
  const s = await repo.findLiveSession(deps.db, id, iso(now));
  if (!s || s.status !== 'active') return null;
  if (now.getTime() - Date.parse(s.last_seen_at) > TOUCH_EVERY_MS) {
    await repo.touchSession(deps.db, id, iso(now), iso(addMinutes(now, deps.config.sessionDays * 24 * 60)));
  }
  const roles = await users.rolesOfUsers(deps.db, [s.user_id]);
  const actor: Actor = {
    userId: s.user_id,
    displayName: s.display_name,
    username: s.username,
    phoneMasked: s.phone_cipher ? maskPhone(deps.vault.decrypt(s.phone_cipher)) : null,
    roles: roles.map((r) => ({
      id: r.id,
      role: r.role as Role,
      placeId: r.place_id,
      placeName: r.place_name,
      placeKind: r.place_kind,
      placePath: r.place_path,
      communityId: r.community_id,
    })),
    sessionId: id,
    csrfToken: s.csrf_token,
    elderMode: s.elder_mode === 1,
    locale: s.locale === 'en-US' ? 'en-US' : 'zh-CN',
    onBehalfOf:
      s.on_behalf_of_user_id && s.on_behalf_name
        ? { id: s.on_behalf_of_user_id, displayName: s.on_behalf_name, reason: s.on_behalf_reason ?? '' }
        : null,
  };
  deps.sessions.set(id, actor, now.getTime(), Date.parse(s.expires_at));
  return actor;
}

export async function changePassword(deps: AppDeps, ctx: RequestContext, current: string, next: string): Promise<void> {
  const userId = ctx.actor.userId!;
  const user = await users.findUserById(deps.db, userId);
  if (!user?.password_hash || !(await argonVerify(user.password_hash, current))) {
    throw new AppError('wrong_password', 400, { field: 'currentPassword' });
  }
  const passwordHash = await hashPassword(next);
  await deps.db.transaction().execute(async (trx) => {
    await users.updateUser(trx, userId, { password_hash: passwordHash, updated_at: iso(deps.clock.now()) });
    await repo.deleteOtherSessions(trx, userId, ctx.actor.sessionId);
    await recordAudit(trx, ctx, deps.clock, {
      action: 'auth.password_changed',
      targetType: 'user',
      targetId: userId,
      communityId: null,
      scopePath: await userScopePath(trx, userId),
    });
  });
  deps.sessions.forgetUser(userId);
}

/** A code a person can read aloud and type on an old phone: 8 characters, no 0/O or 1/I/L. */
export function generateClaimCode(): string {
  let s = '';
  for (let i = 0; i < 8; i++) s += CLAIM_ALPHABET[randomInt(CLAIM_ALPHABET.length)];
  return `${s.slice(0, 4)}-${s.slice(4)}`;
}
const claimIndex = (deps: AppDeps, code: string) =>
  deps.vault.blindIndex('claim', code.toUpperCase().replace(/[^0-9A-Z]/g, ''));

/** Issue a one-time code for an unclaimed account; earlier codes stop working. */
export async function issueClaimCode(deps: AppDeps, ctx: RequestContext, userId: string) {
  const now = deps.clock.now();
  const code = generateClaimCode();
  const expiresAt = new Date(now.getTime() + CLAIM_CODE_DAYS * 86_400_000);
  await deps.db.transaction().execute(async (trx) => {
    await repo.voidClaimCodes(trx, userId, iso(now));
    await repo.insertClaimCode(trx, {
      id: newId(),
      user_id: userId,
      code_index: claimIndex(deps, code),
      expires_at: iso(expiresAt),
      created_by: ctx.actor.userId,
      created_at: iso(now),
    });
    await recordAudit(trx, ctx, deps.clock, {
      action: 'user.claim_code_issued',
      targetType: 'user',
      targetId: userId,
      communityId: null,
      scopePath: await userScopePath(trx, userId),
    });
  });
  return { code, expiresAt };
}

/** A resident claims their account with the code, choosing a password (and optionally a username). */
export async function claimAccount(
  deps: AppDeps,
  ctx: RequestContext,
  input: { code: string; username?: string; phone?: string; password: string },
): Promise<LoginResult> {
  const now = deps.clock.now();
  const row = await repo.findUsableClaimCode(deps.db, claimIndex(deps, input.code), iso(now));
  if (!row) throw new AppError('claim_code_invalid', 400, { field: 'code' });
  const user = await users.findUserById(deps.db, row.user_id);
  if (!user) throw new AppError('claim_code_invalid', 400, { field: 'code' });
  if (user.status !== 'unclaimed') throw new AppError('account_already_claimed', 409);
  const username = input.username?.toLowerCase();
  if (username && username !== user.username && (await users.findUserByUsername(deps.db, username))) {
    throw new AppError('username_taken', 409, { field: 'username' });
  }
  const phoneIndex = input.phone ? deps.vault.blindIndex('phone', input.phone) : null;
  if (phoneIndex && phoneIndex !== user.phone_index && (await users.findUserByPhoneIndex(deps.db, phoneIndex))) {
    throw new AppError('phone_taken', 409, { field: 'phone' });
  }
  const passwordHash = await hashPassword(input.password);
  return deps.db.transaction().execute(async (trx) => {
    if (!(await repo.markClaimCodeUsed(trx, row.id, iso(now)))) throw new AppError('claim_code_invalid', 400);
    await users.updateUser(trx, user.id, {
      password_hash: passwordHash,
      status: 'active',
      updated_at: iso(now),
      ...(username ? { username } : {}),
      ...(input.phone ? { phone_cipher: deps.vault.encrypt(input.phone), phone_index: phoneIndex } : {}),
    });
    await recordAudit(trx, { ...ctx, actor: { ...publicActor, userId: user.id } }, deps.clock, {
      action: 'user.claimed',
      targetType: 'user',
      targetId: user.id,
      communityId: null,
      scopePath: await userScopePath(trx, user.id),
      after: { username: username ?? user.username, phone: input.phone ?? null },
    });
    return openSession(deps, user.id, trx);
  });
}

/** The scope path under which a user's audit entries are filed: their first role's place. */
export async function userScopePath(db: Db, userId: string): Promise<string | null> {
  const roles = await users.rolesOfUsers(db, [userId]);
  return roles[0]?.place_path ?? null;
}
