import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LedgerAccountView, LedgerEntryPage, LedgerEntryView, PublicLedgerPage, PublicLedgerSummary } from '@gongzhi/shared';
import { dialects } from '../../test/dialects.js';
import { testApp } from '../../test/fixtures.js';
import { sql } from 'kysely';
import { canonicalContent, formatYuan } from '@gongzhi/shared';
import { canonicalRowText, contentOf } from './ledger.chain.js';
import { verifyStoredChain } from './ledger.verify.js';
import { errCode, expense, income, ledgerWorld, ok, png, post, upload, type LW, type T } from './test/world.js';

describe.each(dialects)('ledger (%s)', (dialect) => {
  let t: T;
  let w: LW;
  beforeAll(async () => {
    t = await testApp(dialect);
    w = await ledgerWorld(t);
  });
  afterAll(() => t.close());
  const count = async () => Number((await t.deps.db.selectFrom('ledger_entries').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  it('creates the default chart once, and refuses unbalanced, foreign, retired and mismatched lines', async () => {
    expect(w.accounts.map((a) => a.code)).toContain('1101');
    expect(w.accounts.find((a) => a.code === '1102')).toMatchObject({ name: '为民服务专项经费', kind: 'fund', balance: 0 });
    const again = ok<{ items: LedgerAccountView[] }>(await w.admin.post(`/communities/${w.a}/ledger/accounts/default`), 'again');
    expect(again.items).toHaveLength(w.accounts.length);
    let res = await w.admin.post(`/communities/${w.a}/ledger/accounts`, { code: '1002', name: '重复', kind: 'fund' });
    expect([res.statusCode, errCode(res)]).toEqual([409, 'ledger_account_code_taken']);

    const bad = [
      [income(w, 100, { amount: 200 }), 'ledger_unbalanced'],
      [income(w, 100, { lines: [{ accountId: w.acct('1002'), side: 'debit', amount: 100 }, { accountId: w.acct('4001'), side: 'credit', amount: 90 }, { accountId: w.acct('4002'), side: 'credit', amount: 9 }] }), 'ledger_unbalanced'],
      [income(w, 100, { lines: [{ accountId: w.acct('1002'), side: 'debit', amount: 100 }, { accountId: w.acct('1001'), side: 'credit', amount: 100 }] }), 'ledger_kind_mismatch'],
      [expense(w, 100, { lines: [{ accountId: w.acct('1002'), side: 'debit', amount: 100 }, { accountId: 'no-such-account', side: 'credit', amount: 100 }] }), 'ledger_account_invalid'],
      [income(w, 100, { purpose: '退还押金给 13812345678 的住户' }), 'ledger_personal_data'],
      [income(w, 100, { date: '2026-12-01' }), 'ledger_date_invalid'],
    ] as const;
    for (const [body, code] of bad) {
      res = await w.admin.post(`/communities/${w.a}/ledger/entries`, body);
      expect([res.statusCode, errCode(res)]).toEqual([400, code]);
    }
    res = await w.admin.post(`/communities/${w.a}/ledger/entries`, income(w, 100, { lines: [{ accountId: w.acct('1002'), side: 'debit', amount: 0 }, { accountId: w.acct('4001'), side: 'credit', amount: 100 }] }));
    expect(res.statusCode).toBe(400);
    // B's accounts are not A's.
    const b = ok<{ items: LedgerAccountView[] }>(await w.adminB.post(`/communities/${t.world.b.id}/ledger/accounts/default`), 'b chart');
    res = await w.admin.post(`/communities/${w.a}/ledger/entries`, income(w, 100, { lines: [{ accountId: b.items.find((x) => x.code === '1002')!.id, side: 'debit', amount: 100 }, { accountId: w.acct('4001'), side: 'credit', amount: 100 }] }));
    expect([res.statusCode, errCode(res)]).toEqual([400, 'ledger_account_invalid']);
    // A retired account takes no new lines.
    const spare = ok<LedgerAccountView>(await w.admin.post(`/communities/${w.a}/ledger/accounts`, { code: '4099', name: '临时科目', kind: 'income' }), 'spare');
    ok(await w.admin.post(`/ledger/accounts/${spare.id}/retire`), 'retire');
    res = await w.admin.post(`/communities/${w.a}/ledger/entries`, income(w, 100, { lines: [{ accountId: w.acct('1002'), side: 'debit', amount: 100 }, { accountId: spare.id, side: 'credit', amount: 100 }] }));
    expect([res.statusCode, errCode(res)]).toEqual([400, 'ledger_account_invalid']);
    expect(await count()).toBe(0);
  });

  it('posts an income at once and an expense only when another keeper approves it', async () => {
    const receipt = await upload(w, Buffer.from('%PDF-1.7\n拨款通知'), '拨款通知.pdf');
    expect(receipt).toMatchObject({ mime: 'application/pdf', fileName: '拨款通知.pdf' });
    const inc = await post(w, income(w, 5_000_000, { receipts: [{ fileId: receipt.id, public: true }] }));
    expect(inc).toMatchObject({ status: 'posted', chain: { seq: 1 }, can: { approve: false, reverse: true } });
    expect(inc.receipts[0]).toMatchObject({ fileId: receipt.id, public: true });
    expect(inc.receipts[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);

    const exp = await post(w, expense(w, 120_000), 'staff');
    expect(exp).toMatchObject({ status: 'pending', chain: null, counterparty: '李四', authorName: '用户3' });
    let res = await w.staff.post(`/ledger/entries/${exp.id}/approve`);
    expect([res.statusCode, errCode(res)]).toEqual([403, 'ledger_own_entry']);
    res = await w.subdistrict.post(`/ledger/entries/${exp.id}/approve`);
    expect(res.statusCode).toBe(403);
    const approved = ok<LedgerEntryView>(await w.admin.post(`/ledger/entries/${exp.id}/approve`), 'approve');
    expect(approved).toMatchObject({ status: 'posted', approverName: '用户2', chain: { seq: 2, prevHash: inc.chain!.entryHash } });
    res = await w.admin.post(`/ledger/entries/${exp.id}/approve`);
    expect([res.statusCode, errCode(res)]).toEqual([409, 'ledger_not_pending']);

    const dropped = await post(w, expense(w, 999), 'admin');
    res = await w.admin.post(`/ledger/entries/${dropped.id}/reject`, { reason: '自己驳回' });
    expect([res.statusCode, errCode(res)]).toEqual([403, 'ledger_own_entry']);
    const rejected = ok<LedgerEntryView>(await w.staff.post(`/ledger/entries/${dropped.id}/reject`, { reason: '缺少发票' }), 'reject');
    expect(rejected).toMatchObject({ status: 'rejected', rejectReason: '缺少发票', chain: null });
    const pending = ok<LedgerEntryPage>(await w.subdistrict.get(`/communities/${w.a}/ledger/entries?status=pending`), 'pending');
    expect(pending.total).toBe(0);
    const audit = await t.deps.db.selectFrom('audit_log').select('action').where('target_id', '=', exp.id).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['ledger_entry.submitted', 'ledger_entry.approved']);
    // Each expense told the other keepers it waited for them; the rejected one told its author why.
    const told = await t.deps.db.selectFrom('notifications').select(['recipient_user_id', 'subject', 'body', 'dedupe_key']).where('template', '=', 'openness_alert').where('channel', '=', 'in_app').execute();
    expect(told.filter((n) => n.dedupe_key.startsWith(`ledger_entry:${exp.id}:`)).map((n) => n.recipient_user_id)).toEqual([t.world.users.community_admin]);
    expect(told.filter((n) => n.dedupe_key.startsWith(`ledger_entry:${dropped.id}:pending`)).map((n) => n.recipient_user_id)).toEqual([t.world.users.community_staff]);
    const why = told.filter((n) => n.dedupe_key.startsWith(`ledger_entry:${dropped.id}:rejected`));
    expect(why).toMatchObject([{ recipient_user_id: t.world.users.community_admin, body: '缺少发票' }]);
    expect(why[0]!.subject).toMatch(/^支出未获通过：/);
    expect(why[0]!.subject).toContain(`（${formatYuan(999)}）`);
  });

  it('reverses a posted entry once, linked both ways, and keeps both', async () => {
    const orig = await post(w, income(w, 30_000, { purpose: '误录的一笔捐赠收入' }));
    let res = await w.admin.post(`/ledger/entries/${orig.id}/reverse`, { reason: '重复录入' });
    expect(res.statusCode).toBe(201);
    const rev = res.json() as LedgerEntryView;
    expect(rev).toMatchObject({ kind: 'reversal', status: 'posted', amount: 30_000, reversesId: orig.id, reason: '重复录入', can: { reverse: false } });
    expect(rev.lines.map((l) => [l.account, l.side])).toEqual([['1002', 'credit'], ['4001', 'debit']]);
    const again = ok<LedgerEntryView>(await w.admin.get(`/ledger/entries/${orig.id}`), 'orig');
    expect(again).toMatchObject({ reversedById: rev.id, status: 'posted', can: { reverse: false } });
    res = await w.staff.post(`/ledger/entries/${orig.id}/reverse`, { reason: '再冲一次' });
    expect([res.statusCode, errCode(res)]).toEqual([409, 'ledger_already_reversed']);
    res = await w.admin.post(`/ledger/entries/${rev.id}/reverse`, { reason: '冲正的冲正' });
    expect([res.statusCode, errCode(res)]).toEqual([409, 'ledger_reverse_reversal']);
    const pendingOne = await post(w, expense(w, 10), 'staff');
    res = await w.admin.post(`/ledger/entries/${pendingOne.id}/reverse`, { reason: '未入账' });
    expect([res.statusCode, errCode(res)]).toEqual([409, 'ledger_not_posted']);
    ok(await w.admin.post(`/ledger/entries/${pendingOne.id}/reject`, { reason: '不需要' }), 'cleanup');
  });

  it('refuses a direct UPDATE or DELETE of a posted entry in the database itself', async () => {
    const posted = await t.deps.db.selectFrom('ledger_entries').select('id').where('status', '=', 'posted').executeTakeFirstOrThrow();
    await expect(t.deps.db.updateTable('ledger_entries').set({ amount: 1 }).where('id', '=', posted.id).execute()).rejects.toThrow(/immutable/);
    await expect(t.deps.db.deleteFrom('ledger_entries').where('id', '=', posted.id).execute()).rejects.toThrow(/immutable/);
    const row = await t.deps.db.selectFrom('ledger_entries').select('amount').where('id', '=', posted.id).executeTakeFirstOrThrow();
    expect(Number(row.amount)).not.toBe(1);
  });

  it('keeps balances and the monthly summary, and shows the public a masked, posted-only ledger', async () => {
    const accounts = ok<{ items: LedgerAccountView[] }>(await w.subdistrict.get(`/communities/${w.a}/ledger/accounts`), 'accounts').items;
    expect(accounts.find((a) => a.code === '1002')!.balance).toBe(5_000_000 - 120_000);
    let res = await w.admin.post(`/ledger/accounts/${w.acct('1002')}/retire`);
    expect([res.statusCode, errCode(res)]).toEqual([409, 'ledger_account_has_balance']);

    const summary = (await t.app.inject({ url: `/api/v1/public/communities/${w.a}/ledger` })).json() as PublicLedgerSummary;
    expect(summary.months).toHaveLength(12);
    expect(summary.months[11]).toEqual({ month: '2026-11', income: 5_000_000, expense: 120_000, entries: 4 });
    expect(summary.head.seq).toBe(4);
    expect(summary.funds.find((f) => f.code === '1002')!.balance).toBe(4_880_000);

    const page = (await t.app.inject({ url: `/api/v1/public/communities/${w.a}/ledger/entries?limit=10` })).json() as PublicLedgerPage;
    expect(page.items.map((e) => e.seq)).toEqual([4, 3, 2, 1]);
    expect(page.items.find((e) => e.seq === 2)!.counterparty).toBe('李*');
    expect(JSON.stringify(page)).not.toContain('李四');
    expect(page.items.find((e) => e.seq === 3)!.reversedById).toBe(page.items[0]!.id);
    const receiptUrl = page.items.find((e) => e.seq === 1)!.receipts[0]!.url!;
    const got = await t.app.inject({ url: receiptUrl });
    expect([got.statusCode, got.headers['content-type']]).toEqual([200, 'application/pdf']);

    // A receipt kept private, or of an entry not posted, is not public.
    const hidden = await upload(w, png('发票'));
    const withHidden = await post(w, expense(w, 500, { receipts: [{ fileId: hidden.id, public: false }] }), 'admin');
    expect((await t.app.inject({ url: `/api/v1/public/ledger/receipts/${hidden.id}` })).statusCode).toBe(404);
    expect((await w.staff.get(`/files/${hidden.id}`)).statusCode).toBe(200);
    expect((await w.adminB.get(`/files/${hidden.id}`)).statusCode).toBe(404);
    ok(await w.staff.post(`/ledger/entries/${withHidden.id}/approve`), 'approve');
    expect((await t.app.inject({ url: `/api/v1/public/ledger/receipts/${hidden.id}` })).statusCode).toBe(404);
    const report = await verifyStoredChain(t.deps, w.a);
    expect(report).toMatchObject({ ok: true, entries: 5, problems: [] });
  });

  it('answers 404 outside the actor’s communities and 403 to roles without the console', async () => {
    expect((await w.adminB.get(`/communities/${w.a}/ledger/entries`)).statusCode).toBe(404);
    expect((await w.adminB.post(`/communities/${w.a}/ledger/entries`, income(w, 100))).statusCode).toBe(404);
    const any = ok<LedgerEntryPage>(await w.admin.get(`/communities/${w.a}/ledger/entries`), 'list').items[0]!;
    expect((await w.adminB.get(`/ledger/entries/${any.id}`)).statusCode).toBe(404);
    expect((await w.adminB.post(`/ledger/entries/${any.id}/reverse`, { reason: '越权冲正' })).statusCode).toBe(404);
    expect((await w.grid.get(`/communities/${w.a}/ledger/entries`)).statusCode).toBe(403);
    expect((await w.resident.post(`/communities/${w.a}/ledger/entries`, income(w, 100))).statusCode).toBe(403);
    expect((await w.subdistrict.post(`/communities/${w.a}/ledger/entries`, income(w, 100))).statusCode).toBe(403);
    expect((await t.app.inject({ url: `/api/v1/public/communities/${t.world.g1.grid.id}/ledger` })).statusCode).toBe(404);
    const notReceipt = await w.admin.receipt(Buffer.from('GIF89a'), 'x.gif');
    expect([notReceipt.statusCode, errCode(notReceipt)]).toEqual([400, 'file_invalid']);
  });
  it('builds the canonical text from stored rows exactly as from their content, and catches a row rewritten behind the triggers', async () => {
    const rows = await t.deps.db.selectFrom('ledger_entries').selectAll().where('status', '=', 'posted').orderBy('seq').execute();
    expect(rows.some((r) => r.counterparty_kind === 'person') && rows.some((r) => r.receipts_json !== '[]')).toBe(true);
    for (const r of rows) expect(canonicalRowText(r)).toBe(canonicalContent(contentOf(r, Number(r.seq), r.posted_at!, r.approver_id)));
    // A database administrator drops the trigger and edits an amount: the stored chain no longer verifies.
    const drop = dialect === 'postgres' ? sql`drop trigger ledger_entries_no_change on ledger_entries` : sql`drop trigger ledger_entries_no_update`;
    await drop.execute(t.deps.db);
    const victim = rows[1]!;
    await t.deps.db.updateTable('ledger_entries').set({ amount: Number(victim.amount) + 1 }).where('id', '=', victim.id).execute();
    const report = await verifyStoredChain(t.deps, w.a);
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([{ kind: 'edited', seq: Number(victim.seq), id: victim.id, fields: ['amount'] }]);
  });
});
