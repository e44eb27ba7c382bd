import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, loginResident, phone, startHarness, type Harness } from './harness.js';

describe.each(dialects)('resident app on a phone (%s)', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(dialect);
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('logs a resident in at 375×667 and shows who they are', async () => {
    const page = await h.newPage(phone);
    await page.goto('/m');
    await page.waitForURL('**/m/login');
    await loginResident(page, 'jumin');

    await page.getByRole('heading', { name: '刘奶奶，您好' }).waitFor();
    await page.getByRole('navigation', { name: '底部导航' }).getByRole('link', { name: '我的' }).click();
    await page.waitForURL('**/m/me');
    await page.getByText('刘奶奶').first().waitFor();
    // The role and the place it covers, on one line of the list.
    await page.locator('.adm-list-item').filter({ hasText: '五福桥社区' }).filter({ hasText: '居民' }).waitFor();

    // Nothing wider than the phone: no sideways scrolling.
    const widths = await page.evaluate(() => ({ doc: document.documentElement.scrollWidth, view: window.innerWidth }));
    expect(widths.view).toBe(375);
    expect(widths.doc).toBeLessThanOrEqual(375);
    await page.context().close();
  });

  it('shows the error inline when the password is wrong', async () => {
    const page = await h.newPage(phone);
    await loginResident(page, 'jumin', 'wrong-password-1');
    await page.getByRole('alert').filter({ hasText: '账号或密码不正确' }).waitFor();
    expect(page.url()).toContain('/m/login');
    await page.context().close();
  });
});
