import type { ColumnDefinitionBuilder, Kysely } from 'kysely';
import { bytewise } from './2026_11_26_0004_create_registers.js';

/**
 * The disclosure catalogue (公开目录) and publications (公开信息, 公示): catalogue items with their owner and due
 * days, the reminders already sent (one per item, period and kind: the job's memory on every server),
 * publications with their approval trail and published fingerprint, and objections and questions with their
 * public answers.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const c = bytewise(db);
  const id = (col: ColumnDefinitionBuilder) => col.primaryKey();
  await db.schema
    .createTable('disclosure_items')
    .addColumn('id', 'varchar(64)', id)
    .addColumn('community_id', 'varchar(64)', (col) => col.notNull().references('places.id'))
    .addColumn('community_path', 'varchar(1000)', (col) => c(col.notNull()))
    /** party | administration | finance | service */
    .addColumn('category', 'varchar(16)', (col) => col.notNull())
    .addColumn('title', 'varchar(120)', (col) => col.notNull())
    .addColumn('content', 'varchar(1000)', (col) => col.notNull())
    .addColumn('legal_basis', 'varchar(500)', (col) => col.notNull())
    /** monthly | quarterly | half_yearly | yearly | on_change | on_event */
    .addColumn('frequency', 'varchar(16)', (col) => col.notNull())
    /** JSON array of portal | notice_board | resident_app */
    .addColumn('channels', 'varchar(100)', (col) => col.notNull())
    .addColumn('owner_user_id', 'varchar(64)', (col) => col.references('users.id'))
    /** Days after the period's last day by which its disclosure is due. */
    .addColumn('due_days', 'integer', (col) => col.notNull())
    /** The key of the default catalogue entry it came from: loading the defaults again adds only missing keys. */
    .addColumn('default_key', 'varchar(64)')
    .addColumn('position', 'integer', (col) => col.notNull())
    .addColumn('retired_at', 'varchar(32)')
    .addColumn('created_by', 'varchar(64)')
    .addColumn('created_at', 'varchar(32)', (col) => col.notNull())
    .addColumn('updated_at', 'varchar(32)', (col) => col.notNull())
    .addUniqueConstraint('disclosure_items_default_uq', ['community_id', 'default_key'])
    .execute();
  await db.schema.createIndex('disclosure_items_path_idx').on('disclosure_items').columns(['community_path', 'position']).execute();

  await db.schema
    .createTable('disclosure_reminders')
    .addColumn('item_id', 'varchar(64)', (col) => col.notNull().references('disclosure_items.id'))
    .addColumn('period', 'varchar(10)', (col) => col.notNull())
    /** due | overdue */
    .addColumn('kind', 'varchar(16)', (col) => col.notNull())
    .addColumn('sent_at', 'varchar(32)', (col) => col.notNull())
    .addPrimaryKeyConstraint('disclosure_reminders_pk', ['item_id', 'period', 'kind'])
    .execute();

  await db.schema
    .createTable('publications')
    .addColumn('id', 'varchar(64)', id)
    .addColumn('community_id', 'varchar(64)', (col) => col.notNull().references('places.id'))
    .addColumn('community_path', 'varchar(1000)', (col) => c(col.notNull()))
    /** disclosure | public_notice */
    .addColumn('kind', 'varchar(16)', (col) => col.notNull())
    .addColumn('category', 'varchar(16)')
    .addColumn('title', 'varchar(120)', (col) => col.notNull())
    .addColumn('body', 'text', (col) => col.notNull())
    .addColumn('item_id', 'varchar(64)', (col) => col.references('disclosure_items.id'))
    /** The catalogue period it covers (`2026-Q3`), when it discloses a periodic item. */
    .addColumn('period', 'varchar(10)')
    .addColumn('channels', 'varchar(100)', (col) => col.notNull())
    /** draft | submitted | approved | published | archived */
    .addColumn('status', 'varchar(16)', (col) => col.notNull())
    .addColumn('author_user_id', 'varchar(64)', (col) => col.notNull().references('users.id'))
    .addColumn('author_name', 'varchar(100)', (col) => col.notNull())
    .addColumn('submitted_at', 'varchar(32)')
    .addColumn('return_note', 'varchar(1000)')
    .addColumn('approved_by', 'varchar(64)')
    .addColumn('approver_name', 'varchar(100)')
    .addColumn('approved_at', 'varchar(32)')
    .addColumn('published_at', 'varchar(32)')
    .addColumn('published_by', 'varchar(64)')
    .addColumn('archived_at', 'varchar(32)')
    /** sha256 (hex) of `title + "\n\n" + body` as published. */
    .addColumn('text_sha256', 'varchar(64)')
    .addColumn('supersedes_id', 'varchar(64)')
    .addColumn('superseded_by_id', 'varchar(64)')
    .addColumn('objection_days', 'integer', (col) => col.notNull())
    .addColumn('objection_starts_at', 'varchar(32)')
    .addColumn('objection_ends_at', 'varchar(32)')
    .addColumn('notice_closed_at', 'varchar(32)')
    .addColumn('notice_outcome', 'varchar(1000)')
    .addColumn('created_at', 'varchar(32)', (col) => col.notNull())
    .addColumn('updated_at', 'varchar(32)', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('publications_path_idx').on('publications').columns(['community_path', 'status', 'updated_at']).execute();
  await db.schema.createIndex('publications_public_idx').on('publications').columns(['community_id', 'status', 'published_at']).execute();
  await db.schema.createIndex('publications_item_idx').on('publications').columns(['item_id', 'period']).execute();

  await db.schema
    .createTable('publication_comments')
    .addColumn('id', 'varchar(64)', id)
    .addColumn('publication_id', 'varchar(64)', (col) => col.notNull().references('publications.id'))
    /** objection | question */
    .addColumn('kind', 'varchar(16)', (col) => col.notNull())
    .addColumn('author_user_id', 'varchar(64)', (col) => col.notNull().references('users.id'))
    .addColumn('author_name', 'varchar(100)', (col) => col.notNull())
    .addColumn('text', 'varchar(1000)', (col) => col.notNull())
    .addColumn('answer', 'varchar(1000)')
    .addColumn('answered_by', 'varchar(64)')
    .addColumn('answered_at', 'varchar(32)')
    .addColumn('created_at', 'varchar(32)', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('publication_comments_pub_idx').on('publication_comments').columns(['publication_id', 'created_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['publication_comments', 'publications', 'disclosure_reminders', 'disclosure_items']) await db.schema.dropTable(t).execute();
}
