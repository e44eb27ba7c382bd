import type { LedgerAccountKind, LedgerAccountView, LedgerEntryKind, LedgerEntryStatus, LedgerEntryView, CounterpartyKind, PublicLedgerEntry } from '@gongzhi/shared';
import type { Db } from '../../db/database.js';
import type { Actor } from '../../lib/actor.js';
import { fileUrl } from '../files/index.js';
import { linesOf, publicCounterparty, receiptsOf } from './ledger.chain.js';
import { keepsLedgerOf } from './ledger.policy.js';
import * as repo from './ledger.repository.js';

/** Presenters: the console's entry (full counterparty, names, pending state) and the public one (masked, posted). */

/** A fund or expense account's balance is debits − credits; an income account's is credits − debits. */
export function accountView(a: repo.AccountRow): LedgerAccountView {
  return { id: a.id, code: a.code, name: a.name, kind: a.kind as LedgerAccountKind, balance: a.kind === 'income' ? a.credit - a.debit : a.debit - a.credit, retiredAt: a.retired_at };
}

async function accountNames(db: Db, communityId: string): Promise<Map<string, string>> {
  return new Map((await repo.accountsOf(db, communityId)).map((a) => [a.code, a.name]));
}

export async function entryViews(db: Db, actor: Actor, c: repo.CommunityRow, rows: repo.EntryRow[]): Promise<LedgerEntryView[]> {
  const names = await accountNames(db, c.id);
  const reversedBy = await repo.reversalsOf(db, rows.map((r) => r.id));
  const keeper = keepsLedgerOf(actor, c.path);
  return rows.map((r) => ({
    id: r.id,
    communityId: r.community_id,
    kind: r.kind as LedgerEntryKind,
    status: r.status as LedgerEntryStatus,
    date: r.entry_date,
    amount: Number(r.amount),
    counterparty: r.counterparty,
    counterpartyKind: r.counterparty_kind as CounterpartyKind,
    category: r.category,
    purpose: r.purpose,
    lines: linesOf(r).map((l) => ({ ...l, accountName: names.get(l.account) ?? l.account })),
    receipts: receiptsOf(r).map((f) => ({ fileId: f.fileId, fileName: f.fileName, mime: f.mime, sha256: f.sha256, public: f.public, url: fileUrl(f.fileId) })),
    reversesId: r.reverses_id,
    reversedById: reversedBy.get(r.id) ?? null,
    reason: r.reason,
    authorName: r.author_name,
    approverName: r.approver_name,
    rejectReason: r.reject_reason,
    createdAt: r.created_at,
    postedAt: r.posted_at,
    chain: r.seq === null ? null : { seq: Number(r.seq), contentHash: r.content_hash!, prevHash: r.prev_hash!, entryHash: r.entry_hash! },
    can: {
      approve: keeper && r.status === 'pending' && r.author_id !== actor.userId,
      reverse: keeper && r.status === 'posted' && r.kind !== 'reversal' && !reversedBy.has(r.id),
    },
  }));
}

export const publicReceiptUrl = (fileId: string): string => `/api/v1/public/ledger/receipts/${fileId}`;

export async function publicEntries(db: Db, communityId: string, rows: repo.EntryRow[]): Promise<PublicLedgerEntry[]> {
  const names = await accountNames(db, communityId);
  const reversedBy = await repo.reversalsOf(db, rows.map((r) => r.id));
  return rows.map((r) => ({
    seq: Number(r.seq),
    id: r.id,
    kind: r.kind as LedgerEntryKind,
    date: r.entry_date,
    amount: Number(r.amount),
    counterparty: publicCounterparty(r.counterparty, r.counterparty_kind),
    counterpartyKind: r.counterparty_kind as CounterpartyKind,
    category: r.category,
    purpose: r.purpose,
    lines: linesOf(r).map((l) => ({ ...l, accountName: names.get(l.account) ?? l.account })),
    receipts: receiptsOf(r).map((f) => ({ sha256: f.sha256, mime: f.mime, url: f.public ? publicReceiptUrl(f.fileId) : null })),
    reversesId: r.reverses_id,
    reversedById: reversedBy.get(r.id) ?? null,
    reason: r.reason,
    postedAt: r.posted_at!,
    contentHash: r.content_hash!,
    entryHash: r.entry_hash!,
  }));
}
