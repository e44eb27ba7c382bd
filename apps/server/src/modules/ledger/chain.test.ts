import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalContent, verifyChain, type ChainRecord, type LedgerEntryView } from '@gongzhi/shared';
import { formatReport, readExport } from '../../cli/ledger.js';
import { dialects } from '../../test/dialects.js';
import { testApp } from '../../test/fixtures.js';
import { sha256 } from './ledger.chain.js';
import type { ChainExport } from './ledger.files.js';
import { verifyStoredChain } from './ledger.verify.js';
import { expense, income, ledgerWorld, ok, post, type LW, type T } from './test/world.js';

const run = promisify(execFile);
const dir = mkdtempSync(path.join(tmpdir(), 'gz-ledger-'));
const repoRoot = path.resolve(import.meta.dirname, '../../../../..');

async function verifyFile(file: string) {
  const { entries, head } = await readExport(file);
  return verifyChain(entries, sha256, { head: head ?? undefined });
}

describe.each(dialects)('ledger chain, exports and verification (%s)', (dialect) => {
  let t: T;
  let w: LW;
  let json: ChainExport;
  let xlsx: Buffer;
  beforeAll(async () => {
    t = await testApp(dialect);
    w = await ledgerWorld(t);
    for (let i = 1; i <= 4; i++) await post(w, income(w, i * 10_000, { counterparty: i % 2 ? '王五' : '测试街道办事处', counterpartyKind: i % 2 ? 'person' : 'organisation' }));
    const exp = await post(w, expense(w, 7_000), 'staff');
    ok(await w.admin.post(`/ledger/entries/${exp.id}/approve`), 'approve');
    json = (await t.app.inject({ url: `/api/v1/public/communities/${w.a}/ledger/export.json` })).json() as ChainExport;
    const res = await t.app.inject({ url: `/api/v1/public/communities/${w.a}/ledger/export.xlsx` });
    expect(res.headers['content-type']).toContain('spreadsheetml');
    xlsx = res.rawPayload;
  });
  afterAll(() => t.close());

  it('links every posted entry to the one before, from the documented genesis', async () => {
    expect(json.entries.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(json.entries[0]!.prevHash).toBe('0'.repeat(64));
    const e = json.entries[0]!;
    expect(sha256(canonicalContent(e))).toBe(e.contentHash);
    expect(sha256(e.prevHash + e.contentHash)).toBe(e.entryHash);
    expect(json.entries.map((x) => x.counterparty)).toContain('王*');
    expect(JSON.stringify(json)).not.toContain('王五');
    expect(json.head).toEqual({ seq: 5, entryHash: json.entries[4]!.entryHash });
    expect(await verifyStoredChain(t.deps, w.a)).toMatchObject({ ok: true, entries: 5 });
    // The export is streamed; a community with nothing posted still gets a whole, parsable file.
    const empty = (await t.app.inject({ url: `/api/v1/public/communities/${t.world.b.id}/ledger/export.json` })).json() as ChainExport;
    expect(empty).toMatchObject({ format: 'gongzhi-ledger-chain', head: { seq: 0, entryHash: '0'.repeat(64) }, entries: [] });
  });

  it('passes a clean JSON export and names an edited amount, a removed entry and two swapped entries', async () => {
    const write = (name: string, entries: ChainRecord[]) => {
      const file = path.join(dir, `${dialect}-${name}.json`);
      writeFileSync(file, JSON.stringify({ ...json, entries }));
      return file;
    };
    const clean = await verifyFile(write('clean', json.entries));
    expect(clean).toMatchObject({ ok: true, entries: 5, problems: [] });

    const edited = structuredClone(json.entries);
    edited[2]!.amount += 100;
    const r1 = await verifyFile(write('edited', edited));
    expect(r1.problems).toEqual([{ kind: 'edited', seq: 3, id: edited[2]!.id, fields: ['amount'] }]);
    expect(formatReport('f.json', r1, 'zh').join('\n')).toContain(`第 3 笔（编号 ${edited[2]!.id}）内容被改动（金额与原记录不符）`);

    const removed = json.entries.filter((e) => e.seq !== 2);
    expect((await verifyFile(write('removed', removed))).problems).toEqual([{ kind: 'removed', fromSeq: 2, toSeq: 2, afterId: json.entries[0]!.id }]);
    const cutTail = json.entries.slice(0, 4);
    expect((await verifyFile(write('cut', cutTail))).problems.map((p) => p.kind)).toEqual(['head_mismatch']);

    const swapped = [...json.entries];
    [swapped[1], swapped[3]] = [swapped[3]!, swapped[1]!];
    const r3 = await verifyFile(write('swapped', swapped));
    expect(r3.problems).toEqual([
      { kind: 'reordered', seq: 2, id: json.entries[1]!.id, position: 4, expectedPosition: 2 },
      { kind: 'reordered', seq: 4, id: json.entries[3]!.id, position: 2, expectedPosition: 4 },
    ]);
  });

  it('reads the .xlsx export back and names the same problems in it', async () => {
    const file = path.join(dir, `${dialect}-clean.xlsx`);
    writeFileSync(file, xlsx);
    expect(await verifyFile(file)).toMatchObject({ ok: true, entries: 5 });

    const tamper = async (name: string, change: (sheet: ExcelJS.Worksheet) => void) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
      const sheet = wb.getWorksheet('账目')!;
      expect(sheet.getRow(1).getCell(6).value).toBe('金额（分）');
      change(sheet);
      const out = path.join(dir, `${dialect}-${name}.xlsx`);
      writeFileSync(out, Buffer.from(await wb.xlsx.writeBuffer()));
      return verifyFile(out);
    };
    const edited = await tamper('edited', (s) => {
      s.getRow(4).getCell(6).value = 30_001;
    });
    expect(edited.problems).toEqual([{ kind: 'edited', seq: 3, id: json.entries[2]!.id, fields: ['amount'] }]);
    const removed = await tamper('removed', (s) => s.spliceRows(3, 1));
    expect(removed.problems).toEqual([{ kind: 'removed', fromSeq: 2, toSeq: 2, afterId: json.entries[0]!.id }]);
    const swapped = await tamper('swapped', (s) => {
      const a = s.getRow(3).values as ExcelJS.CellValue[];
      const b = s.getRow(4).values as ExcelJS.CellValue[];
      s.getRow(3).values = b;
      s.getRow(4).values = a;
    });
    expect(swapped.problems.map((p) => [p.kind, 'seq' in p ? p.seq : 0])).toEqual([['reordered', 2], ['reordered', 3]]);
  });

  it('runs as `npm run gongzhi -- ledger verify` with exit 0 when intact and 1 when edited', async () => {
    const cleanFile = path.join(dir, `${dialect}-cli-clean.json`);
    writeFileSync(cleanFile, JSON.stringify(json));
    const tsx = path.join(repoRoot, 'node_modules/.bin/tsx');
    const cli = path.join(repoRoot, 'apps/server/src/cli/main.ts');
    const good = await run(tsx, [cli, 'ledger', 'verify', cleanFile, '--head', json.head.entryHash], { cwd: repoRoot });
    expect(good.stdout).toContain('intact');
    const bad = structuredClone(json);
    bad.entries[1]!.amount = 1;
    const badFile = path.join(dir, `${dialect}-cli-bad.json`);
    writeFileSync(badFile, JSON.stringify(bad));
    const failed = await run(tsx, [cli, 'ledger', 'verify', badFile, '--lang', 'en'], { cwd: repoRoot }).catch((e: { code: number; stdout: string }) => e);
    expect('code' in failed ? failed.code : 0).toBe(1);
    expect(failed.stdout).toContain(`entry seq 2 (id ${bad.entries[1]!.id}) was edited (amount no longer matches)`);
  }, 60_000);

  it('never gives two concurrent posts the same seq', async () => {
    const before = json.head.seq;
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => post(w, income(w, 100 + i, { purpose: `并发入账测试第${i + 1}笔` }), i % 2 ? 'staff' : 'admin')));
    const seqs = results.map((r: LedgerEntryView) => r.chain!.seq).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 12 }, (_, i) => before + i + 1));
    const pending = await post(w, expense(w, 50), 'admin');
    const [a, b] = await Promise.all([w.staff.post(`/ledger/entries/${pending.id}/approve`), w.staff.post(`/ledger/entries/${pending.id}/approve`)]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    expect(await verifyStoredChain(t.deps, w.a)).toMatchObject({ ok: true, entries: before + 13 });
  });
});
