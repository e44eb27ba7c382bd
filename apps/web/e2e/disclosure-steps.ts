import { createHash } from 'node:crypto';
import { expect } from 'vitest';
import { expectedPeriod, periodLabel, publishedText, type OverdueList, type PublicationDetail } from '@gongzhi/shared';
import { apiAs, desktop, getJson, loginConsole, loginResident, phone, type Harness } from './harness.js';

const ITEM = '社区财务收支情况（季度）';

/**
 * Publish a quarterly finance disclosure with approval: the social worker drafts it from the overdue list, types
 * a phone number and is blocked, masks it and submits; she cannot approve her own; the secretary approves and
 * publishes; the portal, without a login, shows it with its fingerprint; the item leaves the overdue list.
 */
export async function publishQuarterlyFinance(h: Harness): Promise<void> {
  // The quarter that is due is the last one that ended (China time); on 2026-11-26 that is 2026年第三季度.
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  const { period } = expectedPeriod('quarterly', today, 10);
  const title = `${periodLabel(period)}社区财务公开`;

  const desk = await h.newPage(desktop);
  await loginConsole(desk, 'shegong');
  await desk.getByRole('navigation', { name: '功能菜单' }).waitFor({ timeout: 60_000 });
  await desk.getByRole('link', { name: '公开目录' }).click();
  await desk.waitForURL('**/console/disclosure');
  const overdueTable = desk.getByRole('table', { name: '逾期未公开事项' });
  const row = overdueTable.getByRole('row').filter({ hasText: ITEM });
  await row.getByText(periodLabel(period)).waitFor();
  await row.getByRole('button', { name: '起草公开' }).click();
  await desk.waitForURL('**/console/publications/new?**');

  await desk.getByLabel('标题').fill(title);
  await desk.getByLabel('正文').fill(`一、收入：上级拨付社区工作经费 120,000.00 元。\n二、支出：办公用品 3,250.00 元；居民活动 8,600.00 元。\n经办人：李晓梅，电话 13812345678。`);
  await desk.getByText('发现 1 处个人信息，须遮盖后才能提交：').waitFor();
  await desk.getByRole('button', { name: '提交审核' }).click();
  await desk.getByText('内容含有身份证号、手机号或银行卡号，请遮盖后再提交').waitFor();
  await desk.getByRole('button', { name: '全部遮盖' }).click();
  await desk.getByText('未发现身份证号、手机号或银行卡号').waitFor();
  expect(await desk.getByLabel('正文').inputValue()).toContain('138****5678');
  await desk.getByRole('button', { name: '提交审核' }).click();
  await desk.waitForURL(/\/console\/publications\/(?!new)[^/?]+$/);
  const id = desk.url().split('/').pop()!;
  await desk.getByText('待审核').first().waitFor();

  // The author cannot approve her own.
  await desk.getByText('不能审核自己起草的内容，须由他人审核。').waitFor();
  await desk.getByRole('button', { name: '审核通过' }).click();
  await desk.getByText('不能审核自己起草的公开信息，须由他人审核').waitFor();

  const sec = await h.newPage(desktop);
  await loginConsole(sec, 'shuji');
  await sec.getByRole('navigation', { name: '功能菜单' }).waitFor({ timeout: 60_000 });
  await sec.goto(`/console/publications/${id}`);
  await sec.getByRole('button', { name: '审核通过' }).click();
  await sec.getByText('已审核待发布').first().waitFor();
  await sec.getByRole('button', { name: '发布' }).click();
  await sec.getByText('已发布').first().waitFor();
  const hash = (await sec.getByTestId('publication-hash').innerText()).trim();

  const api = await apiAs(h, 'shuji');
  const published = await getJson<PublicationDetail>(api.api, `/api/v1/publications/${id}`);
  expect(published).toMatchObject({ status: 'published', period, approverName: '沈材政', authorName: '李晓梅' });
  expect(hash).toBe(createHash('sha256').update(publishedText(published.title, published.body), 'utf8').digest('hex'));
  expect(published.body).not.toContain('13812345678');

  // The portal, in a new context with no login.
  const portal = await h.newPage(desktop);
  await portal.goto(`/communities/${published.communityId}/publications`);
  await portal.getByRole('link', { name: title }).click();
  await portal.waitForURL(`**/publications/${id}`);
  await portal.getByRole('heading', { name: title, level: 1 }).waitFor();
  expect((await portal.getByTestId('publication-hash').innerText()).trim()).toBe(hash);
  await portal.getByText('138****5678').waitFor();
  // The portal's catalogue shows the item disclosed for the quarter, linking to it.
  await portal.getByRole('link', { name: '返回公开栏' }).click();
  await portal.getByRole('link', { name: /本社区的公开目录/ }).click();
  await portal.waitForURL(`**/communities/${published.communityId}/disclosure-catalogue`);
  const entry = portal.getByRole('listitem').filter({ hasText: ITEM });
  await entry.getByRole('link', { name: `${periodLabel(period)}已公开` }).click();
  await portal.waitForURL(`**/publications/${id}`);

  // The quarter is done: off the overdue list.
  const overdue = await getJson<OverdueList>(api.api, '/api/v1/disclosure/overdue');
  expect(overdue.items.some((r) => r.title === ITEM && r.period === period)).toBe(false);
  expect(overdue.items.length).toBeGreaterThan(0);
  await api.close();
  await desk.goto('/console/disclosure');
  await overdueTable.waitFor();
  await desk.getByRole('table', { name: '公开目录' }).getByRole('row').filter({ hasText: ITEM }).getByText(`${periodLabel(period)} 已公开`).waitFor();
  expect(await overdueTable.getByRole('row').filter({ hasText: ITEM }).count()).toBe(0);
}

