import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { createTestDeps, dialects } from './dialects.js';
import { testApp } from './fixtures.js';

describe.each(dialects)('API surface (%s)', (dialect) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  beforeAll(async () => {
    t = await testApp(dialect);
  });
  afterAll(() => t.close());

  it('answers health and readiness', async () => {
    expect((await t.app.inject({ url: '/healthz' })).statusCode).toBe(200);
    const ready = await t.app.inject({ url: '/readyz' });
    expect(ready.json()).toEqual({ ok: true, database: dialect });
  });

  it('answers /me with 401 when not logged in', async () => {
    const res = await t.app.inject({ url: '/api/v1/me' });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({ error: { code: 'not_authenticated', message: '请先登录' } });
  });

  it('documents every API route in OpenAPI 3, generated from the zod schemas', async () => {
    const res = await t.app.inject({ url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json() as { openapi: string; paths: Record<string, Record<string, { requestBody?: unknown }>> };
    expect(doc.openapi).toMatch(/^3\./);
    for (const r of t.app.apiRoutes) {
      const p = r.url.replace(/:(\w+)/g, '{$1}');
      expect(doc.paths[p]?.[r.method.toLowerCase()], `${r.method} ${p}`).toBeDefined();
    }
    expect(JSON.stringify(doc.paths['/api/v1/places']?.post?.requestBody)).toContain('parentId');
    expect((await t.app.inject({ url: '/api/docs' })).statusCode).toBeLessThan(400);
  });

  it('shows the public portal its communities without a login', async () => {
    const res = await t.app.inject({ url: '/api/v1/public/communities' });
    const items = (res.json() as { items: { name: string; subdistrictName: string; counts: Record<string, number> }[] }).items;
    expect(items.map((c) => c.name).sort()).toEqual(['乙社区', '甲社区']);
    expect(items.find((c) => c.name === '甲社区')).toMatchObject({ subdistrictName: '测试街道', counts: { grid: 2, dwelling: 2 } });
  });

  it('answers unknown API paths with a stable code', async () => {
    const res = await t.app.inject({ url: '/api/v1/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect((res.json() as { error: { code: string } }).error.code).toBe('route_not_found');
  });
});

describe('readiness without a database', () => {
  it('answers 503 when the database is gone', async () => {
    const { deps, cleanup } = await createTestDeps('sqlite');
    const app = await buildApp(deps, { logger: false, webDir: null });
    await deps.handle.close();
    expect((await app.inject({ url: '/readyz' })).statusCode).toBe(503);
    await app.close();
    await cleanup().catch(() => undefined);
  });
});
