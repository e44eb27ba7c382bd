import type { ColumnDefinitionBuilder, Kysely } from 'kysely';
import { bytewise } from './2026_11_26_0004_create_registers.js';

/** Visiting plans and visit records (走访), consultation meetings (恳谈会, 交流会) and their opinions. */
export async function up(db: Kysely<unknown>): Promise<void> {
  const c = bytewise(db);
  const community = (col: ColumnDefinitionBuilder) => col.notNull().references('places.id');
  await db.schema
    .createTable('visit_plans')
    .addColumn('id', 'varchar(64)', (col) => col.primaryKey())
    .addColumn('community_id', 'varchar(64)', community)
    .addColumn('title', 'varchar(120)', (col) => col.notNull())
    /** grid | building | household | organisation */
    .addColumn('target_kind', 'varchar(16)', (col) => col.notNull())
    .addColumn('starts_on', 'varchar(10)', (col) => col.notNull())
    .addColumn('ends_on', 'varchar(10)', (col) => col.notNull())
    .addColumn('assignee_user_id', 'varchar(64)', (col) => col.references('users.id'))
    .addColumn('note', 'varchar(1000)')
    /** active | done | cancelled */
    .addColumn('status', 'varchar(16)', (col) => col.notNull())
    .addColumn('created_by', 'varchar(64)', (col) => col.notNull())
    .addColumn('created_at', 'varchar(32)', (col) => col.notNull())
    .addColumn('updated_at', 'varchar(32)', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('visit_plans_community_idx').on('visit_plans').columns(['community_id', 'status']).execute();
  await db.schema
    .createTable('visit_plan_targets')
    .addColumn('id', 'varchar(64)', (col) => col.primaryKey())
    .addColumn('plan_id', 'varchar(64)', (col) => col.notNull().references('visit_plans.id'))
    .addColumn('place_id', 'varchar(64)', (col) => col.references('places.id'))
    .addColumn('household_id', 'varchar(64)', (col) => col.references('households.id'))
    .addColumn('organisation_id', 'varchar(64)', (col) => col.references('organisations.id'))
    .addColumn('place_path', 'varchar(1000)', (col) => c(col.notNull()))
    .addColumn('visited_at', 'varchar(32)')
    .addColumn('visit_id', 'varchar(64)')
    .execute();
  await db.schema.createIndex('visit_plan_targets_plan_idx').on('visit_plan_targets').column('plan_id').execute();
  await db.schema
    .createTable('visits')
    .addColumn('id', 'varchar(64)', (col) => col.primaryKey())
    .addColumn('community_id', 'varchar(64)', community)
    .addColumn('plan_id', 'varchar(64)', (col) => col.references('visit_plans.id'))
    .addColumn('visitor_user_id', 'varchar(64)', (col) => col.notNull().references('users.id'))
    .addColumn('visited_at', 'varchar(32)', (col) => col.notNull())
    .addColumn('place_id', 'varchar(64)', (col) => col.references('places.id'))
    .addColumn('place_path', 'varchar(1000)', (col) => c(col.notNull()))
    .addColumn('household_id', 'varchar(64)', (col) => col.references('households.id'))
    .addColumn('organisation_id', 'varchar(64)', (col) => col.references('organisations.id'))
    .addColumn('people_met', 'varchar(200)')
    .addColumn('summary', 'varchar(4000)')
    .addColumn('created_at', 'varchar(32)', (col) => col.notNull())
    .addColumn('updated_at', 'varchar(32)', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('visits_community_idx').on('visits').columns(['community_id', 'visited_at']).execute();
  await db.schema.createIndex('visits_household_idx').on('visits').columns(['household_id', 'visited_at']).execute();
  await db.schema.createIndex('visits_path_idx').on('visits').column('place_path').execute();
  await db.schema
    .createTable('visit_items')
    .addColumn('id', 'varchar(64)', (col) => col.primaryKey())
    .addColumn('visit_id', 'varchar(64)', (col) => col.notNull().references('visits.id'))
    .addColumn('text', 'varchar(2000)', (col) => col.notNull())
    .addColumn('request_id', 'varchar(64)', (col) => col.references('requests.id'))
    .addColumn('created_at', 'varchar(32)', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('visit_items_visit_idx').on('visit_items').column('visit_id').execute();

  await db.schema
    .createTable('consultation_meetings')
    .addColumn('id', 'varchar(64)', (col) => col.primaryKey())
    .addColumn('community_id', 'varchar(64)', community)
    /** heart_to_heart (恳谈会) | exchange (交流会) | courtyard (坝坝会) */
    .addColumn('kind', 'varchar(16)', (col) => col.notNull())
    .addColumn('title', 'varchar(120)', (col) => col.notNull())
    .addColumn('held_at', 'varchar(32)', (col) => col.notNull())
    .addColumn('place_id', 'varchar(64)', (col) => col.references('places.id'))
    .addColumn('place_path', 'varchar(1000)', (col) => c(col.notNull()))
    .addColumn('location', 'varchar(200)')
    .addColumn('host_user_id', 'varchar(64)', (col) => col.references('users.id'))
    .addColumn('summary', 'varchar(4000)')
    .addColumn('created_by', 'varchar(64)', (col) => col.notNull())
    .addColumn('created_at', 'varchar(32)', (col) => col.notNull())
    .addColumn('updated_at', 'varchar(32)', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('consultation_meetings_community_idx').on('consultation_meetings').columns(['community_id', 'held_at']).execute();
  await db.schema
    .createTable('meeting_attendees')
    .addColumn('id', 'varchar(64)', (col) => col.primaryKey())
    .addColumn('meeting_id', 'varchar(64)', (col) => col.notNull().references('consultation_meetings.id'))
    .addColumn('resident_id', 'varchar(64)', (col) => col.references('residents.id'))
    .addColumn('organisation_id', 'varchar(64)', (col) => col.references('organisations.id'))
    .addColumn('name', 'varchar(60)', (col) => col.notNull())
    .addColumn('unit', 'varchar(100)')
    .execute();
  await db.schema.createIndex('meeting_attendees_meeting_idx').on('meeting_attendees').column('meeting_id').execute();
  await db.schema
    .createTable('meeting_opinions')
    .addColumn('id', 'varchar(64)', (col) => col.primaryKey())
    .addColumn('meeting_id', 'varchar(64)', (col) => col.notNull().references('consultation_meetings.id'))
    .addColumn('speaker_name', 'varchar(60)')
    .addColumn('resident_id', 'varchar(64)', (col) => col.references('residents.id'))
    .addColumn('text', 'varchar(2000)', (col) => col.notNull())
    .addColumn('request_id', 'varchar(64)', (col) => col.references('requests.id'))
    .addColumn('created_at', 'varchar(32)', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('meeting_opinions_meeting_idx').on('meeting_opinions').column('meeting_id').execute();
}


export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['meeting_opinions', 'meeting_attendees', 'consultation_meetings', 'visit_items', 'visits', 'visit_plan_targets', 'visit_plans']) {
    await db.schema.dropTable(t).execute();
  }
}
