import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../test/dialects.js';
import { sessionFor, testApp, type Session } from '../../test/fixtures.js';
import { createUser } from '../users/users.service.js';
import { addOrganisation } from './test-factories.js';

type T = Awaited<ReturnType<typeof testApp>>;
type Rule = { id: string; communityId: string; categoryId: string; placeId: string | null; placeName: string | null; kind: string; userId: string | null; organisationId: string | null; assigneeName: string };
const err = (res: { json(): unknown }) => (res.json() as { error: { code: string } }).error.code;

describe.each(dialects)('routing rules (%s)', (dialect) => {
  let t: T;
  let admin: Session;
  let adminB: Session;
  let grid: Session;
  let categoryId: string;
  let categoryB: string;
  beforeAll(async () => {
    t = await testApp(dialect);
    admin = await sessionFor(t.app, t.world.users.community_admin);
    adminB = await sessionFor(t.app, t.world.adminB);
    grid = await sessionFor(t.app, t.world.users.grid_worker);
    const list = (await t.app.inject({ url: '/api/v1/request-categories', headers: admin.headers }).then((r) => r.json())) as { items: { id: string }[] };
    categoryId = list.items[0]!.id;
    const listB = (await t.app.inject({ url: '/api/v1/request-categories', headers: adminB.headers }).then((r) => r.json())) as { items: { id: string }[] };
    categoryB = listB.items[0]!.id;
  });
  afterAll(() => t.close());

  const post = (s: Session, payload: unknown) => t.app.inject({ method: 'POST', url: '/api/v1/routing-rules', headers: s.headers, payload: payload as object });

  it('routes to a grid worker at a building and to a property company for the whole community', async () => {
    const toWorker = await post(admin, { categoryId, placeId: t.world.g1.building.id, kind: 'user', userId: t.world.users.grid_worker });
    expect(toWorker.statusCode, toWorker.body).toBe(201);
    expect(toWorker.json()).toMatchObject({ communityId: t.world.a.id, placeId: t.world.g1.building.id, placeName: '1栋', kind: 'user', userId: t.world.users.grid_worker, assigneeName: '用户4' });
    const org = await addOrganisation(t.deps, { communityId: t.world.a.id, name: '安居物业' });
    const toOrg = await post(admin, { categoryId, kind: 'organisation', organisationId: org });
    expect(toOrg.statusCode, toOrg.body).toBe(201);
    expect(toOrg.json()).toMatchObject({ placeId: null, kind: 'organisation', organisationId: org, assigneeName: '安居物业' });
    const list = (await t.app.inject({ url: `/api/v1/routing-rules?categoryId=${categoryId}`, headers: admin.headers }).then((r) => r.json())) as { items: Rule[] };
    expect(list.items.map((r) => r.assigneeName).sort()).toEqual(['安居物业', '用户4']);
    // Another community's admin sees none of them and cannot delete them.
    const listB = (await t.app.inject({ url: '/api/v1/routing-rules', headers: adminB.headers }).then((r) => r.json())) as { items: Rule[] };
    expect(listB.items).toEqual([]);
    const id = (toOrg.json() as Rule).id;
    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/routing-rules/${id}`, headers: adminB.headers })).statusCode).toBe(404);
    const del = await t.app.inject({ method: 'DELETE', url: `/api/v1/routing-rules/${id}`, headers: admin.headers });
    expect(del.statusCode, del.body).toBe(200);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/routing-rules/${id}`, headers: admin.headers })).statusCode).toBe(404);
    const audit = await t.deps.db.selectFrom('audit_log').select('action').where('target_id', '=', id).execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['routing_rule.created', 'routing_rule.deleted']);
  });

  it('refuses assignees who cannot handle the community’s requests', async () => {
    const otherOrg = await addOrganisation(t.deps, { communityId: t.world.b.id, name: '乙物业' });
    const retired = await addOrganisation(t.deps, { communityId: t.world.a.id, name: '已撤销物业', retired: true });
    const partyOrg = await addOrganisation(t.deps, { communityId: t.world.a.id, name: '甲社区党委', kind: 'party_org' });
    const { user: disabled } = await createUser(t.deps, null, { displayName: '停用网格员', username: 'gw-disabled', password: 'Passw0rd-test', roles: [{ role: 'grid_worker', placeId: t.world.g2.grid.id }] });
    await t.deps.db.updateTable('users').set({ status: 'disabled' }).where('id', '=', disabled.id).execute();
    const cases: [string, unknown][] = [
      ['a resident', { kind: 'user', userId: t.world.users.resident }],
      ['a building leader', { kind: 'user', userId: t.world.users.building_leader }],
      ['staff of another community', { kind: 'user', userId: t.world.adminB }],
      ['a disabled grid worker', { kind: 'user', userId: disabled.id }],
      ['an organisation of another community', { kind: 'organisation', organisationId: otherOrg }],
      ['a retired organisation', { kind: 'organisation', organisationId: retired }],
      ['a party organisation', { kind: 'organisation', organisationId: partyOrg }],
      ['a user given as an organisation', { kind: 'organisation', organisationId: t.world.users.grid_worker }],
      ['no assignee', { kind: 'user' }],
      ['both at once', { kind: 'user', userId: t.world.users.grid_worker, organisationId: otherOrg }],
      ['an unknown user', { kind: 'user', userId: 'no-such-user' }],
    ];
    for (const [name, body] of cases) {
      const res = await post(admin, { categoryId, ...(body as object) });
      expect(res.statusCode, name).toBe(400);
      expect(err(res), name).toBe('assignee_invalid');
    }
    // The place must lie in the category's community.
    expect(err(await post(admin, { categoryId, placeId: t.world.gb.building.id, kind: 'user', userId: t.world.users.grid_worker }))).toBe('request_place_invalid');
    // Another community's category is invisible; a bad kind is a validation error; grid workers may not write.
    expect((await post(admin, { categoryId: categoryB, kind: 'user', userId: t.world.users.grid_worker })).statusCode).toBe(404);
    expect((await post(admin, { categoryId, kind: 'robot', userId: t.world.users.grid_worker })).statusCode).toBe(400);
    expect((await post(grid, { categoryId, kind: 'user', userId: t.world.users.grid_worker })).statusCode).toBe(403);
    const rules = await t.deps.db.selectFrom('routing_rules').select('id').where('created_by', '=', t.world.users.community_admin).execute();
    expect(rules.length).toBe(1); // only the grid worker's rule of the first test remains
  });
});
