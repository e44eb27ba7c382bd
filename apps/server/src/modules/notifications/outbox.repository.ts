import type { Insertable } from 'kysely';
import type { Db, NotificationsTable } from '../../db/database.js';

/** Outbox writes: the only Kysely for enqueueing. Every insert ignores a repeated dedupe key. */

/** Insert outbox rows; a row whose dedupe key already exists is silently skipped (both dialects). */
export async function insertOutboxRows(db: Db, rows: Insertable<NotificationsTable>[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('notifications')
    .values(rows)
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .execute();
}

/** Whether the user wants mail too (an address on file and mail switched on). */
export async function wantsEmail(db: Db, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('notification_preferences')
    .select('user_id')
    .where('user_id', '=', userId)
    .where('email_enabled', '=', 1)
    .where('email_cipher', 'is not', null)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Active accounts holding one of `roles` at one of the places `paths` (the ancestors of a request's place),
 * each once, with whether they want mail.
 */
export async function roleHolders(db: Db, paths: string[], roles: readonly string[]): Promise<{ userId: string; email: boolean }[]> {
  if (paths.length === 0 || roles.length === 0) return [];
  const rows = await db
    .selectFrom('role_assignments as ra')
    .innerJoin('places as p', 'p.id', 'ra.place_id')
    .innerJoin('users as u', 'u.id', 'ra.user_id')
    .leftJoin('notification_preferences as np', 'np.user_id', 'u.id')
    .select(['u.id as userId', 'np.email_enabled as emailEnabled', 'np.email_cipher as emailCipher'])
    .where('p.path', 'in', paths)
    .where('ra.role', 'in', [...roles])
    .where('u.status', '=', 'active')
    .distinct()
    .execute();
  const byUser = new Map<string, boolean>();
  for (const r of rows) byUser.set(r.userId, (byUser.get(r.userId) ?? false) || (r.emailEnabled === 1 && r.emailCipher !== null));
  return [...byUser].map(([userId, email]) => ({ userId, email }));
}

/** Active endpoints of the community; the caller filters by subscribed event (a JSON list in the row). */
export async function activeEndpoints(db: Db, communityId: string): Promise<{ id: string; kind: string; eventsJson: string }[]> {
  return db
    .selectFrom('notification_endpoints')
    .select(['id', 'kind', 'events_json as eventsJson'])
    .where('community_id', '=', communityId)
    .where('active', '=', 1)
    .execute();
}
