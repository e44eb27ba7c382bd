import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, loginConsole, startHarness, type Harness } from './harness.js';

/**
 * Staff start a covenant in the console, write its first draft in the editor with a live preview of the
 * chapters and articles (the shared parser's), and open it for consultation. The full cycle (versions,
 * residents' comments, review, vote, pledges) is its own spec.
 */

const TITLE = '幸福里社区居民公约（浏览器测试）';
const DRAFT = [
  '# 幸福里社区居民公约',
  '',
  '# 第一章 总则',
  '',
  '第一条 为了建设和谐美丽的社区，制定本公约。',
  '',
  '第二条 居民应当爱护公共设施。',
  '',
  '# 第二章 邻里',
  '',
  '第三条 邻里之间互相帮助，文明养犬。',
].join('\n');

/** Start the next phase with the stepper's button and its confirmation. */
async function advance(page: Page, phase: string): Promise<void> {
  await page.getByRole('button', { name: `进入下一阶段：${phase}` }).click();
  // The confirmation's button by its words: a popover reopened in place can lag in the accessibility tree.
  await page.getByText('确认进入', { exact: true }).click();
  await page.getByText(`已进入“${phase}”阶段`).waitFor();
}

describe.each(dialects)('the covenant console (%s)', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(dialect);
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('creates a covenant, writes version 1 with a parsed preview and opens consultation', { timeout: 180_000 }, async () => {
    const staff = await h.newPage();
    await loginConsole(staff, 'shegong');
    await staff.waitForURL('**/console/requests');
    await staff.getByRole('navigation', { name: '功能菜单' }).getByRole('link', { name: '居民公约', exact: true }).click();
    await staff.waitForURL('**/console/covenants');

    await staff.getByRole('button', { name: '新建居民公约' }).click();
    await staff.getByLabel('公约名称').fill(TITLE);
    await staff.getByLabel('起草草案 计划开始').fill('2027-01-01');
    await staff.getByLabel('起草草案 计划开始').press('Enter');
    await staff.getByRole('button', { name: '创建', exact: true }).click();
    await staff.waitForURL(/\/console\/covenants\/[^/]+$/);
    await staff.getByRole('heading', { name: TITLE }).waitFor();
    await staff.getByText('计划 2027-01-01 – …').first().waitFor();

    // Opinion collection → drafting; drafting cannot move on without a text, and says so.
    await advance(staff, '起草草案');
    await staff.getByText('请先在“文本与版本”中写好第一版草案。').waitFor();
    expect(await staff.getByRole('button', { name: '进入下一阶段：征求意见' }).isDisabled()).toBe(true);

    await staff.getByRole('tab', { name: '文本与版本' }).click();
    await staff.getByRole('button', { name: '新版本' }).click();
    const editor = staff.getByLabel('公约文本（Markdown）');
    const preview = staff.getByRole('region', { name: '预览：拆分后的章和条' });

    // A skipped number is shown with its line before saving; a fine in the text draws the legal warning.
    await editor.fill('第一条 爱护环境。\n\n第三条 违者罚款五十元。');
    await preview.getByText('第 3 行有问题，文本还不能保存').waitFor();
    await preview.getByText('条款编号应为第 2 条，这里写的是第 3 条。').waitFor();
    await preview.getByText(/法律规定居民公约不得设定罚款/).waitFor();

    await editor.fill(DRAFT);
    await preview.getByText('共 2 章、3 条').waitFor();
    await preview.getByText('第二章 邻里').waitFor();
    await preview.getByText('邻里之间互相帮助，文明养犬。').waitFor();
    expect(await preview.getByText(/法律规定居民公约不得设定罚款/).count()).toBe(0);
    await staff.getByRole('button', { name: '保存新版本' }).click();
    await staff.getByText('第 1 版已保存').waitFor();
    await staff.getByText('第 1 版文本').waitFor();
    await staff.getByText('居民应当爱护公共设施。').waitFor();

    // With a version, consultation can start.
    await advance(staff, '征求意见');
    await staff.getByRole('tab', { name: '征求意见', selected: true }).waitFor();
    await staff.getByRole('button', { name: '进入下一阶段：修改完善' }).waitFor();
  });
});