/**
 * On a 375 px phone a resident opens the demo's subsistence-allowance notice, sees her own objection answered,
 * asks a question on the page itself (no pop-up) and sees it waiting; staff answer it and the portal shows the
 * answer with her name masked.
 */
export async function residentAsksOnNotice(h: Harness): Promise<void> {
  const page = await h.newPage(phone);
  await loginResident(page, 'jumin');
  await page.getByRole('link', { name: /社区公开/ }).click();
  await page.waitForURL('**/m/publications');
  await page.getByRole('link').filter({ hasText: '最低生活保障拟纳入对象公示' }).click();
  await page.waitForURL(/\/m\/publications\/[^/]+$/);
  const id = page.url().split('/').pop()!;
  await page.getByRole('heading', { level: 1, name: /最低生活保障拟纳入对象公示/ }).waitFor();
  await page.getByText('维持拟纳入意见').waitFor();
  await page.getByText(/刘\*（我）/).first().waitFor();
  await page.getByRole('button', { name: '我要提问' }).click();
  await page.getByLabel('问题').fill('申请低保需要准备哪些材料？（测试）');
  await page.getByRole('button', { name: '提交' }).click();
  await page.getByText('已提交，工作人员会公开答复').waitFor();
  const mine = page.getByRole('listitem').filter({ hasText: '申请低保需要准备哪些材料？（测试）' });
  await mine.getByText('等待答复').waitFor();
  expect(await page.locator('.adm-dialog, .adm-modal, .adm-toast-mask, .adm-mask, .adm-popup').count()).toBe(0);
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

  const staff = await apiAs(h, 'shegong');
  const { csrfToken } = await getJson<{ csrfToken: string }>(staff.api, '/api/v1/me');
  const detail = await getJson<PublicationDetail>(staff.api, `/api/v1/publications/${id}`);
  const question = detail.comments.find((c) => c.text === '申请低保需要准备哪些材料？（测试）')!;
  expect(question.authorName).toBe('刘奶奶');
  const answered = await staff.api.post(`/api/v1/publications/${id}/comments/${question.id}/answer`, { headers: { 'x-csrf-token': csrfToken }, data: { text: '身份证、户口簿和收入证明，可到社区服务站办理。' } });
  expect(answered.status()).toBe(200);
  await staff.close();

  const portal = await h.newPage(phone);
  await portal.goto(`/publications/${id}`);
  const row = portal.getByRole('listitem').filter({ hasText: '申请低保需要准备哪些材料？（测试）' });
  await row.getByText('身份证、户口簿和收入证明，可到社区服务站办理。', { exact: false }).waitFor();
  await row.getByText('刘*').waitFor();
  expect(await portal.getByText('刘奶奶').count()).toBe(0);
  expect(await portal.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
}
