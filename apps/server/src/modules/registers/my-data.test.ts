import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../test/dialects.js';
import { sessionFor, testApp } from '../../test/fixtures.js';
import { as, errCode, idNumber, newHousehold, newResident, sessions, type ResidentDetail, type ResidentView, type T } from './test/factories.js';

type Correction = { id: string; residentName: string; field: string; status: string; response: string | null; handledAt: string | null };

describe.each(dialects)("a resident's own data and correction requests (%s)", (dialect) => {
  let t: T;
  let s: Awaited<ReturnType<typeof sessions>>;
  let me: ResidentDetail;
  let spouse: ResidentDetail;
  const id = idNumber('1970-10-10', 'female', 30);
  beforeAll(async () => {
    t = await testApp(dialect);
    s = await sessions(t);
    const h = await newHousehold(s.admin, t.world.g1.dwelling.id);
    me = await newResident(s.admin, { name: '林美华', householdId: h.id, relation: 'householder', idNumber: id, phone: '13588889999', tags: [{ tag: 'chronic_illness', basis: 'consent', detail: '本人同意' }] });
    spouse = await newResident(s.admin, { name: '林先生', householdId: h.id, relation: 'spouse', phone: '13577776666', tags: [{ tag: 'disabled', basis: 'consent', detail: '本人同意' }, { tag: 'veteran' }] });
  });
  afterAll(() => t.close());

  it('answers resident_not_linked for an account without a record', async () => {
    const res = await s.resident.get('/me/data');
    expect([res.statusCode, errCode(res)]).toEqual([404, 'resident_not_linked']);
    expect(errCode(await s.staff.get('/me/household'))).toBe('resident_not_linked');
    expect(errCode(await s.resident.post('/me/corrections', { field: 'name', message: '名字写错了' }))).toBe('resident_not_linked');
    expect((await t.app.inject({ url: '/api/v1/me/data' })).statusCode).toBe(401);
  });

  it('shows the linked resident what is held about them, masked, and their household with names visible', async () => {
    await t.deps.db.updateTable('residents').set({ user_id: t.world.users.resident }).where('id', '=', me.id).execute();
    const data = await s.resident.get('/me/data');
    expect(data.statusCode).toBe(200);
    const body = data.json() as { resident: ResidentDetail; household: { householderName: string; memberCount: number }; corrections: unknown[] };
    expect(body.resident).toMatchObject({ name: '林美华', phoneMasked: '135****9999', tags: ['chronic_illness'], canEdit: false, canReveal: [] });
    expect(body.resident.consents.map((c) => c.purpose)).toEqual(['tag:chronic_illness']);
    expect(body.household).toMatchObject({ householderName: '林美华', memberCount: 2 });
    expect(data.body).not.toContain(id);
    expect(data.body).not.toContain('13588889999');

    const hh = await s.resident.get('/me/household');
    const members = (hh.json() as { members: ResidentView[] }).members;
    expect(members.map((m) => m.name).sort()).toEqual(['林先生', '林美华']);
    // Another member's sensitive tags are theirs alone.
    expect(members.find((m) => m.id === spouse.id)!.tags).toEqual(['veteran']);
    expect(members.find((m) => m.id === me.id)!.tags).toEqual(['chronic_illness']);
    expect(hh.body).not.toContain('13577776666');
  });

  it('takes a correction request, which staff in scope list and resolve once', async () => {
    expect((await s.resident.post('/me/corrections', { field: 'shoe_size', message: '不对' })).statusCode).toBe(400);
    const res = await s.resident.post('/me/corrections', { field: 'phone', message: '我的手机号已更换为 135 0000 1111' });
    expect(res.statusCode).toBe(201);
    const c = res.json() as Correction;
    expect(c).toMatchObject({ residentName: '林美华', field: 'phone', status: 'open', response: null });

    expect((await s.grid.get('/corrections')).statusCode).toBe(403);
    expect(((await s.adminB.get('/corrections')).json() as { total: number }).total).toBe(0);
    expect((await s.adminB.post(`/corrections/${c.id}/resolve`, { status: 'accepted', response: '已更新' })).statusCode).toBe(404);
    const open = (await s.staff.get('/corrections')).json() as { items: Correction[]; total: number };
    expect(open.items.map((i) => i.id)).toEqual([c.id]);

    const resolved = await s.staff.post(`/corrections/${c.id}/resolve`, { status: 'accepted', response: '已核实并更新手机号' });
    expect(resolved.json()).toMatchObject({ status: 'accepted', response: '已核实并更新手机号' });
    expect(errCode(await s.admin.post(`/corrections/${c.id}/resolve`, { status: 'rejected', response: '重复处理' }))).toBe('correction_already_handled');
    expect(((await s.staff.get('/corrections')).json() as { total: number }).total).toBe(0);
    expect(((await s.staff.get('/corrections?status=accepted')).json() as { items: Correction[] }).items.map((i) => i.id)).toEqual([c.id]);

    const mine = (await s.resident.get('/me/data')).json() as { corrections: Correction[] };
    expect(mine.corrections[0]).toMatchObject({ id: c.id, status: 'accepted', response: '已核实并更新手机号' });
    const log = (await s.admin.get(`/audit-log?targetId=${c.id}`)).json() as { items: { action: string }[] };
    expect(log.items.map((e) => e.action).sort()).toEqual(['correction.requested', 'correction.resolved']);
    // The person's export lists the request too.
    const out = (await s.staff.post(`/residents/${me.id}/export`, { purpose: '本人申请导出个人信息' })).json() as { corrections: Correction[] };
    expect(out.corrections.map((x) => x.id)).toEqual([c.id]);
  });

  it("serves staff acting on the resident's behalf with the resident's data", async () => {
    const staff = await sessionFor(t.app, t.world.users.community_staff);
    const start = await t.app.inject({ method: 'POST', url: '/api/v1/me/on-behalf', headers: staff.headers, payload: { residentUserId: t.world.users.resident, reason: '老人到社区窗口办理' } });
    expect(start.statusCode).toBe(200);
    const api = as(t, staff);
    expect(((await api.get('/me/data')).json() as { resident: { id: string } }).resident.id).toBe(me.id);
    const req = await api.post('/me/corrections', { field: 'registeredAddress', message: '户籍地址应为本市某区' });
    expect(req.statusCode).toBe(201);
    const log = (await s.admin.get(`/audit-log?targetId=${(req.json() as Correction).id}`)).json() as { items: { actorUserId: string; onBehalfOfUserId: string }[] };
    expect(log.items[0]).toMatchObject({ actorUserId: t.world.users.community_staff, onBehalfOfUserId: t.world.users.resident });
  });

  it('shows a resident without a household an empty household', async () => {
    const alone = await newResident(s.admin, { name: '独居者', communityId: t.world.a.id });
    await t.deps.db.updateTable('residents').set({ user_id: t.world.users.org_representative }).where('id', '=', alone.id).execute();
    const rep = as(t, await sessionFor(t.app, t.world.users.org_representative));
    expect((await rep.get('/me/household')).json()).toEqual({ household: null, members: [] });
    expect((await rep.get('/me/data')).json()).toMatchObject({ household: null, resident: { name: '独居者', placeLabel: '' } });
  });
});
