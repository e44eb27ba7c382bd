import type { Db } from '../../db/database.js';

/** Delivery's reads and writes on the outbox. */

export interface DueRow {
  id: string;
  channel: string;
  event: string;
  subject: string;
  body: string;
  template: string | null;
  params_json: string | null;
  link: string | null;
  created_at: string;
  recipient_user_id: string | null;
  /** The recipient's saved language (null for endpoint rows: a group has no single reader). */
  recipient_locale: string | null;
  endpoint_id: string | null;
  attempts: number;
  next_attempt_at: string | null;
}

const WAITING = ['pending', 'failed'];

/** Rows waiting to go whose time has come, oldest due first. In-app rows are never here (sent on insert). */
export function dueRows(db: Db, now: string, limit: number): Promise<DueRow[]> {
  return db
    .selectFrom('notifications as n')
    .leftJoin('users as u', 'u.id', 'n.recipient_user_id')
    .select([
      'n.id', 'n.channel', 'n.event', 'n.subject', 'n.body', 'n.template', 'n.params_json', 'n.link', 'n.created_at',
      'n.recipient_user_id', 'u.locale as recipient_locale', 'n.endpoint_id', 'n.attempts', 'n.next_attempt_at',
    ])
    .where('n.status', 'in', WAITING)
    .where('n.next_attempt_at', '<=', now)
    .where('n.channel', '!=', 'in_app')
    .orderBy('n.next_attempt_at')
    .limit(limit)
    .execute();
}

/**
 * Take a row for this process: move its next attempt to `leaseUntil` and count the attempt, only if nobody
 * else did since we read it. Another app server racing for the same row updates nothing and skips it; a
 * process that dies while sending leaves the row to be retried when the lease runs out.
 */
export async function claimRow(db: Db, row: DueRow, leaseUntil: string): Promise<boolean> {
  const r = await db
    .updateTable('notifications')
    .set({ next_attempt_at: leaseUntil, attempts: row.attempts + 1 })
    .where('id', '=', row.id)
    .where('status', 'in', WAITING)
    .where('attempts', '=', row.attempts)
    .where('next_attempt_at', '=', row.next_attempt_at)
    .executeTakeFirst();
  return r.numUpdatedRows === 1n;
}

/** Record the outcome of an attempt. */
export async function finishAttempt(
  db: Db,
  id: string,
  outcome: { status: 'sent'; sentAt: string } | { status: 'failed' | 'dead'; nextAttemptAt: string | null; lastError: string },
): Promise<void> {
  await db
    .updateTable('notifications')
    .set(
      outcome.status === 'sent'
        ? { status: 'sent', sent_at: outcome.sentAt, next_attempt_at: null, last_error: null }
        : { status: outcome.status, next_attempt_at: outcome.nextAttemptAt, last_error: outcome.lastError },
    )
    .where('id', '=', id)
    .execute();
}

/** An endpoint's sealed destination, for delivery. */
export function endpointSecrets(db: Db, id: string) {
  return db
    .selectFrom('notification_endpoints')
    .select(['kind', 'target_cipher', 'secret_cipher', 'active'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** A person's sealed mail address, when they switched mail on. */
export async function emailCipherOf(db: Db, userId: string): Promise<string | null> {
  const row = await db
    .selectFrom('notification_preferences')
    .select('email_cipher')
    .where('user_id', '=', userId)
    .where('email_enabled', '=', 1)
    .executeTakeFirst();
  return row?.email_cipher ?? null;
}
