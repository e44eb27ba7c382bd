import type { ElectionDetail } from '@gongzhi/shared';
import { sessionFor, testApp } from '../../../test/fixtures.js';
import { createPlace } from '../../places/places.commands.js';
import { createUser } from '../../users/users.service.js';
import { as, errCode, ok, type Api } from '../../visits/test/world.js';

/**
 * The elections' test world on the shared fixture (clock at 2026-11-25T08:00Z; election day 2026-12-20):
 * G1 building 1: 101 张一 (householder, 1960, linked to the resident account), 张妻 (1962, linked to a second
 * resident account), 张大 (exactly 18 on election day), 张小 (18 the day after); 102 李一 (1970) and 李无 (no
 * birth date). G2 building 1: 101 王一 (1980) and 王二 (1985, 户籍 elsewhere: registers on application).
 * Community B: 101 赵一. Plus a residents' committee with a sitting chair.
 */

export type T = Awaited<ReturnType<typeof testApp>>;
export { as, errCode, ok, type Api };

export const electionDay = '2026-12-20';

async function resident(api: Api, householdId: string, name: string, relation: string, birthDate: string | null, residencyStatus = 'permanent'): Promise<string> {
  return ok<{ id: string }>(await api.post('/residents', { name, householdId, relation, residencyStatus, birthDate }), `resident ${name}`).id;
}

export async function electionsWorld(t: T) {
  const w = t.world;
  const s = {
    admin: as(t, await sessionFor(t.app, w.users.community_admin)),
    staff: as(t, await sessionFor(t.app, w.users.community_staff)),
    subdistrict: as(t, await sessionFor(t.app, w.users.subdistrict_admin)),
    grid: as(t, await sessionFor(t.app, w.users.grid_worker)),
    resident: as(t, await sessionFor(t.app, w.users.resident)),
    adminB: as(t, await sessionFor(t.app, w.adminB)),
  };
  const d102 = await createPlace(t.deps, null, { kind: 'dwelling', name: '102室', parentId: w.g1.entrance.id });
  const h1 = ok<{ id: string }>(await s.staff.post('/households', { dwellingId: w.g1.dwelling.id }), 'h1').id;
  const h2 = ok<{ id: string }>(await s.staff.post('/households', { dwellingId: d102.id }), 'h2').id;
  const h3 = ok<{ id: string }>(await s.staff.post('/households', { dwellingId: w.g2.dwelling.id }), 'h3').id;
  const hb = ok<{ id: string }>(await s.adminB.post('/households', { dwellingId: w.gb.dwelling.id }), 'hb').id;
  const r = {
    zhang1: await resident(s.staff, h1, '张一', 'householder', '1960-01-01'),
    zhangWife: await resident(s.staff, h1, '张妻', 'spouse', '1962-05-05'),
    zhangAdult: await resident(s.staff, h1, '张大', 'child', '2008-12-20'),
    zhangMinor: await resident(s.staff, h1, '张小', 'child', '2008-12-21'),
    li1: await resident(s.staff, h2, '李一', 'householder', '1970-03-03'),
    liNoDate: await resident(s.staff, h2, '李无', 'spouse', null),
    wang1: await resident(s.staff, h3, '王一', 'householder', '1980-02-02'),
    wang2: await resident(s.staff, h3, '王二', 'spouse', '1985-08-08', 'registered_elsewhere'),
    zhaoB: await resident(s.adminB, hb, '赵一', 'householder', '1975-01-01'),
  };
  await t.deps.db.updateTable('residents').set({ user_id: w.users.resident }).where('id', '=', r.zhang1).execute();
  const { user: wife } = await createUser(t.deps, null, { displayName: '张妻', username: 'zhang-wife', password: 'Passw0rd-test', roles: [{ role: 'resident', placeId: w.a.id }] });
  await t.deps.db.updateTable('residents').set({ user_id: wife.id }).where('id', '=', r.zhangWife).execute();
  const { user: wang } = await createUser(t.deps, null, { displayName: '王一', username: 'wang-one', password: 'Passw0rd-test', roles: [{ role: 'resident', placeId: w.a.id }] });
  await t.deps.db.updateTable('residents').set({ user_id: wang.id }).where('id', '=', r.wang1).execute();
  const committee = ok<{ id: string }>(await s.admin.post('/organisations', { communityId: w.a.id, kind: 'residents_committee', name: '甲社区居民委员会', termStartOn: '2021-12-01' }), 'rc').id;
  const oldChair = ok<{ id: string }>(await s.admin.post('/memberships', { communityId: w.a.id, organisationId: committee, role: 'chair', personName: '老主任', startOn: '2021-12-01' }), 'old chair').id;
  const world = {
    ...s,
    wife: as(t, await sessionFor(t.app, wife.id)),
    wang: as(t, await sessionFor(t.app, wang.id)),
    /** Sessions expire when the clock jumps weeks ahead: open fresh ones in place. */
    renew: async () => {
      const ids = { admin: w.users.community_admin, staff: w.users.community_staff, subdistrict: w.users.subdistrict_admin, grid: w.users.grid_worker, resident: w.users.resident, adminB: w.adminB, wife: wife.id, wang: wang.id };
      for (const [k, userId] of Object.entries(ids)) Object.assign(world, { [k]: as(t, await sessionFor(t.app, userId)) });
    },
    r,
    households: { h1, h2, h3, hb },
    committee,
    oldChair,
  };
  return world;
}
export type EW = Awaited<ReturnType<typeof electionsWorld>>;

export const electionBody = (t: T, extra: object = {}) => ({
  communityId: t.world.a.id,
  title: '甲社区第十二届居民委员会换届选举',
  votingUnit: 'person',
  electionDay,
  votingOpensAt: '2026-12-19T00:00:00.000Z',
  votingClosesAt: '2026-12-20T08:00:00.000Z',
  seats: { chair: 1, vice_chair: 1, member: 1 },
  committee: [{ name: '选委甲', chair: true }, { name: '选委乙' }, { name: '选委丙' }],
  tellerUserIds: [t.world.users.community_staff],
  ...extra,
});

/** Move the test clock to an ISO instant (forward only). */
export async function moveClockTo(t: T, w: { renew: () => Promise<void> }, isoInstant: string): Promise<void> {
  const minutes = Math.ceil((Date.parse(isoInstant) - t.clock.now().getTime()) / 60_000);
  if (minutes > 0) t.clock.advanceMinutes(minutes);
  await w.renew();
}

export const phase = async (api: Api, id: string, to: string) => api.post(`/elections/${id}/phase`, { to });
export const detailOf = async (api: Api, id: string) => ok<ElectionDetail>(await api.get(`/elections/${id}`), 'detail');
