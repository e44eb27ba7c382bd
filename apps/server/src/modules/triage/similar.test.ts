import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../test/dialects.js';
import { sessionFor, testApp } from '../../test/fixtures.js';
import { findSimilar } from './similar.service.js';
import { DUPLICATE_SCORE } from './similarity.js';
import { addRequest, pathOf } from './test-factories.js';

type T = Awaited<ReturnType<typeof testApp>>;
type Similar = { id: string; number: string; title: string; status: string; categoryName: unknown; placeName: string | null; score: number; duplicate: boolean; createdAt: string };

describe.each(dialects)('similar requests (%s)', (dialect) => {
  let t: T;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    t = await testApp(dialect);
    const { g1, g2, gb } = t.world;
    const add = async (key: string, placeId: string, title: string, text: string, extra: { status?: string; ageMinutes?: number } = {}) => {
      ids[key] = (await addRequest(t.deps, { placeId, title, text, submittedBy: t.world.users.resident, ...extra })).id;
    };
    await add('lift', g1.building.id, '1栋电梯坏了', '1栋的电梯坏了三天了，一直停在五楼不动，老人上下楼很困难，请尽快维修电梯');
    await add('liftOtherBuilding', g2.building.id, '电梯停运', '我们楼的电梯坏了，按钮没反应，老人下楼很困难，希望物业派人维修');
    await add('water', g1.building.id, '楼下水管漏水', '一楼水管爆裂漏水，地面全是积水');
    await add('noise', g1.building.id, '广场舞噪音', '晚上十点以后广场舞音响声音太大，影响休息');
    await add('liftClosed', g1.building.id, '电梯坏了', '1栋电梯坏了不动，老人上下楼困难，请维修', { status: 'closed' });
    await add('liftOld', g1.building.id, '电梯坏了', '1栋电梯坏了不动，老人上下楼困难，请维修', { ageMinutes: 100 * 24 * 60 });
    await add('liftB', gb.building.id, '电梯坏了', '电梯坏了不动，老人上下楼困难，请维修电梯');
  });
  afterAll(() => t.close());

  const typed = '1栋电梯坏了不动，老人上下楼困难，请尽快维修';

  it('finds the near-duplicate, ranks by similarity and leaves unrelated, closed, old and other communities’ requests out', async () => {
    const found = await findSimilar(t.deps.db, { communityId: t.world.a.id, text: typed, placePath: await pathOf(t.deps, t.world.g1.dwelling.id), limit: 10, now: t.clock.now() });
    const order = found.map((f) => f.id);
    expect(order[0]).toBe(ids.lift);
    expect(found[0]!.duplicate).toBe(true);
    expect(found[0]!.score).toBeGreaterThanOrEqual(DUPLICATE_SCORE);
    // The other building's lift is similar but, at another building, not a duplicate; and it ranks lower.
    const other = found.find((f) => f.id === ids.liftOtherBuilding);
    expect(other).toBeDefined();
    expect(other!.duplicate).toBe(false);
    expect(other!.score).toBeLessThan(found[0]!.score);
    for (const key of ['water', 'noise', 'liftClosed', 'liftOld', 'liftB']) expect(order).not.toContain(ids[key]);
    for (let i = 1; i < found.length; i++) expect(found[i - 1]!.score).toBeGreaterThanOrEqual(found[i]!.score);
    // Excluding the request itself, and tokens instead of text, work too.
    const again = await findSimilar(t.deps.db, { communityId: t.world.a.id, tokens: ['电梯', '维修'], excludeId: ids.lift, now: t.clock.now() });
    expect(again.map((f) => f.id)).not.toContain(ids.lift);
    expect(await findSimilar(t.deps.db, { communityId: t.world.a.id, text: '！！！', now: t.clock.now() })).toEqual([]);
  });

  it('shows residents only their community’s open requests, without names or text', async () => {
    const resident = await sessionFor(t.app, t.world.users.resident);
    const res = await t.app.inject({ url: `/api/v1/requests/similar?text=${encodeURIComponent(typed)}&limit=10`, headers: resident.headers });
    expect(res.statusCode, res.body).toBe(200);
    const items = (res.json() as { items: Similar[] }).items;
    expect(items[0]).toMatchObject({ id: ids.lift, title: '1栋电梯坏了', status: 'received', placeName: '1栋' });
    expect(Object.keys(items[0]!).sort()).toEqual(['categoryName', 'createdAt', 'duplicate', 'id', 'number', 'placeName', 'score', 'status', 'title']);
    expect(items.map((i) => i.id)).not.toContain(ids.liftB);
    expect(res.body).not.toContain('五楼不动');
    // With their dwelling as the place, the same-building request is offered as a duplicate.
    const here = await t.app.inject({ url: `/api/v1/requests/similar?text=${encodeURIComponent(typed)}&placeId=${t.world.g1.dwelling.id}`, headers: resident.headers });
    expect(((here.json() as { items: Similar[] }).items[0]!).duplicate).toBe(true);
    // A place in another community is refused as if it did not exist.
    const elsewhere = await t.app.inject({ url: `/api/v1/requests/similar?text=${encodeURIComponent(typed)}&placeId=${t.world.gb.dwelling.id}`, headers: resident.headers });
    expect(elsewhere.statusCode).toBe(404);
  });

  it('shows staff their own scope only', async () => {
    const get = async (userId: string, query = '') => {
      const s = await sessionFor(t.app, userId);
      const res = await t.app.inject({ url: `/api/v1/requests/similar?text=${encodeURIComponent(typed)}&limit=10${query}`, headers: s.headers });
      return res;
    };
    const idsOf = async (userId: string) => ((await get(userId)).json() as { items: Similar[] }).items.map((i) => i.id);
    // The grid worker of grid 1 does not see grid 2's lift; community staff do; admin B sees only B's.
    const gridWorker = await idsOf(t.world.users.grid_worker);
    expect(gridWorker).toContain(ids.lift);
    expect(gridWorker).not.toContain(ids.liftOtherBuilding);
    const staff = await idsOf(t.world.users.community_staff);
    expect(staff).toEqual(expect.arrayContaining([ids.lift, ids.liftOtherBuilding]));
    expect(staff).not.toContain(ids.liftB);
    expect(await idsOf(t.world.adminB)).toEqual([ids.liftB]);
    // The subdistrict admin sees both communities.
    expect(await idsOf(t.world.users.subdistrict_admin)).toEqual(expect.arrayContaining([ids.lift, ids.liftB]));
    // A place outside the grid worker's grid answers 404; bad input 400; organisation representatives may not ask.
    expect((await get(t.world.users.grid_worker, `&placeId=${t.world.g2.building.id}`)).statusCode).toBe(404);
    const s = await sessionFor(t.app, t.world.users.community_staff);
    expect((await t.app.inject({ url: '/api/v1/requests/similar?text=x', headers: s.headers })).statusCode).toBe(400);
    expect((await t.app.inject({ url: `/api/v1/requests/similar?text=abc&limit=99`, headers: s.headers })).statusCode).toBe(400);
    expect((await get(t.world.users.org_representative)).statusCode).toBe(403);
  });
});
