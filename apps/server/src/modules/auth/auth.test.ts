import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../test/dialects.js';
import { PASSWORD, sessionFor, testApp } from '../../test/fixtures.js';
import { MAX_FAILURES } from './auth.service.js';

type T = Awaited<ReturnType<typeof testApp>>;
const cookieOf = (res: { headers: Record<string, unknown> }) => String(res.headers['set-cookie']).split(';')[0]!;

async function login(t: T, account: string, password: string) {
  return t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { account, password }, remoteAddress: `10.0.0.${Math.floor(Math.random() * 250)}` });
}

describe.each(dialects)('accounts and sessions (%s)', (dialect) => {
  let t: T;
  beforeAll(async () => {
    t = await testApp(dialect);
  });
  afterAll(() => t.close());

  it('logs in by username or phone and sets an HttpOnly SameSite cookie', async () => {
    const byName = await login(t, 'community-admin', PASSWORD);
    expect(byName.statusCode).toBe(200);
    const setCookie = String(byName.headers['set-cookie']);
    expect(setCookie).toMatch(/gz_session=/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    const me = await t.app.inject({ url: '/api/v1/me', headers: { cookie: cookieOf(byName) } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ username: 'community-admin', phoneMasked: '138****0002' });
    const byPhone = await login(t, '13800000002', PASSWORD);
    expect(byPhone.statusCode).toBe(200);
  });

  it('answers a wrong password and an unknown account identically (no enumeration)', async () => {
    const wrong = await login(t, 'community-staff', 'nope-nope-1');
    const unknown = await login(t, 'no-such-person', 'nope-nope-1');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect((wrong.json() as { error: { code: string } }).error.code).toBe('invalid_credentials');
    expect((unknown.json() as { error: { code: string } }).error).toEqual((wrong.json() as { error: unknown }).error);
  });

  it('locks an identifier after repeated failures, whether or not it exists, and unlocks later', async () => {
    for (const account of ['grid-worker', 'ghost-account']) {
      let last;
      for (let i = 0; i < MAX_FAILURES; i++) last = await login(t, account, 'wrong-pass-9');
      expect(last!.statusCode).toBe(429);
      expect((last!.json() as { error: { code: string; message: string } }).error).toMatchObject({ code: 'account_locked' });
    }
    // Even the right password is refused while locked…
    expect((await login(t, 'grid-worker', PASSWORD)).statusCode).toBe(429);
    t.clock.advanceMinutes(16);
    // …and accepted once the lock has passed.
    expect((await login(t, 'grid-worker', PASSWORD)).statusCode).toBe(200);
  });

  it('rate-limits login attempts per address', async () => {
    let status = 0;
    for (let i = 0; i < 25 && status !== 429; i++) {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { account: `x${i}-user`, password: 'a' }, remoteAddress: '10.9.9.9' });
      status = res.statusCode;
    }
    expect(status).toBe(429);
  });

  it('requires the CSRF token on state-changing requests with a session', async () => {
    const s = await sessionFor(t.app, t.world.users.resident);
    const without = await t.app.inject({ method: 'PATCH', url: '/api/v1/me/preferences', headers: { cookie: s.cookie }, payload: { elderMode: true } });
    expect(without.statusCode).toBe(403);
    expect((without.json() as { error: { code: string } }).error.code).toBe('csrf_failed');
    const wrong = await t.app.inject({ method: 'PATCH', url: '/api/v1/me/preferences', headers: { cookie: s.cookie, 'x-csrf-token': 'forged' }, payload: { elderMode: true } });
    expect(wrong.statusCode).toBe(403);
    const ok = await t.app.inject({ method: 'PATCH', url: '/api/v1/me/preferences', headers: s.headers, payload: { elderMode: true } });
    expect(ok.statusCode).toBe(200);
    const me = await t.app.inject({ url: '/api/v1/me', headers: s.headers });
    expect((me.json() as { preferences: { elderMode: boolean } }).preferences.elderMode).toBe(true);
  });

  it('logs out: the session no longer works', async () => {
    const s = await sessionFor(t.app, t.world.users.resident);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: s.headers })).statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/v1/me', headers: s.headers })).statusCode).toBe(401);
  });

  it('changes a password, ending the other sessions but keeping this one', async () => {
    const a = await sessionFor(t.app, t.world.users.org_representative);
    const b = await sessionFor(t.app, t.world.users.org_representative);
    const bad = await t.app.inject({ method: 'POST', url: '/api/v1/auth/password', headers: a.headers, payload: { currentPassword: 'not-it-1', newPassword: 'NewPassw0rd' } });
    expect((bad.json() as { error: { code: string } }).error.code).toBe('wrong_password');
    const weak = await t.app.inject({ method: 'POST', url: '/api/v1/auth/password', headers: a.headers, payload: { currentPassword: PASSWORD, newPassword: 'short' } });
    expect(weak.statusCode).toBe(400);
    const ok = await t.app.inject({ method: 'POST', url: '/api/v1/auth/password', headers: a.headers, payload: { currentPassword: PASSWORD, newPassword: 'NewPassw0rd' } });
    expect(ok.statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/v1/me', headers: a.headers })).statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/v1/me', headers: b.headers })).statusCode).toBe(401);
    expect((await login(t, 'org-representative', 'NewPassw0rd')).statusCode).toBe(200);
  });

  it('lets a resident claim an account with a one-time code, exactly once', async () => {
    const staff = await sessionFor(t.app, t.world.users.community_staff);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: staff.headers,
      payload: { displayName: '张大爷', roles: [{ role: 'resident', placeId: t.world.a.id }] },
    });
    expect(created.statusCode).toBe(201);
    const { user, claimCode } = created.json() as { user: { id: string; status: string }; claimCode: { code: string } };
    expect(user.status).toBe('unclaimed');
    // An unclaimed account cannot log in.
    expect((await login(t, user.id, 'anything-1')).statusCode).toBe(401);
    const wrong = await t.app.inject({ method: 'POST', url: '/api/v1/auth/claim', payload: { code: 'AAAA-BBBB', username: 'zhang-daye', password: 'Zhang12345' } });
    expect((wrong.json() as { error: { code: string } }).error.code).toBe('claim_code_invalid');
    const claim = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/claim',
      payload: { code: claimCode.code.toLowerCase(), username: 'zhang-daye', phone: '13912345678', password: 'Zhang12345' },
    });
    expect(claim.statusCode).toBe(200);
    const me = await t.app.inject({ url: '/api/v1/me', headers: { cookie: cookieOf(claim) } });
    expect(me.json()).toMatchObject({ displayName: '张大爷', username: 'zhang-daye', phoneMasked: '139****5678' });
    const again = await t.app.inject({ method: 'POST', url: '/api/v1/auth/claim', payload: { code: claimCode.code, password: 'Zhang12345' } });
    expect(again.statusCode).toBe(400);
    expect((await login(t, '13912345678', 'Zhang12345')).statusCode).toBe(200);
  });

  it('records staff acting on a resident’s behalf, and refuses non-residents', async () => {
    const staff = await sessionFor(t.app, t.world.users.community_staff);
    const notResident = await t.app.inject({ method: 'POST', url: '/api/v1/me/on-behalf', headers: staff.headers, payload: { residentUserId: t.world.users.community_admin, reason: '代为登记' } });
    expect(notResident.statusCode).toBe(404);
    const start = await t.app.inject({ method: 'POST', url: '/api/v1/me/on-behalf', headers: staff.headers, payload: { residentUserId: t.world.users.resident, reason: '老人来电，代为登记' } });
    expect(start.statusCode).toBe(200);
    const me = await t.app.inject({ url: '/api/v1/me', headers: staff.headers });
    expect((me.json() as { onBehalfOf: { id: string } }).onBehalfOf.id).toBe(t.world.users.resident);
    // A write made meanwhile names both people in the audit log.
    await t.app.inject({ method: 'PATCH', url: '/api/v1/me/preferences', headers: staff.headers, payload: { locale: 'en-US' } });
    const admin = await sessionFor(t.app, t.world.users.community_admin);
    const log = await t.app.inject({ url: `/api/v1/audit-log?actorUserId=${t.world.users.community_staff}`, headers: admin.headers });
    const items = (log.json() as { items: { action: string; onBehalfOfUserId: string | null }[] }).items;
    expect(items.find((i) => i.action === 'user.preferences_changed')?.onBehalfOfUserId).toBe(t.world.users.resident);
    expect(items.some((i) => i.action === 'session.on_behalf_started')).toBe(true);
    expect((await t.app.inject({ method: 'DELETE', url: '/api/v1/me/on-behalf', headers: staff.headers })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'DELETE', url: '/api/v1/me/on-behalf', headers: staff.headers })).statusCode).toBe(409);
  });

  it('signs a disabled account out everywhere and refuses its login', async () => {
    const victim = await sessionFor(t.app, t.world.users.building_leader);
    const admin = await sessionFor(t.app, t.world.users.community_admin);
    const res = await t.app.inject({ method: 'PATCH', url: `/api/v1/users/${t.world.users.building_leader}`, headers: admin.headers, payload: { status: 'disabled' } });
    expect(res.statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/v1/me', headers: victim.headers })).statusCode).toBe(401);
    expect((await login(t, 'building-leader', PASSWORD)).statusCode).toBe(401);
  });
});
