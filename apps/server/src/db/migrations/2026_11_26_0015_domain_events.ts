import type { Kysely } from 'kysely';

/**
 * Domain events: facts one module states for others to act on later (the covenant says "this household was
 * nominated as exemplary"; the recognition module awards points and honours). Written in the writer's
 * transaction, never changed; each consumer keeps its own cursor, so consuming is replayable and idempotent.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('domain_events')
    .addColumn('id', 'varchar(64)', (col) => col.primaryKey())
    /** Dotted, past tense: `covenant.exemplary_household_nominated`. */
    .addColumn('type', 'varchar(80)', (col) => col.notNull())
    .addColumn('community_id', 'varchar(64)', (col) => col.notNull().references('places.id'))
    .addColumn('subject_kind', 'varchar(32)', (col) => col.notNull())
    .addColumn('subject_id', 'varchar(64)', (col) => col.notNull())
    /** JSON; the event's schema is in packages/shared/src/schemas/events.ts. */
    .addColumn('payload', 'text', (col) => col.notNull())
    .addColumn('actor_user_id', 'varchar(64)')
    .addColumn('occurred_at', 'varchar(32)', (col) => col.notNull())
    .execute();
  // Ids are UUIDv7 (time-ordered), so "after this id" is the consumer's cursor.
  await db.schema.createIndex('domain_events_type_idx').on('domain_events').columns(['type', 'id']).execute();
  await db.schema
    .createTable('event_cursors')
    .addColumn('consumer', 'varchar(64)', (col) => col.primaryKey())
    .addColumn('last_event_id', 'varchar(64)', (col) => col.notNull())
    .addColumn('updated_at', 'varchar(32)', (col) => col.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('event_cursors').execute();
  await db.schema.dropTable('domain_events').execute();
}
