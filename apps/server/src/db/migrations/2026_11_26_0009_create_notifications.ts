import type { Kysely } from 'kysely';

/** The notification outbox, its destinations and preferences, and Open311 integrations. */
export async function up(db: Kysely<unknown>): Promise<void> {
  /** Group robots, webhooks and mail destinations a community sends staff alerts to. */
  await db.schema
    .createTable('notification_endpoints')
    .addColumn('id', 'varchar(64)', (col) => col.primaryKey())
    .addColumn('community_id', 'varchar(64)', (col) => col.notNull().references('places.id'))
    /** email | webhook | wecom | dingtalk */
    .addColumn('kind', 'varchar(16)', (col) => col.notNull())
    .addColumn('name', 'varchar(60)', (col) => col.notNull())
    /** The URL or mail address, encrypted: robot URLs carry their access token. */
    .addColumn('target_cipher', 'varchar(2000)', (col) => col.notNull())
    .addColumn('secret_cipher', 'varchar(500)')
    .addColumn('events_json', 'text', (col) => col.notNull())
    .addColumn('active', 'integer', (col) => col.notNull().defaultTo(1))
    .addColumn('created_by', 'varchar(64)', (col) => col.notNull())
    .addColumn('created_at', 'varchar(32)', (col) => col.notNull())
    .addColumn('updated_at', 'varchar(32)', (col) => col.notNull())
    .execute();
  /** The outbox: written in the same transaction as the change it reports, delivered afterwards with retries. */
  await db.schema
    .createTable('notifications')
    .addColumn('id', 'varchar(64)', (col) => col.primaryKey())
    .addColumn('community_id', 'varchar(64)', (col) => col.references('places.id'))
    .addColumn('recipient_user_id', 'varchar(64)', (col) => col.references('users.id'))
    .addColumn('endpoint_id', 'varchar(64)', (col) => col.references('notification_endpoints.id'))
    /** in_app | email | webhook | wecom | dingtalk */
    .addColumn('channel', 'varchar(16)', (col) => col.notNull())
    .addColumn('event', 'varchar(32)', (col) => col.notNull())
    .addColumn('subject', 'varchar(200)', (col) => col.notNull())
    .addColumn('body', 'varchar(2000)', (col) => col.notNull())
    .addColumn('link', 'varchar(500)')
    /** One message per change: a repeat of the same key is ignored. */
    .addColumn('dedupe_key', 'varchar(200)', (col) => col.notNull().unique())
    /** pending | sent | failed (will retry) | dead (gave up) */
    .addColumn('status', 'varchar(16)', (col) => col.notNull())
    .addColumn('attempts', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'varchar(32)')
    .addColumn('last_error', 'varchar(500)')
    .addColumn('created_at', 'varchar(32)', (col) => col.notNull())
    .addColumn('sent_at', 'varchar(32)')
    .addColumn('read_at', 'varchar(32)')
    .execute();
  await db.schema.createIndex('notifications_recipient_idx').on('notifications').columns(['recipient_user_id', 'created_at']).execute();
  await db.schema.createIndex('notifications_pending_idx').on('notifications').columns(['status', 'next_attempt_at']).execute();
  /** A person's one channel: in-app always, plus mail when they gave an address. */
  await db.schema
    .createTable('notification_preferences')
    .addColumn('user_id', 'varchar(64)', (col) => col.primaryKey().references('users.id'))
    .addColumn('email_cipher', 'varchar(500)')
    .addColumn('email_enabled', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('updated_at', 'varchar(32)', (col) => col.notNull())
    .execute();

  /** Open311 integrations: each has its own API key, stored as a SHA-256 hash. */
  await db.schema
    .createTable('open311_clients')
    .addColumn('id', 'varchar(64)', (col) => col.primaryKey())
    .addColumn('community_id', 'varchar(64)', (col) => col.notNull().references('places.id'))
    .addColumn('name', 'varchar(60)', (col) => col.notNull())
    .addColumn('key_hash', 'varchar(64)', (col) => col.notNull().unique())
    .addColumn('key_prefix', 'varchar(12)', (col) => col.notNull())
    .addColumn('created_by', 'varchar(64)', (col) => col.notNull())
    .addColumn('created_at', 'varchar(32)', (col) => col.notNull())
    .addColumn('last_used_at', 'varchar(32)')
    .addColumn('revoked_at', 'varchar(32)')
    .execute();
}


export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['open311_clients', 'notification_preferences', 'notifications', 'notification_endpoints']) {
    await db.schema.dropTable(t).execute();
  }
}
