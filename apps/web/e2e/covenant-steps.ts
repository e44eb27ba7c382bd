/// <reference types="node" />
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import type { CovenantView, DeliberationMeetingDetail, InviteeView, ResidentView } from '@gongzhi/shared';
import { send, type StaffApi } from './covenant-resident-steps.js';
import { DEMO_PASSWORD, apiAs, desktop, getJson, loginConsole, loginResident, phone, type Harness } from './harness.js';

/**
 * Steps of the full covenant cycle (console, phone, meeting, poster) that the cycle spec walks and that are
 * worth a name of their own.
 */

/** An API client with its CSRF token; close it when done. */
export async function staffApi(h: Harness, account: string): Promise<StaffApi & { close: () => Promise<void> }> {
  const { api, close } = await apiAs(h, account);
  const { csrfToken } = await getJson<{ csrfToken: string }>(api, '/api/v1/me');
  return { api, csrf: csrfToken, close };
}

/**
 * A second verified resident: staff open the account of a householder in the register (not 刘桂兰's or
 * 赵秀英's household, which other steps use) and the resident claims it with the activation code.
 */
export async function verifiedResident(h: Harness, username: string): Promise<{ name: string; householdId: string }> {
  const staff = await staffApi(h, 'shegong');
  try {
    const { items } = await getJson<{ items: ResidentView[] }>(staff.api, '/api/v1/residents?limit=200');
    const pick = items.find((r) => r.relation === 'householder' && !r.hasAccount && r.householdId && r.name !== '刘桂兰' && r.name !== '赵秀英');
    if (!pick?.householdId) throw new Error('No householder without an account in the first page of the register');
    const { claimCode } = await send<{ claimCode: { code: string } }>(staff, 'POST', `/api/v1/residents/${pick.id}/account`, {});
    await send(staff, 'POST', '/api/v1/auth/claim', { code: claimCode.code, username, password: DEMO_PASSWORD });
    return { name: pick.name, householdId: pick.householdId };
  } finally {
    await staff.close();
  }
}

/** Log in on the console and wait until the menu shows, so a following navigation does not cut the login short. */
export async function consoleAs(h: Harness, account: string): Promise<Page> {
  const page = await h.newPage(desktop);
  page.context().setDefaultNavigationTimeout(60_000);
  await loginConsole(page, account);
  await page.getByRole('navigation', { name: '功能菜单' }).waitFor({ timeout: 60_000 });
  return page;
}

/** Log in on a 375 px phone and wait for the home page. */
export async function phoneAs(h: Harness, account: string): Promise<Page> {
  const page = await h.newPage(phone);
  page.context().setDefaultNavigationTimeout(60_000);
  await loginResident(page, account);
  await page.getByRole('link', { name: /居民公约/ }).waitFor({ timeout: 60_000 });
  return page;
}

/** Where a resident lives, as the register labels it (第一网格 五福苑 1栋 2单元 301室). */
export async function addressOf(h: Harness, name: string): Promise<string> {
  const s = await staffApi(h, 'shuji');
  try {
    const { items } = await getJson<{ items: ResidentView[] }>(s.api, `/api/v1/residents?q=${encodeURIComponent(name)}`);
    const r = items.find((i) => i.name === name);
    if (!r?.placeLabel) throw new Error(`${name} is not in the register`);
    return r.placeLabel;
  } finally {
    await s.close();
  }
}

export async function covenantOf(h: Harness, id: string): Promise<CovenantView> {
  const s = await staffApi(h, 'shuji');
  try {
    return await getJson<CovenantView>(s.api, `/api/v1/covenants/${id}`);
  } finally {
    await s.close();
  }
}

/** Start the next phase with the stepper's button and its confirmation. */
export async function advance(page: Page, phase: string): Promise<void> {
  await page.getByRole('button', { name: `进入下一阶段：${phase}` }).click();
  // The confirmation's button by its words: a popover reopened in place can lag in the accessibility tree.
  await page.getByText('确认进入', { exact: true }).click();
  // The phase's tag beside the title (a toast would pass too quickly to rely on).
  await expectShown(page, page.locator('.ant-tag').filter({ hasText: new RegExp(`^${phase}$`) }));
}

/** Antd puts a space between the two characters of a two-character button: 确 定, 处 理, 登 记. */
export const twoChars = (word: string) => new RegExp(`^${word[0]}\\s?${word[1]}$`);

