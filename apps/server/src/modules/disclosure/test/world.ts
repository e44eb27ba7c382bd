import type { LightMyRequestResponse } from 'fastify';
import type { DisclosureItemView, PublicationDetail } from '@gongzhi/shared';
import { sessionFor, testApp, type Session } from '../../../test/fixtures.js';

/** The disclosure tests' world on top of the shared fixture: sessions for each role of community A and B's admin. */

export type T = Awaited<ReturnType<typeof testApp>>;

export function ok<R>(res: LightMyRequestResponse, what: string): R {
  if (res.statusCode !== 200 && res.statusCode !== 201) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
  return res.json() as R;
}
export const errCode = (res: LightMyRequestResponse): string | undefined => (res.json() as { error?: { code: string } }).error?.code;

export function as(t: T, s: Session | null) {
  const headers = s?.headers ?? {};
  return {
    get: (url: string) => t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers }),
    post: (url: string, payload: object = {}) => t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers, payload }),
    patch: (url: string, payload: object) => t.app.inject({ method: 'PATCH', url: `/api/v1${url}`, headers, payload }),
  };
}
export type Api = ReturnType<typeof as>;

export async function disclosureWorld(t: T) {
  const w = t.world;
  const s = async (id: string) => as(t, await sessionFor(t.app, id));
  return {
    staff: await s(w.users.community_staff),
    admin: await s(w.users.community_admin),
    subdistrict: await s(w.users.subdistrict_admin),
    grid: await s(w.users.grid_worker),
    resident: await s(w.users.resident),
    adminB: await s(w.adminB),
    anonymous: as(t, null),
  };
}
export type DW = Awaited<ReturnType<typeof disclosureWorld>>;

/** Load A's default catalogue and return its quarterly finance item. */
export async function financeItem(w: DW): Promise<DisclosureItemView> {
  const loaded = ok<{ items: DisclosureItemView[] }>(await w.admin.post('/disclosure/defaults', {}), 'defaults');
  return loaded.items.find((i) => i.category === 'finance' && i.frequency === 'quarterly')!;
}

export const draft = (extra: object = {}) => ({
  kind: 'disclosure',
  title: '2026年第三季度社区财务公开',
  body: '一、收入：上级拨付工作经费 120,000.00 元。\n二、支出：办公用品 3,250.00 元；活动经费 8,600.00 元。',
  channels: ['portal', 'notice_board', 'resident_app'],
  ...extra,
});

/** Draft by staff, submit, approve by the admin, publish: a publication out on every channel. */
export async function published(w: DW, extra: object = {}): Promise<PublicationDetail> {
  const d = ok<PublicationDetail>(await w.staff.post('/publications', draft(extra)), 'draft');
  ok(await w.staff.post(`/publications/${d.id}/submit`), 'submit');
  ok(await w.admin.post(`/publications/${d.id}/approve`), 'approve');
  return ok<PublicationDetail>(await w.admin.post(`/publications/${d.id}/publish`), 'publish');
}
