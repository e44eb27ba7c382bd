import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../test/dialects.js';
import { testApp } from '../../test/fixtures.js';
import { auditActions, errCode, ok, visitAt, visitsWorld, type T, type VisitDetail, type VisitPlanDetail, type VW } from './test/world.js';

describe.each(dialects)('visit records (%s)', (dialect) => {
  let t: T;
  let w: VW;
  beforeAll(async () => {
    t = await testApp(dialect);
    w = await visitsWorld(t);
  });
  afterAll(() => t.close());

  const planFor = async (targetKind: string, targetIds: string[], extra: object = {}) =>
    ok<VisitPlanDetail>(await w.staff.post('/visit-plans', { title: '走访计划', targetKind, targetIds, startsOn: '2026-11-25', endsOn: '2026-12-31', ...extra }), 'plan');

  it('marks the target of an active plan visited in the same write, and links the visit to the plan', async () => {
    const p = await planFor('grid', [t.world.g1.grid.id]);
    const res = await w.grid.post('/visits', visitAt(t, w.h.g1b.householdId, { peopleMet: '张二夫妇', summary: '身体都好', items: ['楼道灯坏了一个月', '希望加装电梯'] }));
    expect(res.statusCode).toBe(201);
    const v = res.json() as VisitDetail;
    expect(v).toMatchObject({ planId: p.id, planTitle: '走访计划', householderName: '张二', visitorName: '用户4', itemCount: 2, convertedCount: 0, can: { edit: true, convert: true } });
    expect(v.items.map((i) => i.text)).toEqual(['楼道灯坏了一个月', '希望加装电梯']);
    const after = ok<VisitPlanDetail>(await w.staff.get(`/visit-plans/${p.id}`), 'plan');
    expect(after).toMatchObject({ visitedCount: 1, targetCount: 4, status: 'active' });
    expect(after.targets.find((x) => x.householdId === w.h.g1b.householdId)).toMatchObject({ visitId: v.id, visitedAt: v.visitedAt });
    const audit = await auditActions(t, 'visit.created');
    expect(audit.find((a) => a.target_id === v.id)?.after_json).toContain('"markedTargets":1');
  });

  it('completes a plan when its last target is visited; a dwelling with one household counts as that household', async () => {
    const p = await planFor('household', [w.h.g1c.householdId]);
    const v = ok<VisitDetail>(await w.staff.post('/visits', { visitedAt: t.clock.now().toISOString(), placeId: w.places.d103.id }), 'visit');
    expect(v.householdId).toBe(w.h.g1c.householdId);
    expect(ok<VisitPlanDetail>(await w.staff.get(`/visit-plans/${p.id}`), 'plan')).toMatchObject({ status: 'done', visitedCount: 1 });
  });

  it('leaves targets of cancelled plans and of plans not yet started alone', async () => {
    const cancelled = await planFor('household', [w.h.g2a.householdId]);
    ok(await w.staff.post(`/visit-plans/${cancelled.id}/cancel`), 'cancel');
    const future = await planFor('household', [w.h.g2a.householdId], { startsOn: '2026-12-10' });
    const v = ok<VisitDetail>(await w.grid2.post('/visits', visitAt(t, w.h.g2a.householdId)), 'visit');
    expect(v.planId).toBeNull();
    for (const id of [cancelled.id, future.id]) expect(ok<VisitPlanDetail>(await w.staff.get(`/visit-plans/${id}`), 'plan').visitedCount).toBe(0);
  });

  it('records a visit under a named plan and at an organisation', async () => {
    const p = await planFor('organisation', [w.org]);
    const v = ok<VisitDetail>(await w.staff.post('/visits', { visitedAt: t.clock.now().toISOString(), organisationId: w.org, planId: p.id, peopleMet: '物业经理' }), 'visit');
    // An organisation without a place of its own is filed at its community, and labelled with the community's name.
    expect(v).toMatchObject({ planId: p.id, organisationName: '安居物业', householdId: null, placeLabel: '甲社区' });
    expect(ok<VisitPlanDetail>(await w.staff.get(`/visit-plans/${p.id}`), 'plan').targets[0]!.placeLabel).toBe('甲社区');
    expect(ok<VisitPlanDetail>(await w.staff.get(`/visit-plans/${p.id}`), 'plan').status).toBe('done');
    const closed = await w.staff.post('/visits', { visitedAt: t.clock.now().toISOString(), organisationId: w.org, planId: p.id });
    expect([closed.statusCode, errCode(closed)]).toEqual([409, 'visit_plan_closed']);
  });

  it("labels a visit to the whole community with the community's name", async () => {
    const v = ok<VisitDetail>(await w.staff.post('/visits', { visitedAt: t.clock.now().toISOString(), placeId: t.world.a.id, summary: '社区巡查' }), 'visit');
    expect(v).toMatchObject({ placeId: t.world.a.id, placeLabel: '甲社区' });
    const listed = ok<{ items: VisitDetail[] }>(await w.subdistrict.get(`/visits?placeId=${t.world.a.id}&limit=200`), 'list');
    expect(listed.items.find((x) => x.id === v.id)?.placeLabel).toBe('甲社区');
  });

  it('keeps grid workers and building leaders to their own grid or building, and refuses bad input', async () => {
    const count = async () => Number((await t.deps.db.selectFrom('visits').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const before = await count();
    const now = t.clock.now().toISOString();
    const cases: ['grid' | 'leader' | 'staff' | 'subdistrict' | 'resident', object, number, string][] = [
      ['grid', { visitedAt: now, householdId: w.h.g2a.householdId }, 400, 'visit_target_invalid'],
      ['grid', { visitedAt: now, placeId: t.world.g2.building.id }, 400, 'visit_target_invalid'],
      ['leader', { visitedAt: now, placeId: w.places.b2.id }, 400, 'visit_target_invalid'],
      ['staff', { visitedAt: now, householdId: w.h.b.householdId }, 400, 'visit_target_invalid'],
      ['staff', { visitedAt: now, householdId: w.h.g1gone.householdId }, 400, 'visit_target_invalid'],
      ['staff', { visitedAt: now }, 400, 'visit_target_invalid'],
      ['staff', { visitedAt: now, placeId: t.world.g1.building.id, householdId: w.h.g1a.householdId }, 400, 'visit_target_invalid'],
      ['staff', { visitedAt: '2026-11-25T12:00:00.000Z', householdId: w.h.g1a.householdId }, 400, 'visit_time_invalid'],
      ['staff', { visitedAt: 'yesterday', householdId: w.h.g1a.householdId }, 400, 'validation_failed'],
      ['staff', { visitedAt: now, householdId: w.h.g1a.householdId, planId: 'no-such-plan' }, 404, 'not_found'],
      ['subdistrict', { visitedAt: now, householdId: w.h.g1a.householdId }, 403, 'forbidden'],
      ['resident', { visitedAt: now, householdId: w.h.g1a.householdId }, 403, 'forbidden'],
    ];
    for (const [who, body, status, code] of cases) {
      const res = await w[who].post('/visits', body);
      expect([res.statusCode, errCode(res)], `${who} ${JSON.stringify(body)}`).toEqual([status, code]);
    }
    expect(await count()).toBe(before);
    const leader = await w.leader.post('/visits', visitAt(t, w.h.g1a.householdId));
    expect(leader.statusCode).toBe(201);
  });

  it('lists and reads visits by scope and filters; out of scope answers 404', async () => {
    t.clock.advanceMinutes(10);
    const g2 = ok<VisitDetail>(await w.grid2.post('/visits', visitAt(t, w.h.g2b.householdId, { summary: '二网格' })), 'g2 visit');
    const mine = ok<{ items: VisitDetail[]; total: number }>(await w.grid2.get('/visits?mine=true'), 'mine');
    expect(mine.items.every((v) => v.visitorUserId === w.grid2User)).toBe(true);
    expect(mine.items[0]!.id).toBe(g2.id);
    const g1List = ok<{ items: VisitDetail[] }>(await w.grid.get('/visits?limit=200'), 'g1 list');
    expect(g1List.items.map((v) => v.id)).not.toContain(g2.id);
    expect((await w.grid.get(`/visits/${g2.id}`)).statusCode).toBe(404);
    expect((await w.adminB.get(`/visits/${g2.id}`)).statusCode).toBe(404);
    expect(ok<VisitDetail>(await w.subdistrict.get(`/visits/${g2.id}`), 'sub').can).toEqual({ edit: false, convert: false });
    const byPlace = ok<{ items: VisitDetail[]; total: number }>(await w.staff.get(`/visits?placeId=${t.world.g2.grid.id}&limit=200`), 'by place');
    expect(byPlace.items.length).toBeGreaterThan(0);
    expect(byPlace.items.every((v) => v.placeLabel.startsWith('第二网格'))).toBe(true);
    const since = new Date(t.clock.now().getTime() - 60_000).toISOString();
    const recent = ok<{ items: VisitDetail[]; total: number }>(await w.staff.get(`/visits?from=${encodeURIComponent(since)}`), 'recent');
    expect(recent.items.map((v) => v.id)).toEqual([g2.id]);
    const byVisitor = ok<{ total: number }>(await w.staff.get(`/visits?visitorId=${w.grid2User}`), 'by visitor');
    expect(byVisitor.total).toBe(mine.total);
    const paged = ok<{ items: VisitDetail[]; total: number }>(await w.staff.get('/visits?limit=1&offset=1'), 'paged');
    expect(paged.items).toHaveLength(1);
    expect(paged.total).toBeGreaterThan(1);
  });

  it('lets the visitor correct their own record within 24 hours only', async () => {
    const v = ok<VisitDetail>(await w.grid.post('/visits', visitAt(t, w.h.g1a.householdId, { items: ['水管漏水', '门禁卡坏了'] })), 'visit');
    const other = await w.staff.patch(`/visits/${v.id}`, { summary: '改别人的' });
    expect(other.statusCode).toBe(403);
    const [first, second] = v.items;
    const changed = ok<VisitDetail>(await w.grid.patch(`/visits/${v.id}`, { summary: '补记', items: [{ id: first!.id, text: '厨房水管漏水' }, { text: '想报名老年大学' }] }), 'update');
    expect(changed.summary).toBe('补记');
    expect(changed.items.map((i) => i.text)).toEqual(['厨房水管漏水', '想报名老年大学']);
    expect(changed.items.map((i) => i.id)).not.toContain(second!.id);
    const audit = await auditActions(t, 'visit.updated');
    expect(audit.find((a) => a.target_id === v.id)?.after_json).toContain('厨房水管漏水');
    t.clock.advanceMinutes(24 * 60 + 1);
    const late = await w.grid.patch(`/visits/${v.id}`, { summary: '太晚了' });
    expect([late.statusCode, errCode(late)]).toEqual([409, 'visit_edit_window_passed']);
    expect(ok<VisitDetail>(await w.grid.get(`/visits/${v.id}`), 'detail').can.edit).toBe(false);
  });
});
