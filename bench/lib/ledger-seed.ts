// Bulk-seeding a community's ledger chain for the ledger benchmark: `count` posted entries with their real content
// hashes and links (the same canonical form as the app), written with the fastest plain driver path on each
// database (SQLite: one prepared INSERT in one transaction; PostgreSQL: batches through unnest), then the chain
// head, the balances and the monthly rollup set to what those entries add up to.
import { contentHashOf, entryHashOf, GENESIS_HASH, type ChainLine } from '@gongzhi/shared';
import pg from 'pg';
import type { AppDeps } from '../../apps/server/src/deps.js';
import { localDate } from '../../apps/server/src/lib/clock.js';
import { newId } from '../../apps/server/src/lib/ids.js';
import { monthlyEffect } from '../../apps/server/src/modules/ledger/ledger.append.js';
import { contentOf, sha256 } from '../../apps/server/src/modules/ledger/ledger.chain.js';
import * as repo from '../../apps/server/src/modules/ledger/ledger.repository.js';
import type { EntryRow } from '../../apps/server/src/modules/ledger/ledger.repository.js';

export interface LedgerSeedResult {
  entries: number;
  seconds: number;
  headSeq: number;
}

const columns = [
  'id', 'community_id', 'kind', 'status', 'entry_date', 'amount', 'counterparty', 'counterparty_kind', 'category', 'purpose', 'lines_json', 'receipts_json',
  'reverses_id', 'reason', 'author_id', 'author_name', 'approver_id', 'approver_name', 'reject_reason', 'created_at', 'decided_at', 'seq', 'posted_at',
  'content_hash', 'prev_hash', 'entry_hash',
] as const;
const pgTypes: Record<string, string> = { amount: 'bigint', seq: 'bigint' };

/** Append `count` posted entries to the community's chain (after what is there), with real hashes. */
export async function seedLedgerChain(deps: AppDeps, o: { communityId: string; count: number; authorId: string; approverId: string; log: (l: string) => void }): Promise<LedgerSeedResult> {
  const started = performance.now();
  const db = deps.db;
  const c = o.communityId;
  const accounts = await repo.accountsOf(db, c);
  const byCode = new Map(accounts.map((a) => [a.code, a]));
  const kindOf = new Map(accounts.map((a) => [a.code, a.kind]));
  const head = (await repo.readHead(db, c)) ?? { seq: 0, entry_hash: GENESIS_HASH };
  const today = localDate(deps.clock.now());
  const base = new Date(`${today}T00:00:00Z`).getTime();
  const balances = new Map<string, { debit: number; credit: number }>();
  const months = new Map<string, { income: number; expense: number; entries: number }>();
  let prev = head.entry_hash;
  let seq = head.seq;
  const batchSize = deps.handle.dialect === 'sqlite' ? 20_000 : 5_000;

  const makeRow = (i: number): EntryRow => {
    const expense = i % 5 === 0;
    const amount = 1_000 + ((i * 7919) % 500_000);
    const lines: ChainLine[] = expense
      ? [{ account: '5001', side: 'debit', amount }, { account: '1002', side: 'credit', amount }]
      : [{ account: '1002', side: 'debit', amount }, { account: '4001', side: 'credit', amount }];
    const date = new Date(base - (i % 360) * 86_400_000).toISOString().slice(0, 10);
    const at = new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString();
    return {
      id: newId(), community_id: c, kind: expense ? 'expense' : 'income', status: 'posted', entry_date: date, amount,
      counterparty: expense ? '办公用品商店' : '街道办事处', counterparty_kind: 'organisation', category: expense ? '办公费' : '拨款',
      purpose: expense ? `办公用品采购第${i}批` : `工作经费拨付第${i}笔`, lines_json: JSON.stringify(lines), receipts_json: '[]', reverses_id: null, reason: '',
      author_id: o.authorId, author_name: '基准', approver_id: expense ? o.approverId : null, approver_name: expense ? '基准审核' : null, reject_reason: null,
      created_at: at, decided_at: expense ? at : null, seq: null, posted_at: null, content_hash: null, prev_hash: null, entry_hash: null,
    };
  };
  const post = (row: EntryRow): EntryRow => {
    seq++;
    const content = contentOf(row, seq, row.created_at, row.approver_id);
    const contentHash = contentHashOf(sha256, content);
    const entryHash = entryHashOf(sha256, prev, contentHash);
    const posted = { ...row, seq, posted_at: row.created_at, content_hash: contentHash, prev_hash: prev, entry_hash: entryHash };
    prev = entryHash;
    for (const l of content.lines) {
      const b = balances.get(l.account) ?? { debit: 0, credit: 0 };
      if (l.side === 'debit') b.debit += l.amount;
      else b.credit += l.amount;
      balances.set(l.account, b);
    }
    const m = months.get(row.entry_date.slice(0, 7)) ?? { income: 0, expense: 0, entries: 0 };
    const e = monthlyEffect(content.lines, kindOf);
    m.income += e.income;
    m.expense += e.expense;
    m.entries++;
    months.set(row.entry_date.slice(0, 7), m);
    return posted;
  };

  const raw = deps.handle.sqlite;
  const client = raw ? null : new pg.Client({ connectionString: deps.config.databaseUrl });
  await client?.connect();
  try {
    const insert = raw?.prepare(`insert into ledger_entries (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')})`);
    const pgInsert = `insert into ledger_entries (${columns.join(', ')}) select * from unnest(${columns.map((col, i) => `$${i + 1}::${pgTypes[col] ?? 'text'}[]`).join(', ')})`;
    for (let done = 0; done < o.count; ) {
      const n = Math.min(batchSize, o.count - done);
      const rows = Array.from({ length: n }, (_, k) => post(makeRow(done + k + 1)));
      if (raw && insert) {
        raw.transaction(() => {
          for (const r of rows) insert.run(columns.map((col) => r[col]));
        })();
      } else {
        await client!.query(pgInsert, columns.map((col) => rows.map((r) => r[col])));
      }
      done += n;
      if (done % 100_000 === 0 || done === o.count) o.log(`  ledger: ${done.toLocaleString('en-US')} / ${o.count.toLocaleString('en-US')} entries — ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
  } finally {
    await client?.end();
  }
  const now = new Date().toISOString();
  await db.transaction().execute(async (trx) => {
    await repo.lockHead(trx, c, GENESIS_HASH, now, false);
    await repo.moveHead(trx, c, seq, prev, now);
    for (const [code, b] of balances) await repo.addToBalance(trx, c, byCode.get(code)!.id, b.debit, b.credit);
    for (const [month, m] of months) {
      await repo.addToMonth(trx, c, month, m.income, m.expense);
      // addToMonth counts one entry per call; the rest of the month's entries are added here.
      await trx.updateTable('ledger_monthly').set((eb) => ({ entries: eb('entries', '+', m.entries - 1) })).where('community_id', '=', c).where('month', '=', month).execute();
    }
  });
  return { entries: o.count, seconds: (performance.now() - started) / 1000, headSeq: seq };
}
