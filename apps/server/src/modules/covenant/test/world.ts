import type { LightMyRequestResponse } from 'fastify';
import type { CovenantView, VersionView } from '@gongzhi/shared';
import { sessionFor, testApp, type Session } from '../../../test/fixtures.js';
import { createUser } from '../../users/users.service.js';

/**
 * The covenant's test world on top of the shared fixture: sessions per role, a verified resident (an account
 * linked to the householder of a household in community A) and the fixture's resident account left unverified.
 */

export type T = Awaited<ReturnType<typeof testApp>>;

export const errCode = (res: LightMyRequestResponse): string => (res.json() as { error: { code: string } }).error.code;

export function as(t: T, s: Session | null) {
  const headers = s?.headers ?? {};
  const call = (method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: object) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers, ...(payload === undefined ? {} : { payload }) });
  return {
    get: (url: string) => call('GET', url),
    post: (url: string, payload: object = {}) => call('POST', url, payload),
    put: (url: string, payload: object) => call('PUT', url, payload),
    patch: (url: string, payload: object) => call('PATCH', url, payload),
  };
}
export type Api = ReturnType<typeof as>;

export function ok<R>(res: LightMyRequestResponse, what: string): R {
  if (res.statusCode !== 200 && res.statusCode !== 201) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
  return res.json() as R;
}

export async function covenantWorld(t: T) {
  const w = t.world;
  const s = {
    admin: as(t, await sessionFor(t.app, w.users.community_admin)),
    staff: as(t, await sessionFor(t.app, w.users.community_staff)),
    grid: as(t, await sessionFor(t.app, w.users.grid_worker)),
    subdistrict: as(t, await sessionFor(t.app, w.users.subdistrict_admin)),
    unverified: as(t, await sessionFor(t.app, w.users.resident)),
    org: as(t, await sessionFor(t.app, w.users.org_representative)),
    adminB: as(t, await sessionFor(t.app, w.adminB)),
    anonymous: as(t, null),
  };
  const h = ok<{ id: string }>(await s.staff.post('/households', { dwellingId: w.g1.dwelling.id }), 'household');
  const r = ok<{ id: string }>(await s.staff.post('/residents', { name: '王秀英', householdId: h.id, relation: 'householder', residencyStatus: 'permanent' }), 'resident');
  const { user } = await createUser(t.deps, null, { displayName: '王阿姨', username: 'wang-xiuying', password: 'Passw0rd-test', roles: [{ role: 'resident', placeId: w.a.id }] });
  await t.deps.db.updateTable('residents').set({ user_id: user.id }).where('id', '=', r.id).execute();
  const verified = as(t, await sessionFor(t.app, user.id));
  return { ...s, verified, verifiedUserId: user.id, householdId: h.id, residentId: r.id };
}
export type CW = Awaited<ReturnType<typeof covenantWorld>>;

export const draftV1 = [
  '# 甲社区居民公约',
  '',
  '为建设文明和谐社区，经居民充分协商，制定本公约。',
  '',
  '## 第一章 总则',
  '第一条 本公约适用于本社区全体居民。',
  '第二条 居民应当遵守法律法规，维护社区秩序。',
  '## 第二章 环境卫生',
  '第三条 垃圾分类投放，不乱扔垃圾。',
  '第四条 爱护公共绿地，不毁绿种菜。',
].join('\n');

/** v2: article 2 reworded, article 4 removed, a new article on pets. */
export const draftV2 = [
  '## 第一章 总则',
  '第一条 本公约适用于本社区全体居民。',
  '第二条 居民应当自觉遵守法律法规，共同维护社区秩序。',
  '## 第二章 环境卫生',
  '第三条 垃圾分类投放，不乱扔垃圾。',
  '第四条 文明养犬，出门拴绳，及时清理犬只粪便。',
].join('\n');

export const draftV3 = draftV2 + '\n第五条 邻里之间互相帮助，有事好商量。';

export type { CovenantView, VersionView };

export async function auditActions(t: T, action: string) {
  return t.deps.db.selectFrom('audit_log').select(['target_id', 'after_json', 'actor_user_id']).where('action', '=', action).execute();
}
