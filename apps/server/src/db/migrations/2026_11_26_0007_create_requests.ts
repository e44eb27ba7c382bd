import { sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely';
import { bytewise } from './2026_11_26_0004_create_registers.js';

const isPostgres = (db: Kysely<unknown>): boolean => db.getExecutor().adapter.constructor.name.startsWith('Postgres');

/** Needs and requests (接诉即办): files, taxonomy, intake, lifecycle, classifier models, proactive cases. */
export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = isPostgres(db);
  const c = bytewise(db);
  const id = (col: ColumnDefinitionBuilder) => col.primaryKey();
  const community = (col: ColumnDefinitionBuilder) => col.notNull().references('places.id');

  /** Uploaded files (photos now, receipts later) live in the database so app servers stay stateless. */
  await db.schema
    .createTable('files')
    .addColumn('id', 'varchar(64)', id)
    .addColumn('community_id', 'varchar(64)', (col) => col.references('places.id'))
    /** Unattached uploads (owner_kind null) older than a day are purged. */
    .addColumn('owner_kind', 'varchar(32)')
    .addColumn('owner_id', 'varchar(64)')
    .addColumn('file_name', 'varchar(200)', (col) => col.notNull())
    .addColumn('mime', 'varchar(100)', (col) => col.notNull())
    .addColumn('size', 'integer', (col) => col.notNull())
    .addColumn('sha256', 'varchar(64)', (col) => col.notNull())
    .addColumn('content', pg ? sql`bytea` : 'blob', (col) => col.notNull())
    .addColumn('created_by', 'varchar(64)')
    .addColumn('created_at', 'varchar(32)', (col) => col.notNull())
    .addColumn('attached_at', 'varchar(32)')
    .execute();
  await db.schema.createIndex('files_owner_idx').on('files').columns(['owner_kind', 'owner_id']).execute();
  await db.schema.createIndex('files_created_idx').on('files').column('created_at').execute();

  /** A community's taxonomy; `code` is stable (training labels, Open311 service_code), names are editable. */
  await db.schema
    .createTable('request_categories')
    .addColumn('id', 'varchar(64)', id)
    .addColumn('community_id', 'varchar(64)', community)
    .addColumn('code', 'varchar(64)', (col) => col.notNull())
    .addColumn('name_zh', 'varchar(60)', (col) => col.notNull())
    .addColumn('name_en', 'varchar(80)', (col) => col.notNull())
    .addColumn('description', 'varchar(500)')
    .addColumn('urgency', 'varchar(16)', (col) => col.notNull())
    .addColumn('sort_order', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('retired_at', 'varchar(32)')
    .addColumn('created_at', 'varchar(32)', (col) => col.notNull())
    .addColumn('updated_at', 'varchar(32)', (col) => col.notNull())
    .addUniqueConstraint('request_categories_code_uq', ['community_id', 'code'])
    .execute();

  /** Who handles a category at a place (null place: the whole community); the most specific rule wins. */
  await db.schema
    .createTable('routing_rules')
    .addColumn('id', 'varchar(64)', id)
    .addColumn('community_id', 'varchar(64)', community)
    .addColumn('category_id', 'varchar(64)', (col) => col.notNull().references('request_categories.id'))
    .addColumn('place_id', 'varchar(64)', (col) => col.references('places.id'))
    .addColumn('place_path', 'varchar(1000)', (col) => c(col))
    .addColumn('assignee_kind', 'varchar(16)', (col) => col.notNull())
    .addColumn('user_id', 'varchar(64)', (col) => col.references('users.id'))
    .addColumn('organisation_id', 'varchar(64)', (col) => col.references('organisations.id'))
    .addColumn('created_by', 'varchar(64)', (col) => col.notNull())
    .addColumn('created_at', 'varchar(32)', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('routing_rules_category_idx').on('routing_rules').columns(['community_id', 'category_id']).execute();

  /** Deadlines and escalation per community, as JSON validated by the shared schema; absent means defaults. */
  await db.schema
    .createTable('request_settings')
    .addColumn('community_id', 'varchar(64)', (col) => col.primaryKey().references('places.id'))
    .addColumn('settings_json', 'text', (col) => col.notNull())
    .addColumn('updated_by', 'varchar(64)', (col) => col.notNull())
    .addColumn('updated_at', 'varchar(32)', (col) => col.notNull())
    .execute();

  /** Readable numbers GZ-2026-000123: one counter row per year, bumped inside the intake transaction. */
  await db.schema
    .createTable('request_counters')
    .addColumn('key', 'varchar(16)', (col) => col.primaryKey())
    .addColumn('last', 'integer', (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('requests')
    .addColumn('id', 'varchar(64)', id)
    .addColumn('number', 'varchar(24)', (col) => col.notNull().unique())
    .addColumn('community_id', 'varchar(64)', community)
    .addColumn('place_id', 'varchar(64)', (col) => col.references('places.id'))
    /** Copied from the place (or the community) so scope checks are one range comparison. */
    .addColumn('place_path', 'varchar(1000)', (col) => c(col.notNull()))
    .addColumn('grid_id', 'varchar(64)')
    .addColumn('household_id', 'varchar(64)')
    .addColumn('resident_id', 'varchar(64)')
    /** The resident's own account when they submitted it themselves. */
    .addColumn('submitted_by', 'varchar(64)')
    /** The staff member who entered it on someone's behalf. */
    .addColumn('entered_by', 'varchar(64)')
    .addColumn('contact_name', 'varchar(60)')
    .addColumn('phone_cipher', 'varchar(200)')
    .addColumn('phone_index', 'varchar(64)')
    .addColumn('phone_tail', 'varchar(4)')
    .addColumn('kind', 'varchar(16)', (col) => col.notNull())
    .addColumn('channel', 'varchar(16)', (col) => col.notNull())
    .addColumn('urgency', 'varchar(16)', (col) => col.notNull())
    .addColumn('title', 'varchar(120)', (col) => col.notNull())
    .addColumn('text', 'varchar(4000)', (col) => col.notNull())
    /** jieba tokens, space separated: full-text search and similarity work on these on both dialects. */
    .addColumn('tokens', 'text', (col) => col.notNull())
    .addColumn('anonymous', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('address_text', 'varchar(200)')
    .addColumn('lat', 'real')
    .addColumn('lng', 'real')
    .addColumn('category_id', 'varchar(64)', (col) => col.references('request_categories.id'))
    .addColumn('category_confidence', 'real')
    /** model | staff | resident | open311: staff-set categories are the training labels. */
    .addColumn('category_source', 'varchar(16)')
    .addColumn('model_id', 'varchar(64)')
    .addColumn('status', 'varchar(16)', (col) => col.notNull())
    .addColumn('merged_into_id', 'varchar(64)')
    .addColumn('self_resolved', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('dispatch_due_at', 'varchar(32)', (col) => col.notNull())
    .addColumn('reply_due_at', 'varchar(32)', (col) => col.notNull())
    .addColumn('dispatched_at', 'varchar(32)')
    /** The first time a handler took it on (accept or self-resolve): the response rate counts this. */
    .addColumn('responded_at', 'varchar(32)')
    .addColumn('replied_at', 'varchar(32)')
    .addColumn('rated_at', 'varchar(32)')
    .addColumn('closed_at', 'varchar(32)')
    .addColumn('reply_text', 'varchar(4000)')
    .addColumn('rating', 'varchar(24)')
    .addColumn('resolved', 'integer')
    .addColumn('rating_comment', 'varchar(1000)')
    .addColumn('objection_count', 'integer', (col) => col.notNull().defaultTo(0))
    /** 0 none, 1 the community admins were told, 2 the subdistrict was told. */
    .addColumn('escalation_level', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('reminded_at', 'varchar(32)')
    .addColumn('open311_client_id', 'varchar(64)')
    .addColumn('created_at', 'varchar(32)', (col) => col.notNull())
    .addColumn('updated_at', 'varchar(32)', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('requests_community_created_idx').on('requests').columns(['community_id', 'created_at']).execute();
  await db.schema.createIndex('requests_community_status_idx').on('requests').columns(['community_id', 'status', 'created_at']).execute();
  await db.schema.createIndex('requests_path_idx').on('requests').columns(['place_path', 'created_at']).execute();
  await db.schema.createIndex('requests_due_idx').on('requests').columns(['status', 'reply_due_at']).execute();
  await db.schema.createIndex('requests_category_idx').on('requests').columns(['category_id', 'created_at']).execute();
  await db.schema.createIndex('requests_submitted_idx').on('requests').columns(['submitted_by', 'created_at']).execute();
  await db.schema.createIndex('requests_resident_idx').on('requests').column('resident_id').execute();
  await db.schema.createIndex('requests_merged_idx').on('requests').column('merged_into_id').execute();
  if (pg) {
    await sql`create index requests_tokens_fts_idx on requests using gin (to_tsvector('simple', tokens))`.execute(db);
  } else {
    // A separate FTS5 table keyed by request id, written in the same transaction as the request.
    await sql`create virtual table requests_fts using fts5(request_id unindexed, tokens, tokenize = 'unicode61')`.execute(db);
  }

  await db.schema
    .createTable('request_assignments')
    .addColumn('id', 'varchar(64)', id)
    .addColumn('request_id', 'varchar(64)', (col) => col.notNull().references('requests.id'))
    .addColumn('community_id', 'varchar(64)', community)
    /** user (staff or grid worker) | organisation (property company, stationed unit, social organisation) */
    .addColumn('assignee_kind', 'varchar(16)', (col) => col.notNull())
    .addColumn('user_id', 'varchar(64)', (col) => col.references('users.id'))
    .addColumn('organisation_id', 'varchar(64)', (col) => col.references('organisations.id'))
    .addColumn('is_lead', 'integer', (col) => col.notNull().defaultTo(0))
    /** active | returned | removed | done */
    .addColumn('status', 'varchar(16)', (col) => col.notNull())
    .addColumn('assigned_by', 'varchar(64)', (col) => col.notNull())
    .addColumn('assigned_at', 'varchar(32)', (col) => col.notNull())
    .addColumn('accepted_at', 'varchar(32)')
    .addColumn('finished_at', 'varchar(32)')
    .addColumn('note', 'varchar(500)')
    .execute();
  await db.schema.createIndex('request_assignments_request_idx').on('request_assignments').column('request_id').execute();
  await db.schema.createIndex('request_assignments_user_idx').on('request_assignments').columns(['user_id', 'status']).execute();
  await db.schema.createIndex('request_assignments_org_idx').on('request_assignments').columns(['organisation_id', 'status']).execute();

  /** The timeline: every step timestamped and attributed; `public` steps are shown to the resident. */
  await db.schema
    .createTable('request_steps')
    .addColumn('id', 'varchar(64)', id)
    .addColumn('request_id', 'varchar(64)', (col) => col.notNull().references('requests.id'))
    .addColumn('action', 'varchar(24)', (col) => col.notNull())
    .addColumn('from_status', 'varchar(16)')
    .addColumn('to_status', 'varchar(16)')
    .addColumn('actor_user_id', 'varchar(64)')
    .addColumn('actor_name', 'varchar(60)', (col) => col.notNull())
    .addColumn('on_behalf_of', 'varchar(64)')
    .addColumn('message', 'varchar(4000)')
    .addColumn('data_json', 'text')
    .addColumn('public', 'integer', (col) => col.notNull().defaultTo(1))
    .addColumn('created_at', 'varchar(32)', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('request_steps_request_idx').on('request_steps').columns(['request_id', 'created_at']).execute();

  /** Callback tasks for requests taken by phone or on a visit: staff call back and record the rating. */
  await db.schema
    .createTable('request_callbacks')
    .addColumn('id', 'varchar(64)', id)
    .addColumn('request_id', 'varchar(64)', (col) => col.notNull().references('requests.id'))
    .addColumn('community_id', 'varchar(64)', community)
    .addColumn('assigned_user_id', 'varchar(64)', (col) => col.references('users.id'))
    /** open | done | unreachable */
    .addColumn('status', 'varchar(16)', (col) => col.notNull())
    .addColumn('due_at', 'varchar(32)', (col) => col.notNull())
    .addColumn('note', 'varchar(1000)')
    .addColumn('done_by', 'varchar(64)')
    .addColumn('done_at', 'varchar(32)')
    .addColumn('created_at', 'varchar(32)', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('request_callbacks_community_idx').on('request_callbacks').columns(['community_id', 'status', 'due_at']).execute();
  await db.schema.createIndex('request_callbacks_request_idx').on('request_callbacks').column('request_id').execute();

  /** Trained classifiers per community; one is active. The model is the classifier's serialised JSON. */
  await db.schema
    .createTable('classifier_models')
    .addColumn('id', 'varchar(64)', id)
    .addColumn('community_id', 'varchar(64)', community)
    .addColumn('example_count', 'integer', (col) => col.notNull())
    .addColumn('labels_json', 'text', (col) => col.notNull())
    .addColumn('metrics_json', 'text')
    .addColumn('model', 'text', (col) => col.notNull())
    .addColumn('active', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('created_by', 'varchar(64)')
    .addColumn('created_at', 'varchar(32)', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('classifier_models_community_idx').on('classifier_models').columns(['community_id', 'active']).execute();

  /** Proactive cases (未诉先办): a hotspot acted on before more residents complain, linked to its requests. */
  await db.schema
    .createTable('proactive_cases')
    .addColumn('id', 'varchar(64)', id)
    .addColumn('community_id', 'varchar(64)', community)
    .addColumn('title', 'varchar(120)', (col) => col.notNull())
    .addColumn('category_id', 'varchar(64)', (col) => col.references('request_categories.id'))
    .addColumn('place_id', 'varchar(64)', (col) => col.references('places.id'))
    .addColumn('place_path', 'varchar(1000)', (col) => c(col.notNull()))
    /** open | done | dismissed */
    .addColumn('status', 'varchar(16)', (col) => col.notNull())
    .addColumn('owner_user_id', 'varchar(64)', (col) => col.references('users.id'))
    .addColumn('plan', 'varchar(2000)')
    .addColumn('outcome', 'varchar(2000)')
    .addColumn('created_by', 'varchar(64)', (col) => col.notNull())
    .addColumn('created_at', 'varchar(32)', (col) => col.notNull())
    .addColumn('updated_at', 'varchar(32)', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('proactive_cases_community_idx').on('proactive_cases').columns(['community_id', 'status']).execute();
  await db.schema
    .createTable('proactive_case_requests')
    .addColumn('case_id', 'varchar(64)', (col) => col.notNull().references('proactive_cases.id'))
    .addColumn('request_id', 'varchar(64)', (col) => col.notNull().references('requests.id'))
    .addPrimaryKeyConstraint('proactive_case_requests_pk', ['case_id', 'request_id'])
    .execute();

}

export async function down(db: Kysely<unknown>): Promise<void> {
  const tables = [
    'proactive_case_requests', 'proactive_cases', 'classifier_models', 'request_callbacks', 'request_steps', 'request_assignments',
  ];
  for (const t of tables) await db.schema.dropTable(t).execute();
  if (!isPostgres(db)) await sql`drop table requests_fts`.execute(db);
  for (const t of ['requests', 'request_counters', 'request_settings', 'routing_rules', 'request_categories', 'files']) {
    await db.schema.dropTable(t).execute();
  }
}
