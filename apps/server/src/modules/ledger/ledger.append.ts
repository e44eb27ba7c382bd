import { contentHashOf, entryHashOf, GENESIS_HASH } from '@gongzhi/shared';
import type { Db } from '../../db/database.js';
import { contentOf, linesOf, sha256 } from './ledger.chain.js';
import * as repo from './ledger.repository.js';

/**
 * Appending to a community's chain, inside the caller's transaction: lock the head, take the next seq, hash the
 * content and the link, post the row, move the head, and add to the balances and the month's totals. Everything
 * commits together or not at all, so the chain, the balances and the rollup always agree.
 */
export interface Posting {
  row: repo.EntryRow;
  /** The row is new (income, reversal) rather than a pending expense being approved. */
  insert: boolean;
  approver: { id: string; name: string } | null;
  now: string;
  postgres: boolean;
}

/** Income (credits − debits on income accounts) and expense (debits − credits on expense accounts) of the lines. */
export function monthlyEffect(lines: { account: string; side: string; amount: number }[], kindOf: Map<string, string>): { income: number; expense: number } {
  let income = 0;
  let expense = 0;
  for (const l of lines) {
    const sign = l.side === 'debit' ? 1 : -1;
    if (kindOf.get(l.account) === 'income') income -= sign * l.amount;
    if (kindOf.get(l.account) === 'expense') expense += sign * l.amount;
  }
  return { income, expense };
}

/** Post `p.row` at the end of its community's chain; returns the posted row. */
export async function appendToChain(trx: Db, p: Posting): Promise<repo.EntryRow> {
  const c = p.row.community_id;
  const head = await repo.lockHead(trx, c, GENESIS_HASH, p.now, p.postgres);
  const seq = head.seq + 1;
  const content = contentOf(p.row, seq, p.now, p.approver?.id ?? null);
  const contentHash = contentHashOf(sha256, content);
  const entryHash = entryHashOf(sha256, head.entry_hash, contentHash);
  const chain = {
    seq,
    posted_at: p.now,
    content_hash: contentHash,
    prev_hash: head.entry_hash,
    entry_hash: entryHash,
    approver_id: p.approver?.id ?? null,
    approver_name: p.approver?.name ?? null,
    decided_at: p.approver ? p.now : null,
  };
  const posted: repo.EntryRow = { ...p.row, ...chain, status: 'posted' };
  if (p.insert) await repo.insertEntry(trx, posted);
  else if ((await repo.markPosted(trx, p.row.id, chain)) === 0) throw new Error('pending entry vanished under the head lock');
  await repo.moveHead(trx, c, seq, entryHash, p.now);

  const accounts = await repo.accountsOf(trx, c);
  const byCode = new Map(accounts.map((a) => [a.code, a]));
  const lines = linesOf(p.row);
  for (const l of lines) {
    const a = byCode.get(l.account)!;
    await repo.addToBalance(trx, c, a.id, l.side === 'debit' ? l.amount : 0, l.side === 'credit' ? l.amount : 0);
  }
  const effect = monthlyEffect(lines, new Map(accounts.map((a) => [a.code, a.kind])));
  await repo.addToMonth(trx, c, p.row.entry_date.slice(0, 7), effect.income, effect.expense);
  return posted;
}
