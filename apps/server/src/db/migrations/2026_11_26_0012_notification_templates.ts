import type { Kysely } from 'kysely';

/**
 * Notifications are stored as a template key and its parameters, so each one is put into words in its reader's
 * language when it is read (in-app) or sent (mail). Both nullable: rows written before keep only their
 * subject and body, which stay the text shown for them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('notifications').addColumn('template', 'varchar(64)').execute();
  await db.schema.alterTable('notifications').addColumn('params_json', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('notifications').dropColumn('params_json').execute();
  await db.schema.alterTable('notifications').dropColumn('template').execute();
}
