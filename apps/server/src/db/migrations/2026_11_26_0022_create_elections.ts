import { sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely';
import { bytewise } from './2026_11_26_0004_create_registers.js';

/**
 * Elections of a residents' committee (居委会换届) under the Organic Law: the election and its committee, tellers,
 * the voter register (kept apart from the resident register), objections to the voter list, candidates, written
 * proxies, the roll of who voted, the ballots, and tellers' paper batches.
 *
 * Secret ballot: `election_ballots` holds no voter, household, account, channel, batch or time, and its key is
 * random. On SQLite it is a WITHOUT ROWID table, so rows are stored in key order, never in insertion order; on
 * PostgreSQL the service rewrites the box in key order when voting closes (new heap order, one shared xmin).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const c = bytewise(db);
  const pg = db.getExecutor().adapter.constructor.name.startsWith('Postgres');
  const election = (col: ColumnDefinitionBuilder) => col.notNull().references('elections.id');
  await db.schema
    .createTable('elections')
    .addColumn('id', 'varchar(64)', (col) => col.primaryKey())
    .addColumn('community_id', 'varchar(64)', (col) => col.notNull().references('places.id'))
    .addColumn('title', 'varchar(120)', (col) => col.notNull())
    /** person | household (每个选民一票 / 每户一票) */
    .addColumn('voting_unit', 'varchar(16)', (col) => col.notNull())
    .addColumn('election_day', 'varchar(10)', (col) => col.notNull())
    .addColumn('voting_opens_at', 'varchar(32)', (col) => col.notNull())
    .addColumn('voting_closes_at', 'varchar(32)', (col) => col.notNull())
    .addColumn('notice_days', 'integer', (col) => col.notNull())
    .addColumn('seats_chair', 'integer', (col) => col.notNull())
    .addColumn('seats_vice_chair', 'integer', (col) => col.notNull())
    .addColumn('seats_member', 'integer', (col) => col.notNull())
    .addColumn('phase', 'varchar(32)', (col) => col.notNull())
    .addColumn('list_published_on', 'varchar(10)')
    /** JSON ElectionTally frozen when the result is published. */
    .addColumn('tally_json', 'text')
    .addColumn('result_published_at', 'varchar(32)')
    .addColumn('further_round_needed', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('organisation_id', 'varchar(64)', (col) => col.references('organisations.id'))
    .addColumn('terms_recorded_at', 'varchar(32)')
    .addColumn('created_by', 'varchar(64)', (col) => col.notNull())
    .addColumn('created_at', 'varchar(32)', (col) => col.notNull())
    .addColumn('updated_at', 'varchar(32)', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('elections_community_idx').on('elections').columns(['community_id', 'election_day']).execute();

  await db.schema
    .createTable('election_committee_members')
    .addColumn('id', 'varchar(64)', (col) => col.primaryKey())
    .addColumn('election_id', 'varchar(64)', election)
    .addColumn('name', 'varchar(100)', (col) => col.notNull())
    .addColumn('resident_id', 'varchar(64)', (col) => col.references('residents.id'))
    .addColumn('is_chair', 'integer', (col) => col.notNull())
    .addColumn('position', 'integer', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('election_committee_election_idx').on('election_committee_members').columns(['election_id', 'position']).execute();

  await db.schema
    .createTable('election_tellers')
    .addColumn('election_id', 'varchar(64)', election)
    .addColumn('user_id', 'varchar(64)', (col) => col.notNull().references('users.id'))
    .addPrimaryKeyConstraint('election_tellers_pk', ['election_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('election_voters')
    .addColumn('id', 'varchar(64)', (col) => col.primaryKey())
    .addColumn('election_id', 'varchar(64)', election)
    /** r:<resident id> or u:<account id>: one registration per person and election. */
    .addColumn('person_key', 'varchar(80)', (col) => col.notNull())
    .addColumn('resident_id', 'varchar(64)', (col) => col.references('residents.id'))
    .addColumn('user_id', 'varchar(64)', (col) => col.references('users.id'))
    .addColumn('name', 'varchar(100)', (col) => col.notNull())
    .addColumn('birth_date', 'varchar(10)')
    .addColumn('household_id', 'varchar(64)', (col) => col.references('households.id'))
    .addColumn('place_path', 'varchar(1000)', (col) => c(col))
    /** The household's representative (household mode): the one who casts the household's vote. */
    .addColumn('is_representative', 'integer', (col) => col.notNull())
    /** household_register | residence_application | community_worker */
    .addColumn('basis', 'varchar(32)', (col) => col.notNull())
    .addColumn('basis_note', 'varchar(500)')
    .addColumn('removed_at', 'varchar(32)')
    .addColumn('removed_by', 'varchar(64)')
    .addColumn('removed_reason', 'varchar(500)')
    .addColumn('created_by', 'varchar(64)', (col) => col.notNull())
    .addColumn('created_at', 'varchar(32)', (col) => col.notNull())
    .addUniqueConstraint('election_voters_person_uq', ['election_id', 'person_key'])
    .execute();
  await db.schema.createIndex('election_voters_household_idx').on('election_voters').columns(['election_id', 'household_id']).execute();

  await db.schema
    .createTable('election_objections')
    .addColumn('id', 'varchar(64)', (col) => col.primaryKey())
    .addColumn('election_id', 'varchar(64)', election)
    /** omission | wrong_inclusion */
    .addColumn('kind', 'varchar(16)', (col) => col.notNull())
    .addColumn('filed_by', 'varchar(64)', (col) => col.notNull())
    .addColumn('filer_name', 'varchar(100)', (col) => col.notNull())
    .addColumn('subject_name', 'varchar(100)', (col) => col.notNull())
    .addColumn('subject_resident_id', 'varchar(64)', (col) => col.references('residents.id'))
    .addColumn('subject_voter_id', 'varchar(64)', (col) => col.references('election_voters.id'))
    .addColumn('reason', 'varchar(1000)', (col) => col.notNull())
    /** open | accepted | rejected */
    .addColumn('status', 'varchar(16)', (col) => col.notNull())
    .addColumn('answer', 'varchar(1000)')
    .addColumn('answered_by', 'varchar(64)')
    .addColumn('answered_at', 'varchar(32)')
    .addColumn('created_at', 'varchar(32)', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('election_objections_election_idx').on('election_objections').columns(['election_id', 'status']).execute();

  await db.schema
    .createTable('election_candidates')
    .addColumn('id', 'varchar(64)', (col) => col.primaryKey())
    .addColumn('election_id', 'varchar(64)', election)
    /** chair | vice_chair | member */
    .addColumn('post', 'varchar(16)', (col) => col.notNull())
    .addColumn('voter_id', 'varchar(64)', (col) => col.notNull().references('election_voters.id'))
    .addColumn('name', 'varchar(100)', (col) => col.notNull())
    .addColumn('statement', 'varchar(1000)', (col) => col.notNull())
    .addColumn('created_at', 'varchar(32)', (col) => col.notNull())
    .addUniqueConstraint('election_candidates_voter_uq', ['election_id', 'voter_id'])
    .execute();

  await db.schema
    .createTable('election_proxies')
    .addColumn('id', 'varchar(64)', (col) => col.primaryKey())
    .addColumn('election_id', 'varchar(64)', election)
    .addColumn('grantor_voter_id', 'varchar(64)', (col) => col.notNull().references('election_voters.id'))
    .addColumn('holder_voter_id', 'varchar(64)', (col) => col.notNull().references('election_voters.id'))
    /** The written authorisation's number or where the signed form is kept. */
    .addColumn('reference', 'varchar(200)', (col) => col.notNull())
    .addColumn('recorded_by', 'varchar(64)', (col) => col.notNull())
    .addColumn('created_at', 'varchar(32)', (col) => col.notNull())
    .addUniqueConstraint('election_proxies_grantor_uq', ['election_id', 'grantor_voter_id'])
    .execute();

  // Who voted: one row per voting unit (a voter, or a household in household mode). The key makes a second vote
  // of the same unit fail in the same transaction as its ballot. The date only, never the time.
  await db.schema
    .createTable('election_roll')
    .addColumn('election_id', 'varchar(64)', election)
    .addColumn('unit_key', 'varchar(80)', (col) => col.notNull())
    .addColumn('voter_id', 'varchar(64)', (col) => col.notNull().references('election_voters.id'))
    /** online | paper */
    .addColumn('channel', 'varchar(16)', (col) => col.notNull())
    .addColumn('by_proxy', 'integer', (col) => col.notNull())
    .addColumn('voted_on', 'varchar(10)', (col) => col.notNull())
    .addPrimaryKeyConstraint('election_roll_pk', ['election_id', 'unit_key'])
    .execute();

  // The ballot box: content only. `id` is random (not time-ordered).
  const ballots = db.schema
    .createTable('election_ballots')
    .addColumn('id', 'varchar(64)', (col) => col.notNull())
    .addColumn('election_id', 'varchar(64)', election)
    .addColumn('valid', 'integer', (col) => col.notNull())
    /** JSON BallotChoice[]; empty for an invalid ballot. */
    .addColumn('marks', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('election_ballots_pk', ['election_id', 'id']);
  await (pg ? ballots : ballots.modifyEnd(sql`without rowid`)).execute();

  await db.schema
    .createTable('election_paper_batches')
    .addColumn('id', 'varchar(64)', (col) => col.primaryKey())
    .addColumn('election_id', 'varchar(64)', election)
    .addColumn('label', 'varchar(60)', (col) => col.notNull())
    .addColumn('ballot_count', 'integer', (col) => col.notNull())
    .addColumn('entered', 'integer', (col) => col.notNull())
    .addColumn('teller_id', 'varchar(64)', (col) => col.notNull().references('users.id'))
    .addColumn('created_at', 'varchar(32)', (col) => col.notNull())
    .addUniqueConstraint('election_paper_batches_label_uq', ['election_id', 'label'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['election_paper_batches', 'election_ballots', 'election_roll', 'election_proxies', 'election_candidates', 'election_objections', 'election_voters', 'election_tellers', 'election_committee_members', 'elections']) {
    await db.schema.dropTable(t).execute();
  }
}
