import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, loginConsole, startHarness, type Harness } from './harness.js';

describe.each(dialects)('staff console login and logout (%s)', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(dialect);
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('logs a community secretary in, shows their modules, and logs them out', async () => {
    const page = await h.newPage();
    await page.goto('/console');
    // Not logged in: the console sends you to its login page.
    await page.waitForURL('**/console/login');
    await loginConsole(page, 'shuji');

    await page.waitForURL('**/console/requests');
    await page.getByRole('banner').getByText('沈材政').waitFor();
    const menu = page.getByRole('navigation', { name: '功能菜单' });
    expect(await menu.getByRole('link', { name: '位置' }).isVisible()).toBe(true);
    expect(await menu.getByRole('link', { name: '账号' }).isVisible()).toBe(true);
    expect(await menu.getByRole('link', { name: '审计日志' }).isVisible()).toBe(true);
    // Requests open first (the daily work); the place tree is one click away.
    expect(await menu.getByRole('link', { name: '诉求', exact: true }).isVisible()).toBe(true);
    await menu.getByRole('link', { name: '位置' }).click();
    await page.getByRole('tree', { name: '位置树' }).getByText('五福桥社区').waitFor();

    await page.getByRole('button', { name: '退出登录' }).click();
    await page.waitForURL('**/console/login');
    // The session is gone on the server too, not only in the page.
    const me = await page.request.get('/api/v1/me');
    expect(me.status()).toBe(401);
    await page.goto('/console/users');
    await page.waitForURL('**/console/login');
    await page.context().close();
  });

  it('shows a grid worker only the modules their role opens', async () => {
    const page = await h.newPage();
    await loginConsole(page, 'wanggeyuan');
    await page.waitForURL('**/console/requests');
    const menu = page.getByRole('navigation', { name: '功能菜单' });
    await menu.getByRole('link', { name: '位置' }).waitFor();
    expect(await menu.getByRole('link', { name: '账号' }).count()).toBe(0);
    expect(await menu.getByRole('link', { name: '审计日志' }).count()).toBe(0);
    await page.context().close();
  });
});
