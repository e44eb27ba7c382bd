import type { Db, SessionRow } from '../../db/database.js';

export async function insertSession(db: Db, row: SessionRow): Promise<void> {
  await db.insertInto('sessions').values(row).execute();
}

/** A live session with its user, in one query: this runs on every authenticated request. */
export function findLiveSession(db: Db, id: string, nowIso: string) {
  return db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .leftJoin('users as o', 'o.id', 's.on_behalf_of_user_id')
    .select([
      's.id',
      's.user_id',
      's.csrf_token',
      's.expires_at',
      's.last_seen_at',
      's.on_behalf_of_user_id',
      's.on_behalf_reason',
      'u.display_name',
      'u.username',
      'u.phone_cipher',
      'u.status',
      'u.elder_mode',
      'u.locale',
      'o.display_name as on_behalf_name',
    ])
    .where('s.id', '=', id)
    .where('s.expires_at', '>', nowIso)
    .executeTakeFirst();
}

export async function touchSession(db: Db, id: string, nowIso: string, expiresAt: string): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: nowIso, expires_at: expiresAt }).where('id', '=', id).execute();
}

export async function deleteSession(db: Db, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

/** End every session of a user except one (after a password change, the others must log in again). */
export async function deleteOtherSessions(db: Db, userId: string, keepId: string | null): Promise<void> {
  let q = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (keepId) q = q.where('id', '!=', keepId);
  await q.execute();
}

export async function deleteExpiredSessions(db: Db, nowIso: string): Promise<number> {
  const r = await db.deleteFrom('sessions').where('expires_at', '<=', nowIso).executeTakeFirst();
  return Number(r.numDeletedRows);
}

export async function setOnBehalf(db: Db, sessionId: string, userId: string | null, reason: string | null): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ on_behalf_of_user_id: userId, on_behalf_reason: reason })
    .where('id', '=', sessionId)
    .execute();
}

export function findThrottle(db: Db, key: string) {
  return db.selectFrom('login_throttle').selectAll().where('key', '=', key).executeTakeFirst();
}

export async function upsertThrottle(
  db: Db,
  row: { key: string; failures: number; window_started_at: string; locked_until: string | null },
): Promise<void> {
  await db
    .insertInto('login_throttle')
    .values(row)
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        failures: row.failures,
        window_started_at: row.window_started_at,
        locked_until: row.locked_until,
      }),
    )
    .execute();
}

export async function clearThrottle(db: Db, key: string): Promise<void> {
  await db.deleteFrom('login_throttle').where('key', '=', key).execute();
}

export async function insertClaimCode(
  db: Db,
  row: { id: string; user_id: string; code_index: string; expires_at: string; created_by: string | null; created_at: string },
): Promise<void> {
  await db.insertInto('claim_codes').values({ ...row, used_at: null }).execute();
}

/** Issuing a new code voids the old ones, so a lost slip stops working. */
export async function voidClaimCodes(db: Db, userId: string, nowIso: string): Promise<void> {
  await db.updateTable('claim_codes').set({ used_at: nowIso }).where('user_id', '=', userId).where('used_at', 'is', null).execute();
}

export function findUsableClaimCode(db: Db, codeIndex: string, nowIso: string) {
  return db
    .selectFrom('claim_codes')
    .selectAll()
    .where('code_index', '=', codeIndex)
    .where('used_at', 'is', null)
    .where('expires_at', '>', nowIso)
    .executeTakeFirst();
}

export async function markClaimCodeUsed(db: Db, id: string, nowIso: string): Promise<boolean> {
  const r = await db
    .updateTable('claim_codes')
    .set({ used_at: nowIso })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
