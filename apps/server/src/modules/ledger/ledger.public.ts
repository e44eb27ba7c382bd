import { type ChainRecord, type PublicLedgerPage, type PublicLedgerSummary } from '@gongzhi/shared';
import type { Db } from '../../db/database.js';
import type { AppDeps } from '../../deps.js';
import { GENESIS_HASH } from '@gongzhi/shared';
import { notFound } from '../../lib/app-error.js';
import { iso, localDate } from '../../lib/clock.js';
import { recordOf, receiptsOf } from './ledger.chain.js';
import { exportHeader, type ChainExportHeader } from './ledger.files.js';
import * as repo from './ledger.repository.js';
import { accountView, publicEntries } from './ledger.views.js';

/** What anyone reads without a login: posted entries only, persons masked, the chain head and the exports. */

async function community(db: Db, id: string): Promise<repo.CommunityRow> {
  const c = await repo.findCommunity(db, id);
  if (!c) throw notFound();
  return c;
}

/** The first month of the twelve ending with the current one (China time). */
export function firstOfTwelve(today: string): string {
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7));
  const back = y * 12 + (m - 1) - 11;
  return `${Math.floor(back / 12)}-${String((back % 12) + 1).padStart(2, '0')}`;
}

/** Twelve months of totals from the rollup (one indexed range read), with empty months filled in. */
export async function monthlySummary(db: Db, communityId: string, today: string) {
  const from = firstOfTwelve(today);
  const rows = new Map((await repo.monthsFrom(db, communityId, from)).map((r) => [r.month, r]));
  const out = [];
  for (let i = 0, [y, m] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))]; i < 12; i++, m === 12 ? ((m = 1), y++) : m++) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    out.push(rows.get(month) ?? { month, income: 0, expense: 0, entries: 0 });
  }
  return out;
}

export async function publicSummary(deps: AppDeps, communityId: string): Promise<PublicLedgerSummary> {
  const c = await community(deps.db, communityId);
  const [accounts, months, head] = await Promise.all([repo.accountsOf(deps.db, c.id), monthlySummary(deps.db, c.id, localDate(deps.clock.now())), repo.readHead(deps.db, c.id)]);
  return {
    communityId: c.id,
    communityName: c.name,
    funds: accounts.filter((a) => a.kind === 'fund' && !a.retired_at).map((a) => ({ code: a.code, name: a.name, balance: accountView(a).balance })),
    months,
    head: { seq: head?.seq ?? 0, entryHash: head?.entry_hash ?? GENESIS_HASH },
  };
}

export async function publicPage(deps: AppDeps, communityId: string, q: { limit: number; offset: number }): Promise<PublicLedgerPage> {
  const c = await community(deps.db, communityId);
  const head = await repo.readHead(deps.db, c.id);
  const rows = await repo.postedPage(deps.db, c.id, q.limit, q.offset);
  return { items: await publicEntries(deps.db, c.id, rows), total: head?.seq ?? 0 };
}

/** Posted entries of the community up to `upTo` as exported records, read in batches in chain order. */
export async function* chainRecords(db: Db, communityId: string, upTo = Number.MAX_SAFE_INTEGER, batch = 5000): AsyncGenerator<ChainRecord[]> {
  let after = 0;
  for (;;) {
    const rows = await repo.postedAfter(db, communityId, after, batch, upTo);
    if (rows.length === 0) return;
    yield rows.map(recordOf);
    after = Number(rows[rows.length - 1]!.seq);
  }
}

/**
 * An export as it is streamed: the head is read first and the entries are read up to it in batches, so the file
 * holds exactly the chain to that head however much is posted meanwhile, and a long chain is never held in memory.
 */
export async function chainExportStream(deps: AppDeps, communityId: string): Promise<{ header: ChainExportHeader; batches: AsyncGenerator<ChainRecord[]> }> {
  const c = await community(deps.db, communityId);
  const head = await repo.readHead(deps.db, c.id);
  const header = exportHeader({ communityId: c.id, communityName: c.name, exportedAt: iso(deps.clock.now()) }, { seq: head?.seq ?? 0, entryHash: head?.entry_hash ?? GENESIS_HASH });
  return { header, batches: chainRecords(deps.db, c.id, header.head.seq) };
}

/** A receipt's bytes for the public: only of a posted entry, and only when it was marked public. */
export async function publicReceipt(deps: AppDeps, fileId: string): Promise<{ content: Buffer; mime: string; fileName: string }> {
  const f = await repo.receiptContent(deps.db, fileId);
  if (!f || f.owner_kind !== 'ledger_entry' || !f.owner_id) throw notFound();
  const entry = await repo.findEntry(deps.db, f.owner_id);
  if (!entry || entry.status !== 'posted' || !receiptsOf(entry).some((r) => r.fileId === fileId && r.public)) throw notFound();
  return { content: Buffer.from(f.content), mime: f.mime, fileName: f.file_name };
}
