import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('import_jobs')
    .addColumn('id', 'varchar(64)', (col) => col.primaryKey())
    .addColumn('community_id', 'varchar(64)', (col) => col.notNull().references('places.id'))
    .addColumn('kind', 'varchar(24)', (col) => col.notNull())
    /** validated → importing → done | failed; `interrupted` when the server stopped mid-import. */
    .addColumn('status', 'varchar(16)', (col) => col.notNull())
    .addColumn('file_name', 'varchar(200)', (col) => col.notNull())
    .addColumn('total_rows', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('processed_rows', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('created_rows', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('updated_rows', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('unchanged_rows', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('error_rows', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('errors_json', 'text')
    .addColumn('created_by', 'varchar(64)', (col) => col.notNull())
    .addColumn('created_at', 'varchar(32)', (col) => col.notNull())
    .addColumn('updated_at', 'varchar(32)', (col) => col.notNull())
    .addColumn('finished_at', 'varchar(32)')
    .execute();
  await db.schema.createIndex('import_jobs_community_idx').on('import_jobs').columns(['community_id', 'created_at']).execute();

  /** One row, the fingerprint of the personal-data key the data is encrypted with (see key rotation). */
  await db.schema
    .createTable('key_state')
    .addColumn('id', 'integer', (col) => col.primaryKey())
    .addColumn('fingerprint', 'varchar(64)', (col) => col.notNull())
    .addColumn('rotated_at', 'varchar(32)')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('key_state').execute();
  await db.schema.dropTable('import_jobs').execute();
}
