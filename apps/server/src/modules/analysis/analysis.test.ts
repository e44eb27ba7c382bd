import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { AnalysisSummary, HotspotsView, OverdueView, RatesByView, TermsView } from '@gongzhi/shared';
import type { Database } from '../../db/database.js';
import { dialects } from '../../test/dialects.js';
import { sessionFor, testApp, type Session } from '../../test/fixtures.js';
import { createPlace } from '../places/places.commands.js';
import { assignLead, insertRequest, seedCategories, type RequestSpec } from './analysis-factory.js';
import { rebuildDailyStats } from './index.js';

const DAY = 86_400_000;

describe.each(dialects)('analysis (%s)', (dialect) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let staff: Session;
  let worker: Session;
  let subdistrict: Session;
  let adminB: Session;
  let emptyBuilding: string;
  const ids: Record<string, { id: string; number: string }> = {};
  const get = async <T>(s: Session, url: string) => {
    const res = await t.app.inject({ method: 'GET', url, headers: s.headers });
    return { status: res.statusCode, body: res.json() as T & { error?: { code: string } } };
  };

  beforeAll(async () => {
    t = await testApp(dialect);
    const w = t.world;
    const now = t.clock.now();
    const ago = (days: number, hours = 0) => new Date(now.getTime() - days * DAY - hours * 3_600_000).toISOString();
    const catsA = await seedCategories(t.deps.db, w.a.id, ago(100));
    const catsB = await seedCategories(t.deps.db, w.b.id, ago(100));
    emptyBuilding = (await createPlace(t.deps, null, { kind: 'building', name: '2栋', parentId: w.g2.estate.id })).id;
    const A = (key: string, s: Omit<RequestSpec, 'communityId'>) => insertRequest(t.deps.db, { communityId: w.a.id, ...s }, dialect).then((r) => (ids[key] = r));
    const g1 = w.g1;
    const g2 = w.g2;
    // Hand-computed world (community A, received in the default period = the last 30 days):
    await A('r1', { place: g1.dwelling, createdAt: ago(2), categoryId: catsA.repair, status: 'closed', respondedAfter: 30, repliedAfter: 90, closedAfter: 200, rating: 'satisfied', resolved: 1, tokens: '电梯 故障 楼' });
    await A('r2', { place: g1.building, createdAt: ago(3), categoryId: catsA.repair, status: 'rated', channel: 'phone', respondedAfter: 120, repliedAfter: 200, rating: 'basically_satisfied', resolved: 1, tokens: '电梯 维修 101' });
    await A('r3', { place: g1.dwelling, createdAt: ago(4), categoryId: catsA.noise, status: 'closed', respondedAfter: 10, repliedAfter: 50, closedAfter: 100, rating: 'dissatisfied', resolved: 0, tokens: '噪音 扰民' });
    await A('r4', { place: g2.dwelling, createdAt: ago(5), categoryId: catsA.noise, status: 'in_progress', respondedAfter: 20, replyDueMinutes: 600, tokens: '噪音 施工' });
    await A('r5', { place: g2.estate, createdAt: ago(0, 1), status: 'received', replyDueMinutes: 10_000, tokens: '电梯 停运' });
    await A('r6', { place: g1.dwelling, createdAt: ago(6), categoryId: catsA.repair, status: 'closed', selfResolved: true, respondedAfter: 0, repliedAfter: 0, closedAfter: 0, tokens: '路灯 维修' });
    await A('r7', { place: g2.dwelling, createdAt: ago(7), status: 'merged', tokens: '路灯' });
    await A('r8', { place: g1.dwelling, createdAt: ago(8), status: 'withdrawn', tokens: '停车' });
    await A('r9', { place: g1.dwelling, createdAt: ago(9), status: 'received', replyDueMinutes: 60, tokens: '垃圾 清运' });
    // Before the period: overdue now, in the previous period for the terms.
    await A('r10', { place: g1.dwelling, createdAt: ago(40), status: 'received', tokens: '电梯 停车' });
    await A('r11', { place: g1.dwelling, createdAt: ago(45), status: 'closed', closedAfter: 60, tokens: '停车 收费' });
    await insertRequest(t.deps.db, { communityId: w.b.id, place: w.gb.dwelling, createdAt: ago(1), categoryId: catsB.repair, status: 'closed', respondedAfter: 5, closedAfter: 60, rating: 'satisfied', resolved: 1, tokens: '乙 社区 电梯' }, dialect).then((r) => (ids.b1 = r));
    await assignLead(t.deps.db, ids.r1!.id, w.a.id, w.users.community_staff, ago(2));
    await assignLead(t.deps.db, ids.r2!.id, w.a.id, w.users.grid_worker, ago(3));
    staff = await sessionFor(t.app, w.users.community_staff);
    worker = await sessionFor(t.app, w.users.grid_worker);
    subdistrict = await sessionFor(t.app, w.users.subdistrict_admin);
    adminB = await sessionFor(t.app, w.adminB);
  });
  afterAll(() => t.close());

  it('counts a community and computes the three rates as defined', async () => {
    const { status, body } = await get<AnalysisSummary>(staff, '/api/v1/analysis/summary');
    expect(status).toBe(200);
    expect(body.totals).toEqual({ received: 9, open: 3, replied: 4, closed: 3, overdue: 3 });
    // Response: r1, r3, r4 in time and r6 self-resolved, of 7 (merged r7 and withdrawn r8 left out).
    expect(body.rates.response).toEqual({ numerator: 4, denominator: 7, rate: 0.5714 });
    expect(body.rates.resolution).toEqual({ numerator: 2, denominator: 3, rate: 0.6667 });
    expect(body.rates.satisfaction).toEqual({ numerator: 2, denominator: 3, rate: 0.6667 });
    expect(body.byCategory.map((c) => [c.code, c.count])).toEqual([[null, 4], ['repair', 3], ['noise', 2]]);
    expect(body.byGrid.map((g) => [g.id, g.count])).toEqual([[t.world.g1.grid.id, 6], [t.world.g2.grid.id, 3]]);
    expect(body.byChannel).toContainEqual({ channel: 'phone', count: 1 });
    expect(body.byStatus).toContainEqual({ status: 'closed', count: 3 });
    expect(body.byBuilding[0]).toMatchObject({ id: t.world.g1.building.id, count: 6, estateName: '第一网格小区' });
    expect(body.byTime.granularity).toBe('day');
    expect(body.byTime.buckets.length).toBeGreaterThanOrEqual(30);
    expect(body.byTime.buckets.reduce((s, b) => s + b.count, 0)).toBe(9);
  });

  it('keeps a grid worker to their grid and one community away from another', async () => {
    const mine = await get<AnalysisSummary>(worker, '/api/v1/analysis/summary');
    expect(mine.body.totals).toMatchObject({ received: 6, overdue: 2 });
    expect(mine.body.byGrid.map((g) => g.id)).toEqual([t.world.g1.grid.id]);
    const b = await get<AnalysisSummary>(adminB, '/api/v1/analysis/summary');
    expect(b.body.totals).toMatchObject({ received: 1, overdue: 0, closed: 1 });
    expect((await get(staff, `/api/v1/analysis/summary?placeId=${t.world.b.id}`)).status).toBe(404);
    expect((await get(worker, `/api/v1/analysis/summary?placeId=${t.world.g2.grid.id}`)).status).toBe(404);
    const sd = await get<AnalysisSummary>(subdistrict, '/api/v1/analysis/summary');
    expect(sd.body.totals.received).toBe(10);
    expect(sd.body.byCommunity.map((c) => [c.name, c.count])).toEqual([['甲社区', 9], ['乙社区', 1]]);
    // Buildings are compared inside one community; a subdistrict compares its communities.
    expect(sd.body.byBuilding).toEqual([]);
    const onlyB = await get<AnalysisSummary>(subdistrict, `/api/v1/analysis/summary?placeId=${t.world.b.id}`);
    expect(onlyB.body.totals.received).toBe(1);
    expect(onlyB.body.scope).toMatchObject({ placeId: t.world.b.id, name: '乙社区' });
  });

  it('refuses a period that is reversed or longer than two years', async () => {
    const reversed = await get(staff, '/api/v1/analysis/summary?from=2026-11-10&to=2026-11-01');
    expect(reversed.status).toBe(400);
    expect(reversed.body.error?.code).toBe('report_period_invalid');
    const long = await get(staff, '/api/v1/analysis/rates?by=grid&from=2023-01-01&to=2026-11-01');
    expect(long.status).toBe(400);
    expect(long.body.error?.code).toBe('report_period_invalid');
    expect((await get(staff, '/api/v1/analysis/summary?from=yesterday')).body.error?.code).toBe('validation_failed');
    // Local dates, `to` inclusive: 2026-11-22 (r1 at 11-23 16:00 local is out, r2 at 11-22 16:00 is in).
    const days = await get<AnalysisSummary>(staff, '/api/v1/analysis/summary?from=2026-11-21&to=2026-11-22');
    expect(days.status).toBe(200);
    expect(days.body.period).toEqual({ from: '2026-11-20T16:00:00.000Z', to: '2026-11-22T16:00:00.000Z' });
    expect(days.body.totals.received).toBe(2);
  });

  it('lists every building of the scope, also one without requests, with its top category', async () => {
    const { body } = await get<HotspotsView>(staff, '/api/v1/analysis/hotspots');
    const b1 = body.buildings.find((b) => b.id === t.world.g1.building.id)!;
    expect(b1).toMatchObject({ count: 6, estateId: t.world.g1.estate.id, gridId: t.world.g1.grid.id });
    expect(b1.topCategory).toMatchObject({ code: 'repair', count: 3 });
    expect(body.buildings.find((b) => b.id === emptyBuilding)).toMatchObject({ count: 0, topCategory: null, estateId: t.world.g2.estate.id });
    expect(body.buildings.find((b) => b.id === t.world.g2.building.id)?.count).toBe(2);
    expect(body.unplaced).toBe(1);
    expect(body.estates.find((e) => e.id === t.world.g2.estate.id)?.count).toBe(3);
    expect(body.grids.map((g) => g.id).sort()).toEqual([t.world.g1.grid.id, t.world.g2.grid.id].sort());
    expect(body.max).toBe(6);
    expect(body.buildings.some((b) => b.id === t.world.gb.building.id)).toBe(false);
  });

  it('ranks trending terms with their growth against the previous period', async () => {
    const { body } = await get<TermsView>(staff, '/api/v1/analysis/terms');
    const term = (s: string) => body.terms.find((x) => x.term === s);
    expect(body.terms[0]).toEqual({ term: '电梯', count: 3, previous: 1, growth: 2 });
    expect(term('噪音')).toEqual({ term: '噪音', count: 2, previous: 0, growth: null });
    expect(term('停车')).toEqual({ term: '停车', count: 1, previous: 2, growth: -0.5 });
    expect(term('楼')).toBeUndefined();
    expect(term('101')).toBeUndefined();
    expect(term('乙')).toBeUndefined();
    expect(body.previous.to).toBe(body.period.from);
  });

  it('gives the rates by grid, category, handler, month and community', async () => {
    const byGrid = (await get<RatesByView>(staff, '/api/v1/analysis/rates?by=grid')).body;
    const g1 = byGrid.rows.find((r) => r.key === t.world.g1.grid.id)!;
    // g1: r1, r2, r3, r6, r9 counted (r8 withdrawn): in time r1, r3, r6.
    expect(g1).toMatchObject({ name: '第一网格', received: 6, closed: 3 });
    expect(g1.rates.response).toMatchObject({ numerator: 3, denominator: 5 });
    const byCategory = (await get<RatesByView>(staff, '/api/v1/analysis/rates?by=category')).body;
    expect(byCategory.rows.find((r) => r.name === '噪音')?.rates.satisfaction).toMatchObject({ numerator: 0, denominator: 1, rate: 0 });
    const byHandler = (await get<RatesByView>(staff, '/api/v1/analysis/rates?by=handler')).body;
    expect(byHandler.rows.map((r) => [r.key, r.received]).sort()).toEqual([[t.world.users.community_staff, 1], [t.world.users.grid_worker, 1]].sort());
    const byMonth = (await get<RatesByView>(staff, '/api/v1/analysis/rates?by=month&from=2026-09-01&to=2026-11-30')).body;
    expect(byMonth.rows.map((r) => [r.key, r.received])).toEqual([['2026-10', 2], ['2026-11', 9]]);
    const byCommunity = (await get<RatesByView>(subdistrict, '/api/v1/analysis/rates?by=community')).body;
    expect(byCommunity.rows.map((r) => [r.name, r.received])).toEqual([['甲社区', 9], ['乙社区', 1]]);
  });

  it('lists what is overdue now, most overdue first, within the scope', async () => {
    const { body } = await get<OverdueView>(staff, '/api/v1/analysis/overdue');
    expect(body.total).toBe(3);
    expect(body.items.map((i) => i.number)).toEqual([ids.r10!.number, ids.r9!.number, ids.r4!.number]);
    expect(body.items[0]).toMatchObject({ status: 'received', placeName: '第一网格 第一网格小区 1栋 1单元 101室' });
    expect(body.items[0]!.overdueMinutes).toBe(40 * 1440 - 60);
    expect(JSON.stringify(body)).not.toContain('不应导出的姓名');
    const w = await get<OverdueView>(worker, '/api/v1/analysis/overdue');
    expect(w.body.items.map((i) => i.number)).toEqual([ids.r10!.number, ids.r9!.number]);
    const inPeriod = await get<OverdueView>(staff, `/api/v1/analysis/overdue?from=${new Date(t.clock.now().getTime() - 30 * DAY).toISOString()}`);
    expect(inPeriod.body.total).toBe(2);
  });

  // Last: it changes the world. Every writer keeps the daily rollup through the triggers, whatever it changes.
  it('keeps the daily rollup equal to a recount through updates, reclassification and deletes', async () => {
    const db = t.deps.db;
    const rollup = async () =>
      (await sql<Record<string, unknown>>`select * from request_daily_stats where received <> 0 order by community_id, dim, day, key`.execute(db)).rows.map((r) => JSON.stringify(Object.values(r).map(String)));
    const before = (await get<AnalysisSummary>(staff, '/api/v1/analysis/summary')).body;
    const noise = (await db.selectFrom('request_categories').select('id').where('community_id', '=', t.world.a.id).where('code', '=', 'noise').executeTakeFirstOrThrow()).id;
    await db.updateTable('requests').set({ status: 'closed', rating: 'satisfied', resolved: 1, closed_at: t.clock.now().toISOString() }).where('id', '=', ids.r4!.id).execute();
    await db.updateTable('requests').set({ category_id: noise, channel: 'phone' }).where('id', '=', ids.r5!.id).execute();
    await db.updateTable('requests').set({ responded_at: null }).where('id', '=', ids.r1!.id).execute();
    const after = (await get<AnalysisSummary>(staff, '/api/v1/analysis/summary')).body;
    expect(after.totals).toMatchObject({ received: 9, closed: before.totals.closed + 1, open: before.totals.open - 1 });
    expect(after.rates.satisfaction).toMatchObject({ numerator: 3, denominator: 4 });
    expect(after.rates.response).toMatchObject({ numerator: 3, denominator: 7 });
    expect(after.byCategory.find((c) => c.code === 'noise')?.count).toBe(3);
    const kept = await rollup();
    await db.transaction().execute((trx) => rebuildDailyStats<Database>(trx));
    expect(kept).toEqual(await rollup());
    await db.deleteFrom('requests').where('id', '=', ids.r9!.id).execute();
    const afterDelete = await rollup();
    await db.transaction().execute((trx) => rebuildDailyStats<Database>(trx));
    expect(afterDelete).toEqual(await rollup());
  });
});
