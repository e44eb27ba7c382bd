import type { APIRequestContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisSummary, HouseholdView, Me, PlaceTreeNode, RequestDetail, VisitCoverageResponse, VisitDetail, VisitPlanDetail } from '@gongzhi/shared';
import { apiAs, dialects, getJson, loginConsole, startHarness, type Harness } from './harness.js';
import { openAnalysis } from './request-steps.js';
import { periodDates } from '../src/features/analysis/period.js';

const NUMBER = /^GZ-\d{4}-\d{6}$/;
const ITEM = '3单元楼道的灯坏了一个星期，晚上老人上下楼看不见';
const EXTRA_ITEM = '想报名社区老年大学的书法班';
/** A phone a grid worker holds at the door (the brief's 390 px). */
const phone390 = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

/** Enter a few phone requests at buildings of the community, as the community worker would. */
async function enterRequests(api: APIRequestContext, count: number): Promise<void> {
  const { csrfToken } = await getJson<Me & { csrfToken: string }>(api, '/api/v1/me');
  const tree = await getJson<{ roots: PlaceTreeNode[] }>(api, '/api/v1/places/tree?depth=3');
  const buildings: PlaceTreeNode[] = [];
  const walk = (n: PlaceTreeNode) => (n.kind === 'building' ? buildings.push(n) : n.children.forEach(walk));
  tree.roots.forEach(walk);
  expect(buildings.length).toBeGreaterThan(0);
  for (let i = 0; i < count; i++) {
    const res = await api.post('/api/v1/requests', {
      headers: { 'x-csrf-token': csrfToken },
      data: { text: `楼道的灯坏了好几天，晚上很黑，请尽快修理（${i + 1}）`, kind: 'help', channel: 'phone', contactName: '张阿姨', placeId: buildings[i % buildings.length]!.id },
    });
    if (!res.ok()) throw new Error(`Entering a request failed: ${res.status()} ${await res.text()}`);
  }
}

