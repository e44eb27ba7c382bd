import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('places')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('parent_id', 'varchar(64)', (c) => c.references('places.id'))
    .addColumn('community_id', 'varchar(64)')
    .addColumn('path', 'varchar(1000)', (c) => c.notNull())
    .addColumn('retired_at', 'varchar(32)')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('places_parent_idx').on('places').column('parent_id').execute();
  await db.schema.createIndex('places_path_idx').on('places').column('path').execute();
  await db.schema.createIndex('places_community_kind_idx').on('places').columns(['community_id', 'kind']).execute();

  await db.schema
    .createTable('place_history')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('place_id', 'varchar(64)', (c) => c.notNull().references('places.id'))
    .addColumn('change', 'varchar(16)', (c) => c.notNull())
    .addColumn('from_value', 'varchar(1000)')
    .addColumn('to_value', 'varchar(1000)')
    .addColumn('actor_user_id', 'varchar(64)')
    .addColumn('at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('place_history_place_idx').on('place_history').columns(['place_id', 'at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('place_history').execute();
  await db.schema.dropTable('places').execute();
}
