import type { Kysely } from 'kysely';
import { bytewise } from './2026_11_26_0004_create_registers.js';

/**
 * Deliberation topics (议题): the topic, the requests it gathers, comments with a side and questions, the tasks a
 * decision becomes, and the trail of every step. A meeting that decided it is referred to by id only
 * (deliberation_meetings lives in 0016, written alongside), so there is no foreign key to it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const c = bytewise(db);
  await db.schema
    .createTable('topics')
    .addColumn('id', 'varchar(64)', (col) => col.primaryKey())
    .addColumn('community_id', 'varchar(64)', (col) => col.notNull().references('places.id'))
    /** The community's path, for scoped lists by byte range. */
    .addColumn('community_path', 'varchar(1000)', (col) => c(col.notNull()))
    .addColumn('place_id', 'varchar(64)', (col) => col.references('places.id'))
    .addColumn('title', 'varchar(120)', (col) => col.notNull())
    .addColumn('description', 'varchar(4000)', (col) => col.notNull())
    .addColumn('status', 'varchar(16)', (col) => col.notNull())
    .addColumn('phase', 'varchar(16)', (col) => col.notNull())
    /** JSON: per phase, per action, the participant groups (schemas/participation.ts). */
    .addColumn('permissions', 'text', (col) => col.notNull())
    .addColumn('proposer_user_id', 'varchar(64)', (col) => col.notNull().references('users.id'))
    .addColumn('proposer_name', 'varchar(100)', (col) => col.notNull())
    /** resident | organisation | staff: in whose name it was proposed. */
    .addColumn('proposer_kind', 'varchar(16)', (col) => col.notNull())
    .addColumn('proposer_organisation_id', 'varchar(64)', (col) => col.references('organisations.id'))
    .addColumn('consultation_ends_at', 'varchar(32)')
    .addColumn('decline_reason', 'varchar(1000)')
    .addColumn('decision_result', 'varchar(16)')
    .addColumn('decision_text', 'varchar(4000)')
    .addColumn('decision_meeting_id', 'varchar(64)')
    .addColumn('decision_motion_id', 'varchar(64)')
    .addColumn('decision_meeting_ref', 'varchar(200)')
    .addColumn('decision_for', 'integer')
    .addColumn('decision_against', 'integer')
    .addColumn('decision_abstain', 'integer')
    .addColumn('decision_present', 'integer')
    .addColumn('decided_at', 'varchar(32)')
    .addColumn('report_back', 'varchar(8000)')
    .addColumn('report_back_published_at', 'varchar(32)')
    .addColumn('created_at', 'varchar(32)', (col) => col.notNull())
    .addColumn('updated_at', 'varchar(32)', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('topics_path_idx').on('topics').columns(['community_path', 'created_at']).execute();
  await db.schema.createIndex('topics_community_status_idx').on('topics').columns(['community_id', 'status']).execute();
  await db.schema.createIndex('topics_proposer_idx').on('topics').column('proposer_user_id').execute();

  await db.schema
    .createTable('topic_requests')
    .addColumn('topic_id', 'varchar(64)', (col) => col.notNull().references('topics.id'))
    .addColumn('request_id', 'varchar(64)', (col) => col.notNull().references('requests.id'))
    .addPrimaryKeyConstraint('topic_requests_pk', ['topic_id', 'request_id'])
    .execute();
  await db.schema.createIndex('topic_requests_request_idx').on('topic_requests').column('request_id').execute();

  await db.schema
    .createTable('topic_comments')
    .addColumn('id', 'varchar(64)', (col) => col.primaryKey())
    .addColumn('topic_id', 'varchar(64)', (col) => col.notNull().references('topics.id'))
    .addColumn('phase', 'varchar(16)', (col) => col.notNull())
    /** opinion (with a side) | question */
    .addColumn('kind', 'varchar(16)', (col) => col.notNull())
    .addColumn('side', 'varchar(16)')
    .addColumn('author_user_id', 'varchar(64)', (col) => col.notNull().references('users.id'))
    .addColumn('author_name', 'varchar(100)', (col) => col.notNull())
    .addColumn('text', 'varchar(2000)', (col) => col.notNull())
    .addColumn('answer', 'varchar(2000)')
    .addColumn('answered_by', 'varchar(64)', (col) => col.references('users.id'))
    .addColumn('answered_at', 'varchar(32)')
    .addColumn('created_at', 'varchar(32)', (col) => col.notNull())
    .execute();
  // Ids are time-ordered: (topic_id, id) pages a topic's comments; (topic_id, kind, side) counts them.
  await db.schema.createIndex('topic_comments_topic_idx').on('topic_comments').columns(['topic_id', 'id']).execute();
  await db.schema.createIndex('topic_comments_side_idx').on('topic_comments').columns(['topic_id', 'kind', 'side']).execute();

  await db.schema
    .createTable('topic_tasks')
    .addColumn('id', 'varchar(64)', (col) => col.primaryKey())
    .addColumn('topic_id', 'varchar(64)', (col) => col.notNull().references('topics.id'))
    .addColumn('title', 'varchar(200)', (col) => col.notNull())
    /** user | organisation | person */
    .addColumn('owner_kind', 'varchar(16)', (col) => col.notNull())
    .addColumn('owner_user_id', 'varchar(64)', (col) => col.references('users.id'))
    .addColumn('owner_organisation_id', 'varchar(64)', (col) => col.references('organisations.id'))
    .addColumn('owner_name', 'varchar(100)', (col) => col.notNull())
    .addColumn('due_on', 'varchar(10)', (col) => col.notNull())
    .addColumn('done_at', 'varchar(32)')
    .addColumn('done_note', 'varchar(2000)')
    .addColumn('done_by', 'varchar(64)', (col) => col.references('users.id'))
    .addColumn('created_by', 'varchar(64)', (col) => col.notNull().references('users.id'))
    .addColumn('created_at', 'varchar(32)', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('topic_tasks_topic_idx').on('topic_tasks').columns(['topic_id', 'due_on']).execute();

  await db.schema
    .createTable('topic_events')
    .addColumn('id', 'varchar(64)', (col) => col.primaryKey())
    .addColumn('topic_id', 'varchar(64)', (col) => col.notNull().references('topics.id'))
    .addColumn('kind', 'varchar(32)', (col) => col.notNull())
    .addColumn('actor_user_id', 'varchar(64)', (col) => col.references('users.id'))
    .addColumn('actor_name', 'varchar(100)')
    .addColumn('note', 'varchar(4000)')
    /** JSON object of the step's facts (tally, meeting reference, comment counts). */
    .addColumn('data', 'text', (col) => col.notNull())
    .addColumn('at', 'varchar(32)', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('topic_events_topic_idx').on('topic_events').columns(['topic_id', 'id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['topic_events', 'topic_tasks', 'topic_comments', 'topic_requests', 'topics']) await db.schema.dropTable(t).execute();
}
