/** Tables of migration 0020 (issue 6): the public finance ledger. Amounts in integer fen. */

export interface LedgerAccountsTable {
  id: string;
  community_id: string;
  /** Unique in the community and never changed: the chain names accounts by code. */
  code: string;
  name: string;
  /** fund | income | expense */
  kind: string;
  retired_at: string | null;
  created_by: string;
  created_at: string;
}

/** Running debit and credit totals per account, kept in the append transaction so balances never scan entries. */
export interface LedgerBalancesTable {
  account_id: string;
  community_id: string;
  debit: number;
  credit: number;
}

export interface LedgerEntriesTable {
  id: string;
  community_id: string;
  /** income | expense | reversal */
  kind: string;
  /** pending | posted | rejected; a posted row is frozen by triggers on both databases. */
  status: string;
  entry_date: string;
  amount: number;
  /** As published: a person's name is stored masked ("张*"), so the chain and the exports hold no full name. */
  counterparty: string;
  counterparty_kind: string;
  category: string;
  purpose: string;
  /** JSON ChainLine[] ({account code, side, amount}), in entry order. */
  lines_json: string;
  /** JSON [{fileId, sha256, public}] in attachment order. */
  receipts_json: string;
  reverses_id: string | null;
  reason: string;
  author_id: string;
  author_name: string;
  approver_id: string | null;
  approver_name: string | null;
  reject_reason: string | null;
  created_at: string;
  decided_at: string | null;
  seq: number | null;
  posted_at: string | null;
  content_hash: string | null;
  prev_hash: string | null;
  entry_hash: string | null;
}

/** The chain head per community: the row appends lock (PostgreSQL: FOR UPDATE) so seqs never collide. */
export interface LedgerChainHeadsTable {
  community_id: string;
  seq: number;
  entry_hash: string;
  updated_at: string;
}

/** Posted totals per community and accounting month, updated in the append transaction. */
export interface LedgerMonthlyTable {
  community_id: string;
  /** YYYY-MM of the accounting date */
  month: string;
  income: number;
  expense: number;
  entries: number;
}

export interface LedgerTables {
  ledger_accounts: LedgerAccountsTable;
  ledger_balances: LedgerBalancesTable;
  ledger_entries: LedgerEntriesTable;
  ledger_chain_heads: LedgerChainHeadsTable;
  ledger_monthly: LedgerMonthlyTable;
}
