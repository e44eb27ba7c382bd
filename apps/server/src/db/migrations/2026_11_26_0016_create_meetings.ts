import type { ColumnDefinitionBuilder, Kysely } from 'kysely';

/**
 * Formal meetings of a community (居民会议, 居民代表会议, 议事会, 两委及驻区单位联席会议): the notice and agenda, a
 * snapshot of the invitees with their sign-in, the speaking queue, motions and their votes, and per community
 * the quorum and majority rules of each meeting kind. (`meeting_*` names belong to consultation meetings.)
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const community = (col: ColumnDefinitionBuilder) => col.notNull().references('places.id');
  const meeting = (col: ColumnDefinitionBuilder) => col.notNull().references('deliberation_meetings.id');
  await db.schema
    .createTable('deliberation_meetings')
    .addColumn('id', 'varchar(64)', (col) => col.primaryKey())
    .addColumn('community_id', 'varchar(64)', community)
    /** residents_meeting | representative_assembly | deliberation_council | joint_meeting */
    .addColumn('kind', 'varchar(32)', (col) => col.notNull())
    .addColumn('title', 'varchar(120)', (col) => col.notNull())
    .addColumn('starts_at', 'varchar(32)', (col) => col.notNull())
    .addColumn('location', 'varchar(200)', (col) => col.notNull())
    .addColumn('chair_name', 'varchar(60)', (col) => col.notNull())
    .addColumn('recorder_name', 'varchar(60)')
    /** households | members (residents' meetings); posts for the others. */
    .addColumn('basis', 'varchar(16)', (col) => col.notNull())
    /** draft | notified | in_session | closed */
    .addColumn('status', 'varchar(16)', (col) => col.notNull())
    /** Quorum: more than num/den of eligible invitees present; decisions: more than num/den of those present. */
    .addColumn('quorum_num', 'integer', (col) => col.notNull())
    .addColumn('quorum_den', 'integer', (col) => col.notNull())
    .addColumn('majority_num', 'integer', (col) => col.notNull())
    .addColumn('majority_den', 'integer', (col) => col.notNull())
    .addColumn('speech_minutes', 'integer', (col) => col.notNull())
    .addColumn('speech_turns', 'integer', (col) => col.notNull())
    /** Random; the QR code carries it, so only people in the room can sign themselves in. */
    .addColumn('sign_in_token', 'varchar(64)', (col) => col.notNull())
    .addColumn('minutes_summary', 'text')
    .addColumn('minutes_decisions', 'text')
    .addColumn('notified_at', 'varchar(32)')
    .addColumn('opened_at', 'varchar(32)')
    .addColumn('closed_at', 'varchar(32)')
    .addColumn('created_by', 'varchar(64)', (col) => col.notNull())
    .addColumn('created_at', 'varchar(32)', (col) => col.notNull())
    .addColumn('updated_at', 'varchar(32)', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('deliberation_meetings_community_idx').on('deliberation_meetings').columns(['community_id', 'starts_at']).execute();

  await db.schema
    .createTable('deliberation_meeting_agenda')
    .addColumn('id', 'varchar(64)', (col) => col.primaryKey())
    .addColumn('meeting_id', 'varchar(64)', meeting)
    .addColumn('position', 'integer', (col) => col.notNull())
    .addColumn('title', 'varchar(200)', (col) => col.notNull())
    .addColumn('subject_kind', 'varchar(32)')
    .addColumn('subject_id', 'varchar(64)')
    .execute();
  await db.schema.createIndex('deliberation_meeting_agenda_meeting_idx').on('deliberation_meeting_agenda').columns(['meeting_id', 'position']).execute();

  await db.schema
    .createTable('deliberation_meeting_invitees')
    .addColumn('id', 'varchar(64)', (col) => col.primaryKey())
    .addColumn('meeting_id', 'varchar(64)', meeting)
    /** household | member | post | organisation | guest */
    .addColumn('source', 'varchar(16)', (col) => col.notNull())
    .addColumn('resident_id', 'varchar(64)', (col) => col.references('residents.id'))
    .addColumn('household_id', 'varchar(64)', (col) => col.references('households.id'))
    .addColumn('membership_id', 'varchar(64)', (col) => col.references('memberships.id'))
    .addColumn('organisation_id', 'varchar(64)', (col) => col.references('organisations.id'))
    .addColumn('user_id', 'varchar(64)')
    /** Copied when invited, so the minutes keep the names even after the register changes. */
    .addColumn('name', 'varchar(100)', (col) => col.notNull())
    .addColumn('gender', 'varchar(8)')
    .addColumn('unit', 'varchar(200)')
    /** 1 when the invitee counts towards the quorum; named guests do not. */
    .addColumn('eligible', 'integer', (col) => col.notNull())
    .addColumn('signed_in_at', 'varchar(32)')
    /** qr | desk */
    .addColumn('sign_in_method', 'varchar(8)')
    .addColumn('signed_in_by', 'varchar(64)')
    .addColumn('proxy_name', 'varchar(100)')
    .addColumn('proxy_gender', 'varchar(8)')
    .addColumn('created_at', 'varchar(32)', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('deliberation_meeting_invitees_meeting_idx').on('deliberation_meeting_invitees').columns(['meeting_id', 'name']).execute();
  await db.schema.createIndex('deliberation_meeting_invitees_resident_idx').on('deliberation_meeting_invitees').column('resident_id').execute();
  await db.schema.createIndex('deliberation_meeting_invitees_user_idx').on('deliberation_meeting_invitees').column('user_id').execute();

  await db.schema
    .createTable('deliberation_speeches')
    .addColumn('id', 'varchar(64)', (col) => col.primaryKey())
    .addColumn('meeting_id', 'varchar(64)', meeting)
    .addColumn('invitee_id', 'varchar(64)', (col) => col.references('deliberation_meeting_invitees.id'))
    .addColumn('speaker_name', 'varchar(100)', (col) => col.notNull())
    /** Turns are counted per speaker: the invitee, or the name for a speaker from outside the list. */
    .addColumn('speaker_key', 'varchar(120)', (col) => col.notNull())
    /** queued | speaking | done | withdrawn */
    .addColumn('status', 'varchar(16)', (col) => col.notNull())
    .addColumn('queued_at', 'varchar(32)', (col) => col.notNull())
    .addColumn('started_at', 'varchar(32)')
    .addColumn('ended_at', 'varchar(32)')
    .execute();
  await db.schema.createIndex('deliberation_speeches_meeting_idx').on('deliberation_speeches').columns(['meeting_id', 'queued_at']).execute();

  await db.schema
    .createTable('deliberation_motions')
    .addColumn('id', 'varchar(64)', (col) => col.primaryKey())
    .addColumn('meeting_id', 'varchar(64)', meeting)
    .addColumn('position', 'integer', (col) => col.notNull())
    .addColumn('text', 'varchar(2000)', (col) => col.notNull())
    /** named | secret */
    .addColumn('ballot', 'varchar(8)', (col) => col.notNull())
    .addColumn('subject_kind', 'varchar(32)')
    .addColumn('subject_id', 'varchar(64)')
    .addColumn('subject_title', 'varchar(200)')
    /** voting | decided */
    .addColumn('status', 'varchar(16)', (col) => col.notNull())
    /** adopted | rejected | no_quorum, once decided */
    .addColumn('result', 'varchar(16)')
    .addColumn('eligible', 'integer')
    .addColumn('present', 'integer')
    .addColumn('women_present', 'integer')
    .addColumn('for_count', 'integer')
    .addColumn('against_count', 'integer')
    .addColumn('abstain_count', 'integer')
    .addColumn('tabled_at', 'varchar(32)', (col) => col.notNull())
    .addColumn('decided_at', 'varchar(32)')
    .execute();
  await db.schema.createIndex('deliberation_motions_meeting_idx').on('deliberation_motions').columns(['meeting_id', 'position']).execute();
  await db.schema.createIndex('deliberation_motions_subject_idx').on('deliberation_motions').columns(['subject_kind', 'subject_id']).execute();

  await db.schema
    .createTable('deliberation_motion_votes')
    .addColumn('id', 'varchar(64)', (col) => col.primaryKey())
    .addColumn('motion_id', 'varchar(64)', (col) => col.notNull().references('deliberation_motions.id'))
    .addColumn('invitee_id', 'varchar(64)', (col) => col.notNull().references('deliberation_meeting_invitees.id'))
    /** for | against | abstain */
    .addColumn('choice', 'varchar(8)', (col) => col.notNull())
    .addColumn('recorded_at', 'varchar(32)', (col) => col.notNull())
    .execute();
  // One choice per invitee and motion; a corrected choice replaces the row.
  await db.schema.createIndex('deliberation_motion_votes_unique').on('deliberation_motion_votes').columns(['motion_id', 'invitee_id']).unique().execute();

  await db.schema
    .createTable('meeting_rules')
    .addColumn('id', 'varchar(64)', (col) => col.primaryKey())
    .addColumn('community_id', 'varchar(64)', community)
    .addColumn('kind', 'varchar(32)', (col) => col.notNull())
    .addColumn('quorum_num', 'integer', (col) => col.notNull())
    .addColumn('quorum_den', 'integer', (col) => col.notNull())
    .addColumn('majority_num', 'integer', (col) => col.notNull())
    .addColumn('majority_den', 'integer', (col) => col.notNull())
    .addColumn('updated_by', 'varchar(64)')
    .addColumn('updated_at', 'varchar(32)', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('meeting_rules_unique').on('meeting_rules').columns(['community_id', 'kind']).unique().execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'meeting_rules',
    'deliberation_motion_votes',
    'deliberation_motions',
    'deliberation_speeches',
    'deliberation_meeting_invitees',
    'deliberation_meeting_agenda',
    'deliberation_meetings',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
