import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, loginConsole, startHarness, type Harness } from './harness.js';

const PURPOSE = '核对户籍信息，为刘奶奶办理高龄补贴';

describe.each(dialects)('revealing an ID number (%s)', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(dialect);
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('asks for a purpose, shows the full number, and the audit log records the reveal with its purpose', async () => {
    const page = await h.newPage();
    const reveals: string[] = [];
    page.on('request', (r) => r.url().endsWith('/reveal') && reveals.push(r.postData() ?? ''));
    await loginConsole(page, 'shegong');
    await page.waitForURL('**/console/requests');
    await page.getByRole('navigation', { name: '功能菜单' }).getByRole('link', { name: '居民', exact: true }).click();
    await page.getByLabel('搜索居民').fill('刘桂兰');
    await page.getByRole('button', { name: '搜索' }).click();
    await page.getByRole('link', { name: '刘桂兰', exact: true }).first().click();
    await page.getByRole('heading', { name: '刘桂兰' }).waitFor();

    const idValue = page.getByTestId('idNumber-value');
    const masked = (await idValue.textContent())!.trim();
    expect(masked).toMatch(/^\d{3}\*+[\dX]{4}$/);

    await page.getByRole('button', { name: '查看完整号码（身份证号）' }).click();
    const dialog = page.getByRole('dialog', { name: '查看完整身份证号' });
    await dialog.waitFor();
    // No purpose, no reveal: the form refuses and nothing is sent.
    await dialog.getByRole('button', { name: '查看' }).click();
    await dialog.getByText('请填写此项').waitFor();
    expect(reveals).toHaveLength(0);
    expect((await idValue.textContent())!.trim()).toBe(masked);
    // Too short a purpose is refused as well.
    await dialog.getByLabel('查看用途').fill('核对');
    await dialog.getByRole('button', { name: '查看' }).click();
    await dialog.getByText('请至少写 4 个字说明用途').waitFor();
    expect(reveals).toHaveLength(0);

    await dialog.getByLabel('查看用途').fill(PURPOSE);
    await dialog.getByRole('button', { name: '查看' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('本次查看已记入审计日志').waitFor();
    const full = (await idValue.textContent())!.trim();
    expect(full).toMatch(/^\d{17}[\dX]$/);
    expect(full.slice(0, 3)).toBe(masked.slice(0, 3));
    expect(full.slice(-4)).toBe(masked.slice(-4));
    expect(reveals).toHaveLength(1);
    expect(JSON.parse(reveals[0]!)).toEqual({ field: 'idNumber', purpose: PURPOSE });
    // The value is never part of the audit entry: only the field and the purpose.
    await page.context().close();

    // The community secretary reads the audit log.
    const admin = await h.newPage();
    await loginConsole(admin, 'shuji');
    await admin.waitForURL('**/console/requests');
    await admin.getByRole('navigation', { name: '功能菜单' }).getByRole('link', { name: '审计日志' }).click();
    // The list of actions is long (every module's), and the select shows only a window of it: type to find one.
    await admin.getByLabel('操作', { exact: true }).click();
    await admin.getByLabel('操作', { exact: true }).fill('查看完整号码');
    await admin.locator('.ant-select-item-option').filter({ hasText: /^查看完整号码$/ }).click();
    await admin.getByRole('button', { name: '查询' }).click();
    const row = admin.getByRole('row').filter({ hasText: '李晓梅' }).filter({ hasText: '查看完整号码' });
    await row.waitFor();
    expect(await row.count()).toBe(1);
    await row.getByRole('button', { name: '展开行' }).click();
    const details = admin.locator('.gz-json').filter({ hasText: PURPOSE });
    await details.waitFor();
    const text = (await details.textContent()) ?? '';
    expect(text).toContain('"field": "idNumber"');
    expect(text).not.toContain(full);
    await admin.context().close();
  });
});