/** Open a tab of the covenant's console page by its name and wait until it is the selected one. */
export async function openTab(page: Page, name: string): Promise<void> {
  await page.getByRole('tab', { name, exact: true }).click();
  await page.getByRole('tab', { name, exact: true, selected: true }).waitFor();
}

/** On 文本与版本: write a new version (the editor starts from the current text) with its changelog. */
export async function writeVersion(page: Page, number: number, markdown: string, changelog: string): Promise<void> {
  await openTab(page, '文本与版本');
  await page.getByRole('button', { name: '新版本' }).click();
  await page.getByText(`编写第 ${number} 版`).waitFor();
  await page.getByLabel('公约文本（Markdown）').fill(markdown);
  await page.getByLabel('修改说明').fill(changelog);
  await page.getByRole('button', { name: '保存新版本' }).click();
  await expectShown(page, page.getByText(`第 ${number} 版文本`));
}

/** On 征求意见: answer one resident's comment with how it was handled and why. */
export async function handleComment(page: Page, comment: string, handling: '已采纳' | '部分采纳' | '未采纳', reason: string): Promise<void> {
  const row = page.getByRole('row').filter({ hasText: comment });
  await row.getByRole('button', { name: twoChars('处理') }).click();
  const dialog = page.getByRole('dialog', { name: '处理意见' });
  await dialog.locator('label').filter({ hasText: handling }).click();
  await dialog.getByLabel('理由').fill(reason);
  await dialog.getByRole('button', { name: '保存处理结果' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await row.getByText(handling, { exact: true }).waitFor();
  await row.getByText(reason).waitFor();
}

/** The invitees of a meeting who have not signed in yet. */
export async function absentInvitees(h: Harness, meetingId: string): Promise<InviteeView[]> {
  const staff = await staffApi(h, 'shuji');
  try {
    const page = await getJson<{ items: InviteeView[] }>(staff.api, `/api/v1/deliberation-meetings/${meetingId}/invitees?present=no&limit=500&offset=0`);
    return page.items.filter((i) => i.eligible);
  } finally {
    await staff.close();
  }
}

/** Tick invitees in at the desk through the API (the desk's own button does the same, one at a time). */
export async function tick(h: Harness, meetingId: string, invitees: InviteeView[]): Promise<DeliberationMeetingDetail> {
  const staff = await staffApi(h, 'shuji');
  try {
    for (const i of invitees) await send(staff, 'POST', `/api/v1/deliberation-meetings/${meetingId}/invitees/${i.id}/sign-in`, {});
    return await getJson<DeliberationMeetingDetail>(staff.api, `/api/v1/deliberation-meetings/${meetingId}`);
  } finally {
    await staff.close();
  }
}

/**
 * On the meeting's 表决 tab: table a secret-ballot motion whose subject (表决对象) is a covenant version, and
 * wait until its card shows it is being voted on with that subject.
 */
export async function tableCovenantMotion(page: Page, text: string, subject: string): Promise<void> {
  await page.getByLabel('表决事项').fill(text);
  await page.getByLabel('表决对象（可选）').click();
  await page.locator('.ant-select-item-option').filter({ hasText: subject }).click();
  await page.getByRole('radio', { name: '无记名投票' }).check();
  await page.getByRole('button', { name: '提交表决' }).click();
  const card = page.locator('.ant-card').filter({ hasText: text }).filter({ hasText: '表决中' });
  await expectShown(page, card.getByText('表决对象：', { exact: false }));
  await page.getByRole('button', { name: '结束表决并计票' }).waitFor();
}

/** The text layer of a PDF, as poppler's pdftotext reads it. */
export function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gz-poster-'));
  try {
    const file = path.join(dir, 'poster.pdf');
    writeFileSync(file, pdf);
    const r = spawnSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`pdftotext failed: ${r.stderr}`);
    return r.stdout;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Wait for what a step should leave on the page; if it does not come, fail with the page's error messages. */
export async function expectShown(page: Page, what: Locator, timeout = 30_000): Promise<void> {
  try {
    await what.first().waitFor({ timeout });
  } catch (e) {
    const alerts = await page.locator('.ant-alert, .ant-message, .ant-form-item-explain-error, [role="alert"]').allInnerTexts();
    throw new Error(`${String(e)}\nThe page says: ${alerts.join(' | ') || '(no message)'}`);
  }
}