describe.each(dialects)('analysis dashboard and visits (%s)', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(dialect);
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('shows the community admin the headline figures and draws the charts', async () => {
    // The demo's year of requests already fills the dashboard's period (the last 30 local days, as the page asks
    // for them); three more are counted at once.
    const admin = await apiAs(h, 'shuji');
    const period = new URLSearchParams(periodDates({ preset: '30d' }));
    const before = await getJson<AnalysisSummary>(admin.api, `/api/v1/analysis/summary?${period}`);
    expect(before.totals.received).toBeGreaterThan(50);
    const staff = await apiAs(h, 'shegong');
    await enterRequests(staff.api, 3);
    await staff.close();
    const summary = await getJson<AnalysisSummary>(admin.api, `/api/v1/analysis/summary?${period}`);
    await admin.close();
    expect(summary.totals.received).toBe(before.totals.received + 3);

    const page = await h.newPage();
    await loginConsole(page, 'shuji');
    await page.waitForURL('**/console/requests');
    await openAnalysis(page);

    const received = page.getByRole('group', { name: '受理量', exact: true });
    await received.getByText(String(summary.totals.received), { exact: true }).waitFor();
    for (const figure of ['已办结', '超期', '响应率', '解决率', '满意率']) await page.getByRole('group', { name: figure, exact: true }).waitFor();
    // Each rate says how it is counted.
    await page.getByRole('img', { name: '响应率的口径' }).hover();
    await page.getByRole('tooltip').filter({ hasText: '按时响应的诉求' }).waitFor();

    // The volume chart is an ECharts canvas that has been drawn on.
    const chart = page.getByRole('img', { name: '受理量趋势' });
    const canvas = chart.locator('canvas');
    await canvas.waitFor();
    const box = await canvas.boundingBox();
    expect(box!.width).toBeGreaterThan(200);
    expect(box!.height).toBeGreaterThan(100);
    await page.getByRole('img', { name: '按分类' }).locator('canvas').waitFor();

    // Buildings with requests show in the hotspots, and a click opens the queue at that building.
    const hot = page.getByRole('button', { name: /：[1-9]\d* 件诉求$/ }).first();
    await hot.click();
    await page.waitForURL(/\/console\/requests\?.*placeId=/);
    await page.context().close();
  });

  it('lets a grid worker record a visit on a phone and turn what they heard into a request', async () => {
    // Facts: a household of the grid worker's grid, and their grid.
    const worker = await apiAs(h, 'wanggeyuan');
    const me = await getJson<Me>(worker.api, '/api/v1/me');
    const gridName = me.roles.find((r) => r.role === 'grid_worker')!.placeName;
    const households = await getJson<{ items: HouseholdView[] }>(worker.api, '/api/v1/households?limit=20');
    const household = households.items.find((x) => x.householderName)!;
    expect(household).toBeDefined();

    const page = await h.newPage(phone390);
    await loginConsole(page, 'wanggeyuan');
    await page.waitForURL('**/console/requests');
    await page.getByRole('button', { name: '功能菜单' }).click();
    await page.getByRole('navigation', { name: '功能菜单' }).getByRole('link', { name: '走访' }).click();
    await page.getByRole('button', { name: '记录走访' }).click();
    await page.waitForURL('**/console/visits/new');

    const picker = page.getByLabel('走访的住户');
    await picker.click();
    await picker.fill(household.householderName!);
    // Enter takes the highlighted option: wait until it is this household (the list arrives late).
    await page.locator('.ant-select-item-option-active').filter({ hasText: household.placeLabel }).waitFor();
    await page.keyboard.press('Enter');
    await page.getByLabel('见到的人').fill(`${household.householderName}及老伴`);
    await page.getByLabel('走访情况').fill('老两口身体不错，孩子在外地工作');
    await page.getByLabel('第 1 条问题').fill(ITEM);
    await page.getByRole('button', { name: '保存走访记录' }).click();
    await page.waitForURL(/\/console\/visits\/[0-9a-f-]{36}$/);
    const visitId = page.url().split('/').pop()!;
    await page.getByText(ITEM).waitFor();

    await page.getByRole('button', { name: '转为诉求' }).click();
    const dialog = page.getByRole('dialog', { name: '转为诉求' });
    await dialog.getByText('投诉', { exact: true }).click();
    await dialog.getByRole('button', { name: '登记为诉求' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const link = page.getByRole('link', { name: NUMBER });
    await link.waitFor();
    const number = (await link.textContent())!.trim();

    // The item now points at that request, which came in through the visit channel.
    const visit = await getJson<VisitDetail>(worker.api, `/api/v1/visits/${visitId}`);
    expect(visit.items).toHaveLength(1);
    expect(visit.items[0]!.requestNumber).toBe(number);
    const request = await getJson<RequestDetail>(worker.api, `/api/v1/requests/${visit.items[0]!.requestId}`);
    expect(request.channel).toBe('visit');
    expect(request.kind).toBe('complaint');
    // No second button: an item becomes a request once.
    expect(await page.getByRole('button', { name: '转为诉求' }).count()).toBe(0);

    // The visitor corrects the record the same day, on the page itself: the converted line stays as it is.
    await page.getByRole('button', { name: '修改记录' }).click();
    await page.getByText(`已转诉求 ${number}，不能修改`).waitFor();
    expect(await page.getByLabel('第 1 条问题').isDisabled()).toBe(true);
    await page.getByLabel('走访情况').fill('老两口身体不错，孩子春节回来');
    await page.getByRole('button', { name: '再加一条' }).click();
    await page.getByLabel('第 2 条问题').fill(EXTRA_ITEM);
    await page.getByRole('button', { name: '保存修改' }).click();
    // Back on the record (the form's own fields would show the same words).
    await page.getByText('走访记录已修改').waitFor();
    await page.getByRole('button', { name: '修改记录' }).waitFor();
    await page.getByText('老两口身体不错，孩子春节回来').waitFor();
    await page.getByText(EXTRA_ITEM).waitFor();
    const corrected = await getJson<VisitDetail>(worker.api, `/api/v1/visits/${visitId}`);
    expect(corrected.items.map((i) => [i.text, i.requestNumber])).toEqual([
      [ITEM, number],
      [EXTRA_ITEM, null],
    ]);

    // Coverage counts the visit under the worker's grid.
    const coverage = await getJson<VisitCoverageResponse>(worker.api, '/api/v1/visit-coverage?months=6');
    const grid = coverage.grids.find((g) => g.gridName === gridName)!;
    expect(grid.visited).toBeGreaterThanOrEqual(1);
    await page.goto('/console/visits');
    await page.getByRole('button', { name: '走访覆盖' }).click();
    await page.waitForURL('**/console/visits/coverage');
    const row = page.getByRole('table', { name: '按网格' }).getByRole('row').filter({ hasText: gridName });
    await row.waitFor();
    expect(await row.textContent()).toContain(String(grid.households));
    await page.getByRole('img', { name: '各网格走访情况' }).locator('canvas').waitFor();
    // The one grid is chosen at once: its unvisited households are listed, this one no longer among them.
    const unvisited = page.getByRole('table', { name: '未走访住户名单' });
    await unvisited.getByRole('row').nth(1).waitFor();
    expect(await unvisited.getByRole('row').filter({ hasText: household.placeLabel }).count()).toBe(0);
    await page.context().close();
    await worker.close();
  });
  it('lets the one who made a visiting plan change its name and dates on the plan page', async () => {
    const worker = await apiAs(h, 'wanggeyuan');
    const { csrfToken } = await getJson<Me & { csrfToken: string }>(worker.api, '/api/v1/me');
    const households = await getJson<{ items: HouseholdView[] }>(worker.api, '/api/v1/households?limit=2');
    const made = await worker.api.post('/api/v1/visit-plans', {
      headers: { 'x-csrf-token': csrfToken },
      data: { title: '冬季入户走访', targetKind: 'household', targetIds: households.items.map((x) => x.id), startsOn: '2026-01-01', endsOn: '2026-12-31' },
    });
    expect(made.status()).toBe(201);
    const plan = (await made.json()) as VisitPlanDetail;

    const page = await h.newPage(phone390);
    await loginConsole(page, 'wanggeyuan');
    await page.waitForURL('**/console/requests');
    await page.goto(`/console/visits/plans/${plan.id}`);
    await page.getByRole('heading', { name: '冬季入户走访' }).waitFor();
    await page.getByRole('button', { name: '修改计划' }).click();
    // Targets stay as made: they are shown, not offered for picking.
    await page.getByText('走访对象在创建时确定').waitFor();
    await page.getByLabel('计划名称').fill('冬季入户走访（第一批）');
    await page.getByLabel('备注').fill('先走访独居老人');
    await page.getByRole('button', { name: '保存修改' }).click();
    await page.getByText('计划已修改').waitFor();
    await page.getByRole('heading', { name: '冬季入户走访（第一批）' }).waitFor();
    await page.getByText('先走访独居老人').waitFor();
    const saved = await getJson<VisitPlanDetail>(worker.api, `/api/v1/visit-plans/${plan.id}`);
    expect(saved).toMatchObject({ title: '冬季入户走访（第一批）', note: '先走访独居老人', targetCount: households.items.length });
    await page.context().close();
    await worker.close();
  });
});
