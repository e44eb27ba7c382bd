import type { LightMyRequestResponse } from 'fastify';
import { sessionFor, type Session, type testApp } from '../../test/fixtures.js';

/** Calls through the API for the notifications and Open311 tests. */

export type T = Awaited<ReturnType<typeof testApp>>;

export const errCode = (res: LightMyRequestResponse): string => (res.json() as { error: { code: string } }).error.code;

/** Calls to /api/v1 as one session. */
export function as(t: T, s: Session) {
  const call = (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: s.headers, ...(payload ? { payload } : {}) });
  return {
    get: (url: string) => call('GET', url),
    post: (url: string, payload: object = {}) => call('POST', url, payload),
    put: (url: string, payload: object) => call('PUT', url, payload),
    patch: (url: string, payload: object) => call('PATCH', url, payload),
    del: (url: string) => call('DELETE', url),
  };
}
export type Api = ReturnType<typeof as>;

/** A session per role of the seeded world, plus community B's admin. */
export async function sessions(t: T) {
  const w = t.world.users;
  const s = (id: string) => sessionFor(t.app, id).then((x) => as(t, x));
  return {
    admin: await s(w.community_admin),
    staff: await s(w.community_staff),
    grid: await s(w.grid_worker),
    subdistrict: await s(w.subdistrict_admin),
    resident: await s(w.resident),
    adminB: await s(t.world.adminB),
  };
}

/** Insist on a 2xx, so a broken fixture fails loudly where it is used. */
export function ok<R>(res: LightMyRequestResponse): R {
  if (res.statusCode >= 300) throw new Error(`${res.statusCode} ${res.body}`);
  return res.json() as R;
}
