import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../test/dialects.js';
import { sessionFor, testApp, type Session } from '../../test/fixtures.js';
import { addResident } from './test-factories.js';

type T = Awaited<ReturnType<typeof testApp>>;
type Membership = { id: string; residentId: string | null; userId: string | null; personName: string; personUnit: string | null; role: string; placeName: string | null; endOn: string | null; endedAt: string | null; grantedRole: string | null };
type Me = { roles: { role: string; placeId: string }[] };
const err = (res: { json(): unknown }) => (res.json() as { error: { code: string } }).error.code;

describe.each(dialects)('memberships and posts (%s)', (dialect) => {
  let t: T;
  let admin: Session;
  let adminB: Session;
  let grid: Session;
  beforeAll(async () => {
    t = await testApp(dialect);
    admin = await sessionFor(t.app, t.world.users.community_admin);
    adminB = await sessionFor(t.app, t.world.adminB);
    grid = await sessionFor(t.app, t.world.users.grid_worker);
  });
  afterAll(() => t.close());

  const post = (s: Session, url: string, payload: unknown) => t.app.inject({ method: 'POST', url, headers: s.headers, payload: payload as object });
  const get = (s: Session, url: string) => t.app.inject({ url, headers: s.headers });
  const appoint = (body: Record<string, unknown>, s = admin) => post(s, '/api/v1/memberships', { communityId: t.world.a.id, ...body });
  const rolesOf = async (s: Session) => ((await get(s, '/api/v1/me')).json() as Me).roles.map((r) => `${r.role}@${r.placeId}`);

  it('gives a building leader’s account that building as its scope, and takes it away when the post ends', async () => {
    const r = await addResident(t.deps, { placeId: t.world.g2.dwelling.id, name: '周楼长', withAccount: true });
    const s = await sessionFor(t.app, r.userId!);
    const dwelling = `/api/v1/places/${t.world.g2.dwelling.id}`;
    expect((await get(s, dwelling)).statusCode).toBe(403);

    const res = await appoint({ residentId: r.id, role: 'building_leader', placeId: t.world.g2.building.id });
    expect(res.statusCode, res.body).toBe(201);
    const m = res.json() as Membership;
    expect(m).toMatchObject({ personName: '周楼长', residentId: r.id, userId: r.userId, grantedRole: 'building_leader', placeName: '1栋', endedAt: null });
    // The same session, cached a moment ago, sees the new scope at once.
    expect(await rolesOf(s)).toContain(`building_leader@${t.world.g2.building.id}`);
    expect((await get(s, dwelling)).statusCode).toBe(200);
    expect((await get(s, `/api/v1/places/${t.world.g1.dwelling.id}`)).statusCode).toBe(404);

    // The web may end a post without a body: the last day is then today.
    const ended = await t.app.inject({ method: 'POST', url: `/api/v1/memberships/${m.id}/end`, headers: admin.headers });
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json()).toMatchObject({ endOn: '2026-11-25', endedAt: expect.any(String) });
    expect(await rolesOf(s)).not.toContain(`building_leader@${t.world.g2.building.id}`);
    expect((await get(s, dwelling)).statusCode).toBe(403);
    expect(err(await post(admin, `/api/v1/memberships/${m.id}/end`, {}))).toBe('membership_ended');

    const audit = await t.deps.db.selectFrom('audit_log').select(['action', 'after_json']).where('target_id', '=', m.id).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['membership.created', 'membership.ended']);
    expect(audit[1]!.after_json).toContain('revokedAssignmentId');
  });

  it('reuses a role the account already held and leaves it in place when the post ends', async () => {
    const leader = await sessionFor(t.app, t.world.users.building_leader);
    const held = `building_leader@${t.world.g1.building.id}`;
    expect(await rolesOf(leader)).toContain(held);
    const res = await appoint({ userId: t.world.users.building_leader, role: 'building_leader', placeId: t.world.g1.building.id });
    expect(res.statusCode, res.body).toBe(201);
    const m = res.json() as Membership;
    expect(m.grantedRole).toBeNull();
    await post(admin, `/api/v1/memberships/${m.id}/end`, { endOn: '2026-11-20' });
    expect(await rolesOf(leader)).toContain(held);
  });

  it('hands a post’s account role to the same person’s other post at the same place', async () => {
    const r = await addResident(t.deps, { placeId: t.world.g2.dwelling.id, name: '吴网格', withAccount: true });
    const s = await sessionFor(t.app, r.userId!);
    const rc = await post(admin, '/api/v1/organisations', { communityId: t.world.a.id, kind: 'residents_committee', name: '居委会', termStartOn: '2026-01-10' });
    const first = (await appoint({ residentId: r.id, role: 'grid_worker', placeId: t.world.g2.grid.id })).json() as Membership;
    const second = (await appoint({ residentId: r.id, role: 'grid_worker', placeId: t.world.g2.grid.id, organisationId: (rc.json() as { id: string }).id })).json() as Membership;
    expect([first.grantedRole, second.grantedRole]).toEqual(['grid_worker', null]);
    const scope = `grid_worker@${t.world.g2.grid.id}`;
    await post(admin, `/api/v1/memberships/${first.id}/end`, {});
    expect(await rolesOf(s)).toContain(scope);
    const list = (await get(admin, `/api/v1/memberships?role=grid_worker`).then((x) => x.json())) as { items: Membership[] };
    expect(list.items.find((x) => x.id === second.id)!.grantedRole).toBe('grid_worker');
    await post(admin, `/api/v1/memberships/${second.id}/end`, {});
    expect(await rolesOf(s)).not.toContain(scope);
  });

  it('refuses posts that cannot be held', async () => {
    const noAccount = await addResident(t.deps, { placeId: t.world.g1.dwelling.id, name: '郑大爷' });
    expect(err(await appoint({ residentId: noAccount.id, role: 'building_leader', placeId: t.world.g1.building.id }))).toBe('membership_account_required');
    expect(err(await appoint({ personName: '外来人员', role: 'grid_worker', placeId: t.world.g1.grid.id }))).toBe('membership_account_required');
    const withAccount = await addResident(t.deps, { placeId: t.world.g1.dwelling.id, name: '钱阿姨', withAccount: true });
    expect(err(await appoint({ residentId: withAccount.id, role: 'building_leader' }))).toBe('membership_place_required');
    expect(err(await appoint({ residentId: withAccount.id, role: 'building_leader', placeId: t.world.g1.grid.id }))).toBe('membership_place_invalid');
    expect(err(await appoint({ residentId: withAccount.id, role: 'building_leader', placeId: t.world.gb.building.id }))).toBe('membership_place_invalid');
    expect(err(await appoint({ residentId: withAccount.id, role: 'estate_head', placeId: t.world.g1.building.id }))).toBe('membership_place_invalid');
    expect(err(await appoint({ role: 'volunteer' }))).toBe('membership_person_required');
    expect(err(await appoint({ residentId: withAccount.id, personName: '钱阿姨', role: 'volunteer' }))).toBe('membership_person_required');
    expect(err(await appoint({ residentId: withAccount.id, role: 'secretary' }))).toBe('validation_failed');
    const inB = await addResident(t.deps, { placeId: t.world.gb.dwelling.id, name: '乙居民' });
    expect((await appoint({ residentId: inB.id, role: 'volunteer' })).statusCode).toBe(404);
    expect((await appoint({ userId: t.world.adminB, role: 'volunteer' })).statusCode).toBe(404);
    const gone = await addResident(t.deps, { placeId: t.world.g1.dwelling.id, name: '已迁出', status: 'moved_out' });
    expect(err(await appoint({ residentId: gone.id, role: 'volunteer' }))).toBe('resident_not_living');
    expect((await appoint({ residentId: withAccount.id, role: 'estate_head', placeId: t.world.g1.estate.id })).statusCode).toBe(201);
    expect(err(await appoint({ residentId: withAccount.id, role: 'estate_head', placeId: t.world.g1.estate.id }))).toBe('membership_exists');
    expect(err(await appoint({ residentId: withAccount.id, role: 'volunteer', startOn: '2030-01-01' }))).toBe('validation_failed');
    expect(err(await appoint({ residentId: withAccount.id, role: 'volunteer', startOn: '2026-01-01', endOn: '2025-01-01' }))).toBe('validation_failed');
    expect((await appoint({ residentId: withAccount.id, role: 'bogus' })).statusCode).toBe(400);
    expect((await post(admin, '/api/v1/memberships/nope/end', {})).statusCode).toBe(404);
  });

  it('seats a part-time member from a stationed unit on the party committee', async () => {
    const unit = await post(admin, '/api/v1/organisations', { communityId: t.world.a.id, kind: 'stationed_unit', name: '区第二中学', dualReportingOn: '2024-09-01' });
    expect(unit.statusCode).toBe(201);
    const committee = (await post(admin, '/api/v1/organisations', { communityId: t.world.a.id, kind: 'party_org', partyLevel: 'committee', name: '社区党委' }).then((r) => r.json())) as { id: string };
    const secretary = await addResident(t.deps, { placeId: t.world.g1.dwelling.id, name: '陈书记' });
    expect((await appoint({ organisationId: committee.id, residentId: secretary.id, role: 'secretary', startOn: '2026-01-10' })).statusCode).toBe(201);
    const res = await appoint({ organisationId: committee.id, personName: '林校长', personUnit: '区第二中学', role: 'part_time_member' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ residentId: null, userId: null, personName: '林校长', personUnit: '区第二中学', role: 'part_time_member', grantedRole: null });
    const detail = (await get(grid, `/api/v1/organisations/${committee.id}`).then((r) => r.json())) as { organisation: { memberCount: number }; members: Membership[] };
    expect(detail.organisation.memberCount).toBe(2);
    expect(detail.members.map((m) => [m.role, m.personName])).toEqual([
      ['secretary', '陈书记'],
      ['part_time_member', '林校长'],
    ]);
  });

  it('keeps a past post as a record that grants nothing', async () => {
    const r = await addResident(t.deps, { placeId: t.world.g1.dwelling.id, name: '冯前网格员', withAccount: true });
    const res = await appoint({ residentId: r.id, role: 'grid_worker', placeId: t.world.g1.grid.id, startOn: '2020-01-01', endOn: '2023-12-31' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ endOn: '2023-12-31', endedAt: expect.any(String), grantedRole: null });
    expect(await rolesOf(await sessionFor(t.app, r.userId!))).not.toContain(`grid_worker@${t.world.g1.grid.id}`);
    const active = (await get(admin, '/api/v1/memberships?role=grid_worker').then((x) => x.json())) as { items: Membership[] };
    expect(active.items.map((m) => m.personName)).not.toContain('冯前网格员');
    const all = (await get(admin, '/api/v1/memberships?role=grid_worker&includeEnded=true').then((x) => x.json())) as { items: Membership[] };
    expect(all.items.map((m) => m.personName)).toContain('冯前网格员');
  });

  it('scopes posts to the community: others see nothing, grid workers read but do not appoint', async () => {
    const m = (await appoint({ personName: '志愿者小王', role: 'volunteer' }).then((r) => r.json())) as Membership;
    expect((await post(adminB, `/api/v1/memberships/${m.id}/end`, {})).statusCode).toBe(404);
    const inB = (await get(adminB, '/api/v1/memberships').then((r) => r.json())) as { items: Membership[] };
    expect(inB.items.map((x) => x.id)).not.toContain(m.id);
    expect((await appoint({ personName: '越界', role: 'volunteer' }, adminB)).statusCode).toBe(404);
    const seen = (await get(grid, '/api/v1/memberships').then((r) => r.json())) as { items: Membership[] };
    expect(seen.items.map((x) => x.id)).toContain(m.id);
    expect((await appoint({ personName: '网格员任命', role: 'volunteer' }, grid)).statusCode).toBe(403);
    expect((await post(grid, `/api/v1/memberships/${m.id}/end`, {})).statusCode).toBe(403);
    expect(err(await post(admin, `/api/v1/memberships/${m.id}/end`, { endOn: '2030-01-01' }))).toBe('validation_failed');
    expect((await post(admin, `/api/v1/memberships/${m.id}/end`, { endOn: 'soon' })).statusCode).toBe(400);
  });
});
