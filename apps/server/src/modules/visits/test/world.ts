import type { LightMyRequestResponse } from 'fastify';
import type { MeetingDetail, VisitDetail, VisitPlanDetail } from '@gongzhi/shared';
import { sessionFor, testApp, type Session } from '../../../test/fixtures.js';
import { createPlace } from '../../places/places.commands.js';
import { createUser } from '../../users/users.service.js';

/**
 * The visits' test world, on top of the shared fixture (community A with grids G1 and G2, community B): more
 * dwellings with households and householders registered through the registers API, a moved-out household, a
 * second building in G1, an organisation, and a second grid worker (of G2).
 */

export type T = Awaited<ReturnType<typeof testApp>>;

export const errCode = (res: LightMyRequestResponse): string => (res.json() as { error: { code: string } }).error.code;

/** Calls as one session. */
export function as(t: T, s: Session) {
  return {
    get: (url: string) => t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: s.headers }),
    post: (url: string, payload: object = {}) => t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: s.headers, payload }),
    patch: (url: string, payload: object) => t.app.inject({ method: 'PATCH', url: `/api/v1${url}`, headers: s.headers, payload }),
  };
}
export type Api = ReturnType<typeof as>;

/** Insist on success, so a broken fixture fails loudly where it is used. */
export function ok<R>(res: LightMyRequestResponse, what: string): R {
  if (res.statusCode !== 200 && res.statusCode !== 201) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
  return res.json() as R;
}

export type { MeetingDetail, VisitDetail, VisitPlanDetail };

async function household(api: Api, dwellingId: string, householder: string): Promise<{ householdId: string; residentId: string }> {
  const h = ok<{ id: string }>(await api.post('/households', { dwellingId }), 'household');
  const r = ok<{ id: string }>(await api.post('/residents', { name: householder, householdId: h.id, relation: 'householder', residencyStatus: 'permanent' }), 'resident');
  return { householdId: h.id, residentId: r.id };
}

/**
 * G1: building 1 (entrance 1: 101, 102, 103, and 104 whose household moved out) and building 2 (201);
 * G2: 101 and 102; B: 101. One household per dwelling, each with a householder.
 */
export async function visitsWorld(t: T) {
  const w = t.world;
  const place = (kind: Parameters<typeof createPlace>[2]['kind'], name: string, parentId: string) => createPlace(t.deps, null, { kind, name, parentId });
  const sessions = {
    admin: as(t, await sessionFor(t.app, w.users.community_admin)),
    staff: as(t, await sessionFor(t.app, w.users.community_staff)),
    grid: as(t, await sessionFor(t.app, w.users.grid_worker)),
    leader: as(t, await sessionFor(t.app, w.users.building_leader)),
    subdistrict: as(t, await sessionFor(t.app, w.users.subdistrict_admin)),
    resident: as(t, await sessionFor(t.app, w.users.resident)),
    adminB: as(t, await sessionFor(t.app, w.adminB)),
  };
  const { user: grid2User } = await createUser(t.deps, null, { displayName: '二网格员', username: 'grid-two', password: 'Passw0rd-test', roles: [{ role: 'grid_worker', placeId: w.g2.grid.id }] });
  const grid2 = as(t, await sessionFor(t.app, grid2User.id));

  const d102 = await place('dwelling', '102室', w.g1.entrance.id);
  const d103 = await place('dwelling', '103室', w.g1.entrance.id);
  const d104 = await place('dwelling', '104室', w.g1.entrance.id);
  const b2 = await place('building', '2栋', w.g1.estate.id);
  const b2e = await place('entrance', '1单元', b2.id);
  const d201 = await place('dwelling', '201室', b2e.id);
  const g2d102 = await place('dwelling', '102室', w.g2.entrance.id);

  const api = sessions.staff;
  const h = {
    g1a: await household(api, w.g1.dwelling.id, '张一'),
    g1b: await household(api, d102.id, '张二'),
    g1c: await household(api, d103.id, '张三'),
    g1gone: await household(api, d104.id, '张四'),
    g1b2: await household(api, d201.id, '李一'),
    g2a: await household(api, w.g2.dwelling.id, '王一'),
    g2b: await household(api, g2d102.id, '王二'),
    b: await household(sessions.adminB, w.gb.dwelling.id, '赵一'),
  };
  // Moved out: the register keeps it, coverage and plans leave it out.
  await t.deps.db.updateTable('households').set({ status: 'moved_out' }).where('id', '=', h.g1gone.householdId).execute();
  const org = ok<{ id: string }>(await sessions.admin.post('/organisations', { kind: 'property_company', name: '安居物业', communityId: w.a.id }), 'organisation');
  return { ...sessions, grid2, grid2User: grid2User.id, h, places: { d102, d103, d104, b2, d201, g2d102 }, org: org.id };
}
export type VW = Awaited<ReturnType<typeof visitsWorld>>;

/** A visit body at a household, now. */
export const visitAt = (t: T, householdId: string, extra: object = {}) => ({ visitedAt: t.clock.now().toISOString(), householdId, ...extra });

/** Read audit entries of an action. */
export async function auditActions(t: T, action: string) {
  return t.deps.db.selectFrom('audit_log').select(['target_id', 'after_json', 'actor_user_id']).where('action', '=', action).execute();
}
