import { sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely';
import { bytewise } from './2026_11_26_0004_create_registers.js';

/**
 * The residents' covenant (居民公约) from first opinion to household pledge: the process and its dated phases
 * with per-phase permissions, opinions, versions split into articles, consultation (comments anchored to an
 * article, support/oppose, questions with options), the subdistrict's legality reviews, the votes recorded from
 * meetings, filing, publication, household pledges and exemplary-household nominations. No table holds a
 * penalty: the law forbids covenant fines.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const c = bytewise(db);
  const id = (col: ColumnDefinitionBuilder) => col.primaryKey();
  const covenant = (col: ColumnDefinitionBuilder) => col.notNull().references('covenants.id');
  await db.schema
    .createTable('covenants')
    .addColumn('id', 'varchar(64)', id)
    .addColumn('community_id', 'varchar(64)', (col) => col.notNull().references('places.id'))
    .addColumn('title', 'varchar(120)', (col) => col.notNull())
    /** The current CovenantPhase (schemas/participation.ts). */
    .addColumn('phase', 'varchar(32)', (col) => col.notNull())
    /** The newest version; the one consulted, reviewed and voted on. */
    .addColumn('current_version_id', 'varchar(64)')
    /** The version adopted by the vote; what is filed, published and pledged. */
    .addColumn('adopted_version_id', 'varchar(64)')
    .addColumn('filed_on', 'varchar(10)')
    .addColumn('filing_reference', 'varchar(120)')
    .addColumn('filed_by', 'varchar(64)')
    .addColumn('published_at', 'varchar(32)')
    .addColumn('published_by', 'varchar(64)')
    .addColumn('created_by', 'varchar(64)', (col) => col.notNull())
    .addColumn('created_at', 'varchar(32)', (col) => col.notNull())
    .addColumn('updated_at', 'varchar(32)', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('covenants_community_idx').on('covenants').columns(['community_id', 'created_at']).execute();

  await db.schema
    .createTable('covenant_phases')
    .addColumn('covenant_id', 'varchar(64)', covenant)
    .addColumn('phase', 'varchar(32)', (col) => col.notNull())
    .addColumn('planned_start_on', 'varchar(10)')
    .addColumn('planned_end_on', 'varchar(10)')
    .addColumn('started_at', 'varchar(32)')
    .addColumn('ended_at', 'varchar(32)')
    /** JSON PhasePermissions: per action, the participant groups it is open to. */
    .addColumn('permissions', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('covenant_phases_pk', ['covenant_id', 'phase'])
    .execute();

  await db.schema
    .createTable('covenant_opinions')
    .addColumn('id', 'varchar(64)', id)
    .addColumn('covenant_id', 'varchar(64)', covenant)
    .addColumn('author_user_id', 'varchar(64)', (col) => col.references('users.id'))
    .addColumn('resident_id', 'varchar(64)', (col) => col.references('residents.id'))
    .addColumn('organisation_id', 'varchar(64)', (col) => col.references('organisations.id'))
    .addColumn('author_name', 'varchar(60)', (col) => col.notNull())
    .addColumn('text', 'varchar(2000)', (col) => col.notNull())
    /** Staff may enter an opinion heard at a meeting or a visit: the channel it came through. */
    .addColumn('channel', 'varchar(16)', (col) => col.notNull())
    .addColumn('handling', 'varchar(16)')
    .addColumn('handling_reason', 'varchar(1000)')
    .addColumn('handled_by', 'varchar(64)')
    .addColumn('handled_at', 'varchar(32)')
    .addColumn('created_at', 'varchar(32)', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('covenant_opinions_covenant_idx').on('covenant_opinions').columns(['covenant_id', 'created_at']).execute();

  await db.schema
    .createTable('covenant_versions')
    .addColumn('id', 'varchar(64)', id)
    .addColumn('covenant_id', 'varchar(64)', covenant)
    .addColumn('number', 'integer', (col) => col.notNull())
    /** draft | revision | final (final: the version adopted by the vote) */
    .addColumn('kind', 'varchar(16)', (col) => col.notNull())
    .addColumn('markdown', 'text', (col) => col.notNull())
    .addColumn('changelog', 'varchar(4000)')
    .addColumn('created_by', 'varchar(64)', (col) => col.notNull())
    .addColumn('created_at', 'varchar(32)', (col) => col.notNull())
    .addUniqueConstraint('covenant_versions_number_uq', ['covenant_id', 'number'])
    .execute();

  await db.schema
    .createTable('covenant_articles')
    .addColumn('id', 'varchar(64)', id)
    .addColumn('covenant_id', 'varchar(64)', covenant)
    .addColumn('version_id', 'varchar(64)', (col) => col.notNull().references('covenant_versions.id'))
    /** Order in the version, from 1. */
    .addColumn('position', 'integer', (col) => col.notNull())
    .addColumn('chapter_number', 'integer')
    .addColumn('chapter_title', 'varchar(200)')
    /** The article's number in the version (第三条 → 3). */
    .addColumn('number', 'integer', (col) => col.notNull())
    .addColumn('body', 'varchar(4000)', (col) => col.notNull())
    .addUniqueConstraint('covenant_articles_position_uq', ['version_id', 'position'])
    .execute();

  await db.schema
    .createTable('covenant_comments')
    .addColumn('id', 'varchar(64)', id)
    .addColumn('covenant_id', 'varchar(64)', covenant)
    .addColumn('version_id', 'varchar(64)', (col) => col.notNull().references('covenant_versions.id'))
    /** Null: a comment on the whole text rather than one article. */
    .addColumn('article_id', 'varchar(64)', (col) => col.references('covenant_articles.id'))
    .addColumn('author_user_id', 'varchar(64)', (col) => col.notNull().references('users.id'))
    .addColumn('resident_id', 'varchar(64)', (col) => col.references('residents.id'))
    .addColumn('household_id', 'varchar(64)', (col) => col.references('households.id'))
    .addColumn('organisation_id', 'varchar(64)', (col) => col.references('organisations.id'))
    .addColumn('author_name', 'varchar(60)', (col) => col.notNull())
    .addColumn('text', 'varchar(2000)', (col) => col.notNull())
    /** adopted | partly | not; null while unhandled. */
    .addColumn('handling', 'varchar(16)')
    .addColumn('handling_reason', 'varchar(1000)')
    /** The version whose text answers the comment. */
    .addColumn('handled_in_version_id', 'varchar(64)', (col) => col.references('covenant_versions.id'))
    .addColumn('handled_by', 'varchar(64)')
    .addColumn('handled_at', 'varchar(32)')
    .addColumn('created_at', 'varchar(32)', (col) => col.notNull())
    .execute();
  // Pages of one article's comments, and of one version's (newest first by id, which is time-ordered).
  await db.schema.createIndex('covenant_comments_article_idx').on('covenant_comments').columns(['article_id', 'id']).execute();
  await db.schema.createIndex('covenant_comments_version_idx').on('covenant_comments').columns(['version_id', 'id']).execute();
  await db.schema.createIndex('covenant_comments_handling_idx').on('covenant_comments').columns(['covenant_id', 'handling', 'id']).execute();

  await db.schema
    .createTable('covenant_stances')
    .addColumn('article_id', 'varchar(64)', (col) => col.notNull().references('covenant_articles.id'))
    .addColumn('user_id', 'varchar(64)', (col) => col.notNull().references('users.id'))
    .addColumn('covenant_id', 'varchar(64)', covenant)
    .addColumn('version_id', 'varchar(64)', (col) => col.notNull().references('covenant_versions.id'))
    /** support | oppose */
    .addColumn('stance', 'varchar(8)', (col) => col.notNull())
    .addColumn('updated_at', 'varchar(32)', (col) => col.notNull())
    .addPrimaryKeyConstraint('covenant_stances_pk', ['article_id', 'user_id'])
    .execute();
  await db.schema.createIndex('covenant_stances_version_idx').on('covenant_stances').columns(['version_id', 'article_id', 'stance']).execute();

  await db.schema
    .createTable('covenant_questions')
    .addColumn('id', 'varchar(64)', id)
    .addColumn('covenant_id', 'varchar(64)', covenant)
    .addColumn('version_id', 'varchar(64)', (col) => col.notNull().references('covenant_versions.id'))
    .addColumn('article_id', 'varchar(64)', (col) => col.references('covenant_articles.id'))
    .addColumn('text', 'varchar(500)', (col) => col.notNull())
    /** JSON array of 2–8 option texts. */
    .addColumn('options', 'text', (col) => col.notNull())
    .addColumn('multiple', 'integer', (col) => col.notNull())
    .addColumn('created_by', 'varchar(64)', (col) => col.notNull())
    .addColumn('created_at', 'varchar(32)', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('covenant_questions_version_idx').on('covenant_questions').columns(['version_id', 'created_at']).execute();
  await db.schema
    .createTable('covenant_answers')
    .addColumn('question_id', 'varchar(64)', (col) => col.notNull().references('covenant_questions.id'))
    .addColumn('user_id', 'varchar(64)', (col) => col.notNull().references('users.id'))
    .addColumn('option_index', 'integer', (col) => col.notNull())
    .addColumn('answered_at', 'varchar(32)', (col) => col.notNull())
    .addPrimaryKeyConstraint('covenant_answers_pk', ['question_id', 'user_id', 'option_index'])
    .execute();

  await db.schema
    .createTable('covenant_reviews')
    .addColumn('id', 'varchar(64)', id)
    .addColumn('covenant_id', 'varchar(64)', covenant)
    .addColumn('version_id', 'varchar(64)', (col) => col.notNull().references('covenant_versions.id'))
    /** approved | returned */
    .addColumn('decision', 'varchar(16)', (col) => col.notNull())
    .addColumn('notes', 'varchar(4000)')
    .addColumn('reviewer_user_id', 'varchar(64)', (col) => col.notNull().references('users.id'))
    .addColumn('created_at', 'varchar(32)', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('covenant_reviews_covenant_idx').on('covenant_reviews').columns(['covenant_id', 'created_at']).execute();

  await db.schema
    .createTable('covenant_votes')
    .addColumn('id', 'varchar(64)', id)
    .addColumn('covenant_id', 'varchar(64)', covenant)
    .addColumn('version_id', 'varchar(64)', (col) => col.notNull().references('covenant_versions.id'))
    /** The deliberation meeting and motion that decided (modules/meetings). */
    .addColumn('meeting_id', 'varchar(64)', (col) => col.notNull())
    .addColumn('motion_id', 'varchar(64)', (col) => col.notNull())
    .addColumn('meeting_kind', 'varchar(32)', (col) => col.notNull())
    /** adopted | rejected | no_quorum */
    .addColumn('result', 'varchar(16)', (col) => col.notNull())
    .addColumn('eligible', 'integer', (col) => col.notNull())
    .addColumn('present', 'integer', (col) => col.notNull())
    .addColumn('women_present', 'integer', (col) => col.notNull())
    .addColumn('for_count', 'integer', (col) => col.notNull())
    .addColumn('against_count', 'integer', (col) => col.notNull())
    .addColumn('abstain_count', 'integer', (col) => col.notNull())
    .addColumn('decided_at', 'varchar(32)', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('covenant_votes_covenant_idx').on('covenant_votes').columns(['covenant_id', 'decided_at']).execute();

  await db.schema
    .createTable('covenant_pledges')
    .addColumn('id', 'varchar(64)', id)
    .addColumn('covenant_id', 'varchar(64)', covenant)
    .addColumn('household_id', 'varchar(64)', (col) => col.notNull().references('households.id'))
    /** The household's dwelling path, copied so coverage by building and grid is a range scan. */
    .addColumn('place_path', 'varchar(1000)', (col) => c(col.notNull()))
    /** online | paper */
    .addColumn('method', 'varchar(8)', (col) => col.notNull())
    .addColumn('signer_resident_id', 'varchar(64)', (col) => col.references('residents.id'))
    .addColumn('signer_name', 'varchar(60)', (col) => col.notNull())
    .addColumn('signed_on', 'varchar(10)', (col) => col.notNull())
    /** The account that signed online, or the staff member / building leader who recorded the paper form. */
    .addColumn('recorded_by', 'varchar(64)', (col) => col.notNull().references('users.id'))
    /** A photo of the signed paper form (files module). */
    .addColumn('photo_file_id', 'varchar(64)')
    .addColumn('created_at', 'varchar(32)', (col) => col.notNull())
    /** A pledge recorded by mistake is revoked with a reason, never deleted. */
    .addColumn('revoked_at', 'varchar(32)')
    .addColumn('revoked_by', 'varchar(64)')
    .addColumn('revoke_reason', 'varchar(500)')
    .execute();
  // One standing pledge per household and covenant, held by the database.
  await db.schema
    .createIndex('covenant_pledges_household_uq')
    .on('covenant_pledges')
    .columns(['covenant_id', 'household_id'])
    .unique()
    .where(sql<boolean>`revoked_at is null`)
    .execute();
  await db.schema.createIndex('covenant_pledges_path_idx').on('covenant_pledges').columns(['covenant_id', 'place_path']).execute();

  await db.schema
    .createTable('covenant_nominations')
    .addColumn('id', 'varchar(64)', id)
    .addColumn('covenant_id', 'varchar(64)', covenant)
    .addColumn('household_id', 'varchar(64)', (col) => col.notNull().references('households.id'))
    .addColumn('reason', 'varchar(1000)', (col) => col.notNull())
    .addColumn('nominated_by', 'varchar(64)', (col) => col.notNull().references('users.id'))
    /** The domain event that tells the recognition module. */
    .addColumn('event_id', 'varchar(64)', (col) => col.notNull())
    .addColumn('created_at', 'varchar(32)', (col) => col.notNull())
    .addUniqueConstraint('covenant_nominations_household_uq', ['covenant_id', 'household_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'covenant_nominations',
    'covenant_pledges',
    'covenant_votes',
    'covenant_reviews',
    'covenant_answers',
    'covenant_questions',
    'covenant_stances',
    'covenant_comments',
    'covenant_articles',
    'covenant_versions',
    'covenant_opinions',
    'covenant_phases',
    'covenants',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
