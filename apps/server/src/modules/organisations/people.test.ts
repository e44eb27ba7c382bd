import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../test/dialects.js';
import { sessionFor, testApp, type Session } from '../../test/fixtures.js';
import { addResident, idNumberFor } from './test-factories.js';

type T = Awaited<ReturnType<typeof testApp>>;
type PersonRoles = {
  memberships: { role: string; organisationName: string | null; placeName: string | null; endedAt: string | null }[];
  partyMember: { name: string; partyOrgName: string; idNumberMasked: string | null } | null;
  accountRoles: { role: string; placeId: string; placeName: string }[];
};

describe.each(dialects)('a person’s roles (%s)', (dialect) => {
  let t: T;
  let admin: Session;
  beforeAll(async () => {
    t = await testApp(dialect);
    admin = await sessionFor(t.app, t.world.users.community_admin);
  });
  afterAll(() => t.close());

  const post = async (url: string, payload: unknown) => {
    const res = await t.app.inject({ method: 'POST', url, headers: admin.headers, payload: payload as object });
    expect(res.statusCode, res.body).toBeLessThan(300);
    return res.json() as { id: string };
  };
  const rolesOf = (s: Session, residentId: string) => t.app.inject({ url: `/api/v1/people/${residentId}/roles`, headers: s.headers });

  it('shows every post, held or past, the party membership and the account’s roles', async () => {
    const idNumber = idNumberFor('1966-08-08', 41);
    const r = await addResident(t.deps, { placeId: t.world.g1.dwelling.id, name: '何楼长', idNumber, withAccount: true });
    const a = t.world.a.id;
    const branch = await post('/api/v1/organisations', { communityId: a, kind: 'party_org', partyLevel: 'branch', name: '第一网格党支部' });
    const rc = await post('/api/v1/organisations', { communityId: a, kind: 'residents_committee', name: '居民委员会', termStartOn: '2026-01-10' });
    await post('/api/v1/memberships', { communityId: a, residentId: r.id, role: 'building_leader', placeId: t.world.g1.building.id });
    await post('/api/v1/memberships', { communityId: a, organisationId: rc.id, residentId: r.id, role: 'committee_member' });
    const volunteer = await post('/api/v1/memberships', { communityId: a, residentId: r.id, role: 'volunteer', startOn: '2025-01-01' });
    await post(`/api/v1/memberships/${volunteer.id}/end`, { endOn: '2025-12-31' });
    // On the roster under the same ID number, without a link: found all the same.
    await post('/api/v1/party-members', { partyOrgId: branch.id, name: '何楼长', idNumber });
    await addResident(t.deps, { placeId: t.world.g1.dwelling.id, name: '旁人', withAccount: true });

    const res = await rolesOf(admin, r.id);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as PersonRoles;
    expect(body.memberships.map((m) => [m.role, m.endedAt === null])).toEqual([
      ['committee_member', true],
      ['building_leader', true],
      ['volunteer', false],
    ]);
    expect(body.partyMember).toMatchObject({ name: '何楼长', partyOrgName: '第一网格党支部' });
    expect(res.body).not.toContain(idNumber);
    expect(body.accountRoles.map((x) => [x.role, x.placeName]).sort()).toEqual([
      ['building_leader', '1栋'],
      ['resident', '甲社区'],
    ]);
  });

  it('finds the party membership linked to the resident directly', async () => {
    const r = await addResident(t.deps, { placeId: t.world.g2.dwelling.id, name: '曹党员' });
    const branch = await post('/api/v1/organisations', { communityId: t.world.a.id, kind: 'party_org', partyLevel: 'branch', name: '第二网格党支部' });
    await post('/api/v1/party-members', { partyOrgId: branch.id, residentId: r.id });
    const body = (await rolesOf(admin, r.id)).json() as PersonRoles;
    expect(body).toMatchObject({ memberships: [], accountRoles: [], partyMember: { name: '曹党员', partyOrgName: '第二网格党支部' } });
  });

  it('answers only for residents inside the actor’s register scope', async () => {
    const inG1 = await addResident(t.deps, { placeId: t.world.g1.dwelling.id, name: '一网格居民' });
    const inG2 = await addResident(t.deps, { placeId: t.world.g2.dwelling.id, name: '二网格居民' });
    const noHousehold = await addResident(t.deps, { placeId: t.world.a.id, name: '无户居民' });
    const s = async (userId: string) => sessionFor(t.app, userId);
    const grid = await s(t.world.users.grid_worker);
    const leader = await s(t.world.users.building_leader);
    expect((await rolesOf(grid, inG1.id)).statusCode).toBe(200);
    expect((await rolesOf(grid, inG2.id)).statusCode).toBe(404);
    expect((await rolesOf(grid, noHousehold.id)).statusCode).toBe(404);
    expect((await rolesOf(leader, inG1.id)).statusCode).toBe(200);
    expect((await rolesOf(admin, noHousehold.id)).statusCode).toBe(200);
    expect((await rolesOf(await s(t.world.adminB), inG1.id)).statusCode).toBe(404);
    expect((await rolesOf(await s(t.world.users.subdistrict_admin), inG2.id)).statusCode).toBe(200);
    expect((await rolesOf(await s(t.world.users.org_representative), inG1.id)).statusCode).toBe(403);
    expect((await rolesOf(admin, 'no-such-resident')).statusCode).toBe(404);
    expect((await rolesOf(admin, '..%2Fx')).statusCode).toBe(400);
  });
});
