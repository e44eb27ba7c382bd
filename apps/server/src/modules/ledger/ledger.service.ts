import {
  findPersonalData,
  GENESIS_HASH,
  type CreateLedgerAccountBody,
  type CreateLedgerEntryBody,
  type LedgerAccountView,
  type LedgerEntriesQuery,
  type LedgerEntryPage,
  type LedgerEntryView,
} from '@gongzhi/shared';
import type { LedgerEntriesTable } from '../../db/ledger-tables.js';
import { isUniqueViolation } from '../../db/unique-violation.js';
import type { AppDeps } from '../../deps.js';
import type { Actor, RequestContext } from '../../lib/actor.js';
import { AppError, badRequest, conflict, notFound } from '../../lib/app-error.js';
import { iso, localDate } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import { recordAudit } from '../audit/audit.service.js';
import { tellAuthorRejected, tellKeepers } from './ledger.alerts.js';
import { attachFiles, fileOwners } from '../files/index.js';
import { appendToChain } from './ledger.append.js';
import { linesOf, type StoredReceipt } from './ledger.chain.js';
import { defaultChart } from './ledger.chart.js';
import { keepsLedgerOf, viewsLedgerOf } from './ledger.policy.js';
import * as repo from './ledger.repository.js';
import { accountView, entryViews } from './ledger.views.js';

/**
 * The ledger's writes. An income posts when entered; an expense waits for a keeper other than its author; a
 * posted entry never changes (a reversing entry corrects it). Every write is audited in its own transaction.
 */

/** The community when the actor reads (or keeps) its ledger; 404 otherwise, as for a missing one. */
export async function communityFor(deps: AppDeps, actor: Actor, id: string, need: 'view' | 'keep'): Promise<repo.CommunityRow> {
  const c = await repo.findCommunity(deps.db, id);
  if (!c || !viewsLedgerOf(actor, c.path)) throw notFound();
  if (need === 'keep' && !keepsLedgerOf(actor, c.path)) throw notFound();
  return c;
}

const audit = (deps: AppDeps, ctx: RequestContext, c: repo.CommunityRow) => (trx: Parameters<typeof recordAudit>[0], action: string, targetType: string, targetId: string, after: unknown, before?: unknown) =>
  recordAudit(trx, ctx, deps.clock, { action, targetType, targetId, communityId: c.id, scopePath: c.path, after, before });

export async function listAccounts(deps: AppDeps, actor: Actor, communityId: string): Promise<{ items: LedgerAccountView[] }> {
  const c = await communityFor(deps, actor, communityId, 'view');
  return { items: (await repo.accountsOf(deps.db, c.id)).map(accountView) };
}

