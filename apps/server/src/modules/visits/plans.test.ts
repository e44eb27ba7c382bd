import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../test/dialects.js';
import { testApp } from '../../test/fixtures.js';
import { auditActions, errCode, ok, visitsWorld, type T, type VisitPlanDetail, type VW } from './test/world.js';

describe.each(dialects)('visiting plans (%s)', (dialect) => {
  let t: T;
  let w: VW;
  beforeAll(async () => {
    t = await testApp(dialect);
    w = await visitsWorld(t);
  });
  afterAll(() => t.close());

  const plan = (targetKind: string, targetIds: string[], extra: object = {}) => ({ title: '十一月走访', targetKind, targetIds, startsOn: '2026-11-25', endsOn: '2026-12-31', ...extra });

  it('expands a grid plan to the active households of that grid, with their paths, and audits it', async () => {
    const res = await w.staff.post('/visit-plans', plan('grid', [t.world.g1.grid.id]));
    expect(res.statusCode).toBe(201);
    const p = res.json() as VisitPlanDetail;
    const expected = [w.h.g1a, w.h.g1b, w.h.g1c, w.h.g1b2].map((h) => h.householdId).sort();
    expect(p.targets.map((x) => x.householdId).sort()).toEqual(expected);
    expect(p).toMatchObject({ targetKind: 'grid', status: 'active', targetCount: 4, visitedCount: 0, communityId: t.world.a.id, can: { edit: true, cancel: true } });
    expect(p.targets.find((x) => x.householdId === w.h.g1b.householdId)).toMatchObject({ name: '张二', placeLabel: '第一网格 第一网格小区 1栋 1单元 102室', visitedAt: null });
    const rows = await t.deps.db.selectFrom('visit_plan_targets').selectAll().where('plan_id', '=', p.id).execute();
    const g1Path = (await t.deps.db.selectFrom('places').select('path').where('id', '=', t.world.g1.grid.id).executeTakeFirstOrThrow()).path;
    expect(rows.every((r) => r.place_path.startsWith(g1Path) && r.household_id !== null)).toBe(true);
    const audit = await auditActions(t, 'visit_plan.created');
    expect(audit.find((a) => a.target_id === p.id)?.after_json).toContain('"targetCount":4');
  });

  it('expands a building plan to that building only, and takes households and organisations as they are', async () => {
    const b = ok<VisitPlanDetail>(await w.staff.post('/visit-plans', plan('building', [w.places.b2.id])), 'building plan');
    expect(b.targets.map((x) => x.householdId)).toEqual([w.h.g1b2.householdId]);
    const h = ok<VisitPlanDetail>(await w.staff.post('/visit-plans', plan('household', [w.h.g2a.householdId, w.h.g1c.householdId])), 'household plan');
    expect(h.targetCount).toBe(2);
    const o = ok<VisitPlanDetail>(await w.staff.post('/visit-plans', plan('organisation', [w.org])), 'organisation plan');
    expect(o.targets).toMatchObject([{ organisationId: w.org, name: '安居物业', householdId: null }]);
  });

  it('refuses bad targets, dates and assignees with their codes, writing nothing', async () => {
    const before = await t.deps.db.selectFrom('visit_plans').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const cases: [object, string, number][] = [
      [plan('grid', [t.world.g1.building.id]), 'visit_target_invalid', 400], // a building is not a grid
      [plan('household', [w.h.g1gone.householdId]), 'visit_target_invalid', 400], // moved out
      [plan('household', [w.h.b.householdId]), 'visit_target_invalid', 400], // another community
      [plan('grid', [t.world.g1.grid.id], { endsOn: '2026-11-01' }), 'visit_plan_dates_invalid', 400],
      [plan('grid', [t.world.g1.grid.id], { assigneeUserId: t.world.users.resident }), 'visit_assignee_invalid', 400],
      [plan('grid', [t.world.g1.grid.id], { assigneeUserId: w.grid2User }), 'visit_assignee_invalid', 400], // G2's worker for G1
      [plan('grid', [t.world.g1.grid.id], { assigneeUserId: t.world.adminB }), 'visit_assignee_invalid', 400],
      [plan('grid', []), 'validation_failed', 400],
    ];
    for (const [body, code, status] of cases) {
      const res = await w.staff.post('/visit-plans', body);
      expect([res.statusCode, errCode(res)], JSON.stringify(body)).toEqual([status, code]);
    }
    const after = await t.deps.db.selectFrom('visit_plans').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('lets a grid worker plan in their grid only, and accepts a grid worker as assignee for their grid', async () => {
    const other = await w.grid.post('/visit-plans', plan('grid', [t.world.g2.grid.id]));
    expect([other.statusCode, errCode(other)]).toEqual([400, 'visit_target_invalid']);
    const mixed = await w.grid.post('/visit-plans', plan('household', [w.h.g1a.householdId, w.h.g2a.householdId]));
    expect((mixed.json() as { error: { details: { ids: string[] } } }).error.details.ids).toEqual([w.h.g2a.householdId]);
    const own = await w.grid.post('/visit-plans', plan('grid', [t.world.g1.grid.id], { assigneeUserId: t.world.users.grid_worker }));
    expect(own.statusCode).toBe(201);
    expect((own.json() as VisitPlanDetail).assigneeName).toBe('用户4');
    const denied = await w.subdistrict.post('/visit-plans', plan('grid', [t.world.g1.grid.id]));
    expect(denied.statusCode).toBe(403);
  });

  it('shows plans by scope: grid workers those touching their grid, building leaders their own targets, others 404', async () => {
    const g2 = ok<VisitPlanDetail>(await w.staff.post('/visit-plans', plan('grid', [t.world.g2.grid.id], { title: '二网格走访' })), 'g2 plan');
    const g1 = ok<VisitPlanDetail>(await w.staff.post('/visit-plans', plan('grid', [t.world.g1.grid.id], { title: '一网格走访' })), 'g1 plan');
    expect((await w.grid.get(`/visit-plans/${g2.id}`)).statusCode).toBe(404);
    expect((await w.grid2.get(`/visit-plans/${g2.id}`)).statusCode).toBe(200);
    expect((await w.adminB.get(`/visit-plans/${g1.id}`)).statusCode).toBe(404);
    const gridList = ok<{ items: { id: string }[] }>(await w.grid.get('/visit-plans?limit=200'), 'list').items.map((p) => p.id);
    expect(gridList).toContain(g1.id);
    expect(gridList).not.toContain(g2.id);
    // The building leader of G1's building 1 sees the grid plan, with the targets of their building only.
    const leader = ok<VisitPlanDetail>(await w.leader.get(`/visit-plans/${g1.id}`), 'leader detail');
    expect(leader.targets.map((x) => x.householdId).sort()).toEqual([w.h.g1a, w.h.g1b, w.h.g1c].map((h) => h.householdId).sort());
    expect(leader.targetCount).toBe(4);
    expect(leader.can).toEqual({ edit: false, cancel: false });
    const sub = ok<{ items: { id: string }[]; total: number }>(await w.subdistrict.get('/visit-plans?limit=200'), 'subdistrict list');
    expect(sub.items.map((p) => p.id)).toEqual(expect.arrayContaining([g1.id, g2.id]));
    expect(ok<{ total: number }>(await w.adminB.get('/visit-plans'), 'B list').total).toBe(0);
    const byPlace = ok<{ items: { communityId: string }[] }>(await w.subdistrict.get(`/visit-plans?placeId=${t.world.b.id}`), 'by place');
    expect(byPlace.items).toEqual([]);
  });

  it('updates and cancels an active plan, once, audited; others may not', async () => {
    const p = ok<VisitPlanDetail>(await w.staff.post('/visit-plans', plan('grid', [t.world.g1.grid.id])), 'plan');
    const forbidden = await w.grid.patch(`/visit-plans/${p.id}`, { title: '改个名' });
    expect(forbidden.statusCode).toBe(403);
    const badDates = await w.staff.patch(`/visit-plans/${p.id}`, { startsOn: '2027-02-01' });
    expect([badDates.statusCode, errCode(badDates)]).toEqual([400, 'visit_plan_dates_invalid']);
    const changed = ok<VisitPlanDetail>(await w.staff.patch(`/visit-plans/${p.id}`, { title: '年底走访', assigneeUserId: t.world.users.grid_worker, note: '重点关注独居老人' }), 'update');
    expect(changed).toMatchObject({ title: '年底走访', assigneeUserId: t.world.users.grid_worker, note: '重点关注独居老人' });
    const cancelled = ok<VisitPlanDetail>(await w.admin.post(`/visit-plans/${p.id}/cancel`), 'cancel');
    expect(cancelled).toMatchObject({ status: 'cancelled', can: { edit: false, cancel: false } });
    const again = await w.admin.post(`/visit-plans/${p.id}/cancel`);
    expect([again.statusCode, errCode(again)]).toEqual([409, 'visit_plan_closed']);
    const late = await w.staff.patch(`/visit-plans/${p.id}`, { title: '再改' });
    expect([late.statusCode, errCode(late)]).toEqual([409, 'visit_plan_closed']);
    expect((await auditActions(t, 'visit_plan.updated')).some((a) => a.target_id === p.id)).toBe(true);
    expect((await auditActions(t, 'visit_plan.cancelled')).map((a) => a.target_id)).toContain(p.id);
    const active = ok<{ items: { id: string }[] }>(await w.staff.get('/visit-plans?status=active&limit=200'), 'active').items.map((x) => x.id);
    expect(active).not.toContain(p.id);
  });

  it('lists the community staff and grid workers as assignees', async () => {
    const list = ok<{ items: { userId: string; roles: string[] }[] }>(await w.grid.get('/visit-assignees'), 'assignees');
    const ids = list.items.map((a) => a.userId);
    expect(ids).toEqual(expect.arrayContaining([t.world.users.community_admin, t.world.users.community_staff, t.world.users.grid_worker, w.grid2User]));
    expect(ids).not.toContain(t.world.users.resident);
    expect(ids).not.toContain(t.world.adminB);
  });
});
