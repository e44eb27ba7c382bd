import { sql, type Kysely } from 'kysely';
import { bytewise } from './2026_11_26_0004_create_registers.js';

/**
 * The monthly fee board (收费公示) per estate and month. A board is a revision: drafts are edited in place
 * (replaced whole), a published board is never changed again, and a correction is the next revision of the same
 * estate and month, pointing at the one it supersedes. At most one draft per estate and month (a partial unique
 * index), and revision numbers are unique per estate and month. Amounts are integer fen; totals are not stored.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const c = bytewise(db);
  await db.schema
    .createTable('fee_boards')
    .addColumn('id', 'varchar(64)', (col) => col.primaryKey())
    .addColumn('community_id', 'varchar(64)', (col) => col.notNull().references('places.id'))
    .addColumn('estate_id', 'varchar(64)', (col) => col.notNull().references('places.id'))
    /** The estate's path, copied for scoped queries (C collation on PostgreSQL, like the registers'). */
    .addColumn('estate_path', 'varchar(1000)', (col) => c(col.notNull()))
    /** YYYY-MM */
    .addColumn('month', 'varchar(7)', (col) => col.notNull())
    .addColumn('revision', 'integer', (col) => col.notNull())
    /** draft | published | superseded */
    .addColumn('status', 'varchar(16)', (col) => col.notNull())
    .addColumn('supersedes_id', 'varchar(64)', (col) => col.references('fee_boards.id'))
    .addColumn('superseded_by_id', 'varchar(64)')
    .addColumn('correction_reason', 'varchar(300)')
    /** sha256 hex of the canonical content, set when published. */
    .addColumn('content_hash', 'varchar(64)')
    .addColumn('published_at', 'varchar(32)')
    .addColumn('published_by', 'varchar(64)')
    .addColumn('published_by_name', 'varchar(60)')
    .addColumn('created_by', 'varchar(64)', (col) => col.notNull())
    .addColumn('created_at', 'varchar(32)', (col) => col.notNull())
    .addColumn('updated_at', 'varchar(32)', (col) => col.notNull())
    .addUniqueConstraint('fee_boards_revision_uq', ['estate_id', 'month', 'revision'])
    .execute();
  await db.schema.createIndex('fee_boards_draft_uq').on('fee_boards').columns(['estate_id', 'month']).unique().where(sql<boolean>`status = 'draft'`).execute();
  await db.schema.createIndex('fee_boards_community_idx').on('fee_boards').columns(['community_id', 'month']).execute();
  await db.schema.createIndex('fee_boards_path_idx').on('fee_boards').columns(['estate_path', 'month']).execute();

  await db.schema
    .createTable('fee_board_lines')
    .addColumn('board_id', 'varchar(64)', (col) => col.notNull().references('fee_boards.id'))
    /** Order on the board, from 1. */
    .addColumn('position', 'integer', (col) => col.notNull())
    /** FeeItem (schemas/fee-boards.ts) */
    .addColumn('item', 'varchar(32)', (col) => col.notNull())
    /** The name of an `other` item; null for the standard items. */
    .addColumn('label', 'varchar(30)')
    .addColumn('collected_fen', 'integer', (col) => col.notNull())
    .addColumn('spent_fen', 'integer', (col) => col.notNull())
    /** A decimal as text ("1234.5"), so no float ever rounds it. */
    .addColumn('quantity', 'varchar(16)')
    .addColumn('unit', 'varchar(12)')
    .addColumn('note', 'varchar(200)')
    .addPrimaryKeyConstraint('fee_board_lines_pk', ['board_id', 'position'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('fee_board_lines').ifExists().execute();
  await db.schema.dropTable('fee_boards').ifExists().execute();
}