export async function createAccount(deps: AppDeps, ctx: RequestContext, communityId: string, body: CreateLedgerAccountBody): Promise<LedgerAccountView> {
  const c = await communityFor(deps, ctx.actor, communityId, 'keep');
  const row = { id: newId(), community_id: c.id, code: body.code, name: body.name, kind: body.kind, retired_at: null, created_by: ctx.actor.userId!, created_at: iso(deps.clock.now()) };
  try {
    await deps.db.transaction().execute(async (trx) => {
      await repo.insertAccounts(trx, [row]);
      await audit(deps, ctx, c)(trx, 'ledger_account.created', 'ledger_account', row.id, { code: row.code, name: row.name, kind: row.kind });
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw conflict('ledger_account_code_taken', { field: 'code' });
    throw e;
  }
  return accountView({ ...row, debit: 0, credit: 0 });
}

/** The default chart of accounts; codes the community already has are left as they are. */
export async function createDefaultChart(deps: AppDeps, ctx: RequestContext | null, communityId: string, createdBy: string): Promise<{ items: LedgerAccountView[] }> {
  const c = ctx ? await communityFor(deps, ctx.actor, communityId, 'keep') : await repo.findCommunity(deps.db, communityId);
  if (!c) throw notFound();
  const now = iso(deps.clock.now());
  await deps.db.transaction().execute(async (trx) => {
    const have = new Set((await repo.accountsOf(trx, c.id)).map((a) => a.code));
    const rows = defaultChart.filter((a) => !have.has(a.code)).map((a) => ({ id: newId(), community_id: c.id, ...a, retired_at: null, created_by: createdBy, created_at: now }));
    await repo.insertAccounts(trx, rows);
    if (ctx) await audit(deps, ctx, c)(trx, 'ledger_account.default_chart', 'community', c.id, { codes: rows.map((r) => r.code) });
  });
  return { items: (await repo.accountsOf(deps.db, c.id)).map(accountView) };
}

export async function retireAccount(deps: AppDeps, ctx: RequestContext, accountId: string): Promise<LedgerAccountView> {
  const a = await repo.findAccount(deps.db, accountId);
  if (!a) throw notFound();
  const c = await communityFor(deps, ctx.actor, a.community_id, 'keep');
  if (a.retired_at) throw conflict('ledger_account_retired');
  if (a.debit !== a.credit) throw conflict('ledger_account_has_balance', { balance: accountView(a).balance });
  const at = iso(deps.clock.now());
  await deps.db.transaction().execute(async (trx) => {
    if ((await repo.retireAccount(trx, a.id, at)) === 0) throw conflict('ledger_account_retired');
    await audit(deps, ctx, c)(trx, 'ledger_account.retired', 'ledger_account', a.id, { retiredAt: at }, { retiredAt: null });
  });
  return accountView({ ...a, retired_at: at });
}

/** Text the public reads must not carry an ID, mobile or bank card number. */
function refusePersonalData(fields: Record<string, string>): void {
  const findings = Object.entries(fields).flatMap(([field, text]) => findPersonalData(text).map((f) => ({ field, ...f })));
  if (findings.length > 0) throw badRequest('ledger_personal_data', { findings });
}

async function checkedReceipts(deps: AppDeps, actor: Actor, body: CreateLedgerEntryBody): Promise<StoredReceipt[]> {
  const ids = body.receipts.map((r) => r.fileId);
  if (new Set(ids).size !== ids.length) throw badRequest('ledger_receipt_invalid', { field: 'receipts' });
  const files = new Map((await repo.receiptFiles(deps.db, ids)).map((f) => [f.id, f]));
  return body.receipts.map((r) => {
    const f = files.get(r.fileId);
    if (!f || f.owner_kind !== null || f.created_by !== actor.userId) throw badRequest('ledger_receipt_invalid', { field: 'receipts', fileId: r.fileId });
    return { fileId: f.id, sha256: f.sha256, public: r.public, fileName: f.file_name, mime: f.mime };
  });
}

/** What every new entry starts with: its author, and no decision, seq or hashes until it is posted. */
function unposted(ctx: RequestContext, now: Date) {
  return {
    author_id: ctx.actor.userId!,
    author_name: ctx.actor.displayName,
    approver_id: null,
    approver_name: null,
    reject_reason: null,
    created_at: iso(now),
    decided_at: null,
    seq: null,
    posted_at: null,
    content_hash: null,
    prev_hash: null,
    entry_hash: null,
  } satisfies Partial<LedgerEntriesTable>;
}

/** Enter an income (posted at once) or an expense (pending another keeper's approval). */
export async function createEntry(deps: AppDeps, ctx: RequestContext, communityId: string, body: CreateLedgerEntryBody): Promise<LedgerEntryView> {
  const c = await communityFor(deps, ctx.actor, communityId, 'keep');
  const now = deps.clock.now();
  if (body.date > localDate(now)) throw badRequest('ledger_date_invalid', { field: 'date' });
  refusePersonalData({ purpose: body.purpose, category: body.category, ...(body.counterpartyKind === 'organisation' ? { counterparty: body.counterparty } : {}) });
  const accounts = new Map((await repo.accountsOf(deps.db, c.id)).map((a) => [a.id, a]));
  const lines = body.lines.map((l, i) => {
    const a = accounts.get(l.accountId);
    if (!a || a.retired_at) throw badRequest('ledger_account_invalid', { field: `lines.${i}.accountId` });
    return { account: a.code, side: l.side, amount: l.amount, kind: a.kind };
  });
  const debit = lines.filter((l) => l.side === 'debit').reduce((s, l) => s + l.amount, 0);
  const credit = lines.filter((l) => l.side === 'credit').reduce((s, l) => s + l.amount, 0);
  if (debit !== credit || debit !== body.amount) throw badRequest('ledger_unbalanced', { field: 'lines', debit, credit, amount: body.amount });
  const fits = body.kind === 'income' ? lines.some((l) => l.kind === 'income' && l.side === 'credit') : lines.some((l) => l.kind === 'expense' && l.side === 'debit');
  if (!fits) throw badRequest('ledger_kind_mismatch', { field: 'lines' });
  const receipts = await checkedReceipts(deps, ctx.actor, body);
  const row: LedgerEntriesTable = {
    id: newId(),
    community_id: c.id,
    kind: body.kind,
    status: 'pending',
    entry_date: body.date,
    amount: body.amount,
    counterparty: body.counterparty,
    counterparty_kind: body.counterpartyKind,
    category: body.category,
    purpose: body.purpose,
    lines_json: JSON.stringify(lines.map(({ account, side, amount }) => ({ account, side, amount }))),
    receipts_json: JSON.stringify(receipts),
    reverses_id: null,
    reason: '',
    ...unposted(ctx, now),
  };
  await deps.db.transaction().execute(async (trx) => {
    // Income posts when entered: inserted straight into the chain. An expense waits, unhashed, for approval.
    if (body.kind === 'income') await appendToChain(trx, { row, insert: true, approver: null, now: row.created_at, postgres: deps.handle.dialect === 'postgres' });
    else {
      await repo.insertEntry(trx, row);
      await tellKeepers(trx, deps, c, row);
    }
    const fileIds = receipts.map((r) => r.fileId);
    if (fileIds.length > 0) await attachFiles(trx, fileIds, { uploaderId: ctx.actor.userId, ownerKind: fileOwners.ledgerEntry, ownerId: row.id, communityId: c.id, now: row.created_at });
    await audit(deps, ctx, c)(trx, body.kind === 'income' ? 'ledger_entry.posted' : 'ledger_entry.submitted', 'ledger_entry', row.id, { ...body, lines: JSON.parse(row.lines_json) });
  });
  return entryView(deps, ctx.actor, c, row.id);
}

async function entryView(deps: AppDeps, actor: Actor, c: repo.CommunityRow, id: string): Promise<LedgerEntryView> {
  const row = await repo.findEntry(deps.db, id);
  if (!row || row.community_id !== c.id) throw notFound();
  const [view] = await entryViews(deps.db, actor, c, [row]);
  return view!;
}

/** The entry and its community when the actor reads (keeps) that community's ledger; 404 otherwise. */
async function entryFor(deps: AppDeps, actor: Actor, id: string, need: 'view' | 'keep'): Promise<{ row: repo.EntryRow; c: repo.CommunityRow }> {
  const row = await repo.findEntry(deps.db, id);
  if (!row) throw notFound();
  return { row, c: await communityFor(deps, actor, row.community_id, need) };
}

export async function getEntry(deps: AppDeps, actor: Actor, id: string): Promise<LedgerEntryView> {
  const { c } = await entryFor(deps, actor, id, 'view');
  return entryView(deps, actor, c, id);
}

export async function listEntries(deps: AppDeps, actor: Actor, communityId: string, q: LedgerEntriesQuery): Promise<LedgerEntryPage> {
  const c = await communityFor(deps, actor, communityId, 'view');
  const { rows, total } = await repo.listEntries(deps.db, { communityId: c.id, ...q });
  return { items: await entryViews(deps.db, actor, c, rows), total };
}

function requirePendingOfAnother(row: repo.EntryRow, actor: Actor): void {
  if (row.status !== 'pending') throw conflict('ledger_not_pending', { status: row.status });
  if (row.author_id === actor.userId) throw new AppError('ledger_own_entry', 403);
}

/** Another keeper approves an expense: it is posted at the end of the chain. */
export async function approveEntry(deps: AppDeps, ctx: RequestContext, id: string): Promise<LedgerEntryView> {
  const { row, c } = await entryFor(deps, ctx.actor, id, 'keep');
  requirePendingOfAnother(row, ctx.actor);
  const now = iso(deps.clock.now());
  await deps.db.transaction().execute(async (trx) => {
    // Under the head lock the entry is read again: a second approver racing this one finds it posted.
    await repo.lockHead(trx, c.id, GENESIS_HASH, now, deps.handle.dialect === 'postgres');
    const fresh = await repo.findEntry(trx, id);
    requirePendingOfAnother(fresh!, ctx.actor);
    await appendToChain(trx, { row: fresh!, insert: false, approver: { id: ctx.actor.userId!, name: ctx.actor.displayName }, now, postgres: deps.handle.dialect === 'postgres' });
    await audit(deps, ctx, c)(trx, 'ledger_entry.approved', 'ledger_entry', id, { status: 'posted' }, { status: 'pending' });
  });
  return entryView(deps, ctx.actor, c, id);
}

export async function rejectEntry(deps: AppDeps, ctx: RequestContext, id: string, reason: string): Promise<LedgerEntryView> {
  const { row, c } = await entryFor(deps, ctx.actor, id, 'keep');
  requirePendingOfAnother(row, ctx.actor);
  const now = iso(deps.clock.now());
  await deps.db.transaction().execute(async (trx) => {
    if ((await repo.markRejected(trx, id, { approver_id: ctx.actor.userId!, approver_name: ctx.actor.displayName, reject_reason: reason, decided_at: now })) === 0) throw conflict('ledger_not_pending');
    await audit(deps, ctx, c)(trx, 'ledger_entry.rejected', 'ledger_entry', id, { status: 'rejected', reason }, { status: 'pending' });
    await tellAuthorRejected(trx, deps, c, row, reason);
  });
  return entryView(deps, ctx.actor, c, id);
}

/** Correct a posted entry with a reversing entry: the same amount, the lines swapped, its own reason; once. */
export async function reverseEntry(deps: AppDeps, ctx: RequestContext, id: string, reason: string): Promise<LedgerEntryView> {
  const { row, c } = await entryFor(deps, ctx.actor, id, 'keep');
  if (row.status !== 'posted') throw conflict('ledger_not_posted');
  if (row.kind === 'reversal') throw conflict('ledger_reverse_reversal');
  refusePersonalData({ reason });
  const now = deps.clock.now();
  const swapped = linesOf(row).map((l) => ({ account: l.account, side: l.side === 'debit' ? 'credit' : 'debit', amount: l.amount }));
  const reversal: LedgerEntriesTable = {
    ...row,
    id: newId(),
    kind: 'reversal',
    status: 'pending',
    entry_date: localDate(now),
    lines_json: JSON.stringify(swapped),
    receipts_json: '[]',
    reverses_id: row.id,
    reason,
    ...unposted(ctx, now),
  };
  try {
    await deps.db.transaction().execute(async (trx) => {
      if ((await repo.reversalsOf(trx, [row.id])).size > 0) throw conflict('ledger_already_reversed');
      await appendToChain(trx, { row: reversal, insert: true, approver: null, now: reversal.created_at, postgres: deps.handle.dialect === 'postgres' });
      await audit(deps, ctx, c)(trx, 'ledger_entry.reversed', 'ledger_entry', row.id, { reversalId: reversal.id, reason });
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw conflict('ledger_already_reversed');
    throw e;
  }
  return entryView(deps, ctx.actor, c, reversal.id);
}
