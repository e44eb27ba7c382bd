import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roles, type RoleOrPublic } from '@gongzhi/shared';
import { definePolicy } from '../lib/policy.js';
import { buildApp } from '../app.js';
import { dialects, createTestDeps } from './dialects.js';
import { sessionFor, testApp } from './fixtures.js';
import { organisationsAuthz } from '../modules/organisations/organisations.authz.js';
import { registersAuthz } from '../modules/registers/registers.authz.js';
import { transferAuthz } from '../modules/transfer/transfer.authz.js';
import { triageAuthz } from '../modules/triage/triage.authz.js';
import { filesAuthz } from '../modules/files/files.authz.js';
import { requestsAuthz } from '../modules/requests/requests.authz.js';
import { notificationsAuthz } from '../modules/notifications/notifications.authz.js';
import { open311Authz } from '../modules/open311/open311.authz.js';
import { analysisAuthz } from '../modules/analysis/analysis.authz.js';
import { visitsAuthz } from '../modules/visits/visits.authz.js';
import { topicsAuthz } from '../modules/topics/topics.authz.js';
import { covenantAuthz } from '../modules/covenant/covenant.authz.js';
import { meetingsAuthz } from '../modules/meetings/meetings.authz.js';
import { covenantPledgesAuthz } from '../modules/covenant-pledges/covenant-pledges.authz.js';
import { electionsAuthz } from '../modules/elections/elections.authz.js';
import { disclosureAuthz } from '../modules/disclosure/disclosure.authz.js';
import { feeBoardsAuthz } from '../modules/fee-boards/fee-boards.authz.js';
import { reviewsAuthz } from '../modules/reviews/reviews.authz.js';
import { ledgerAuthz } from '../modules/ledger/ledger.authz.js';

const everyone: RoleOrPublic[] = ['public', ...roles];
const signedIn: RoleOrPublic[] = [...roles];
const admins: RoleOrPublic[] = ['subdistrict_admin', 'community_admin'];
const managers: RoleOrPublic[] = ['subdistrict_admin', 'community_admin', 'community_staff'];
const placeViewers: RoleOrPublic[] = [...managers, 'grid_worker', 'building_leader'];
const faceToFace: RoleOrPublic[] = ['community_admin', 'community_staff', 'grid_worker'];

/**
 * Who may call each route at all. A route missing here fails the test, so a new route cannot ship without a
 * deliberate entry; record-level scoping (which place, which user) is tested in each module.
 */
const expected: Record<string, RoleOrPublic[]> = {
  'POST /api/v1/auth/login': everyone,
  'POST /api/v1/auth/claim': everyone,
  'POST /api/v1/auth/logout': signedIn,
  'POST /api/v1/auth/password': signedIn,
  'GET /api/v1/me': signedIn,
  'PATCH /api/v1/me/preferences': signedIn,
  'POST /api/v1/me/on-behalf': faceToFace,
  'DELETE /api/v1/me/on-behalf': faceToFace,
  'GET /api/v1/places/tree': placeViewers,
  'GET /api/v1/places/:id': placeViewers,
  'GET /api/v1/places/:id/history': placeViewers,
  'POST /api/v1/places': managers,
  'PATCH /api/v1/places/:id': managers,
  'POST /api/v1/places/:id/move': managers,
  'POST /api/v1/places/:id/retire': managers,
  'POST /api/v1/places/:id/restore': managers,
  'GET /api/v1/users': managers,
  'POST /api/v1/users': managers,
  'GET /api/v1/users/:id': managers,
  'PATCH /api/v1/users/:id': managers,
  'POST /api/v1/users/:id/roles': managers,
  'DELETE /api/v1/users/:id/roles/:roleId': managers,
  'POST /api/v1/users/:id/claim-code': managers,
  'GET /api/v1/audit-log': admins,
  'GET /api/v1/audit-log/actions': admins,
  'GET /api/v1/public/communities': everyone,
  ...registersAuthz,
  ...organisationsAuthz,
  ...transferAuthz,
  ...triageAuthz,
  ...filesAuthz,
  ...requestsAuthz,
  ...notificationsAuthz,
  ...open311Authz,
  ...analysisAuthz,
  ...visitsAuthz,
  ...topicsAuthz,
  ...covenantAuthz,
  ...meetingsAuthz,
  ...covenantPledgesAuthz,
  ...disclosureAuthz,
  ...feeBoardsAuthz,
  ...reviewsAuthz,
  ...ledgerAuthz,
  ...electionsAuthz,
};

describe.each(dialects)('authorisation matrix (%s)', (dialect) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  beforeAll(async () => {
    t = await testApp(dialect);
  });
  afterAll(() => t.close());

  it('has an expectation for every registered route, and no stale ones', () => {
    const registered = t.app.apiRoutes.map((r) => `${r.method} ${r.url}`).sort();
    expect(registered).toEqual(Object.keys(expected).sort());
  });

  it('allows and denies every route for every role as expected', async () => {
    const failures: string[] = [];
    for (const route of t.app.apiRoutes) {
      const key = `${route.method} ${route.url}`;
      for (const role of everyone) {
        // A fresh session per call: logout and password changes must not spoil the next request.
        const headers: Record<string, string> = role === 'public' ? {} : (await sessionFor(t.app, t.world.users[role])).headers;
        const url = route.url.replace(/:[a-zA-Z]+/g, t.world.g1.dwelling.id);
        const res = await t.app.inject({ method: route.method as 'GET', url, headers, ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { payload: {} }) });
        // Allowed downloads (.xlsx, .pdf) are not JSON; refusals always are.
        const body = (String(res.headers['content-type']).includes('json') ? res.json() : {}) as { error?: { code: string; details?: { policy?: string } } };
        const denied = res.statusCode === 401 || (res.statusCode === 403 && body.error?.details?.policy !== undefined);
        const shouldAllow = expected[key]?.includes(role) ?? false;
        if (res.statusCode >= 500) failures.push(`${key} as ${role}: ${res.statusCode}`);
        if (denied === shouldAllow) failures.push(`${key} as ${role}: expected ${shouldAllow ? 'allow' : 'deny'}, got ${res.statusCode} ${res.body.slice(0, 80)}`);
      }
    }
    expect(failures).toEqual([]);
    // Every route × every role, each with a fresh session: well over a thousand requests.
  }, 180_000);
});

describe('a route without a policy', () => {
  it('stops the app from starting', async () => {
    const { deps, cleanup } = await createTestDeps('sqlite');
    const app = await buildApp(deps, { logger: false, webDir: null });
    app.get('/api/v1/forgotten', async () => ({ ok: true }));
    await expect(app.ready()).rejects.toThrow(/without a policy: GET \/api\/v1\/forgotten/);
    await app.close().catch(() => undefined);
    await cleanup();
  });

  it('is allowed once it declares one', async () => {
    const { deps, cleanup } = await createTestDeps('sqlite');
    const app = await buildApp(deps, { logger: false, webDir: null });
    app.get('/api/v1/remembered', { config: { policy: definePolicy('test', () => true) } }, async () => ({ ok: true }));
    await app.ready();
    expect((await app.inject({ url: '/api/v1/remembered' })).statusCode).toBe(200);
    await app.close();
    await cleanup();
  });
});
