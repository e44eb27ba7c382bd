import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maskPersonName } from '@gongzhi/shared';
import type { CoverageResponse, NominationView, PledgeHouseholdOption, UnreachedPage } from '@gongzhi/shared';
import { readEvents } from '../../lib/events.js';
import { dialects } from '../../test/dialects.js';
import { testApp } from '../../test/fixtures.js';
import { errCode, insertCovenant, ok, pledgesWorld, type PW, type T } from './test/world.js';

/** [name, households, pledged, rate] per row, for comparing with a hand count. */
const figures = (c: CoverageResponse) => c.rows.map((r) => [r.parentName ? `${r.parentName} ${r.name}` : r.name, r.households, r.pledged, r.rate]);

describe.each(dialects)('covenant coverage and nominations (%s)', (dialect) => {
  let t: T;
  let w: PW;
  let cv: string;
  beforeAll(async () => {
    t = await testApp(dialect);
    w = await pledgesWorld(t);
    cv = (await insertCovenant(t, { communityId: t.world.a.id })).id;
    // Pledged: G1 building 1 → 101 (online) and 102 (paper); G2 → 101. A revoked pledge of G1 103 does not count.
    ok(await w.resident.post(`/covenants/${cv}/pledges/mine`, { agree: true }), 'online');
    ok(await w.leader.post(`/covenants/${cv}/pledges`, { householdId: w.h.g1b.householdId, signerName: '张二', signedOn: '2026-11-24' }), 'paper');
    ok(await w.staff.post(`/covenants/${cv}/pledges`, { householdId: w.h.g2a.householdId, signerName: '王一', signedOn: '2026-11-24' }), 'paper');
    const wrong = ok<{ id: string }>(await w.staff.post(`/covenants/${cv}/pledges`, { householdId: w.h.g1c.householdId, signerName: '张三', signedOn: '2026-11-24' }), 'paper');
    ok(await w.staff.post(`/covenants/${cv}/pledges/${wrong.id}/revoke`, { reason: '未本人签字' }), 'revoke');
  });
  afterAll(() => t.close());

  it('counts active households and standing pledges by building and by grid, as counted by hand', async () => {
    const byBuilding = ok<CoverageResponse>(await w.admin.get(`/covenants/${cv}/coverage?by=building`), 'building');
    // G1 building 1: 101, 102, 103 (104 moved out); G1 building 2: 201; G2 building 1: 101, 102.
    expect(figures(byBuilding)).toEqual([
      ['第一网格小区 1栋', 3, 2, 66.7],
      ['第一网格小区 2栋', 1, 0, 0],
      ['第二网格小区 1栋', 2, 1, 50],
    ]);
    expect(byBuilding.total).toEqual({ households: 6, pledged: 3, rate: 50 });
    expect(byBuilding.rows[0]).toMatchObject({ placeId: t.world.g1.building.id, kind: 'building' });
    const byGrid = ok<CoverageResponse>(await w.subdistrict.get(`/covenants/${cv}/coverage?by=grid`), 'grid');
    expect(figures(byGrid)).toEqual([
      ['第一网格', 4, 2, 50],
      ['第二网格', 2, 1, 50],
    ]);
    const narrowed = ok<CoverageResponse>(await w.admin.get(`/covenants/${cv}/coverage?by=building&placeId=${t.world.g2.grid.id}`), 'narrowed');
    expect(figures(narrowed)).toEqual([['第二网格小区 1栋', 2, 1, 50]]);
  });

  it('shows grid workers and building leaders their part only', async () => {
    expect(figures(ok<CoverageResponse>(await w.leader.get(`/covenants/${cv}/coverage`), 'leader'))).toEqual([['第一网格小区 1栋', 3, 2, 66.7]]);
    expect(figures(ok<CoverageResponse>(await w.grid2.get(`/covenants/${cv}/coverage?by=grid`), 'grid2'))).toEqual([['第二网格', 2, 1, 50]]);
    expect(figures(ok<CoverageResponse>(await w.grid.get(`/covenants/${cv}/coverage?by=grid`), 'grid'))).toEqual([['第一网格', 4, 2, 50]]);
    // A place outside the viewer's part narrows to nothing.
    expect(ok<CoverageResponse>(await w.leader.get(`/covenants/${cv}/coverage?placeId=${t.world.g2.grid.id}`), 'outside').rows).toEqual([]);
    expect((await w.adminB.get(`/covenants/${cv}/coverage`)).statusCode).toBe(404);
    expect((await w.resident.get(`/covenants/${cv}/coverage`)).statusCode).toBe(403);
  });

  it('lists the households not yet reached, paged, with names masked but for the office', async () => {
    const all = ok<UnreachedPage>(await w.admin.get(`/covenants/${cv}/coverage/unreached`), 'unreached');
    expect(all.total).toBe(3);
    // The community's office reads the householders' names, as it does in the register.
    expect(all.items.some((i) => i.householderName?.includes('*'))).toBe(false);
    expect(all.items.map((i) => ({ ...i, householderName: i.householderName && maskPersonName(i.householderName) }))).toEqual([
      { householdId: w.h.g1c.householdId, address: '第一网格 第一网格小区 1栋 1单元 103室', householderName: '张*', gridName: '第一网格', buildingName: '1栋' },
      { householdId: w.h.g1b2.householdId, address: '第一网格 第一网格小区 2栋 1单元 201室', householderName: '李*', gridName: '第一网格', buildingName: '2栋' },
      { householdId: w.h.g2b.householdId, address: '第二网格 第二网格小区 1栋 1单元 102室', householderName: '王*', gridName: '第二网格', buildingName: '1栋' },
    ]);
    const page2 = ok<UnreachedPage>(await w.admin.get(`/covenants/${cv}/coverage/unreached?limit=2&offset=2`), 'page 2');
    expect([page2.total, page2.items.map((i) => i.householdId)]).toEqual([3, [w.h.g2b.householdId]]);
    const leader = ok<UnreachedPage>(await w.leader.get(`/covenants/${cv}/coverage/unreached`), 'leader');
    expect(leader.items.map((i) => [i.householdId, i.householderName])).toEqual([[w.h.g1c.householdId, '张*']]);
  });

  it('finds households for the paper form within the recorder’s places', async () => {
    const found = ok<{ items: PledgeHouseholdOption[] }>(await w.leader.get(`/covenants/${cv}/pledge-households?q=${encodeURIComponent('10')}`), 'search');
    expect(found.items.map((i) => [i.address, i.householderName, i.pledged])).toEqual([
      ['第一网格 第一网格小区 1栋 1单元 101室', '张*', true],
      ['第一网格 第一网格小区 1栋 1单元 102室', '张*', true],
      ['第一网格 第一网格小区 1栋 1单元 103室', '张*', false],
    ]);
    const byName = ok<{ items: PledgeHouseholdOption[] }>(await w.staff.get(`/covenants/${cv}/pledge-households?q=${encodeURIComponent('王二')}`), 'by name');
    expect(byName.items.map((i) => i.householdId)).toEqual([w.h.g2b.householdId]);
  });

  it('nominates a pledged household and emits exactly one event with the payload', async () => {
    let res = await w.admin.post(`/covenants/${cv}/nominations`, { householdId: w.h.g1c.householdId, reason: '热心公益' });
    expect([res.statusCode, errCode(res)]).toEqual([409, 'nomination_not_pledged']);
    expect((await w.grid.post(`/covenants/${cv}/nominations`, { householdId: w.h.g1a.householdId, reason: '热心公益' })).statusCode).toBe(403);
    expect((await w.adminB.post(`/covenants/${cv}/nominations`, { householdId: w.h.g1a.householdId, reason: '热心公益' })).statusCode).toBe(404);

    const n = ok<NominationView>(await w.admin.post(`/covenants/${cv}/nominations`, { householdId: w.h.g1a.householdId, reason: '十年如一日照顾独居老人' }), 'nominate');
    expect(n).toMatchObject({ householdId: w.h.g1a.householdId, address: '第一网格 第一网格小区 1栋 1单元 101室', householderName: '张一', reason: '十年如一日照顾独居老人', nominatedByName: '用户2' });
    res = await w.staff.post(`/covenants/${cv}/nominations`, { householdId: w.h.g1a.householdId, reason: '再次推荐' });
    expect([res.statusCode, errCode(res)]).toEqual([409, 'nomination_exists']);

    const events = await readEvents(t.deps.db, 'test-recognition', 'covenant.exemplary_household_nominated');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      id: n.eventId,
      communityId: t.world.a.id,
      subjectKind: 'covenant_nomination',
      subjectId: n.id,
      actorUserId: t.world.users.community_admin,
      payload: {
        nominationId: n.id,
        covenantId: cv,
        covenantTitle: '甲社区居民公约',
        householdId: w.h.g1a.householdId,
        address: '第一网格 第一网格小区 1栋 1单元 101室',
        householderName: '张一',
        reason: '十年如一日照顾独居老人',
        nominatedBy: t.world.users.community_admin,
      },
    });
    const list = ok<{ items: NominationView[] }>(await w.grid.get(`/covenants/${cv}/nominations`), 'list');
    expect(list.items.map((i) => [i.id, i.householderName])).toEqual([[n.id, '张*']]);
    expect(ok<{ items: NominationView[] }>(await w.grid2.get(`/covenants/${cv}/nominations`), 'grid2').items).toEqual([]);
  });
});
