import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, loginConsole, loginResident, phone, startHarness, type Harness } from './harness.js';

const CORRECTION = '我的户籍地址门牌应为五福苑1栋1单元101室（测试）';
const ANSWER = '已核对户口本，按您说的更正了户籍地址';

describe.each(dialects)('a resident sees their data and asks for a correction (%s)', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(dialect);
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('shows the household masked, takes a correction inline in elder mode, and shows the answer', async () => {
    const page = await h.newPage(phone);
    await loginResident(page, 'jumin');
    await page.getByRole('link', { name: /我的家庭/ }).click();
    await page.getByRole('heading', { name: /五福苑/ }).waitFor();
    const members = page.locator('.adm-list-item');
    await members.filter({ hasText: '刘桂兰' }).filter({ hasText: '户主' }).waitFor();
    expect(await members.count()).toBeGreaterThan(1);
    // Numbers are masked for everyone, herself included.
    for (const text of await members.allTextContents()) expect(text).not.toMatch(/\d{17}[\dX]|1\d{10}/);

    // Elder mode: the confirmation stays on the page, nothing pops up.
    await page.getByRole('navigation', { name: '底部导航' }).getByRole('link', { name: '我的' }).click();
    await page.getByRole('switch', { name: '长辈版' }).click();
    await page.getByRole('navigation', { name: '底部导航' }).getByRole('link', { name: '首页' }).click();
    await page.getByRole('link', { name: /我的信息/ }).click();
    await page.getByText('还没有提交过更正申请').waitFor();
    await page.locator('.adm-list-item').filter({ hasText: '标签：慢性病' }).waitFor();
    await page.getByRole('button', { name: '提交更正申请' }).click();
    await page.getByText('请选择有误的一项').waitFor();
    await page.getByText('户籍地址', { exact: true }).last().click();
    await page.getByLabel('正确的信息是').fill(CORRECTION);
    await page.getByRole('button', { name: '提交更正申请' }).click();
    await page.getByRole('status').filter({ hasText: '已提交' }).waitFor();
    expect(await page.locator('.adm-toast-mask, .adm-dialog, .adm-mask').count()).toBe(0);
    await page.locator('.adm-list-item').filter({ hasText: CORRECTION }).filter({ hasText: '待处理' }).waitFor();

    // The community worker answers it in the corrections inbox.
    const staff = await h.newPage();
    await loginConsole(staff, 'shegong');
    await staff.waitForURL('**/console/requests');
    await staff.getByRole('navigation', { name: '功能菜单' }).getByRole('link', { name: '更正申请' }).click();
    const row = staff.getByRole('row').filter({ hasText: CORRECTION });
    await row.getByRole('cell', { name: '刘桂兰' }).waitFor();
    await row.getByRole('button', { name: '处理' }).click();
    const dialog = staff.getByRole('dialog');
    await dialog.getByLabel('答复居民').fill(ANSWER);
    await dialog.getByRole('button', { name: '提交' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await staff.getByText('没有待处理的更正申请').waitFor();
    await staff.getByRole('tab', { name: '已采纳' }).click();
    await staff.getByRole('row').filter({ hasText: ANSWER }).waitFor();
    await staff.context().close();

    await page.reload();
    await page.locator('.adm-list-item').filter({ hasText: CORRECTION }).filter({ hasText: '已采纳' }).filter({ hasText: ANSWER }).waitFor();
    await page.context().close();
  });

  it('tells an account without a resident record whom to ask', async () => {
    const page = await h.newPage(phone);
    await loginResident(page, 'wuye');
    await page.getByRole('link', { name: /我的家庭/ }).click();
    await page.getByText('请联系社区工作人员关联您的居民档案').waitFor();
    await page.goto('/m/my-data');
    await page.getByText('请联系社区工作人员关联您的居民档案').waitFor();
    expect(await page.getByRole('button', { name: '提交更正申请' }).count()).toBe(0);
    await page.context().close();
  });
});
