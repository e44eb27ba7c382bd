import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * The public finance ledger: accounts, running balances, entries (pending, posted or rejected; posted ones carry
 * their place in the per-community hash chain), the chain heads and a monthly rollup. Posted entries are frozen
 * in the database itself: an UPDATE or DELETE of a posted row is refused by a trigger, as the audit log's are.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('ledger_accounts')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('community_id', 'varchar(64)', (c) => c.notNull().references('places.id'))
    .addColumn('code', 'varchar(16)', (c) => c.notNull())
    .addColumn('name', 'varchar(60)', (c) => c.notNull())
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('retired_at', 'varchar(32)')
    .addColumn('created_by', 'varchar(64)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addUniqueConstraint('ledger_accounts_code_uq', ['community_id', 'code'])
    .execute();

  await db.schema
    .createTable('ledger_balances')
    .addColumn('account_id', 'varchar(64)', (c) => c.primaryKey().references('ledger_accounts.id'))
    .addColumn('community_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('debit', 'bigint', (c) => c.notNull())
    .addColumn('credit', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('ledger_balances_community_idx').on('ledger_balances').columns(['community_id']).execute();

  await db.schema
    .createTable('ledger_entries')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('community_id', 'varchar(64)', (c) => c.notNull().references('places.id'))
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('entry_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .addColumn('counterparty', 'varchar(100)', (c) => c.notNull())
    .addColumn('counterparty_kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('category', 'varchar(40)', (c) => c.notNull())
    .addColumn('purpose', 'varchar(500)', (c) => c.notNull())
    .addColumn('lines_json', 'text', (c) => c.notNull())
    .addColumn('receipts_json', 'text', (c) => c.notNull())
    .addColumn('reverses_id', 'varchar(64)', (c) => c.references('ledger_entries.id'))
    .addColumn('reason', 'varchar(500)', (c) => c.notNull())
    .addColumn('author_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('author_name', 'varchar(100)', (c) => c.notNull())
    .addColumn('approver_id', 'varchar(64)')
    .addColumn('approver_name', 'varchar(100)')
    .addColumn('reject_reason', 'varchar(500)')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('decided_at', 'varchar(32)')
    .addColumn('seq', 'bigint')
    .addColumn('posted_at', 'varchar(32)')
    .addColumn('content_hash', 'varchar(64)')
    .addColumn('prev_hash', 'varchar(64)')
    .addColumn('entry_hash', 'varchar(64)')
    .execute();
  // The chain: one seq per community (NULLs, the unposted, do not collide); an entry is reversed at most once.
  await db.schema.createIndex('ledger_entries_seq_uq').on('ledger_entries').columns(['community_id', 'seq']).unique().execute();
  await db.schema.createIndex('ledger_entries_reverses_uq').on('ledger_entries').column('reverses_id').unique().execute();
  await db.schema.createIndex('ledger_entries_status_idx').on('ledger_entries').columns(['community_id', 'status', 'id']).execute();

  await db.schema
    .createTable('ledger_chain_heads')
    .addColumn('community_id', 'varchar(64)', (c) => c.primaryKey().references('places.id'))
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('entry_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('ledger_monthly')
    .addColumn('community_id', 'varchar(64)', (c) => c.notNull().references('places.id'))
    .addColumn('month', 'varchar(7)', (c) => c.notNull())
    .addColumn('income', 'bigint', (c) => c.notNull())
    .addColumn('expense', 'bigint', (c) => c.notNull())
    .addColumn('entries', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('ledger_monthly_pk', ['community_id', 'month'])
    .execute();

  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`CREATE FUNCTION ledger_entries_frozen() RETURNS trigger AS $$
      BEGIN
        IF OLD.status = 'posted' THEN RAISE EXCEPTION 'ledger_entries: a posted entry is immutable'; END IF;
        IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
        RETURN NEW;
      END; $$ LANGUAGE plpgsql`.execute(db);
    await sql`CREATE TRIGGER ledger_entries_no_change BEFORE UPDATE OR DELETE ON ledger_entries
      FOR EACH ROW EXECUTE FUNCTION ledger_entries_frozen()`.execute(db);
  } else {
    await sql`CREATE TRIGGER ledger_entries_no_update BEFORE UPDATE ON ledger_entries WHEN OLD.status = 'posted'
      BEGIN SELECT RAISE(ABORT, 'ledger_entries: a posted entry is immutable'); END`.execute(db);
    await sql`CREATE TRIGGER ledger_entries_no_delete BEFORE DELETE ON ledger_entries WHEN OLD.status = 'posted'
      BEGIN SELECT RAISE(ABORT, 'ledger_entries: a posted entry is immutable'); END`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['ledger_monthly', 'ledger_chain_heads', 'ledger_entries', 'ledger_balances', 'ledger_accounts']) await db.schema.dropTable(t).execute();
  if (db.getExecutor().adapter instanceof PostgresAdapter) await sql`DROP FUNCTION IF EXISTS ledger_entries_frozen()`.execute(db);
}
