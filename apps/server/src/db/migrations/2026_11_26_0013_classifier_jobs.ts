import { sql, type Kysely } from 'kysely';

/**
 * Classifier retraining runs as a background job: the button queues a row, a server's job runner claims it,
 * trains in a worker thread and reports its phase here, and keeps `heartbeat_at` fresh while it works, so a job
 * whose server died is recognised (a stale heartbeat) and failed by any other server.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('classifier_jobs')
    .addColumn('id', 'varchar(64)', (col) => col.primaryKey())
    .addColumn('community_id', 'varchar(64)', (col) => col.notNull().references('places.id'))
    /** queued → running → done | failed */
    .addColumn('status', 'varchar(16)', (col) => col.notNull())
    /** While running: collecting → cross_validation (fold of folds) → final_training → saving. */
    .addColumn('phase', 'varchar(24)')
    .addColumn('fold', 'integer')
    .addColumn('folds', 'integer')
    .addColumn('example_count', 'integer')
    .addColumn('model_id', 'varchar(64)', (col) => col.references('classifier_models.id'))
    .addColumn('error_code', 'varchar(64)')
    .addColumn('error_details', 'text')
    .addColumn('created_by', 'varchar(64)')
    /** The HTTP request that queued the job, so the model's audit entry points back at it. */
    .addColumn('request_id', 'varchar(64)')
    .addColumn('created_at', 'varchar(32)', (col) => col.notNull())
    .addColumn('started_at', 'varchar(32)')
    .addColumn('heartbeat_at', 'varchar(32)')
    .addColumn('finished_at', 'varchar(32)')
    .addColumn('updated_at', 'varchar(32)', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('classifier_jobs_community_idx').on('classifier_jobs').columns(['community_id', 'created_at']).execute();
  await db.schema.createIndex('classifier_jobs_status_idx').on('classifier_jobs').columns(['status', 'created_at']).execute();
  // At most one unfinished job per community, held by the database itself: two clicks on two servers at the
  // same instant cannot both queue one.
  await db.schema
    .createIndex('classifier_jobs_open_idx')
    .on('classifier_jobs')
    .column('community_id')
    .unique()
    .where(sql<boolean>`status in ('queued', 'running')`)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('classifier_jobs').execute();
}
