import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../test/dialects.js';
import { sessionFor, testApp, type Session } from '../../test/fixtures.js';
import { suggestHandler } from './suggestions.service.js';
import { ensureTaxonomy } from './taxonomy.service.js';
import { addAssignment, addOrganisation, addRequest, pathOf } from './test-factories.js';

type T = Awaited<ReturnType<typeof testApp>>;

describe.each(dialects)('handler suggestions (%s)', (dialect) => {
  let t: T;
  let admin: Session;
  let categoryId: string;
  let otherCategoryId: string;
  beforeAll(async () => {
    t = await testApp(dialect);
    admin = await sessionFor(t.app, t.world.users.community_admin);
    const categories = await ensureTaxonomy(t.deps.db, t.world.a.id, t.clock.now());
    categoryId = categories[0]!.id;
    otherCategoryId = categories[1]!.id;
  });
  afterAll(() => t.close());

  const suggest = async (placeId: string, gridId: string | null, category = categoryId) =>
    suggestHandler(t.deps.db, { communityId: t.world.a.id, categoryId: category, placePath: await pathOf(t.deps, placeId), gridId, now: t.clock.now() });

  it('suggests the rule first, then the history, then the grid worker', async () => {
    const { g1, g2 } = t.world;
    // Nothing known: the grid's grid worker; a place without a grid: nobody.
    expect(await suggest(g1.dwelling.id, g1.grid.id)).toMatchObject({ kind: 'user', userId: t.world.users.grid_worker, reason: 'grid_worker' });
    expect(await suggest(t.world.a.id, null)).toBeNull();

    // History: the property company led this category's requests in grid 1 twice, staff once; other grids and
    // other categories do not count, nor does history older than 180 days.
    const property = await addOrganisation(t.deps, { communityId: t.world.a.id, name: '安居物业' });
    const lead = async (placeId: string, who: { userId?: string; organisationId?: string }, category = categoryId) => {
      const r = await addRequest(t.deps, { placeId, title: '历史诉求', categoryId: category, status: 'closed' });
      await addAssignment(t.deps, r.id, { ...who, assignedBy: t.world.users.community_admin });
    };
    await lead(g1.building.id, { organisationId: property });
    await lead(g1.dwelling.id, { organisationId: property });
    await lead(g1.building.id, { userId: t.world.users.community_staff });
    for (let i = 0; i < 3; i++) await lead(g2.building.id, { userId: t.world.users.community_staff });
    for (let i = 0; i < 3; i++) await lead(g1.building.id, { userId: t.world.users.community_staff }, otherCategoryId);
    expect(await suggest(g1.dwelling.id, g1.grid.id)).toMatchObject({ kind: 'organisation', organisationId: property, name: '安居物业', reason: 'history' });
    expect(await suggest(g2.dwelling.id, g2.grid.id)).toMatchObject({ userId: t.world.users.community_staff, reason: 'history' });
    t.clock.advanceMinutes(181 * 24 * 60);
    expect(await suggest(g1.dwelling.id, g1.grid.id)).toMatchObject({ reason: 'grid_worker' });

    // Rules: the most specific place wins; the whole-community rule covers the rest.
    const building = await addOrganisation(t.deps, { communityId: t.world.a.id, name: '1栋物业' });
    // A fresh session: the clock moved past the first one's expiry.
    const fresh = await sessionFor(t.app, t.world.users.community_admin);
    const rule = (body: object) => t.app.inject({ method: 'POST', url: '/api/v1/routing-rules', headers: fresh.headers, payload: { categoryId, ...body } });
    expect((await rule({ kind: 'user', userId: t.world.users.community_staff })).statusCode).toBe(201);
    expect((await rule({ placeId: g1.building.id, kind: 'organisation', organisationId: building })).statusCode).toBe(201);
    expect(await suggest(g1.dwelling.id, g1.grid.id)).toMatchObject({ organisationId: building, reason: 'rule' });
    expect(await suggest(g1.building.id, g1.grid.id)).toMatchObject({ organisationId: building, reason: 'rule' });
    expect(await suggest(g2.dwelling.id, g2.grid.id)).toMatchObject({ userId: t.world.users.community_staff, reason: 'rule' });
    expect(await suggest(g1.dwelling.id, g1.grid.id, otherCategoryId)).toMatchObject({ reason: 'grid_worker' });
    // A rule whose organisation has since been retired is passed over.
    await t.deps.db.updateTable('organisations').set({ retired_at: t.clock.now().toISOString() }).where('id', '=', building).execute();
    expect(await suggest(g1.dwelling.id, g1.grid.id)).toMatchObject({ userId: t.world.users.community_staff, reason: 'rule' });
  });

  it('answers a dispatcher with category, handler and duplicates for a request in scope', async () => {
    const { g1 } = t.world;
    admin = await sessionFor(t.app, t.world.users.community_admin);
    const first = await addRequest(t.deps, { placeId: g1.dwelling.id, title: '电梯坏了', text: '1栋电梯坏了不动了，老人上下楼很困难，请尽快维修' });
    const second = await addRequest(t.deps, { placeId: g1.entrance.id, title: '电梯坏了', text: '1栋电梯坏了不动，老人上下楼困难，请维修' });
    const res = await t.app.inject({ url: `/api/v1/requests/${second.id}/suggestions`, headers: admin.headers });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as {
      category: { categoryId: string; confidence: number; low: boolean; name: { zh: string }; alternatives: unknown[] };
      handler: { reason: string } | null;
      duplicates: { id: string; duplicate: boolean }[];
    };
    const categories = await ensureTaxonomy(t.deps.db, t.world.a.id, t.clock.now());
    expect(categories.map((c) => c.id)).toContain(body.category.categoryId);
    expect(body.category.low).toBe(body.category.confidence < 0.5);
    expect(body.category.name.zh).toBe(categories.find((c) => c.id === body.category.categoryId)!.name_zh);
    expect(body.handler).not.toBeNull();
    expect(body.duplicates[0]).toMatchObject({ id: first.id, duplicate: true });
    expect(body.duplicates.map((d) => d.id)).not.toContain(second.id);
    // Out of scope: 404, as if missing; grid workers and residents do not dispatch.
    const adminB = await sessionFor(t.app, t.world.adminB);
    expect((await t.app.inject({ url: `/api/v1/requests/${second.id}/suggestions`, headers: adminB.headers })).statusCode).toBe(404);
    expect((await t.app.inject({ url: '/api/v1/requests/no-such-request/suggestions', headers: admin.headers })).statusCode).toBe(404);
    const grid = await sessionFor(t.app, t.world.users.grid_worker);
    expect((await t.app.inject({ url: `/api/v1/requests/${second.id}/suggestions`, headers: grid.headers })).statusCode).toBe(403);
  });
});
