import type { LightMyRequestResponse } from 'fastify';
import type { FileView, RequestCreated, RequestDetail, RequestSummary } from '@gongzhi/shared';
import { iso } from '../../../lib/clock.js';
import { newId } from '../../../lib/ids.js';
import { sessionFor, testApp, type Session } from '../../../test/fixtures.js';
import { createUser } from '../../users/users.service.js';

/** Helpers for the requests' tests: a world with linked residents and a property company, calls through the API. */

export type T = Awaited<ReturnType<typeof testApp>>;
export type { RequestCreated, RequestDetail, RequestSummary };

export const errCode = (res: LightMyRequestResponse): string => (res.json() as { error: { code: string } }).error.code;

/** Calls as one session. */
export function as(t: T, s: Session) {
  return {
    get: (url: string) => t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: s.headers }),
    post: (url: string, payload: object = {}) => t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: s.headers, payload }),
    put: (url: string, payload: object) => t.app.inject({ method: 'PUT', url: `/api/v1${url}`, headers: s.headers, payload }),
    upload: (data: Buffer, fileName = 'photo.png') => {
      const { payload, contentType } = multipart(data, fileName);
      return t.app.inject({ method: 'POST', url: '/api/v1/files', headers: { ...s.headers, 'content-type': contentType }, payload });
    },
    session: s,
  };
}
export type Api = ReturnType<typeof as>;

/** A multipart body with one file field. */
export function multipart(data: Buffer, fileName: string, field = 'file') {
  const boundary = `----gz${newId().replace(/-/g, '')}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`);
  return { payload: Buffer.concat([head, data, Buffer.from(`\r\n--${boundary}--\r\n`)]), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** The smallest valid PNG header plus some bytes: enough for the magic-byte check. */
export const png = (extra = 'x'): Buffer => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(extra)]);

/** Insist on success, so a broken fixture fails loudly where it is used. */
export function ok<R>(res: LightMyRequestResponse, what: string): R {
  if (res.statusCode !== 200 && res.statusCode !== 201) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
  return res.json() as R;
}

/** A household at a dwelling with one resident linked to the account (a resident's own register record). */
export async function linkResident(t: T, userId: string, dwellingId: string, name: string): Promise<{ residentId: string; householdId: string }> {
  const place = await t.deps.db.selectFrom('places').select(['path', 'community_id']).where('id', '=', dwellingId).executeTakeFirstOrThrow();
  const now = iso(t.clock.now());
  const householdId = newId();
  const residentId = newId();
  await t.deps.db
    .insertInto('households')
    .values({ id: householdId, community_id: place.community_id!, dwelling_id: dwellingId, place_path: place.path, householder_id: null, status: 'active', moved_in_on: null, moved_out_on: null, note: null, created_at: now, updated_at: now })
    .execute();
  await t.deps.db
    .insertInto('residents')
    .values({
      id: residentId, community_id: place.community_id!, household_id: householdId, relation: 'householder', place_path: place.path, name,
      gender: null, birth_date: null, id_number_cipher: null, id_number_index: null, phone_cipher: null, phone_index: null, phone_tail: null,
      ethnicity: null, residency_status: 'permanent', registered_address: null, status: 'living', moved_in_on: null, moved_out_on: null,
      deceased_on: null, user_id: userId, note: null, created_at: now, updated_at: now,
    })
    .execute();
  return { residentId, householdId };
}

/** A property company of community A, represented by the org_representative account. */
export async function addPropertyCompany(t: T, name = '安居物业'): Promise<string> {
  const now = iso(t.clock.now());
  const id = newId();
  await t.deps.db
    .insertInto('organisations')
    .values({
      id, community_id: t.world.a.id, kind: 'property_company', party_level: null, parent_id: null, name, place_id: null, credit_code: null,
      contact_name: null, contact_phone_cipher: null, address: null, term_start_on: null, term_end_on: null, dual_reporting_on: null, note: null,
      retired_at: null, created_at: now, updated_at: now,
    })
    .execute();
  await t.deps.db
    .insertInto('memberships')
    .values({
      id: newId(), community_id: t.world.a.id, organisation_id: id, resident_id: null, user_id: t.world.users.org_representative, person_name: '陈物业',
      person_unit: null, role: 'contact', place_id: null, role_assignment_id: null, start_on: null, end_on: null, ended_at: null, created_at: now,
    })
    .execute();
  return id;
}

/** Everyone's sessions, plus a second resident of community A living in grid 2. */
export async function people(t: T) {
  const w = t.world.users;
  const { user: neighbour } = await createUser(t.deps, null, {
    displayName: '邻居王', username: `neighbour-${newId().slice(-6)}`, password: 'Passw0rd-test', roles: [{ role: 'resident', placeId: t.world.a.id }],
  });
  const mine = await linkResident(t, w.resident, t.world.g1.dwelling.id, '李秀英');
  const theirs = await linkResident(t, neighbour.id, t.world.g2.dwelling.id, '王大爷');
  const orgId = await addPropertyCompany(t);
  const s = async (id: string) => as(t, await sessionFor(t.app, id));
  return {
    admin: await s(w.community_admin),
    staff: await s(w.community_staff),
    grid: await s(w.grid_worker),
    leader: await s(w.building_leader),
    rep: await s(w.org_representative),
    subdistrict: await s(w.subdistrict_admin),
    resident: await s(w.resident),
    neighbour: await s(neighbour.id),
    adminB: await s(t.world.adminB),
    residentId: mine.residentId,
    householdId: mine.householdId,
    neighbourId: neighbour.id,
    neighbourResidentId: theirs.residentId,
    orgId,
  };
}
export type People = Awaited<ReturnType<typeof people>>;

export const submit = async (api: Api, body: object) => ok<RequestCreated>(await api.post('/requests', { kind: 'complaint', ...body }), 'submit');
export const detail = async (api: Api, id: string) => ok<RequestDetail>(await api.get(`/requests/${id}`), 'detail');
export const photo = async (api: Api, extra?: string) => ok<FileView>(await api.upload(png(extra)), 'upload');

/** Rows of a table for one request (assertions about what was written). */
export const stepsOf = (t: T, requestId: string) =>
  t.deps.db.selectFrom('request_steps').selectAll().where('request_id', '=', requestId).orderBy('created_at').orderBy('id').execute();
export const notificationsFor = (t: T, requestId: string) =>
  t.deps.db.selectFrom('notifications').selectAll().where('dedupe_key', 'like', `req:${requestId}:%`).orderBy('id').execute();
export const auditFor = (t: T, requestId: string) =>
  t.deps.db.selectFrom('audit_log').select(['action', 'actor_user_id']).where('target_id', '=', requestId).orderBy('id').execute();
