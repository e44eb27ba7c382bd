import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlaceTreeNode } from '@gongzhi/shared';
import { dialects } from '../../test/dialects.js';
import { sessionFor, testApp, type Session } from '../../test/fixtures.js';

type T = Awaited<ReturnType<typeof testApp>>;
const err = (res: { json(): unknown }) => (res.json() as { error: { code: string } }).error.code;
const names = (nodes: PlaceTreeNode[]): string[] => nodes.flatMap((n) => [n.name, ...names(n.children)]);

describe.each(dialects)('places (%s)', (dialect) => {
  let t: T;
  let admin: Session;
  let grid: Session;
  beforeAll(async () => {
    t = await testApp(dialect);
    admin = await sessionFor(t.app, t.world.users.community_admin);
    grid = await sessionFor(t.app, t.world.users.grid_worker);
  });
  afterAll(() => t.close());

  const post = (s: Session, url: string, payload: Record<string, unknown>) => t.app.inject({ method: 'POST', url, headers: s.headers, payload });

  it('shows each actor their part of the tree with counts per node', async () => {
    const res = await t.app.inject({ url: '/api/v1/places/tree', headers: admin.headers });
    const { roots } = res.json() as { roots: PlaceTreeNode[] };
    expect(roots.map((r) => r.name)).toEqual(['甲社区']);
    expect(roots[0]!.counts).toEqual({ grid: 2, estate: 2, building: 2, entrance: 2, dwelling: 2 });
    expect(roots[0]!.children.find((c) => c.name === '第一网格')!.counts).toEqual({ estate: 1, building: 1, entrance: 1, dwelling: 1 });
    const shallow = await t.app.inject({ url: '/api/v1/places/tree?depth=1', headers: admin.headers });
    const firstLevel = (shallow.json() as { roots: PlaceTreeNode[] }).roots[0]!.children;
    expect(firstLevel.every((c) => c.children.length === 0 && c.childCount === 1)).toBe(true);
    const sub = await t.app.inject({ url: `/api/v1/places/tree?rootId=${t.world.g1.grid.id}&depth=1`, headers: admin.headers });
    expect((sub.json() as { roots: PlaceTreeNode[] }).roots.map((r) => r.name)).toEqual(['第一网格']);
  });

  it('keeps a grid worker inside their grid', async () => {
    const tree = await t.app.inject({ url: '/api/v1/places/tree', headers: grid.headers });
    const all = names((tree.json() as { roots: PlaceTreeNode[] }).roots);
    expect(all).toContain('第一网格');
    expect(all).not.toContain('第二网格');
    expect((await t.app.inject({ url: `/api/v1/places/${t.world.g2.estate.id}`, headers: grid.headers })).statusCode).toBe(404);
    expect((await t.app.inject({ url: `/api/v1/places/${t.world.gb.grid.id}`, headers: grid.headers })).statusCode).toBe(404);
    // Places above the grid are named in breadcrumbs only: their details and history stay hidden.
    expect((await t.app.inject({ url: `/api/v1/places/${t.world.a.id}`, headers: grid.headers })).statusCode).toBe(404);
    expect((await t.app.inject({ url: `/api/v1/places/${t.world.a.id}/history`, headers: grid.headers })).statusCode).toBe(404);
    const fromAbove = await t.app.inject({ url: `/api/v1/places/tree?rootId=${t.world.a.id}`, headers: grid.headers });
    expect(names((fromAbove.json() as { roots: PlaceTreeNode[] }).roots)).not.toContain('第二网格');
    const own = await t.app.inject({ url: `/api/v1/places/${t.world.g1.building.id}`, headers: grid.headers });
    expect(own.statusCode).toBe(200);
    // Ancestors are named for the breadcrumb even though they are above the grid.
    expect((own.json() as { ancestors: { name: string }[] }).ancestors.map((a) => a.name)).toEqual(['测试街道', '甲社区', '第一网格', '第一网格小区']);
    // Nor may a grid worker change places.
    expect((await post(grid, '/api/v1/places', { kind: 'dwelling', name: '102室', parentId: t.world.g1.entrance.id })).statusCode).toBe(403);
  });

  it('keeps a community admin out of another community', async () => {
    expect((await t.app.inject({ url: `/api/v1/places/${t.world.gb.estate.id}`, headers: admin.headers })).statusCode).toBe(404);
    expect((await post(admin, '/api/v1/places', { kind: 'estate', name: '越界小区', parentId: t.world.gb.grid.id })).statusCode).toBe(404);
  });

  it('creates places only under a parent of the kind above', async () => {
    const ok = await post(admin, '/api/v1/places', { kind: 'estate', name: '新建小区', parentId: t.world.g1.grid.id });
    expect(ok.statusCode).toBe(201);
    const wrongKind = await post(admin, '/api/v1/places', { kind: 'dwelling', name: '101室', parentId: t.world.g1.grid.id });
    expect(err(wrongKind)).toBe('invalid_parent');
    const dup = await post(admin, '/api/v1/places', { kind: 'estate', name: '新建小区', parentId: t.world.g1.grid.id });
    expect(err(dup)).toBe('duplicate_place_name');
    const root = await post(admin, '/api/v1/places', { kind: 'subdistrict', name: '另一街道', parentId: null });
    expect(root.statusCode).toBe(400);
  });

  it('renames, moves, retires and restores, keeping the history', async () => {
    const created = await post(admin, '/api/v1/places', { kind: 'building', name: '9栋', parentId: t.world.g1.estate.id });
    const id = (created.json() as { id: string }).id;
    const entrance = await post(admin, '/api/v1/places', { kind: 'entrance', name: '1单元', parentId: id });
    const entranceId = (entrance.json() as { id: string }).id;

    const renamed = await t.app.inject({ method: 'PATCH', url: `/api/v1/places/${id}`, headers: admin.headers, payload: { name: '九栋' } });
    expect((renamed.json() as { name: string }).name).toBe('九栋');

    // Move to the second grid's estate: the subtree follows.
    const moved = await post(admin, `/api/v1/places/${id}/move`, { parentId: t.world.g2.estate.id });
    expect(moved.statusCode).toBe(200);
    const child = await t.app.inject({ url: `/api/v1/places/${entranceId}`, headers: admin.headers });
    expect((child.json() as { ancestors: { name: string }[] }).ancestors.map((a) => a.name)).toContain('第二网格');
    // The grid worker of grid one no longer sees it.
    expect((await t.app.inject({ url: `/api/v1/places/${entranceId}`, headers: grid.headers })).statusCode).toBe(404);

    expect(err(await post(admin, `/api/v1/places/${id}/move`, { parentId: entranceId }))).toBe('move_into_own_subtree');
    expect(err(await post(admin, `/api/v1/places/${id}/move`, { parentId: t.world.g1.grid.id }))).toBe('invalid_parent');

    expect(err(await post(admin, `/api/v1/places/${id}/retire`, {}))).toBe('place_has_active_children');
    expect((await post(admin, `/api/v1/places/${entranceId}/retire`, { reason: '拆除' })).statusCode).toBe(200);
    const retired = await post(admin, `/api/v1/places/${id}/retire`, {});
    expect((retired.json() as { retiredAt: string | null }).retiredAt).not.toBeNull();
    expect(err(await t.app.inject({ method: 'PATCH', url: `/api/v1/places/${id}`, headers: admin.headers, payload: { name: 'x' } }))).toBe('place_retired');

    const tree = await t.app.inject({ url: '/api/v1/places/tree', headers: admin.headers });
    expect(names((tree.json() as { roots: PlaceTreeNode[] }).roots)).not.toContain('九栋');
    const withRetired = await t.app.inject({ url: '/api/v1/places/tree?includeRetired=true', headers: admin.headers });
    expect(names((withRetired.json() as { roots: PlaceTreeNode[] }).roots)).toContain('九栋');

    expect((await post(admin, `/api/v1/places/${id}/restore`, {})).statusCode).toBe(200);
    const history = await t.app.inject({ url: `/api/v1/places/${id}/history`, headers: admin.headers });
    expect((history.json() as { items: { change: string }[] }).items.map((h) => h.change)).toEqual(['created', 'renamed', 'moved', 'retired', 'restored']);
  });

  it('lets no manager edit the place that defines their own scope', async () => {
    const res = await t.app.inject({ method: 'PATCH', url: `/api/v1/places/${t.world.a.id}`, headers: admin.headers, payload: { name: '改名社区' } });
    expect(res.statusCode).toBe(403);
  });

  it('writes an audit entry for each change', async () => {
    const created = await post(admin, '/api/v1/places', { kind: 'estate', name: '审计小区', parentId: t.world.g2.grid.id });
    const id = (created.json() as { id: string }).id;
    const log = await t.app.inject({ url: `/api/v1/audit-log?targetId=${id}`, headers: admin.headers });
    const items = (log.json() as { items: { action: string; actorUserId: string; after: { name: string } }[] }).items;
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ action: 'place.created', actorUserId: t.world.users.community_admin, after: { name: '审计小区' } });
  });
});
