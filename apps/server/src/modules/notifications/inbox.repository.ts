import type { Db } from '../../db/database.js';

/** A person's in-app messages and their mail preference. Every query is keyed by the recipient. */

export interface InboxRow {
  id: string;
  event: string;
  subject: string;
  body: string;
  template: string | null;
  params_json: string | null;
  link: string | null;
  created_at: string;
  read_at: string | null;
}

const inboxColumns = ['id', 'event', 'subject', 'body', 'template', 'params_json', 'link', 'created_at', 'read_at'] as const;

function mine(db: Db, userId: string, unreadOnly: boolean) {
  let q = db.selectFrom('notifications').where('recipient_user_id', '=', userId).where('channel', '=', 'in_app');
  if (unreadOnly) q = q.where('read_at', 'is', null);
  return q;
}

/** One page of the user's messages, newest first. */
export function listInbox(db: Db, userId: string, q: { unread: boolean; limit: number; offset: number }): Promise<InboxRow[]> {
  return mine(db, userId, q.unread)
    .select(inboxColumns)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(q.limit)
    .offset(q.offset)
    .execute();
}

/** How many messages the user has (all, or unread only). */
export async function countInbox(db: Db, userId: string, unreadOnly: boolean): Promise<number> {
  const r = await mine(db, userId, unreadOnly).select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** One of the user's messages (undefined when it is someone else's or missing). */
export function findMine(db: Db, userId: string, id: string): Promise<InboxRow | undefined> {
  return mine(db, userId, false).select(inboxColumns).where('id', '=', id).executeTakeFirst();
}

/** Mark the user's unread messages read (one, or all); answers how many changed. */
export async function markRead(db: Db, userId: string, at: string, id?: string): Promise<number> {
  let q = db.updateTable('notifications').set({ read_at: at }).where('recipient_user_id', '=', userId).where('channel', '=', 'in_app').where('read_at', 'is', null);
  if (id) q = q.where('id', '=', id);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export function findPreferences(db: Db, userId: string) {
  return db.selectFrom('notification_preferences').selectAll().where('user_id', '=', userId).executeTakeFirst();
}

export async function savePreferences(db: Db, row: { user_id: string; email_cipher: string | null; email_enabled: number; updated_at: string }): Promise<void> {
  await db
    .insertInto('notification_preferences')
    .values(row)
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ email_cipher: row.email_cipher, email_enabled: row.email_enabled, updated_at: row.updated_at }))
    .execute();
}
