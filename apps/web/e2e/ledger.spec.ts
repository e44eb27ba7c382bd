import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChainRecord, Me } from '@gongzhi/shared';
import { consoleAs, expectShown } from './covenant-steps.js';
import { apiAs, dialects, getJson, startHarness, type Harness } from './harness.js';

/**
 * The public ledger as its keepers and the public use it: the social worker (社工) enters an income and an
 * expense in the console, the secretary (书记) approves the expense (the social worker cannot) and reverses the
 * income; anyone sees all of it on the portal without a login; the JSON export verifies offline with
 * `ledger verify`, and changing one amount in it makes the verifier name that entry.
 */

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const INCOME = '居民捐赠的文化节活动经费（E2E收入）';
const EXPENSE = '文化节购买演出服装（E2E支出）';
const PERSON = '赵六';

async function openLedger(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: '功能菜单' }).getByRole('link', { name: '公开账本', exact: true }).click();
  await page.waitForURL('**/console/ledger');
  await expectShown(page, page.getByRole('button', { name: '录入收入' }));
}

/** Pick an option of an Ant Design select, and make sure it took (a click during the opening animation can miss). */
async function pick(page: Page, label: string, option: string): Promise<void> {
  const field = page.locator('.ant-form-item').filter({ has: page.getByLabel(label, { exact: true }) });
  for (let attempt = 0; attempt < 3; attempt++) {
    await page.getByLabel(label, { exact: true }).click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: option }).click();
    const took = await field
      .locator('.ant-select')
      .getByText(option)
      .waitFor({ timeout: 3_000 })
      .then(() => true, () => false);
    if (took) return;
  }
  throw new Error(`Could not pick “${option}” in “${label}”`);
}

async function enter(page: Page, kind: '录入收入' | '录入支出', f: { amount: string; counterparty: string; person?: boolean; category: string; purpose: string; debit: string; credit: string }) {
  await page.getByRole('button', { name: kind }).click();
  const drawer = page.locator('.ant-drawer').filter({ hasText: kind });
  await drawer.getByLabel('金额（元）').fill(f.amount);
  if (f.person) await pick(page, '对方类型', '个人');
  await drawer.getByLabel('对方名称').fill(f.counterparty);
  await drawer.getByLabel('类别').fill(f.category);
  await drawer.getByLabel('用途').fill(f.purpose);
  await pick(page, '借方科目', f.debit);
  await pick(page, '贷方科目', f.credit);
  await drawer.getByRole('button', { name: '提交' }).click();
  await expectShown(page, page.getByRole('button', { name: `详情 ${f.purpose}` }));
}

function verify(file: string, ...flags: string[]) {
  const tsx = path.join(repoRoot, 'node_modules/tsx/dist/cli.mjs');
  return spawnSync(process.execPath, [tsx, 'apps/server/src/cli/main.ts', 'ledger', 'verify', file, ...flags], { cwd: repoRoot, encoding: 'utf8' });
}

