import { idNumberCheckChar, type HouseholdView, type ResidentDetail, type ResidentView } from '@gongzhi/shared';
import type { LightMyRequestResponse } from 'fastify';
import { sessionFor, type Session, type testApp } from '../../../test/fixtures.js';

/** Helpers for the registers' tests: valid ID numbers, calls through the API, small households. */

export type T = Awaited<ReturnType<typeof testApp>>;
export type HouseholdDetail = HouseholdView & { members: ResidentView[]; history: { event: string; residentName: string | null; fromPlaceLabel: string | null; toPlaceLabel: string | null }[] };
export type { ResidentDetail, ResidentView, Session };

/** A valid 18-character ID number born on `birth` (YYYY-MM-DD); `seq` (0–499) makes it unique. */
export function idNumber(birth: string, gender: 'male' | 'female', seq = 0, region = '110105'): string {
  const order = String(seq * 2 + (gender === 'male' ? 1 : 0)).padStart(3, '0').slice(-3);
  const first17 = `${region}${birth.replace(/-/g, '')}${order}`;
  return first17 + idNumberCheckChar(first17);
}

export const errCode = (res: LightMyRequestResponse): string => (res.json() as { error: { code: string } }).error.code;

/** Calls as one session. */
export function as(t: T, s: Session) {
  return {
    get: (url: string) => t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: s.headers }),
    post: (url: string, payload: object = {}) => t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: s.headers, payload }),
    patch: (url: string, payload: object) => t.app.inject({ method: 'PATCH', url: `/api/v1${url}`, headers: s.headers, payload }),
    del: (url: string) => t.app.inject({ method: 'DELETE', url: `/api/v1${url}`, headers: s.headers }),
  };
}
export type Api = ReturnType<typeof as>;

export async function sessions(t: T) {
  const w = t.world.users;
  return {
    admin: as(t, await sessionFor(t.app, w.community_admin)),
    staff: as(t, await sessionFor(t.app, w.community_staff)),
    grid: as(t, await sessionFor(t.app, w.grid_worker)),
    leader: as(t, await sessionFor(t.app, w.building_leader)),
    subdistrict: as(t, await sessionFor(t.app, w.subdistrict_admin)),
    resident: as(t, await sessionFor(t.app, w.resident)),
    adminB: as(t, await sessionFor(t.app, t.world.adminB)),
  };
}

/** Create through the API and insist on success, so a broken fixture fails loudly where it is used. */
async function created<R>(res: LightMyRequestResponse, what: string): Promise<R> {
  if (res.statusCode !== 201 && res.statusCode !== 200) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
  return res.json() as R;
}

export const newHousehold = async (api: Api, dwellingId: string, extra: object = {}) =>
  created<HouseholdDetail>(await api.post('/households', { dwellingId, ...extra }), 'household');

export const newResident = async (api: Api, body: object) => created<ResidentDetail>(await api.post('/residents', { residencyStatus: 'permanent', ...body }), 'resident');

/** A dwelling under an entrance, created by a place manager. */
export async function newDwelling(api: Api, entranceId: string, name: string): Promise<string> {
  return (await created<{ id: string }>(await api.post('/places', { kind: 'dwelling', name, parentId: entranceId }), 'dwelling')).id;
}

/** Read a table directly (assertions about what was, or was not, written). */
export async function count(t: T, table: 'residents' | 'consents' | 'resident_tags' | 'residence_history' | 'audit_log' | 'households', where?: [string, string]) {
  let q = t.deps.db.selectFrom(table as 'residents').select((eb) => eb.fn.countAll<number>().as('n'));
  if (where) q = q.where(where[0] as 'id', '=', where[1]);
  return Number((await q.executeTakeFirst())?.n ?? 0);
}
