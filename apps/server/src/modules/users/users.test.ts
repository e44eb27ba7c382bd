import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../test/dialects.js';
import { sessionFor, testApp, type Session } from '../../test/fixtures.js';

type T = Awaited<ReturnType<typeof testApp>>;
const err = (res: { json(): unknown }) => (res.json() as { error: { code: string } }).error.code;

describe.each(dialects)('users (%s)', (dialect) => {
  let t: T;
  let admin: Session;
  let staff: Session;
  beforeAll(async () => {
    t = await testApp(dialect);
    admin = await sessionFor(t.app, t.world.users.community_admin);
    staff = await sessionFor(t.app, t.world.users.community_staff);
  });
  afterAll(() => t.close());

  const post = (s: Session, url: string, payload: Record<string, unknown>) => t.app.inject({ method: 'POST', url, headers: s.headers, payload });

  it('lists only accounts with a role in the scope, paginated, with phones masked', async () => {
    const res = await t.app.inject({ url: '/api/v1/users?limit=3&offset=0', headers: admin.headers });
    const body = res.json() as { items: { username: string; phoneMasked: string | null }[]; total: number };
    expect(body.items).toHaveLength(3);
    expect(body.total).toBe(6); // the six accounts scoped inside community A
    const all = await t.app.inject({ url: '/api/v1/users?limit=50', headers: admin.headers });
    const usernames = (all.json() as { items: { username: string }[] }).items.map((u) => u.username);
    expect(usernames).not.toContain('admin-b');
    expect(usernames).not.toContain('subdistrict-admin');
    expect(JSON.stringify(all.json())).not.toMatch(/1380000000\d/);
    const byPhone = await t.app.inject({ url: '/api/v1/users?q=13800000007', headers: admin.headers });
    expect((byPhone.json() as { items: { username: string }[] }).items.map((u) => u.username)).toEqual(['resident']);
  });

  it('creates staff accounts but never grants above the granter', async () => {
    const ok = await post(staff, '/api/v1/users', { displayName: '新网格员', username: 'new-grid', password: 'Passw0rd-x', roles: [{ role: 'grid_worker', placeId: t.world.g2.grid.id }] });
    expect(ok.statusCode).toBe(201);
    expect((ok.json() as { claimCode: unknown }).claimCode).toBeNull();
    const escalate = await post(staff, '/api/v1/users', { displayName: '越权', roles: [{ role: 'community_admin', placeId: t.world.a.id }] });
    expect(escalate.statusCode).toBe(403);
    const elsewhere = await post(admin, '/api/v1/users', { displayName: '越界', roles: [{ role: 'resident', placeId: t.world.b.id }] });
    expect(elsewhere.statusCode).toBe(403);
    const wrongScope = await post(admin, '/api/v1/users', { displayName: '错位', roles: [{ role: 'grid_worker', placeId: t.world.a.id }] });
    expect(err(wrongScope)).toBe('invalid_role_scope');
    const taken = await post(admin, '/api/v1/users', { displayName: '重名', username: 'resident', roles: [{ role: 'resident', placeId: t.world.a.id }] });
    expect(err(taken)).toBe('username_taken');
    const phone = await post(admin, '/api/v1/users', { displayName: '重号', phone: '13800000001', roles: [{ role: 'resident', placeId: t.world.a.id }] });
    expect(err(phone)).toBe('phone_taken');
  });

  it('grants a building leader role, which gives the account that building as its scope at once', async () => {
    // A session already in use (and so cached) must see the new role on its very next request.
    const resident = await sessionFor(t.app, t.world.users.resident);
    expect((await t.app.inject({ url: `/api/v1/places/${t.world.g2.dwelling.id}`, headers: resident.headers })).statusCode).toBe(403);
    const res = await post(admin, `/api/v1/users/${t.world.users.resident}/roles`, { role: 'building_leader', placeId: t.world.g2.building.id });
    expect(res.statusCode).toBe(200);
    expect((await t.app.inject({ url: `/api/v1/places/${t.world.g2.dwelling.id}`, headers: resident.headers })).statusCode).toBe(200);
    expect((await t.app.inject({ url: `/api/v1/places/${t.world.g1.dwelling.id}`, headers: resident.headers })).statusCode).toBe(404);
    const again = await post(admin, `/api/v1/users/${t.world.users.resident}/roles`, { role: 'building_leader', placeId: t.world.g2.building.id });
    expect(err(again)).toBe('role_already_held');
    const roleId = (res.json() as { roles: { id: string; role: string }[] }).roles.find((r) => r.role === 'building_leader')!.id;
    const revoked = await t.app.inject({ method: 'DELETE', url: `/api/v1/users/${t.world.users.resident}/roles/${roleId}`, headers: admin.headers });
    expect((revoked.json() as { roles: unknown[] }).roles).toHaveLength(1);
    expect((await t.app.inject({ url: `/api/v1/places/${t.world.g2.dwelling.id}`, headers: resident.headers })).statusCode).toBe(403);
  });

  it('issues a new claim code that voids the old one', async () => {
    const created = await post(staff, '/api/v1/users', { displayName: '王阿姨', roles: [{ role: 'resident', placeId: t.world.a.id }] });
    const { user, claimCode } = created.json() as { user: { id: string }; claimCode: { code: string } };
    const slip = await post(staff, `/api/v1/users/${user.id}/claim-code`, {});
    expect(slip.json()).toMatchObject({ displayName: '王阿姨', communityName: '甲社区' });
    const old = await t.app.inject({ method: 'POST', url: '/api/v1/auth/claim', payload: { code: claimCode.code, password: 'Wang123456' } });
    expect(err(old)).toBe('claim_code_invalid');
    const fresh = await t.app.inject({ method: 'POST', url: '/api/v1/auth/claim', payload: { code: (slip.json() as { code: string }).code, password: 'Wang123456' } });
    expect(fresh.statusCode).toBe(200);
    expect(err(await post(staff, `/api/v1/users/${user.id}/claim-code`, {}))).toBe('account_already_claimed');
  });

  it('hides accounts outside the scope as not found', async () => {
    expect((await t.app.inject({ url: `/api/v1/users/${t.world.adminB}`, headers: admin.headers })).statusCode).toBe(404);
  });
});