describe.each(dialects)('the public ledger (%s)', (dialect) => {
  let h: Harness;
  let communityId: string;
  beforeAll(async () => {
    h = await startHarness(dialect);
    const { api, close } = await apiAs(h, 'shuji');
    communityId = (await getJson<Me>(api, '/api/v1/me')).roles[0]!.communityId!;
    await close();
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('posts an income, an expense approved by another keeper and a reversal, and shows them on the portal', { timeout: 600_000 }, async () => {
    // 1. The social worker enters an income (posted at once) and an expense to a person (pending).
    const shegong = await consoleAs(h, 'shegong');
    await openLedger(shegong);
    await enter(shegong, '录入收入', { amount: '1234.56', counterparty: '五福苑文化志愿者协会', category: '捐赠', purpose: INCOME, debit: '1002 银行存款', credit: '4003 捐赠收入' });
    await enter(shegong, '录入支出', { amount: '321', counterparty: PERSON, person: true, category: '活动费', purpose: EXPENSE, debit: '5002 活动费', credit: '1002 银行存款' });
    // The author cannot approve their own expense.
    await shegong.getByRole('button', { name: `详情 ${EXPENSE}` }).click();
    const own = shegong.locator('.ant-drawer').filter({ hasText: '账目详情' });
    await expectShown(shegong, own.getByText('这是您录入的支出，须由另一位记账人审核。'));
    expect(await own.getByRole('button', { name: '审核通过' }).count()).toBe(0);
    await shegong.close();

    // 2. The secretary approves it from the queue and reverses the income with a reason (inline confirmation).
    const shuji = await consoleAs(h, 'shuji');
    await openLedger(shuji);
    await shuji.getByRole('tab', { name: '待审核' }).click();
    await shuji.getByRole('button', { name: `详情 ${EXPENSE}` }).click();
    let drawer = shuji.locator('.ant-drawer').filter({ hasText: '账目详情' });
    await drawer.getByRole('button', { name: '审核通过' }).click();
    await expectShown(shuji, drawer.getByText('已入账'));
    await expectShown(shuji, drawer.getByText('链哈希'));
    await drawer.getByRole('button', { name: 'Close' }).or(drawer.locator('.ant-drawer-close')).first().click();
    await shuji.getByRole('tab', { name: '账目' }).click();
    await shuji.getByRole('button', { name: `详情 ${INCOME}` }).click();
    drawer = shuji.locator('.ant-drawer').filter({ hasText: '账目详情' });
    await drawer.getByRole('button', { name: '冲正', exact: true }).click();
    await drawer.getByLabel('原因').fill('捐赠方要求改为实物捐赠，退回款项（E2E）');
    await drawer.getByRole('button', { name: '确认冲正' }).click();
    await expectShown(shuji, drawer.getByText('冲正了'));
    await drawer.getByRole('button', { name: 'Close' }).or(drawer.locator('.ant-drawer-close')).first().click();
    // The secretary verifies the whole stored chain on the server; the verdict shows inline.
    await shuji.getByRole('button', { name: '核验整条账链' }).click();
    await expectShown(shuji, shuji.getByText(/账链完整：共 \d+ 笔/));
    await shuji.close();

    // 3. Anyone, without a login, sees the three entries on the portal: the person masked, the reversal linked.
    const visitor = await h.newPage();
    await visitor.goto(`/communities/${communityId}/ledger`);
    const entries = visitor.locator('.portal-ledger-entry');
    await expectShown(visitor, entries.filter({ hasText: EXPENSE }));
    await expect(entries.filter({ hasText: EXPENSE }).innerText()).resolves.toContain('赵*');
    expect(await visitor.locator('body').innerText()).not.toContain(PERSON);
    const reversal = entries.filter({ hasText: '冲正第' });
    await expect(reversal.first().innerText()).resolves.toContain('捐赠方要求改为实物捐赠');
    await expect(entries.filter({ hasText: INCOME }).filter({ hasNotText: '冲正第' }).innerText()).resolves.toContain('已被冲正');
    await expectShown(visitor, visitor.getByTestId('ledger-head-hash'));
    await visitor.close();
  });

  it('exports the chain, and `ledger verify` names the entry whose amount was changed in the file', { timeout: 300_000 }, async () => {
    const res = await fetch(`${h.baseUrl}/api/v1/public/communities/${communityId}/ledger/export.json`);
    expect(res.status).toBe(200);
    const exported = (await res.json()) as { head: { entryHash: string }; entries: ChainRecord[] };
    const dir = mkdtempSync(path.join(os.tmpdir(), 'gz-ledger-e2e-'));
    const clean = path.join(dir, 'ledger.json');
    writeFileSync(clean, JSON.stringify(exported));
    const ok = verify(clean, '--head', exported.head.entryHash);
    expect([ok.status, ok.stdout]).toEqual([0, expect.stringContaining('intact')]);

    const target = exported.entries.find((e) => e.purpose === EXPENSE)!;
    target.amount += 10_000;
    const edited = path.join(dir, 'ledger-edited.json');
    writeFileSync(edited, JSON.stringify(exported));
    const bad = verify(edited);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain(`第 ${target.seq} 笔（编号 ${target.id}）内容被改动（金额与原记录不符）`);
    expect(bad.stdout).toContain(`entry seq ${target.seq} (id ${target.id}) was edited (amount no longer matches)`);
  });
});
