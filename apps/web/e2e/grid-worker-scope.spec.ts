import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, dialects, loginConsole, startHarness, type Harness } from './harness.js';

interface TreeNode {
  id: string;
  name: string;
  children: TreeNode[];
}

describe.each(dialects)('grid worker scope (%s)', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(dialect);
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('sees only their own grid and cannot open another grid', async () => {
    // The community secretary sees every grid: take the id of 第二网格 from the API.
    const admin = await h.browser.newContext({ baseURL: h.baseUrl });
    const login = await admin.request.post('/api/v1/auth/login', { data: { account: 'shuji', password: DEMO_PASSWORD } });
    expect(login.ok()).toBe(true);
    const tree = (await (await admin.request.get('/api/v1/places/tree?depth=1')).json()) as { roots: TreeNode[] };
    const otherGrid = tree.roots[0]!.children.find((c) => c.name === '第二网格');
    expect(otherGrid).toBeDefined();
    await admin.close();

    const page = await h.newPage();
    await loginConsole(page, 'wanggeyuan');
    // Grid workers land on their requests; the place tree is in the menu.
    await page.getByRole('navigation', { name: '功能菜单' }).getByRole('link', { name: '位置' }).click();
    const placeTree = page.getByRole('tree', { name: '位置树' });
    await placeTree.getByText('第一网格').waitFor();
    await placeTree.getByText('五福苑').waitFor();
    expect(await placeTree.getByText('第二网格').count()).toBe(0);
    expect(await placeTree.getByText('五福桥社区').count()).toBe(0);
    // Grid workers report changes; they do not make them.
    await placeTree.getByText('五福苑').click();
    await page.getByRole('heading', { name: '五福苑' }).waitFor();
    expect(await page.getByRole('button', { name: '改名' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /新增/ }).count()).toBe(0);

    await page.goto(`/console/places/${otherGrid!.id}`);
    await page.getByText('找不到该位置').waitFor();
    await page.getByText('该位置不存在，或不在您负责的范围内，您没有权限查看。').waitFor();
    expect(await page.getByRole('heading', { name: '第二网格' }).count()).toBe(0);
    await page.context().close();
  });
});
