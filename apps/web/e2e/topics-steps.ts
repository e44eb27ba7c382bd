import { expect } from 'vitest';
import type { TopicDetail } from '@gongzhi/shared';
import { apiAs, desktop, getJson, loginConsole, loginResident, phone, type Harness } from './harness.js';

const TITLE = '小区东门增设电动车充电车棚（测试）';
const COMMENT = '楼道里充电太危险了，支持尽快建（测试）';

/**
 * Staff start a topic in the console and put it on the agenda; a resident finds it on a 375 px phone, takes a
 * side with the big buttons and sees the comment listed as hers, without a pop-up; staff then see it counted.
 */
export async function topicRoundTrip(h: Harness): Promise<void> {
  const desk = await h.newPage(desktop);
  await loginConsole(desk, 'shegong');
  await desk.getByRole('link', { name: '议事议题' }).click();
  await desk.waitForURL('**/console/deliberation/topics');
  await desk.getByRole('button', { name: '发起议题' }).click();
  await desk.waitForURL('**/console/deliberation/topics/new');
  await desk.getByLabel('议题标题').fill(TITLE);
  await desk.getByLabel('议题说明').fill('居民反映楼道飞线充电多，存在火灾隐患，建议在东门空地建设充电车棚。');
  await desk.getByRole('button', { name: '提交议题' }).click();
  await desk.waitForURL(/\/console\/deliberation\/topics\/(?!new$)[^/]+$/);
  const topicId = desk.url().split('/').pop()!;
  await desk.getByRole('heading', { name: TITLE }).waitFor();

  // The agenda date is set through the API (a date picker is the console library's own widget).
  const staff = await apiAs(h, 'shegong');
  const { csrfToken } = await getJson<{ csrfToken: string }>(staff.api, '/api/v1/me');
  const agenda = await staff.api.post(`/api/v1/topics/${topicId}/agenda`, { headers: { 'x-csrf-token': csrfToken }, data: { consultationEndsAt: '2030-01-01T00:00:00+08:00' } });
  expect(agenda.status()).toBe(200);

  const page = await h.newPage(phone);
  await loginResident(page, 'jumin');
  await page.getByRole('link', { name: /社区议题/ }).click();
  await page.waitForURL('**/m/topics');
  await page.getByRole('link').filter({ hasText: TITLE }).click();
  await page.waitForURL(`**/m/topics/${topicId}`);
  await page.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
  await page.getByRole('radio', { name: '支持' }).click();
  await page.getByRole('textbox', { name: '您的意见' }).fill(COMMENT);
  await page.getByRole('button', { name: '提交' }).click();
  await page.getByText('您的意见已提交，谢谢！').waitFor();
  await page.getByRole('listitem').filter({ hasText: COMMENT }).getByText('（我）').waitFor();
  expect(await page.locator('.adm-dialog, .adm-modal, .adm-toast-mask, .adm-mask, .adm-popup').count()).toBe(0);
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

  const seen = await getJson<TopicDetail>(staff.api, `/api/v1/topics/${topicId}`);
  expect(seen.counts).toEqual({ support: 1, oppose: 0, neutral: 0, questions: 0 });
  await staff.close();

  await desk.reload();
  await desk.getByText('支持 1 · 反对 0 · 中立 0 · 提问 0').waitFor();
  await desk.getByText(COMMENT).waitFor();
}
