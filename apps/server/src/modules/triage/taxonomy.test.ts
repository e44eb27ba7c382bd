import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultTaxonomy } from '../../classifier/index.js';
import { dialects } from '../../test/dialects.js';
import { sessionFor, testApp, type Session } from '../../test/fixtures.js';
import { ensureTaxonomy } from './taxonomy.service.js';
import { addOrganisation, addRequest } from './test-factories.js';

type T = Awaited<ReturnType<typeof testApp>>;
type Category = { id: string; communityId: string; code: string; nameZh: string; nameEn: string; urgency: string; sortOrder: number; retired: boolean };
const err = (res: { json(): unknown }) => (res.json() as { error: { code: string } }).error.code;

describe.each(dialects)('taxonomy (%s)', (dialect) => {
  let t: T;
  let admin: Session;
  let staff: Session;
  let adminB: Session;
  let resident: Session;
  let subdistrict: Session;
  beforeAll(async () => {
    t = await testApp(dialect);
    admin = await sessionFor(t.app, t.world.users.community_admin);
    staff = await sessionFor(t.app, t.world.users.community_staff);
    adminB = await sessionFor(t.app, t.world.adminB);
    resident = await sessionFor(t.app, t.world.users.resident);
    subdistrict = await sessionFor(t.app, t.world.users.subdistrict_admin);
  });
  afterAll(() => t.close());

  const get = (s: Session, url: string) => t.app.inject({ url, headers: s.headers });
  const send = (s: Session, method: 'POST' | 'PATCH', url: string, payload: unknown) => t.app.inject({ method, url, headers: s.headers, payload: payload as object });
  const count = async (communityId: string) =>
    Number((await t.deps.db.selectFrom('request_categories').select((eb) => eb.fn.countAll<number>().as('n')).where('community_id', '=', communityId).executeTakeFirstOrThrow()).n);

  it('creates the default taxonomy once, even when first uses race', async () => {
    const { b } = t.world;
    expect(await count(b.id)).toBe(0);
    const now = t.clock.now();
    // Two transactions at once (two app servers' intakes), plus two plain calls.
    const [inTrx1, inTrx2, plain1, plain2] = await Promise.all([
      t.deps.db.transaction().execute((trx) => ensureTaxonomy(trx, b.id, now)),
      t.deps.db.transaction().execute((trx) => ensureTaxonomy(trx, b.id, now)),
      ensureTaxonomy(t.deps.db, b.id, now),
      ensureTaxonomy(t.deps.db, b.id, now.toISOString()),
    ]);
    expect(await count(b.id)).toBe(defaultTaxonomy.length);
    for (const list of [inTrx1, inTrx2, plain1, plain2]) expect(list.map((c) => c.code).sort()).toEqual(defaultTaxonomy.map((c) => c.code).sort());
    // Everyone got the same rows (the losers read the winner's).
    expect(new Set([...inTrx1, ...inTrx2, ...plain1, ...plain2].map((c) => c.id)).size).toBe(defaultTaxonomy.length);
    await ensureTaxonomy(t.deps.db, b.id, now);
    expect(await count(b.id)).toBe(defaultTaxonomy.length);
  });

  it('lists the taxonomy on first use, to staff and residents of the community only', async () => {
    const res = await get(resident, '/api/v1/request-categories');
    expect(res.statusCode, res.body).toBe(200);
    const items = (res.json() as { items: Category[] }).items;
    expect(items.map((c) => c.code)).toEqual(defaultTaxonomy.map((c) => c.code));
    expect(items.every((c) => c.communityId === t.world.a.id && !c.retired)).toBe(true);
    expect(items[0]!.nameZh).toBe(defaultTaxonomy[0]!.zh);
    // Admin of B reads B's, never A's; asking for A answers 404.
    const bList = (await get(adminB, '/api/v1/request-categories').then((r) => r.json())) as { items: Category[] };
    expect(bList.items.every((c) => c.communityId === t.world.b.id)).toBe(true);
    expect((await get(adminB, `/api/v1/request-categories?communityId=${t.world.a.id}`)).statusCode).toBe(404);
    // A subdistrict admin reads every community below.
    const all = (await get(subdistrict, '/api/v1/request-categories').then((r) => r.json())) as { items: Category[] };
    expect(new Set(all.items.map((c) => c.communityId))).toEqual(new Set([t.world.a.id, t.world.b.id]));
  });

  it('adds, renames and refuses bad or duplicate categories', async () => {
    const created = await send(staff, 'POST', '/api/v1/request-categories', { code: 'pigeons', nameZh: '鸽子扰民', nameEn: 'Pigeons', urgency: 'general' });
    expect(created.statusCode, created.body).toBe(201);
    const c = created.json() as Category;
    expect(c).toMatchObject({ code: 'pigeons', communityId: t.world.a.id, retired: false });
    expect(err(await send(admin, 'POST', '/api/v1/request-categories', { code: 'pigeons', nameZh: '又一个', nameEn: 'Again' }))).toBe('category_code_taken');
    expect(err(await send(admin, 'POST', '/api/v1/request-categories', { code: defaultTaxonomy[0]!.code, nameZh: '重复', nameEn: 'Dup' }))).toBe('category_code_taken');
    for (const bad of [{ code: 'Bad Code', nameZh: 'x', nameEn: 'x' }, { code: 'ok_code', nameZh: '', nameEn: 'x' }, { code: 'ok_code', nameZh: 'x', nameEn: 'x', urgency: 'whenever' }]) {
      expect((await send(admin, 'POST', '/api/v1/request-categories', bad)).statusCode).toBe(400);
    }
    // Residents and grid workers do not edit the taxonomy.
    expect((await send(resident, 'POST', '/api/v1/request-categories', { code: 'mine', nameZh: '我的', nameEn: 'Mine' })).statusCode).toBe(403);
    // A subdistrict admin keeps no community's settings.
    expect((await send(subdistrict, 'POST', '/api/v1/request-categories', { code: 'sd', nameZh: '街道', nameEn: 'Sd' })).statusCode).toBe(403);

    const renamed = await send(admin, 'PATCH', `/api/v1/request-categories/${c.id}`, { nameZh: '鸽子粪便', urgency: 'utility' });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({ id: c.id, code: 'pigeons', nameZh: '鸽子粪便', nameEn: 'Pigeons', urgency: 'utility' });
    // The code cannot change: an unknown field is ignored and the code stays.
    await send(admin, 'PATCH', `/api/v1/request-categories/${c.id}`, { code: 'doves' });
    expect((await t.deps.db.selectFrom('request_categories').select('code').where('id', '=', c.id).executeTakeFirstOrThrow()).code).toBe('pigeons');
    // Another community's admin cannot see it.
    expect((await send(adminB, 'PATCH', `/api/v1/request-categories/${c.id}`, { nameZh: '乙改' })).statusCode).toBe(404);
    const audit = await t.deps.db.selectFrom('audit_log').select('action').where('target_id', '=', c.id).execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['request_category.created', 'request_category.updated']));
  });

  it('refuses to retire a category open requests or routing rules use', async () => {
    const create = async (code: string) => (await send(admin, 'POST', '/api/v1/request-categories', { code, nameZh: code, nameEn: code })).json() as Category;
    const used = await create('used_by_request');
    const routed = await create('used_by_rule');
    const done = await create('only_closed');
    await addRequest(t.deps, { placeId: t.world.g1.building.id, title: '还在办的诉求', categoryId: used.id, status: 'in_progress' });
    await addRequest(t.deps, { placeId: t.world.g1.building.id, title: '办结的诉求', categoryId: done.id, status: 'closed' });
    const org = await addOrganisation(t.deps, { communityId: t.world.a.id, name: '甲物业' });
    expect((await send(admin, 'POST', '/api/v1/routing-rules', { categoryId: routed.id, kind: 'organisation', organisationId: org })).statusCode).toBe(201);

    const retire = (c: Category) => send(admin, 'POST', `/api/v1/request-categories/${c.id}/retire`, {});
    expect(err(await retire(used))).toBe('category_in_use');
    expect((await retire(used)).statusCode).toBe(409);
    expect(err(await retire(routed))).toBe('category_in_use');
    const ok = await retire(done);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ retired: true });
    // Retired ones leave the list unless asked for.
    const list = (await get(admin, '/api/v1/request-categories').then((r) => r.json())) as { items: Category[] };
    expect(list.items.some((c) => c.id === done.id)).toBe(false);
    const withRetired = (await get(admin, '/api/v1/request-categories?includeRetired=true').then((r) => r.json())) as { items: Category[] };
    expect(withRetired.items.find((c) => c.id === done.id)?.retired).toBe(true);
    expect((await send(adminB, 'POST', `/api/v1/request-categories/${used.id}/retire`, {})).statusCode).toBe(404);
  });
});
