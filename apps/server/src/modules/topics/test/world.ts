import type { TopicDetail } from '@gongzhi/shared';
import { sessionFor, testApp, type Session } from '../../../test/fixtures.js';
import { createUser } from '../../users/users.service.js';
import { errCode, ok } from '../../visits/test/world.js';

export { errCode, ok };

/**
 * The topics' test world, on top of the shared fixture (community A, community B): the fixture's resident
 * account linked to a householder of A (a verified resident and household representative), a second verified
 * resident, an unverified resident account, the org representative, staff, and B's admin.
 */

export type T = Awaited<ReturnType<typeof testApp>>;

/** Calls as one session (PUT too: topic permissions are replaced whole). */
export function as(t: T, s: Session) {
  return {
    get: (url: string) => t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: s.headers }),
    post: (url: string, payload: object = {}) => t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: s.headers, payload }),
    put: (url: string, payload: object) => t.app.inject({ method: 'PUT', url: `/api/v1${url}`, headers: s.headers, payload }),
  };
}
export type Api = ReturnType<typeof as>;

async function linkedResident(staff: Api, dwellingId: string, name: string, userId: string, t: T): Promise<string> {
  const h = ok<{ id: string }>(await staff.post('/households', { dwellingId }), 'household');
  const r = ok<{ id: string }>(await staff.post('/residents', { name, householdId: h.id, relation: 'householder', residencyStatus: 'permanent' }), 'resident');
  // A claimed account is a resident row pointing at the user; the claim flow itself is the auth module's test.
  await t.deps.db.updateTable('residents').set({ user_id: userId }).where('id', '=', r.id).execute();
  return r.id;
}

export async function topicsWorld(t: T) {
  const w = t.world;
  const s = async (id: string) => as(t, await sessionFor(t.app, id));
  const staff = await s(w.users.community_staff);
  const mk = async (username: string, role: 'resident' | 'community_admin', placeId: string) =>
    (await createUser(t.deps, null, { displayName: username, username, password: 'Passw0rd-test', roles: [{ role, placeId }] })).user.id;
  const verified2 = await mk('resident-two', 'resident', w.a.id);
  const unverified = await mk('resident-new', 'resident', w.a.id);
  const residentB = await mk('resident-b', 'resident', w.b.id);
  await linkedResident(staff, w.g1.dwelling.id, '张大明', w.users.resident, t);
  await linkedResident(staff, w.g2.dwelling.id, '李小红', verified2, t);
  const adminB = await s(w.adminB);
  await linkedResident(adminB, w.gb.dwelling.id, '赵乙', residentB, t);
  return {
    staff,
    admin: await s(w.users.community_admin),
    grid: await s(w.users.grid_worker),
    subdistrict: await s(w.users.subdistrict_admin),
    org: await s(w.users.org_representative),
    resident: await s(w.users.resident),
    resident2: await s(verified2),
    unverified: await s(unverified),
    residentB: await s(residentB),
    adminB,
  };
}
export type TW = Awaited<ReturnType<typeof topicsWorld>>;

export const proposal = (extra: object = {}) => ({ title: '小区增设电动车充电桩', description: '楼下电动车乱停乱充，存在火灾隐患，建议在小区空地增设充电桩。', ...extra });

/** A topic proposed by staff and put on the agenda until `days` days from now. */
export async function topicOnAgenda(t: T, w: TW, days = 7): Promise<TopicDetail> {
  const topic = ok<TopicDetail>(await w.staff.post('/topics', proposal()), 'propose');
  const ends = new Date(t.clock.now().getTime() + days * 86_400_000).toISOString();
  return ok<TopicDetail>(await w.staff.post(`/topics/${topic.id}/agenda`, { consultationEndsAt: ends }), 'agenda');
}
