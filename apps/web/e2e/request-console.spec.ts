import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CategoryView, RequestDetail } from '@gongzhi/shared';
import { apiAs, dialects, getJson, loginConsole, startHarness, type Harness } from './harness.js';
import { acceptAndReply, choose, dispatchTo, NUMBER, propertyCompanyOf } from './request-steps.js';

const TEXT = '五福苑3栋楼道的灯坏了一个多星期，晚上黑漆漆的，老人上下楼很不安全，请尽快修一下';
const REPLY = '物业已更换3栋楼道的灯泡并检查了线路，现在晚上照明正常';

describe.each(dialects)('a phone request handled from the staff console (%s)', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(dialect);
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('is entered for a resident, reclassified, dispatched to the property company, answered by it, and called back', async () => {
    // Facts: the property company the demo's `wuye` account represents.
    const company = await propertyCompanyOf(h);
    const staff = await apiAs(h, 'shegong');

    // The community worker takes a call from 刘桂兰 and enters it.
    const page = await h.newPage();
    await loginConsole(page, 'shegong');
    await page.waitForURL('**/console/requests');
    await page.getByRole('button', { name: '登记诉求' }).click();
    const drawer = page.getByRole('dialog', { name: '登记诉求' });
    await choose(page, drawer.getByLabel('来源渠道'), '电话');
    await choose(page, drawer.getByLabel('居民', { exact: true }), '刘桂兰');
    await drawer.getByLabel('诉求内容').fill(TEXT);
    await drawer.getByRole('button', { name: '登记', exact: true }).click();
    await page.getByText(/已登记，编号 GZ-/).waitFor();
    await page.waitForURL(/\/console\/requests\/[^/]+$/);
    const id = page.url().split('/').pop()!;
    const heading = (await page.getByRole('heading', { level: 3 }).textContent()) ?? '';
    const number = NUMBER.exec(heading)![0];
    await page.getByText('已受理').first().waitFor();

    // It waits in the queue's 待派单 tab.
    await page.getByRole('button', { name: '返回诉求列表' }).click();
    await page.getByRole('tab', { name: '待派单', selected: true }).waitFor();
    const row = page.getByRole('row').filter({ hasText: number });
    await row.waitFor();
    expect(await row.textContent()).toContain('电话');
    await row.getByRole('link', { name: number }).click();

    // The category the model gave is corrected by hand: a training label.
    const before = await getJson<RequestDetail>(staff.api, `/api/v1/requests/${id}`);
    const categories = await getJson<{ items: CategoryView[] }>(staff.api, '/api/v1/request-categories');
    // Another category whose name no other category's contains, so typing it finds only it.
    const target = categories.items.find(
      (c) => !c.retired && c.id !== before.categoryId && categories.items.filter((o) => o.nameZh.includes(c.nameZh)).length === 1,
    )!;
    await page.getByRole('button', { name: '更正分类' }).click();
    const classify = page.getByRole('dialog', { name: '更正分类' });
    await choose(page, classify.getByLabel('分类'), target.nameZh);
    await classify.getByRole('button', { name: '保存' }).click();
    await classify.waitFor({ state: 'hidden' });
    await page.getByText('分类已更新').waitFor();
    const classified = await getJson<RequestDetail>(staff.api, `/api/v1/requests/${id}`);
    expect(classified.categoryId).toBe(target.id);
    expect(classified.categorySource).toBe('staff');

    // Dispatched to the property company, which is then the lead.
    await dispatchTo(page, company.name);
    await page.context().close();

    // The property company's representative finds it among their work, accepts and answers it.
    const org = await h.newPage();
    await loginConsole(org, 'wuye');
    await acceptAndReply(org, number, REPLY);
    // Staff-only controls never show for the organisation.
    expect(await org.getByRole('button', { name: /(^|\s)派单$/ }).count()).toBe(0);
    expect(await org.getByRole('button', { name: '更正分类' }).count()).toBe(0);
    await org.context().close();

    // A phone request gets a callback: the worker who took the call records the resident's rating.
    const back = await h.newPage();
    await loginConsole(back, 'shegong');
    await back.waitForURL('**/console/requests');
    await back.getByRole('navigation', { name: '功能菜单' }).getByRole('link', { name: '回访' }).click();
    const task = back.getByRole('row').filter({ hasText: number });
    await task.getByRole('button', { name: `完成回访 ${number}` }).click();
    const callback = back.getByRole('dialog', { name: `完成回访 ${number}` });
    await callback.getByRole('radio', { name: '联系上了' }).check();
    await callback.getByText('满意', { exact: true }).click();
    await callback.getByText('已解决', { exact: true }).click();
    await callback.getByLabel('回访记录').fill('居民说灯已经修好了，很满意');
    await callback.getByRole('button', { name: '保存回访结果' }).click();
    await callback.waitFor({ state: 'hidden' });
    await back.getByText('回访已记录').waitFor();
    await back.getByRole('row').filter({ hasText: number }).waitFor({ state: 'detached' });

    const done = await getJson<RequestDetail>(staff.api, `/api/v1/requests/${id}`);
    expect(done.status).toBe('rated');
    expect(done.rating).toBe('satisfied');
    expect(done.resolved).toBe(true);
    expect(done.callbacks.map((c) => c.status)).toEqual(['done']);
    await back.goto(`/console/requests/${id}`);
    await back.getByText('已评价').first().waitFor();
    await back.context().close();
    await staff.close();
  });
});
