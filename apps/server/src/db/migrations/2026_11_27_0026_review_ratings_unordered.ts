import { sql, type Kysely } from 'kysely';
import { isPostgres } from './dialect.js';

/**
 * Review ratings are secret like ballots, but 0023 gave them an ordinary table: on SQLite its rowid kept the order
 * in which forms arrived, and the roll keeps when each representative returned theirs, so the two could be lined
 * up. Like the election ballot box, the table becomes WITHOUT ROWID keyed by (round, random id), so rows are stored
 * in an order that says nothing. On PostgreSQL the heap order and xmin say the same thing; existing rows are
 * rewritten here in random-id order, and `closeRound` rewrites a round's ratings when it closes.
 */

export async function up(db: Kysely<unknown>): Promise<void> {
  if (isPostgres(db)) {
    await sql`WITH d AS (DELETE FROM review_ratings RETURNING *)
              INSERT INTO review_ratings (id, round_id, subject_id, level, comment)
              SELECT id, round_id, subject_id, level, comment FROM d ORDER BY round_id, id`.execute(db);
    return;
  }
  await db.schema
    .createTable('review_ratings_unordered')
    .addColumn('id', 'varchar(64)', (col) => col.notNull())
    .addColumn('round_id', 'varchar(64)', (col) => col.notNull().references('review_rounds.id'))
    .addColumn('subject_id', 'varchar(64)', (col) => col.notNull().references('review_subjects.id'))
    .addColumn('level', 'varchar(8)', (col) => col.notNull())
    .addColumn('comment', 'varchar(1000)')
    .addPrimaryKeyConstraint('review_ratings_pk', ['round_id', 'id'])
    .modifyEnd(sql`without rowid`)
    .execute();
  await sql`INSERT INTO review_ratings_unordered (id, round_id, subject_id, level, comment)
            SELECT id, round_id, subject_id, level, comment FROM review_ratings ORDER BY round_id, id`.execute(db);
  await db.schema.dropTable('review_ratings').execute();
  await sql`ALTER TABLE review_ratings_unordered RENAME TO review_ratings`.execute(db);
  await db.schema.createIndex('review_ratings_subject_idx').on('review_ratings').columns(['round_id', 'subject_id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  // The unordered table serves the same queries; there is nothing to undo that would not reintroduce the leak.
  void db;
}
