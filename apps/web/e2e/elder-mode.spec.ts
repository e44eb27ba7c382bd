import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, loginResident, phone, startHarness, type Harness } from './harness.js';

const bodyFontPx = (page: Page) => page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));

describe.each(dialects)('elder mode (%s)', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(dialect);
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('turns on large type, keeps it after a reload and on another phone, and shows no pop-ups', async () => {
    const page = await h.newPage(phone);
    await loginResident(page, 'jumin');
    await page.getByRole('navigation', { name: '底部导航' }).getByRole('link', { name: '我的' }).click();
    const toggle = page.getByRole('switch', { name: '长辈版' });
    await toggle.waitFor();
    expect(await toggle.getAttribute('aria-checked')).toBe('false');
    const before = await bodyFontPx(page);
    expect(before).toBeLessThan(20);

    const saved = page.waitForResponse((r) => r.url().endsWith('/api/v1/me/preferences') && r.ok());
    await toggle.click();
    await saved;
    expect(await toggle.getAttribute('aria-checked')).toBe('true');
    expect(await bodyFontPx(page)).toBeGreaterThanOrEqual(20);
    // The confirmation stays on the page instead of popping up.
    await page.getByRole('status').filter({ hasText: '已切换到长辈版' }).waitFor();
    expect(await page.locator('.adm-toast-mask, .adm-dialog, .adm-mask').count()).toBe(0);

    await page.reload();
    await page.getByRole('switch', { name: '长辈版' }).waitFor();
    expect(await page.getByRole('switch', { name: '长辈版' }).getAttribute('aria-checked')).toBe('true');
    expect(await bodyFontPx(page)).toBeGreaterThanOrEqual(20);

    // Logging out is one tap in elder mode: no confirmation dialog.
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.waitForURL('**/m/login');
    expect(await page.locator('.adm-dialog').count()).toBe(0);
    await page.context().close();

    // The choice belongs to the account: a fresh phone picks it up after login.
    const other = await h.newPage(phone);
    await loginResident(other, 'jumin');
    await other.getByRole('navigation', { name: '底部导航' }).getByRole('link', { name: '我的' }).click();
    await other.getByRole('switch', { name: '长辈版', checked: true }).waitFor();
    expect(await bodyFontPx(other)).toBeGreaterThanOrEqual(20);
    await other.context().close();
  });

  it('can be chosen before login and sticks to the account', async () => {
    const page = await h.newPage(phone);
    await page.goto('/m/login');
    await page.getByRole('switch', { name: '长辈版' }).click();
    expect(await bodyFontPx(page)).toBeGreaterThanOrEqual(20);
    await page.getByLabel('账号').fill('loudongzhang');
    await page.getByLabel('密码').fill('Gongzhi2026');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('navigation', { name: '底部导航' }).getByRole('link', { name: '我的' }).click();
    await page.getByRole('switch', { name: '长辈版', checked: true }).waitFor();
    const me = await page.request.get('/api/v1/me');
    expect(((await me.json()) as { preferences: { elderMode: boolean } }).preferences.elderMode).toBe(true);
    await page.context().close();
  });
});
