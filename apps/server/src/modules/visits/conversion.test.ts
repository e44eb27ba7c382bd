import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../test/dialects.js';
import { testApp } from '../../test/fixtures.js';
import { auditActions, errCode, ok, visitAt, visitsWorld, type MeetingDetail, type T, type VisitDetail, type VW } from './test/world.js';

describe.each(dialects)('visit items and meeting opinions become requests (%s)', (dialect) => {
  let t: T;
  let w: VW;
  beforeAll(async () => {
    t = await testApp(dialect);
    w = await visitsWorld(t);
  });
  afterAll(() => t.close());

  const requestRow = (id: string) => t.deps.db.selectFrom('requests').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const requestCount = async () => Number((await t.deps.db.selectFrom('requests').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  it('turns a visit item into a request for the householder, once; the second time is 409', async () => {
    const v = ok<VisitDetail>(await w.grid.post('/visits', visitAt(t, w.h.g1b.householdId, { items: ['楼道灯坏了一个月没人修', '想了解养老补贴'] })), 'visit');
    const item = v.items[0]!;
    const res = await w.grid.post(`/visits/${v.id}/items/${item.id}/request`, { kind: 'report', urgency: 'utility' });
    expect(res.statusCode).toBe(201);
    const created = res.json() as { requestId: string; number: string };
    expect(created.number).toMatch(/^GZ-2026-\d{6}$/);
    const r = await requestRow(created.requestId);
    expect(r).toMatchObject({ channel: 'visit', kind: 'report', urgency: 'utility', text: '楼道灯坏了一个月没人修', resident_id: w.h.g1b.residentId, household_id: w.h.g1b.householdId, place_id: w.places.d102.id, entered_by: t.world.users.grid_worker, community_id: t.world.a.id });
    const item2 = await t.deps.db.selectFrom('visit_items').select('request_id').where('id', '=', item.id).executeTakeFirstOrThrow();
    expect(item2.request_id).toBe(created.requestId);
    const detail = ok<VisitDetail>(await w.grid.get(`/visits/${v.id}`), 'detail');
    expect(detail.items[0]).toMatchObject({ requestId: created.requestId, requestNumber: created.number });
    expect(detail.convertedCount).toBe(1);

    const before = await requestCount();
    const again = await w.staff.post(`/visits/${v.id}/items/${item.id}/request`, { kind: 'report' });
    expect([again.statusCode, errCode(again)]).toEqual([409, 'item_already_converted']);
    expect(await requestCount()).toBe(before);
    const audit = await auditActions(t, 'visit_item.converted');
    expect(audit.filter((a) => a.target_id === item.id)).toHaveLength(1);
    expect(audit[0]!.after_json).toContain(created.number);

    // The converted line cannot be edited away from the visit.
    const edit = await w.grid.patch(`/visits/${v.id}`, { items: [{ id: v.items[1]!.id, text: '想了解养老补贴' }] });
    expect([edit.statusCode, errCode(edit)]).toEqual([409, 'item_already_converted']);
    const reword = await w.grid.patch(`/visits/${v.id}`, { items: [{ id: item.id, text: '改写已转的条目' }, { id: v.items[1]!.id, text: '想了解养老补贴' }] });
    expect([reword.statusCode, errCode(reword)]).toEqual([409, 'item_already_converted']);
  });

  it('lets only one of two simultaneous conversions win', async () => {
    const v = ok<VisitDetail>(await w.grid.post('/visits', visitAt(t, w.h.g1c.householdId, { items: ['电梯经常停运'] })), 'visit');
    const url = `/visits/${v.id}/items/${v.items[0]!.id}/request`;
    const before = await requestCount();
    const results = await Promise.all([w.grid.post(url, { kind: 'complaint' }), w.staff.post(url, { kind: 'complaint' })]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(errCode(results.find((r) => r.statusCode === 409)!)).toBe('item_already_converted');
    expect(await requestCount()).toBe(before + 1);
    const winner = (results.find((r) => r.statusCode === 201)!.json() as { requestId: string }).requestId;
    expect((await t.deps.db.selectFrom('visit_items').select('request_id').where('id', '=', v.items[0]!.id).executeTakeFirstOrThrow()).request_id).toBe(winner);
  });

  it('rolls the request back when the conversion fails, and answers out-of-scope items 404', async () => {
    const v = ok<VisitDetail>(await w.grid2.post('/visits', visitAt(t, w.h.g2a.householdId, { peopleMet: '王一', items: ['路灯不亮'] })), 'visit');
    const item = v.items[0]!;
    const before = await requestCount();
    const bad = await w.grid2.post(`/visits/${v.id}/items/${item.id}/request`, { kind: 'report', categoryId: 'no-such-category' });
    expect([bad.statusCode, errCode(bad)]).toEqual([400, 'category_unknown']);
    expect(await requestCount()).toBe(before);
    expect((await t.deps.db.selectFrom('visit_items').select('request_id').where('id', '=', item.id).executeTakeFirstOrThrow()).request_id).toBeNull();
    expect((await w.grid.post(`/visits/${v.id}/items/${item.id}/request`, { kind: 'report' })).statusCode).toBe(404);
    expect((await w.adminB.post(`/visits/${v.id}/items/${item.id}/request`, { kind: 'report' })).statusCode).toBe(404);
    const other = ok<VisitDetail>(await w.grid2.post('/visits', visitAt(t, w.h.g2b.householdId, { items: ['别的条目'] })), 'other');
    expect((await w.grid2.post(`/visits/${v.id}/items/${other.items[0]!.id}/request`, { kind: 'report' })).statusCode).toBe(404);
    expect((await w.grid2.post(`/visits/${v.id}/items/${item.id}/request`, { kind: 'nonsense' })).statusCode).toBe(400);
    expect((await w.subdistrict.post(`/visits/${v.id}/items/${item.id}/request`, { kind: 'report' })).statusCode).toBe(403);
    expect(await requestCount()).toBe(before);
  });

  it('files an item heard at a building with the people met as the contact', async () => {
    const v = ok<VisitDetail>(await w.staff.post('/visits', { visitedAt: t.clock.now().toISOString(), placeId: t.world.g1.building.id, peopleMet: '几位楼里的老人', items: ['单元门禁经常坏'] }), 'visit');
    const created = ok<{ requestId: string }>(await w.staff.post(`/visits/${v.id}/items/${v.items[0]!.id}/request`, { kind: 'help', anonymous: true }), 'convert');
    expect(await requestRow(created.requestId)).toMatchObject({ channel: 'visit', resident_id: null, contact_name: '几位楼里的老人', place_id: t.world.g1.building.id, anonymous: 1 });
  });

  it('turns a meeting opinion into a request with channel meeting, once', async () => {
    const m = ok<MeetingDetail>(
      await w.staff.post('/consultation-meetings', {
        kind: 'heart_to_heart',
        title: '社区恳谈会',
        heldAt: '2026-11-24T10:00:00Z',
        placeId: t.world.g1.estate.id,
        opinions: [{ residentId: w.h.g1c.residentId, text: '小区停车位太少了' }, { speakerName: '路过的居民', text: '建议晚上多巡逻' }],
      }),
      'meeting',
    );
    const [fromRegister, byName] = m.opinions;
    const first = ok<{ requestId: string; number: string }>(await w.staff.post(`/consultation-meetings/${m.id}/opinions/${fromRegister!.id}/request`, { kind: 'suggestion' }), 'convert');
    expect(await requestRow(first.requestId)).toMatchObject({ channel: 'meeting', kind: 'suggestion', resident_id: w.h.g1c.residentId, text: '小区停车位太少了' });
    const second = ok<{ requestId: string }>(await w.grid.post(`/consultation-meetings/${m.id}/opinions/${byName!.id}/request`, { kind: 'suggestion' }), 'convert by name');
    expect(await requestRow(second.requestId)).toMatchObject({ channel: 'meeting', resident_id: null, contact_name: '路过的居民', place_id: t.world.g1.estate.id });
    const again = await w.staff.post(`/consultation-meetings/${m.id}/opinions/${fromRegister!.id}/request`, { kind: 'suggestion' });
    expect([again.statusCode, errCode(again)]).toEqual([409, 'item_already_converted']);
    const detail = ok<MeetingDetail>(await w.staff.get(`/consultation-meetings/${m.id}`), 'detail');
    expect(detail.convertedCount).toBe(2);
    expect(detail.opinions[0]).toMatchObject({ requestId: first.requestId, requestNumber: first.number });
    expect((await auditActions(t, 'meeting_opinion.converted')).map((a) => a.target_id).sort()).toEqual([fromRegister!.id, byName!.id].sort());
    expect((await w.grid2.post(`/consultation-meetings/${m.id}/opinions/${byName!.id}/request`, { kind: 'suggestion' })).statusCode).toBe(404);
  });
});
