import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, loginConsole, startHarness, type Harness } from './harness.js';

describe.each(dialects)('language switch (%s)', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(dialect);
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('switches the console from Chinese to English and remembers it', async () => {
    const page = await h.newPage();
    await loginConsole(page, 'shegong');
    const menu = page.getByRole('navigation', { name: '功能菜单' });
    await menu.getByRole('link', { name: '位置' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');

    const saved = page.waitForResponse((r) => r.url().endsWith('/api/v1/me/preferences') && r.ok());
    await page.getByRole('group', { name: '语言' }).getByRole('button', { name: 'English' }).click();
    await saved;
    const modules = page.getByRole('navigation', { name: 'Modules' });
    await modules.getByRole('link', { name: 'Places' }).waitFor();
    await modules.getByRole('link', { name: 'Users' }).waitFor();
    await page.getByRole('button', { name: 'Log out' }).waitFor();
    expect(await page.getByRole('link', { name: '位置' }).count()).toBe(0);
    expect(await page.locator('html').getAttribute('lang')).toBe('en-US');

    // The server answers in the chosen language too.
    const wrong = await page.evaluate(async () => {
      const r = await fetch('/api/v1/places/no-such-place', { headers: { 'Accept-Language': document.documentElement.lang } });
      return ((await r.json()) as { error: { message: string } }).error.message;
    });
    expect(wrong).toBe('Not found');

    await page.reload();
    await page.getByRole('navigation', { name: 'Modules' }).getByRole('link', { name: 'Places' }).waitFor();

    // The account remembers it: a fresh browser shows English as soon as the account logs in.
    await page.context().close();
    const other = await h.newPage();
    await loginConsole(other, 'shegong');
    await other.getByRole('navigation', { name: 'Modules' }).getByRole('link', { name: 'Places' }).waitFor();
    await other.context().close();
  });

  it('switches the public portal without logging in', async () => {
    const page = await h.newPage();
    await page.goto('/');
    await page.getByRole('heading', { name: '入驻社区' }).waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Communities on Gongzhi' }).waitFor();
    expect(await page.getByText('Nothing has been published yet.').count()).toBeGreaterThan(0);
    await page.context().close();
  });
});
