import type { Kysely } from 'kysely';
import { bytewise } from './2026_11_26_0004_create_registers.js';

/**
 * Democratic review (民主评议): rounds per community and period, their subjects (committee members and services),
 * the roll of representatives who returned a form, and the ratings. The roll and the ratings share no column but
 * the round: a rating has a random id, no rater and no time, so a stored rating cannot be traced to its form's author.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const c = bytewise(db);
  await db.schema
    .createTable('review_rounds')
    .addColumn('id', 'varchar(64)', (col) => col.primaryKey())
    .addColumn('community_id', 'varchar(64)', (col) => col.notNull().references('places.id'))
    .addColumn('community_path', 'varchar(1000)', (col) => c(col.notNull()))
    .addColumn('title', 'varchar(120)', (col) => col.notNull())
    .addColumn('period', 'varchar(60)', (col) => col.notNull())
    .addColumn('opens_at', 'varchar(32)', (col) => col.notNull())
    .addColumn('closes_at', 'varchar(32)', (col) => col.notNull())
    .addColumn('status', 'varchar(16)', (col) => col.notNull())
    .addColumn('publish_comments', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('representatives', 'integer')
    .addColumn('closed_at', 'varchar(32)')
    .addColumn('closed_by', 'varchar(64)')
    .addColumn('published_at', 'varchar(32)')
    .addColumn('published_by', 'varchar(64)')
    .addColumn('created_by', 'varchar(64)', (col) => col.notNull())
    .addColumn('created_at', 'varchar(32)', (col) => col.notNull())
    .addColumn('updated_at', 'varchar(32)', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('review_rounds_community_idx').on('review_rounds').columns(['community_id', 'opens_at']).execute();
  await db.schema.createIndex('review_rounds_path_idx').on('review_rounds').columns(['community_path']).execute();

  await db.schema
    .createTable('review_subjects')
    .addColumn('id', 'varchar(64)', (col) => col.primaryKey())
    .addColumn('round_id', 'varchar(64)', (col) => col.notNull().references('review_rounds.id'))
    .addColumn('kind', 'varchar(16)', (col) => col.notNull())
    .addColumn('position', 'integer', (col) => col.notNull())
    .addColumn('name', 'varchar(60)', (col) => col.notNull())
    .addColumn('post', 'varchar(32)')
    .addColumn('resident_id', 'varchar(64)', (col) => col.references('residents.id'))
    .addColumn('membership_id', 'varchar(64)', (col) => col.references('memberships.id'))
    .execute();
  await db.schema.createIndex('review_subjects_round_idx').on('review_subjects').columns(['round_id', 'position']).execute();

  await db.schema
    .createTable('review_roll')
    .addColumn('round_id', 'varchar(64)', (col) => col.notNull().references('review_rounds.id'))
    /** The representative's post (memberships.id): one form per post and round. */
    .addColumn('representative_id', 'varchar(64)', (col) => col.notNull().references('memberships.id'))
    .addColumn('channel', 'varchar(16)', (col) => col.notNull())
    .addColumn('recorded_by', 'varchar(64)', (col) => col.notNull())
    .addColumn('returned_at', 'varchar(32)', (col) => col.notNull())
    .addPrimaryKeyConstraint('review_roll_pk', ['round_id', 'representative_id'])
    .execute();

  await db.schema
    .createTable('review_ratings')
    .addColumn('id', 'varchar(64)', (col) => col.primaryKey())
    .addColumn('round_id', 'varchar(64)', (col) => col.notNull().references('review_rounds.id'))
    .addColumn('subject_id', 'varchar(64)', (col) => col.notNull().references('review_subjects.id'))
    .addColumn('level', 'varchar(8)', (col) => col.notNull())
    .addColumn('comment', 'varchar(1000)')
    .execute();
  await db.schema.createIndex('review_ratings_subject_idx').on('review_ratings').columns(['round_id', 'subject_id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['review_ratings', 'review_roll', 'review_subjects', 'review_rounds']) await db.schema.dropTable(t).ifExists().execute();
}
