import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, loginConsole, startHarness, type Harness } from './harness.js';

describe.each(dialects)('login errors (%s)', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(dialect);
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('says the account or password is wrong, and stays on the login page', async () => {
    const page = await h.newPage();
    await loginConsole(page, 'shuji', 'not-the-password1');
    const alert = page.getByRole('alert').filter({ hasText: '账号或密码不正确' });
    await alert.waitFor();
    expect(page.url()).toContain('/console/login');
    await page.context().close();
  });

  it('says so when too many attempts locked the account', async () => {
    const page = await h.newPage();
    await loginConsole(page, 'wuye', 'wrong-password-1');
    await page.getByRole('alert').filter({ hasText: '账号或密码不正确' }).waitFor();
    for (let i = 2; i <= 6; i++) {
      await page.getByLabel('密码').fill(`wrong-password-${i}`);
      await Promise.all([
        page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/login')),
        page.getByRole('button', { name: '登录' }).click(),
      ]);
    }
    await page.getByRole('alert').filter({ hasText: '登录失败次数过多，请稍后再试' }).waitFor();
    // Even the right password is refused while the lock lasts.
    await page.getByLabel('密码').fill('Gongzhi2026');
    const [res] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/login')),
      page.getByRole('button', { name: '登录' }).click(),
    ]);
    expect(res.status()).toBe(429);
    expect(await page.getByRole('alert').textContent()).toContain('登录失败次数过多');
    expect(page.url()).toContain('/console/login');
    await page.context().close();
  });
});
