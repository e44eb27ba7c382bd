import { sql, type Selectable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { LedgerAccountsTable, LedgerEntriesTable } from '../../db/ledger-tables.js';

/** Row access for the ledger (Kysely only). Posted rows are only ever inserted or read: triggers refuse the rest. */

export type AccountRow = Selectable<LedgerAccountsTable> & { debit: number; credit: number };
export type EntryRow = Selectable<LedgerEntriesTable>;

export interface CommunityRow {
  id: string;
  name: string;
  path: string;
}

export function findCommunity(db: Db, id: string): Promise<CommunityRow | undefined> {
  return db.selectFrom('places').select(['id', 'name', 'path']).where('id', '=', id).where('kind', '=', 'community').executeTakeFirst();
}

/** Accounts of a community with their running totals, by code. */
export async function accountsOf(db: Db, communityId: string): Promise<AccountRow[]> {
  const rows = await db
    .selectFrom('ledger_accounts as a')
    .leftJoin('ledger_balances as b', 'b.account_id', 'a.id')
    .selectAll('a')
    .select([sql<number>`coalesce(b.debit, 0)`.as('debit'), sql<number>`coalesce(b.credit, 0)`.as('credit')])
    .where('a.community_id', '=', communityId)
    .orderBy('a.code')
    .execute();
  return rows.map((r) => ({ ...r, debit: Number(r.debit), credit: Number(r.credit) }));
}

export async function findAccount(db: Db, id: string): Promise<(AccountRow & { community_path: string }) | undefined> {
  const r = await db
    .selectFrom('ledger_accounts as a')
    .innerJoin('places as p', 'p.id', 'a.community_id')
    .leftJoin('ledger_balances as b', 'b.account_id', 'a.id')
    .selectAll('a')
    .select(['p.path as community_path', sql<number>`coalesce(b.debit, 0)`.as('debit'), sql<number>`coalesce(b.credit, 0)`.as('credit')])
    .where('a.id', '=', id)
    .executeTakeFirst();
  return r && { ...r, debit: Number(r.debit), credit: Number(r.credit) };
}

export async function insertAccounts(db: Db, rows: LedgerAccountsTable[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('ledger_accounts').values(rows).execute();
}

export async function retireAccount(db: Db, id: string, at: string): Promise<number> {
  const r = await db.updateTable('ledger_accounts').set({ retired_at: at }).where('id', '=', id).where('retired_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function insertEntry(db: Db, row: LedgerEntriesTable): Promise<void> {
  await db.insertInto('ledger_entries').values(row).execute();
}

export function findEntry(db: Db, id: string): Promise<EntryRow | undefined> {
  return db.selectFrom('ledger_entries').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Post a pending entry (the trigger allows it: the old row is not posted yet). */
export async function markPosted(db: Db, id: string, set: Pick<LedgerEntriesTable, 'approver_id' | 'approver_name' | 'decided_at' | 'seq' | 'posted_at' | 'content_hash' | 'prev_hash' | 'entry_hash'>): Promise<number> {
  const r = await db.updateTable('ledger_entries').set({ ...set, status: 'posted' }).where('id', '=', id).where('status', '=', 'pending').executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function markRejected(db: Db, id: string, set: { approver_id: string; approver_name: string; reject_reason: string; decided_at: string }): Promise<number> {
  const r = await db.updateTable('ledger_entries').set({ ...set, status: 'rejected' }).where('id', '=', id).where('status', '=', 'pending').executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** The ids of the entries reversing these ones, by the id they reverse. */
export async function reversalsOf(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('ledger_entries').select(['id', 'reverses_id']).where('reverses_id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.reverses_id!, r.id]));
}

export async function listEntries(db: Db, f: { communityId: string; status?: string; limit: number; offset: number }): Promise<{ rows: EntryRow[]; total: number }> {
  let q = db.selectFrom('ledger_entries').where('community_id', '=', f.communityId);
  if (f.status) q = q.where('status', '=', f.status);
  const rows = await q.selectAll().orderBy('id', 'desc').limit(f.limit).offset(f.offset).execute();
  const count = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return { rows, total: Number(count.n) };
}

/** Posted entries, newest first by seq (the unique (community, seq) index serves it). */
export function postedPage(db: Db, communityId: string, limit: number, offset: number): Promise<EntryRow[]> {
  return db
    .selectFrom('ledger_entries')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('seq', 'is not', null)
    .orderBy('seq', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
}

/** The columns a chain record is built from (the hashed fields and the stored hashes). */
export const chainColumns = [
  'id', 'community_id', 'kind', 'entry_date', 'amount', 'counterparty', 'counterparty_kind', 'category', 'purpose', 'lines_json', 'receipts_json',
  'reverses_id', 'reason', 'author_id', 'approver_id', 'seq', 'posted_at', 'content_hash', 'prev_hash', 'entry_hash',
] as const;
export type ChainRow = Pick<EntryRow, (typeof chainColumns)[number]>;

/** Posted entries with after < seq <= upTo, in chain order: the export and the verifier read the chain in batches. */
export function postedAfter(db: Db, communityId: string, after: number, limit: number, upTo = Number.MAX_SAFE_INTEGER): Promise<ChainRow[]> {
  return db
    .selectFrom('ledger_entries')
    .select(chainColumns)
    .where('community_id', '=', communityId)
    .where('seq', '>', after)
    .where('seq', '<=', upTo)
    .orderBy('seq')
    .limit(limit)
    .execute();
}

export interface HeadRow {
  seq: number;
  entry_hash: string;
}

export async function readHead(db: Db, communityId: string): Promise<HeadRow | undefined> {
  const r = await db.selectFrom('ledger_chain_heads').select(['seq', 'entry_hash']).where('community_id', '=', communityId).executeTakeFirst();
  return r && { seq: Number(r.seq), entry_hash: r.entry_hash };
}

/**
 * The chain head, locked for this transaction: created at seq 0 on the first post (a racing creator does
 * nothing), then read FOR UPDATE on PostgreSQL so concurrent appends to one community queue here. SQLite has a
 * single writer; FOR UPDATE is left out there.
 */
export async function lockHead(db: Db, communityId: string, genesis: string, now: string, postgres: boolean): Promise<HeadRow> {
  await db
    .insertInto('ledger_chain_heads')
    .values({ community_id: communityId, seq: 0, entry_hash: genesis, updated_at: now })
    .onConflict((oc) => oc.column('community_id').doNothing())
    .execute();
  let q = db.selectFrom('ledger_chain_heads').select(['seq', 'entry_hash']).where('community_id', '=', communityId);
  if (postgres) q = q.forUpdate();
  const r = await q.executeTakeFirstOrThrow();
  return { seq: Number(r.seq), entry_hash: r.entry_hash };
}

export async function moveHead(db: Db, communityId: string, seq: number, entryHash: string, now: string): Promise<void> {
  await db.updateTable('ledger_chain_heads').set({ seq, entry_hash: entryHash, updated_at: now }).where('community_id', '=', communityId).execute();
}

export async function addToBalance(db: Db, communityId: string, accountId: string, debit: number, credit: number): Promise<void> {
  await db
    .insertInto('ledger_balances')
    .values({ account_id: accountId, community_id: communityId, debit, credit })
    .onConflict((oc) =>
      oc.column('account_id').doUpdateSet({ debit: sql`ledger_balances.debit + excluded.debit`, credit: sql`ledger_balances.credit + excluded.credit` }),
    )
    .execute();
}

export async function addToMonth(db: Db, communityId: string, month: string, income: number, expense: number): Promise<void> {
  await db
    .insertInto('ledger_monthly')
    .values({ community_id: communityId, month, income, expense, entries: 1 })
    .onConflict((oc) =>
      oc.columns(['community_id', 'month']).doUpdateSet({
        income: sql`ledger_monthly.income + excluded.income`,
        expense: sql`ledger_monthly.expense + excluded.expense`,
        entries: sql`ledger_monthly.entries + 1`,
      }),
    )
    .execute();
}

export async function monthsFrom(db: Db, communityId: string, fromMonth: string) {
  const rows = await db.selectFrom('ledger_monthly').select(['month', 'income', 'expense', 'entries']).where('community_id', '=', communityId).where('month', '>=', fromMonth).orderBy('month').execute();
  return rows.map((r) => ({ month: r.month, income: Number(r.income), expense: Number(r.expense), entries: Number(r.entries) }));
}

export interface ReceiptFileRow {
  id: string;
  owner_kind: string | null;
  owner_id: string | null;
  created_by: string | null;
  file_name: string;
  mime: string;
  sha256: string;
}

export function receiptFiles(db: Db, ids: string[]): Promise<ReceiptFileRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('files').select(['id', 'owner_kind', 'owner_id', 'created_by', 'file_name', 'mime', 'sha256']).where('id', 'in', ids).execute();
}

export function receiptContent(db: Db, id: string): Promise<{ content: Buffer; mime: string; file_name: string; owner_kind: string | null; owner_id: string | null } | undefined> {
  return db.selectFrom('files').select(['content', 'mime', 'file_name', 'owner_kind', 'owner_id']).where('id', '=', id).executeTakeFirst();
}
