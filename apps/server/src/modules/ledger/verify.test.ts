import { sql } from 'kysely';
import type { LedgerVerification } from '@gongzhi/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../test/dialects.js';
import { testApp } from '../../test/fixtures.js';
import { canonicalRowText } from './ledger.chain.js';
import { chainColumns } from './ledger.repository.js';
import { verifyStoredChain } from './ledger.verify.js';
import { canonicalTexts } from './ledger.verify.repository.js';
import { expense, income, ledgerWorld, ok, png, post, upload, type LW, type T } from './test/world.js';

/**
 * The stored-chain verifier checks ranges inside the database, in parallel (worker threads on SQLite), and walks
 * only what the database could not vouch for. These tests hold its SQL-built text byte-equal to the application's,
 * and cut a short chain into several ranges so that tampering at and between the seams is named exactly as a
 * single walk names it.
 */

describe.each(dialects)('stored ledger chain verification in ranges (%s)', (dialect) => {
  let t: T;
  let w: LW;
  const rowsBySeq = async () => t.deps.db.selectFrom('ledger_entries').select(chainColumns).where('community_id', '=', w.a).where('seq', 'is not', null).orderBy('seq').execute();
  beforeAll(async () => {
    t = await testApp(dialect);
    w = await ledgerWorld(t);
    // Names and texts that JSON has to escape, persons to mask (surrogate pairs, spaces), receipts, a reversal.
    const names = ['王五', '欧阳 "小" 明', '  赵\\六  ', '　钱七', "Ann O'Neil", '孙😀八'];
    for (const [i, name] of names.entries()) {
      await post(w, income(w, 10_000 + i, { counterparty: name, counterpartyKind: 'person', purpose: `第${i}笔 "引号" 与 \\ 反斜杠\n换行` }));
    }
    for (let i = 0; i < 6; i++) {
      const receipts = i % 2 ? [{ fileId: (await upload(w, png(`发票${i}`))).id, public: true }, { fileId: (await upload(w, Buffer.from(`%PDF-1.7\n收据${i}`), '收据.pdf')).id, public: false }] : [];
      const e = await post(w, expense(w, 500 + i, { receipts }));
      ok(await w.staff.post(`/ledger/entries/${e.id}/approve`), 'approve');
    }
    const first = (await rowsBySeq())[0]!;
    ok(await w.admin.post(`/ledger/entries/${first.id}/reverse`, { reason: '重复入账，冲正' }), 'reverse');
  });
  afterAll(() => t.close());

  it('builds in SQL byte for byte the canonical text the application builds, for every kind of row', async () => {
    const rows = await rowsBySeq();
    expect(rows.length).toBe(13);
    const texts = await canonicalTexts(t.deps.db, dialect, w.a);
    expect(texts.map((x) => x.seq)).toEqual(rows.map((r) => Number(r.seq)));
    expect(texts.filter((x, i) => x.text !== canonicalRowText(rows[i]!)).map((x) => x.seq)).toEqual([]);
  });

  it('gives the same intact report in one range and in four, with every entry counted', async () => {
    const one = await verifyStoredChain(t.deps, w.a, { parts: 1 });
    expect(one).toMatchObject({ ok: true, entries: 13, problems: [] });
    expect(await verifyStoredChain(t.deps, w.a, { parts: 4 })).toEqual(one);
    expect(await verifyStoredChain(t.deps, w.a, { parts: 13 })).toEqual(one);
    // The console's button: the community's keepers run it (audited); another community's admin is not told it exists.
    const res = ok<LedgerVerification>(await w.admin.post(`/communities/${w.a}/ledger/verify`), 'verify');
    expect(res).toMatchObject({ ok: true, entries: 13, problems: [], head: one.head });
    expect(res.seconds).toBeGreaterThanOrEqual(0);
    expect((await w.adminB.post(`/communities/${w.a}/ledger/verify`)).statusCode).toBe(404);
    expect((await w.resident.post(`/communities/${w.a}/ledger/verify`)).statusCode).toBe(403);
    const audited = await t.deps.db.selectFrom('audit_log').select(['action', 'after_json']).where('action', '=', 'ledger_chain.verified').execute();
    expect(audited.length).toBe(1);
  });

  it('names rows edited, unlinked and removed at and between the seams, as one walk does', async () => {
    const rows = await rowsBySeq();
    const drop =
      dialect === 'postgres'
        ? [sql`drop trigger ledger_entries_no_change on ledger_entries`]
        : [sql`drop trigger ledger_entries_no_update`, sql`drop trigger ledger_entries_no_delete`];
    for (const d of drop) await d.execute(t.deps.db);
    const set = (seq: number, values: Record<string, unknown>) => t.deps.db.updateTable('ledger_entries').set(values).where('community_id', '=', w.a).where('seq', '=', seq).execute();
    const at = (seq: number) => rows.find((r) => Number(r.seq) === seq)!;
    // Four ranges of 13: (0,4] (4,8] (8,12] (12,13]. Seq 5 opens the second range; seq 9 opens the third.
    await set(5, { amount: Number(at(5).amount) + 1 });
    await set(7, { receipts_json: '[{"sha256":' });
    await set(10, { prev_hash: 'f'.repeat(64) });
    await t.deps.db.deleteFrom('ledger_entries').where('community_id', '=', w.a).where('seq', '=', 12).execute();

    const one = await verifyStoredChain(t.deps, w.a, { parts: 1 });
    expect(one.ok).toBe(false);
    expect(one.problems).toEqual([
      { kind: 'edited', seq: 5, id: at(5).id, fields: ['amount'] },
      { kind: 'edited', seq: 7, id: at(7).id, fields: ['receipts_or_lines'] },
      { kind: 'broken_link', seq: 10, id: at(10).id },
      { kind: 'removed', fromSeq: 12, toSeq: 12, afterId: at(11).id },
    ]);
    expect(one.entries).toBe(12);
    for (const parts of [2, 3, 4, 13]) expect(await verifyStoredChain(t.deps, w.a, { parts })).toEqual(one);
  });
});
