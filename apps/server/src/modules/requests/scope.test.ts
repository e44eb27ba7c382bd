import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../test/dialects.js';
import { testApp } from '../../test/fixtures.js';
import { detail, errCode, ok, people, submit, type Api, type People, type RequestCreated, type RequestSummary, type T } from './test/factories.js';

describe.each(dialects)('who sees which request (%s)', (dialect) => {
  let t: T;
  let p: People;
  let r: Record<'mineAnon' | 'neighbours' | 'inB' | 'toOrg' | 'gridElsewhere' | 'atCommunity', RequestCreated>;
  const ids = async (api: Api, query = '') => {
    const res = await api.get(`/requests${query}`);
    if (res.statusCode !== 200) throw new Error(res.body);
    return (res.json() as { items: RequestSummary[] }).items.map((i) => i.id);
  };
  const list = async (api: Api, query = '') => ok<{ items: RequestSummary[]; total: number; totalCapped: boolean }>(await api.get(`/requests${query}`), 'list');

  beforeAll(async () => {
    t = await testApp(dialect);
    p = await people(t);
    r = {
      mineAnon: await submit(p.resident, { text: '我家楼上每天深夜有噪音', placeId: t.world.g1.building.id, anonymous: true }),
      neighbours: await submit(p.neighbour, { text: '二网格小区门口有积水', placeId: t.world.g2.estate.id }),
      inB: await submit(p.adminB, { text: '乙社区的井盖丢了', channel: 'phone', contactName: '褚' }),
      toOrg: await submit(p.staff, { text: '地下车库漏水严重', channel: 'walk_in', contactName: '卫', placeId: t.world.g2.building.id }),
      gridElsewhere: await submit(p.staff, { text: '二网格有人乱扔垃圾', channel: 'walk_in', contactName: '蒋', placeId: t.world.g2.dwelling.id }),
      atCommunity: await submit(p.staff, { text: '社区活动室空调坏了', channel: 'walk_in', contactName: '沈' }),
    };
    ok(await p.staff.post(`/requests/${r.toOrg.id}/dispatch`, { assignees: [{ kind: 'organisation', organisationId: p.orgId }] }), 'to org');
    ok(await p.staff.post(`/requests/${r.gridElsewhere.id}/dispatch`, { assignees: [{ kind: 'user', userId: t.world.users.grid_worker }] }), 'to grid');
  });
  afterAll(() => t.close());

  it('shows a resident only their own requests; anything else answers 404', async () => {
    expect(await ids(p.resident)).toEqual([r.mineAnon.id]);
    expect(await ids(p.resident, '?mine=true')).toEqual([r.mineAnon.id]);
    expect((await p.resident.get(`/requests/${r.neighbours.id}`)).statusCode).toBe(404);
    expect(await ids(p.neighbour)).toEqual([r.neighbours.id]);
    // Their own anonymous request still shows them their name.
    expect((await detail(p.resident, r.mineAnon.id)).submitterName).toBe('李秀英');
  });

  it('shows a grid worker their grid and what was assigned to them elsewhere', async () => {
    expect((await ids(p.grid)).sort()).toEqual([r.mineAnon.id, r.gridElsewhere.id].sort());
    expect(await ids(p.grid, '?assignedToMe=true')).toEqual([r.gridElsewhere.id]);
    expect((await p.grid.get(`/requests/${r.neighbours.id}`)).statusCode).toBe(404);
    expect((await p.grid.get(`/requests/${r.atCommunity.id}`)).statusCode).toBe(404);
    expect((await detail(p.grid, r.gridElsewhere.id)).can).toMatchObject({ accept: true, reply: true, dispatch: false });
    // Grid workers are staff: they see anonymous names and the timeline in full.
    expect((await detail(p.grid, r.mineAnon.id)).submitterName).toBe('李秀英');
  });

  it('shows an organisation’s representative only requests assigned to their organisation, without anonymous names', async () => {
    expect(await ids(p.rep)).toEqual([r.toOrg.id]);
    expect((await p.rep.get(`/requests/${r.mineAnon.id}`)).statusCode).toBe(404);
    const d = await detail(p.rep, r.toOrg.id);
    expect(d).toMatchObject({ phoneMasked: null, can: { accept: true, dispatch: false } });
    expect(d.assignments.map((a) => a.name)).toEqual(['安居物业']);
  });

  it('shows a building leader their building, read only, without anonymous names', async () => {
    expect(await ids(p.leader)).toEqual([r.mineAnon.id]);
    const d = await detail(p.leader, r.mineAnon.id);
    expect(d.submitterName).toBeNull();
    expect(d.steps.map((s) => s.action)).toEqual(['submitted']);
    expect(Object.values(d.can).every((v) => v === false)).toBe(true);
    const res = await p.leader.post(`/requests/${r.mineAnon.id}/dispatch`, { assignees: [{ kind: 'organisation', organisationId: p.orgId }] });
    expect(res.statusCode).toBe(403);
    expect((await p.leader.get(`/requests/${r.neighbours.id}`)).statusCode).toBe(404);
    expect(((await list(p.leader)).items[0]!).submitterName).toBeNull();
  });

  it('shows community staff their community, the subdistrict both, and another community’s admin nothing of A', async () => {
    const inA = [r.mineAnon, r.neighbours, r.toOrg, r.gridElsewhere, r.atCommunity].map((x) => x.id).sort();
    expect((await ids(p.staff)).sort()).toEqual(inA);
    expect((await list(p.staff)).items.find((i) => i.id === r.mineAnon.id)!.submitterName).toBe('李秀英');
    expect((await ids(p.subdistrict)).sort()).toEqual([...inA, r.inB.id].sort());
    expect((await detail(p.subdistrict, r.mineAnon.id)).can.dispatch).toBe(false);
    expect(await ids(p.adminB)).toEqual([r.inB.id]);
    expect((await p.adminB.get(`/requests/${r.mineAnon.id}`)).statusCode).toBe(404);
    expect((await p.adminB.post(`/requests/${r.mineAnon.id}/dispatch`, { assignees: [{ kind: 'organisation', organisationId: p.orgId }] })).statusCode).toBe(404);
  });

  it('filters, sorts and counts the list on the server', async () => {
    const all = await list(p.staff, '?limit=2');
    expect(all).toMatchObject({ total: 5, totalCapped: false });
    expect(all.items).toHaveLength(2);
    expect(await ids(p.staff, '?status=dispatched')).toEqual(expect.arrayContaining([r.toOrg.id, r.gridElsewhere.id]));
    expect((await ids(p.staff, '?status=dispatched,received')).length).toBe(5);
    expect(errCode(await p.staff.get('/requests?status=lost'))).toBe('validation_failed');
    expect(await ids(p.staff, '?channel=app&sort=created_at&order=asc')).toEqual([r.mineAnon.id, r.neighbours.id]);
    expect((await ids(p.staff, `?placeId=${t.world.g2.grid.id}`)).sort()).toEqual([r.neighbours.id, r.toOrg.id, r.gridElsewhere.id].sort());
    expect(await ids(p.staff, `?placeId=${t.world.gb.grid.id}`)).toEqual([]);
    expect(await ids(p.staff, '?q=%E7%9A%84%E4%BA%86')).toEqual([]);
    expect(await ids(p.staff, `?q=${encodeURIComponent('漏水')}`)).toEqual([r.toOrg.id]);
    expect(await ids(p.staff, '?overdue=true')).toEqual([]);
    t.clock.advanceMinutes(8 * 1440);
    expect((await ids(p.staff, '?overdue=true')).length).toBe(5);
    expect((await list(p.staff, '?overdue=true&limit=1')).items[0]!.overdue).toBe(true);
    const future = new Date(t.clock.now().getTime() + 1000).toISOString();
    expect(await ids(p.staff, `?from=${future}`)).toEqual([]);
    const byDue = (await list(p.staff, '?sort=reply_due_at&order=asc')).items.map((i) => i.replyDueAt);
    expect(byDue).toEqual([...byDue].sort());
  });
});
