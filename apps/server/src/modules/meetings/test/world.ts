import type { LightMyRequestResponse } from 'fastify';
import type { DeliberationMeetingDetail, InviteeView } from '@gongzhi/shared';
import { sessionFor, testApp, type Session } from '../../../test/fixtures.js';
import { createPlace } from '../../places/places.commands.js';
import { createUser } from '../../users/users.service.js';

/**
 * The meetings' test world on the shared fixture: in community A four households (householders 张一 female,
 * 张二 male, 张三 female, 张四 male) registered through the registers API, a second adult and a 16-year-old in
 * the first household, and a resident without a household. The fixture's resident account is linked to 张一;
 * a second resident account to the resident without a household (so it is on no households list).
 */

export type T = Awaited<ReturnType<typeof testApp>>;
export type Detail = DeliberationMeetingDetail;
export type { InviteeView };

export const errCode = (res: LightMyRequestResponse): string => (res.json() as { error: { code: string } }).error.code;

export function as(t: T, s: Session) {
  const call = (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: object) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: s.headers, ...(payload ? { payload } : {}) });
  return {
    get: (url: string) => call('GET', url),
    post: (url: string, payload: object = {}) => call('POST', url, payload),
    patch: (url: string, payload: object) => call('PATCH', url, payload),
    put: (url: string, payload: object) => call('PUT', url, payload),
    del: (url: string) => call('DELETE', url),
  };
}
export type Api = ReturnType<typeof as>;

export function ok<R>(res: LightMyRequestResponse, what: string): R {
  if (res.statusCode !== 200 && res.statusCode !== 201) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
  return res.json() as R;
}

export async function meetingsWorld(t: T) {
  const w = t.world;
  const staff = as(t, await sessionFor(t.app, w.users.community_staff));
  const place = (name: string) => createPlace(t.deps, null, { kind: 'dwelling', name, parentId: w.g1.entrance.id });
  const people: Record<string, { residentId: string; householdId: string | null }> = {};
  const household = async (dwellingId: string, name: string, gender: 'male' | 'female') => {
    const h = ok<{ id: string }>(await staff.post('/households', { dwellingId }), 'household');
    const r = ok<{ id: string }>(await staff.post('/residents', { name, gender, birthDate: '1970-03-01', householdId: h.id, relation: 'householder', residencyStatus: 'permanent' }), 'resident');
    people[name] = { residentId: r.id, householdId: h.id };
  };
  await household(w.g1.dwelling.id, '张一', 'female');
  await household((await place('102室')).id, '张二', 'male');
  await household((await place('103室')).id, '张三', 'female');
  await household((await place('104室')).id, '张四', 'male');
  const member = async (name: string, birthDate: string, householdId: string | null) => {
    const body = householdId ? { householdId, relation: 'child' } : { communityId: w.a.id };
    const r = ok<{ id: string }>(await staff.post('/residents', { name, gender: 'male', birthDate, residencyStatus: 'permanent', ...body }), `resident ${name}`);
    people[name] = { residentId: r.id, householdId };
  };
  await member('张一子', '1995-06-01', people['张一']!.householdId);
  await member('张一孙', '2010-06-01', people['张一']!.householdId);
  await member('无户者', '1980-01-01', null);

  const link = (residentId: string, userId: string) => t.deps.db.updateTable('residents').set({ user_id: userId }).where('id', '=', residentId).execute();
  await link(people['张一']!.residentId, w.users.resident);
  const { user: outsider } = await createUser(t.deps, null, { displayName: '无户者', username: 'no-household', password: 'Passw0rd-test', roles: [{ role: 'resident', placeId: w.a.id }] });
  await link(people['无户者']!.residentId, outsider.id);
  const { user: son } = await createUser(t.deps, null, { displayName: '张一子', username: 'zhang-son', password: 'Passw0rd-test', roles: [{ role: 'resident', placeId: w.a.id }] });
  await link(people['张一子']!.residentId, son.id);

  return {
    people,
    staff,
    admin: as(t, await sessionFor(t.app, w.users.community_admin)),
    resident: as(t, await sessionFor(t.app, w.users.resident)),
    son: as(t, await sessionFor(t.app, son.id)),
    outsider: as(t, await sessionFor(t.app, outsider.id)),
    grid: as(t, await sessionFor(t.app, w.users.grid_worker)),
    subdistrict: as(t, await sessionFor(t.app, w.users.subdistrict_admin)),
    adminB: as(t, await sessionFor(t.app, w.adminB)),
  };
}
export type MeetingsWorld = Awaited<ReturnType<typeof meetingsWorld>>;

/** A residents' meeting of community A on the households basis, as staff draft it. */
export function residentsMeetingBody(t: T, extra: object = {}) {
  return {
    communityId: t.world.a.id,
    kind: 'residents_meeting',
    title: '加装电梯居民会议',
    startsAt: '2026-12-01T11:00:00.000Z',
    location: '社区议事厅',
    chairName: '李主任',
    recorderName: '王记录',
    agenda: [{ title: '审议加装电梯方案' }, { title: '其他事项' }],
    ...extra,
  };
}

/** Draft, publish and open a meeting; answers its detail and invitees (by name). */
export async function openMeeting(t: T, api: Api, extra: object = {}) {
  const m = ok<Detail>(await api.post('/deliberation-meetings', residentsMeetingBody(t, extra)), 'create');
  ok(await api.post(`/deliberation-meetings/${m.id}/notify`), 'notify');
  ok(await api.post(`/deliberation-meetings/${m.id}/open`), 'open');
  const list = ok<{ items: InviteeView[] }>(await api.get(`/deliberation-meetings/${m.id}/invitees`), 'invitees');
  const byName = new Map(list.items.map((i) => [i.name, i]));
  return { m, invitees: list.items, invitee: (name: string) => byName.get(name)! };
}
