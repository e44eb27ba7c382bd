import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlaceTreeNode, ResidentView } from '@gongzhi/shared';
import { apiAs, dialects, getJson, loginConsole, startHarness, type Harness } from './harness.js';

type Page_<T> = { items: T[]; total: number };

/** The "共 N 人" under the residents table. */
async function listTotal(page: Page): Promise<number> {
  const text = await page.getByText(/^共 \d+ 人$/).textContent();
  return Number(/\d+/.exec(text ?? '')![0]);
}

async function search(page: Page, text: string): Promise<void> {
  const loaded = page.waitForResponse((r) => r.url().includes('/api/v1/residents?') && r.ok());
  await page.getByLabel('搜索居民').fill(text);
  await page.getByRole('button', { name: '搜索' }).click();
  await loaded;
}

describe.each(dialects)('registers seen by a grid worker (%s)', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(dialect);
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('lists and finds only the residents of their own grid', async () => {
    // Facts from the community staff's view: the grids, the whole register, and a resident of the second grid
    // whose name nobody in the first grid shares.
    const staff = await apiAs(h, 'shegong');
    const tree = await getJson<{ roots: PlaceTreeNode[] }>(staff.api, '/api/v1/places/tree?depth=1');
    const grids = tree.roots[0]!.children;
    const first = grids.find((g) => g.name === '第一网格')!;
    const second = grids.find((g) => g.name === '第二网格')!;
    expect(first && second).toBeTruthy();
    const all = await getJson<Page_<ResidentView>>(staff.api, '/api/v1/residents?limit=1');
    const inSecond = await getJson<Page_<ResidentView>>(staff.api, `/api/v1/residents?placeId=${second.id}&limit=50`);
    const inFirst = await getJson<Page_<ResidentView>>(staff.api, `/api/v1/residents?placeId=${first.id}&limit=1`);
    expect(inFirst.total).toBeGreaterThan(0);
    expect(inFirst.total).toBeLessThan(all.total);
    let outsider: ResidentView | undefined;
    for (const r of inSecond.items) {
      const namesakes = await getJson<Page_<ResidentView>>(staff.api, `/api/v1/residents?placeId=${first.id}&q=${encodeURIComponent(r.name)}&limit=1`);
      if (namesakes.total === 0) {
        outsider = r;
        break;
      }
    }
    expect(outsider).toBeDefined();
    await staff.close();

    const page = await h.newPage();
    await loginConsole(page, 'wanggeyuan');
    await page.waitForURL('**/console/requests');
    await page.getByRole('navigation', { name: '功能菜单' }).getByRole('link', { name: '居民', exact: true }).click();
    await page.getByText(/^共 \d+ 人$/).waitFor();
    const total = await listTotal(page);
    // Exactly their grid: fewer than the community, as many as the first grid holds.
    expect(total).toBe(inFirst.total);
    expect(total).toBeLessThan(all.total);
    const addresses = await page.getByRole('row').locator('td:nth-child(6)').allTextContents();
    expect(addresses.length).toBeGreaterThan(0);
    for (const a of addresses) expect(a.startsWith('第一网格')).toBe(true);

    // Someone of their own grid is found; the resident of the second grid is not.
    await search(page, '刘桂兰');
    await page.getByRole('link', { name: '刘桂兰', exact: true }).first().waitFor();
    // Grid workers call residents: they may reveal a phone number, never an ID number.
    await page.getByRole('link', { name: '刘桂兰', exact: true }).first().click();
    await page.getByRole('heading', { name: '刘桂兰' }).waitFor();
    await page.getByRole('button', { name: '查看完整号码（手机号）' }).waitFor();
    expect(await page.getByRole('button', { name: '查看完整号码（身份证号）' }).count()).toBe(0);
    await page.goBack();
    await search(page, outsider!.name);
    await page.getByText('没有符合条件的居民').waitFor();
    expect(await page.getByRole('link', { name: outsider!.name, exact: true }).count()).toBe(0);

    // Opening the record by its address answers as if it did not exist.
    await page.goto(`/console/residents/${outsider!.id}`);
    await page.getByText('找不到该居民').waitFor();
    expect(await page.getByRole('heading', { name: outsider!.name }).count()).toBe(0);
    await page.context().close();
  });
});
