import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../test/dialects.js';
import { testApp } from '../../test/fixtures.js';
import { errCode, newDwelling, newHousehold, newResident, sessions, type HouseholdDetail, type ResidentDetail, type T } from './test/factories.js';

describe.each(dialects)('households (%s)', (dialect) => {
  let t: T;
  let s: Awaited<ReturnType<typeof sessions>>;
  let d102: string;
  beforeAll(async () => {
    t = await testApp(dialect);
    s = await sessions(t);
    d102 = await newDwelling(s.admin, t.world.g1.entrance.id, '102室');
  });
  afterAll(() => t.close());

  const household = async (id: string) => (await s.admin.get(`/households/${id}`)).json() as HouseholdDetail;

  it('registers households only at a dwelling in scope', async () => {
    expect(errCode(await s.admin.post('/households', { dwellingId: t.world.g1.building.id }))).toBe('not_a_dwelling');
    expect((await s.admin.post('/households', { dwellingId: t.world.gb.dwelling.id })).statusCode).toBe(404);
    expect((await s.admin.post('/households', { dwellingId: 'nope' })).statusCode).toBe(404);
    expect((await s.grid.post('/households', { dwellingId: t.world.g2.dwelling.id })).statusCode).toBe(404);
    expect((await s.leader.post('/households', { dwellingId: t.world.g1.dwelling.id })).statusCode).toBe(403);
    const h = await s.grid.post('/households', { dwellingId: t.world.g1.dwelling.id, movedInOn: '2001-09-01', note: '老住户' });
    expect(h.statusCode).toBe(201);
    expect(h.json()).toMatchObject({ placeLabel: '第一网格 第一网格小区 1栋 1单元 101室', memberCount: 0, status: 'active', householderId: null, members: [] });
  });

  it('lists households with householder and living member count, filtered and paged', async () => {
    const h = await newHousehold(s.admin, t.world.g2.dwelling.id);
    await newResident(s.admin, { name: '周大山', householdId: h.id, relation: 'householder' });
    await newResident(s.admin, { name: '吴小花', householdId: h.id, relation: 'spouse' });
    const gone = await newResident(s.admin, { name: '周远', householdId: h.id, relation: 'child' });
    await s.admin.post(`/residents/${gone.id}/leave`, { event: 'moved_out', onDate: '2026-05-01' });
    const byName = (await s.admin.get('/households?q=大山')).json() as { items: HouseholdDetail[]; total: number };
    expect(byName.total).toBe(1);
    expect(byName.items[0]).toMatchObject({ id: h.id, householderName: '周大山', memberCount: 2 });
    const page = (await s.admin.get('/households?limit=1')).json() as { items: unknown[]; total: number };
    expect([page.items.length, page.total]).toEqual([1, 2]);
    expect((await s.admin.get(`/households?placeId=${t.world.g2.grid.id}`)).json()).toMatchObject({ total: 1 });
    expect((await s.adminB.get('/households')).json()).toMatchObject({ total: 0 });
    expect((await s.adminB.get(`/households/${h.id}`)).statusCode).toBe(404);
    const detail = await household(h.id);
    expect(detail.members.map((m) => [m.name, m.status])).toEqual([
      ['吴小花', 'living'],
      ['周大山', 'living'],
      ['周远', 'moved_out'],
    ]);
    expect(detail.history.map((e) => [e.event, e.residentName])).toEqual([
      ['registered', null],
      ['registered', '周大山'],
      ['registered', '吴小花'],
      ['registered', '周远'],
      ['moved_out', '周远'],
    ]);
  });

  it('moves a household: living members follow, each keeps the move in their history', async () => {
    const h = await newHousehold(s.admin, t.world.g1.dwelling.id);
    const a = await newResident(s.admin, { name: '郑一', householdId: h.id, relation: 'householder', phone: '13512340001' });
    const b = await newResident(s.admin, { name: '郑二', householdId: h.id, relation: 'spouse' });
    const c = await newResident(s.admin, { name: '郑三', householdId: h.id, relation: 'child' });
    await s.admin.post(`/residents/${c.id}/leave`, { event: 'deceased', onDate: '2025-01-01' });
    expect(errCode(await s.admin.post(`/households/${h.id}/move`, { dwellingId: t.world.g1.entrance.id }))).toBe('not_a_dwelling');
    const moved = await s.admin.post(`/households/${h.id}/move`, { dwellingId: t.world.g2.dwelling.id, onDate: '2026-11-01', note: '换房' });
    expect(moved.statusCode).toBe(200);
    const detail = moved.json() as HouseholdDetail;
    expect(detail.placeLabel).toBe('第二网格 第二网格小区 1栋 1单元 101室');
    expect(detail.history.map((e) => e.event)).toEqual(['registered', 'registered', 'registered', 'registered', 'deceased', 'household_moved']);
    expect(detail.history.at(-1)).toMatchObject({ fromPlaceLabel: '第一网格 第一网格小区 1栋 1单元 101室', toPlaceLabel: '第二网格 第二网格小区 1栋 1单元 101室' });
    for (const m of [a, b]) {
      const r = (await s.admin.get(`/residents/${m.id}`)).json() as ResidentDetail;
      expect(r.placeLabel).toBe('第二网格 第二网格小区 1栋 1单元 101室');
      expect(r.history.map((e) => e.event)).toEqual(['registered', 'household_moved']);
    }
    // The deceased member stays where the household was: their record is history.
    expect(((await s.admin.get(`/residents/${c.id}`)).json() as ResidentDetail).placeLabel).toBe('第一网格 第一网格小区 1栋 1单元 101室');
    // Grid 1's worker no longer sees the living members; grid 2's residents list includes them.
    expect((await s.grid.get(`/residents/${a.id}`)).statusCode).toBe(404);
    expect(((await s.admin.get(`/residents?placeId=${t.world.g2.grid.id}&q=郑`)).json() as { total: number }).total).toBe(2);
  });

  it('moves a resident between households with history from and to, freeing the old householder place', async () => {
    const h1 = await newHousehold(s.admin, d102);
    const h2 = await newHousehold(s.admin, t.world.g2.dwelling.id);
    const r = await newResident(s.admin, { name: '冯六', householdId: h1.id, relation: 'householder' });
    const target = await newResident(s.admin, { name: '冯户主', householdId: h2.id, relation: 'householder' });
    expect(errCode(await s.admin.post(`/residents/${r.id}/move`, { householdId: h2.id, relation: 'householder' }))).toBe('householder_exists');
    const res = await s.admin.post(`/residents/${r.id}/move`, { householdId: h2.id, relation: 'sibling', onDate: '2026-11-02' });
    expect(res.json()).toMatchObject({ householdId: h2.id, relation: 'sibling', placeLabel: '第二网格 第二网格小区 1栋 1单元 101室' });
    const entry = (res.json() as ResidentDetail).history.at(-1)!;
    expect(entry).toMatchObject({ event: 'moved', fromPlaceLabel: '第一网格 第一网格小区 1栋 1单元 102室', toPlaceLabel: '第二网格 第二网格小区 1栋 1单元 101室', onDate: '2026-11-02' });
    expect((await household(h1.id)).householderId).toBeNull();
    expect((await household(h2.id)).members.map((m) => m.id).sort()).toEqual([r.id, target.id].sort());
    // Out of every household, into the community's own register.
    const out = await s.admin.post(`/residents/${r.id}/move`, { householdId: null });
    expect(out.json()).toMatchObject({ householdId: null, relation: null, placeId: null, placeLabel: '' });
  });

  it('moves a household out: it and its living members are recorded as moved out, and it takes no new members', async () => {
    const h = await newHousehold(s.admin, d102);
    const a = await newResident(s.admin, { name: '褚一', householdId: h.id, relation: 'householder' });
    const res = await s.admin.post(`/households/${h.id}/move-out`, { onDate: '2026-11-10', note: '搬离本社区' });
    expect(res.json()).toMatchObject({ status: 'moved_out', movedOutOn: '2026-11-10', memberCount: 0 });
    expect(((await s.admin.get(`/residents/${a.id}`)).json() as ResidentDetail)).toMatchObject({ status: 'moved_out', movedOutOn: '2026-11-10' });
    expect(errCode(await s.admin.post(`/households/${h.id}/move-out`, { onDate: '2026-11-11' }))).toBe('household_moved_out');
    expect(errCode(await s.admin.post('/residents', { name: '晚到', residencyStatus: 'permanent', householdId: h.id }))).toBe('household_moved_out');
    expect(errCode(await s.admin.post(`/households/${h.id}/move`, { dwellingId: t.world.g2.dwelling.id }))).toBe('household_moved_out');
    expect(((await s.admin.get('/households?status=moved_out')).json() as { items: { id: string }[] }).items.map((i) => i.id)).toContain(h.id);
    const log = await s.admin.get(`/audit-log?targetId=${h.id}`);
    expect((log.json() as { items: { action: string }[] }).items.map((e) => e.action).sort()).toEqual(['household.created', 'household.moved_out']);
  });

  it('lets a building leader read households but not change them', async () => {
    const h = await newHousehold(s.admin, t.world.g1.dwelling.id);
    expect((await s.leader.get(`/households/${h.id}`)).statusCode).toBe(200);
    expect((await s.leader.patch(`/households/${h.id}`, { note: 'x' })).statusCode).toBe(403);
    expect((await s.grid.patch(`/households/${h.id}`, { note: '网格员备注' })).json()).toMatchObject({ note: '网格员备注' });
  });
});
