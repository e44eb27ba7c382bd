import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../test/dialects.js';
import { sessionFor, testApp, type Session } from '../../test/fixtures.js';
import { ensureTaxonomy } from './taxonomy.service.js';
import { addRequest } from './test-factories.js';

type T = Awaited<ReturnType<typeof testApp>>;
type Suggestion = { title: string; categoryId: string | null; placeId: string | null; placeName: string | null; terms: string[]; requestIds: string[]; count: number; firstAt: string; lastAt: string };
type Case = { id: string; title: string; status: string; placeId: string | null; placeName: string | null; ownerName: string | null; requests: { id: string; number: string }[] };

describe.each(dialects)('proactive suggestions and cases (%s)', (dialect) => {
  let t: T;
  let admin: Session;
  let adminB: Session;
  let grid: Session;
  const r: Record<string, string[]> = { lights: [], fewLights: [], bins: [], cased: [], old: [], inB: [], lone: [] };
  beforeAll(async () => {
    t = await testApp(dialect);
    admin = await sessionFor(t.app, t.world.users.community_admin);
    adminB = await sessionFor(t.app, t.world.adminB);
    grid = await sessionFor(t.app, t.world.users.grid_worker);
    const { g1, g2, gb } = t.world;
    const [c1, c2, c3] = await ensureTaxonomy(t.deps.db, t.world.a.id, t.clock.now());
    const [b1] = await ensureTaxonomy(t.deps.db, t.world.b.id, t.clock.now());
    const add = async (key: string, placeId: string, title: string, categoryId: string | null, ageDays = 1) =>
      r[key]!.push((await addRequest(t.deps, { placeId, title, text: title, categoryId, ageMinutes: ageDays * 24 * 60 })).id);
    // Same category, same building (three places within it): a hotspot.
    await add('lights', g1.dwelling.id, '楼道灯不亮', c1!.id);
    await add('lights', g1.entrance.id, '单元门禁坏了', c1!.id, 3);
    await add('lights', g1.building.id, '楼顶漏雨', c1!.id, 5);
    // Two are not enough.
    await add('fewLights', g2.building.id, '楼道灯不亮', c1!.id);
    await add('fewLights', g2.dwelling.id, '声控灯坏了', c1!.id);
    // Words alike across buildings and categories.
    await add('bins', g1.estate.id, '垃圾桶满了没人清理，垃圾溢出发臭', c2!.id);
    await add('bins', g2.building.id, '垃圾桶满了好几天没人清理，垃圾溢出', c3!.id);
    await add('bins', t.world.a.id, '小区垃圾桶满了没人清理，气味难闻', null);
    // Already in a case (opened below).
    for (let i = 0; i < 3; i++) await add('cased', g2.entrance.id, `外墙脱落${i}`, c2!.id);
    // Too old for the window.
    for (let i = 0; i < 3; i++) await add('old', g2.dwelling.id, `井盖松动有响声${i}`, null, 45);
    for (let i = 0; i < 3; i++) await add('inB', gb.building.id, `乙社区路灯坏了${i}`, b1!.id);
    await add('lone', g1.building.id, '咨询老年卡办理', null);
  });
  afterAll(() => t.close());

  const suggestions = async (s: Session, query: Record<string, string> = {}) => {
    const res = await t.app.inject({ url: `/api/v1/proactive-suggestions?${new URLSearchParams({ days: '30', min: '3', ...query }).toString()}`, headers: s.headers });
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as { items: Suggestion[] }).items;
  };
  const sorted = (a: string[]) => [...a].sort();

  it('opens a case linking requests in scope, and refuses requests outside it', async () => {
    const post = (s: Session, payload: object) => t.app.inject({ method: 'POST', url: '/api/v1/proactive-cases', headers: s.headers, payload });
    expect((await post(adminB, { title: '外墙脱落', requestIds: r.cased! })).statusCode).toBe(404);
    expect((await post(admin, { title: '混入乙社区', requestIds: [...r.cased!, r.inB![0]!] })).statusCode).toBe(404);
    expect((await post(admin, { title: '不存在', requestIds: ['no-such-request'] })).statusCode).toBe(404);
    expect((await post(admin, { title: '空', requestIds: [] })).statusCode).toBe(400);
    expect((await post(admin, { title: '乙的位置', requestIds: r.cased!, placeId: t.world.gb.building.id })).statusCode).toBe(400);
    expect((await post(admin, { title: '居民负责', requestIds: r.cased!, ownerUserId: t.world.users.resident })).statusCode).toBe(400);
    expect((await post(grid, { title: '网格员不能开', requestIds: r.cased! })).statusCode).toBe(403);
    const res = await post(admin, { title: '2栋外墙脱落', requestIds: r.cased!, placeId: t.world.g2.building.id, ownerUserId: t.world.users.community_staff, plan: '联系物业排查外墙' });
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json() as Case;
    expect(c).toMatchObject({ status: 'open', placeId: t.world.g2.building.id, placeName: '1栋', ownerName: '用户3' });
    expect(sorted(c.requests.map((x) => x.id))).toEqual(sorted(r.cased!));
    expect(await t.deps.db.selectFrom('proactive_case_requests').select('request_id').where('case_id', '=', c.id).execute()).toHaveLength(3);

    const patched = await t.app.inject({ method: 'PATCH', url: `/api/v1/proactive-cases/${c.id}`, headers: admin.headers, payload: { status: 'done', outcome: '已修复外墙' } });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ status: 'done', outcome: '已修复外墙', plan: '联系物业排查外墙' });
    expect((await t.app.inject({ method: 'PATCH', url: `/api/v1/proactive-cases/${c.id}`, headers: adminB.headers, payload: { status: 'open' } })).statusCode).toBe(404);
    const list = async (s: Session, q = '') => ((await t.app.inject({ url: `/api/v1/proactive-cases${q}`, headers: s.headers }).then((x) => x.json())) as { items: Case[] }).items;
    expect((await list(admin)).map((x) => x.id)).toEqual([c.id]);
    expect(await list(admin, '?status=open')).toEqual([]);
    expect(await list(adminB)).toEqual([]);
    // The case is at a building of grid 2: not in the grid-1 worker's scope.
    expect(await list(grid)).toEqual([]);
    const audit = await t.deps.db.selectFrom('audit_log').select('action').where('target_id', '=', c.id).orderBy('at').execute();
    expect(audit.map((a) => a.action)).toEqual(['proactive_case.created', 'proactive_case.updated']);
  });

  it('suggests clusters of at least `min` requests not yet in a case', async () => {
    const items = await suggestions(admin);
    const byRequests = (ids: string[]) => items.find((s) => sorted(s.requestIds).join() === sorted(ids).join());
    const lights = byRequests(r.lights!);
    expect(lights).toMatchObject({ count: 3, placeId: t.world.g1.building.id, placeName: '1栋' });
    expect(lights!.title).toContain('1栋');
    expect(lights!.firstAt < lights!.lastAt).toBe(true);
    const bins = byRequests(r.bins!);
    expect(bins).toBeDefined();
    expect(bins!.terms).toEqual(expect.arrayContaining(['垃圾桶']));
    const all = items.flatMap((s) => s.requestIds);
    for (const key of ['fewLights', 'cased', 'old', 'inB', 'lone']) for (const id of r[key]!) expect(all, key).not.toContain(id);
    expect(items).toHaveLength(2);
    // Bigger clusters first; a lower `min` finds the two-request one; B's admin sees B's only.
    expect((await suggestions(admin, { min: '2' })).some((s) => sorted(s.requestIds).join() === sorted(r.fewLights!).join())).toBe(true);
    expect((await suggestions(adminB)).map((s) => sorted(s.requestIds))).toEqual([sorted(r.inB!)]);
    // A longer window brings the old ones back; the grid worker of grid 1 sees only grid 1's hotspot.
    expect((await suggestions(admin, { days: '60' })).some((s) => sorted(s.requestIds).join() === sorted(r.old!).join())).toBe(true);
    expect((await suggestions(grid)).map((s) => sorted(s.requestIds))).toEqual([sorted(r.lights!)]);
    expect((await t.app.inject({ url: '/api/v1/proactive-suggestions?min=1', headers: admin.headers })).statusCode).toBe(400);
    expect((await t.app.inject({ url: `/api/v1/proactive-suggestions?communityId=${t.world.b.id}`, headers: admin.headers })).statusCode).toBe(404);
  });
});
