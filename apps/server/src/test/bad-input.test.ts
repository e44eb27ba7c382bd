import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dialects } from './dialects.js';
import { sessionFor, testApp, type Session } from './fixtures.js';

const garbage = '\uD800\uDFFF\u0000\u202E𠜎\uFFFF' + '乱码'.repeat(10) + '\u0007';
const deep = JSON.parse('['.repeat(200) + ']'.repeat(200)) as unknown;

/** Bodies every route must survive with a 4xx (or a success), never a 5xx. */
const bodies: { name: string; payload: string; contentType?: string }[] = [
  { name: 'malformed JSON', payload: '{"name": "x",' },
  { name: 'empty JSON', payload: '' },
  { name: 'JSON null', payload: 'null' },
  { name: 'JSON array', payload: '[1,2,3]' },
  { name: 'a bare string', payload: '"hello"' },
  { name: 'a huge number', payload: '1e999999' },
  { name: 'oversized', payload: JSON.stringify({ name: 'x'.repeat(400 * 1024) }) },
  { name: 'wrong types', payload: JSON.stringify({ name: 12, kind: [], parentId: {}, account: false, password: 1, roles: 'x', elderMode: 'yes', reason: null, code: 7 }) },
  { name: 'unicode garbage', payload: JSON.stringify({ name: garbage, kind: garbage, parentId: garbage, account: garbage, password: garbage, displayName: garbage, code: garbage, reason: garbage, residentUserId: garbage }) },
  { name: 'deep nesting', payload: JSON.stringify({ name: deep, roles: deep }) },
  { name: 'prototype pollution', payload: '{"__proto__": {"admin": true}, "constructor": {"prototype": {"x": 1}}}' },
  { name: 'form encoded', payload: 'name=x&kind=grid', contentType: 'application/x-www-form-urlencoded' },
  { name: 'plain text', payload: 'hello', contentType: 'text/plain' },
];

const badIds = ['%00', '..%2F..%2Fetc', 'x'.repeat(300), '%F0%9F%92%A9', "1'%20OR%201=1--"];
const badQueries = ['?limit=-1', '?limit=abc', '?offset=1e99', '?depth=99', '?includeRetired=maybe', '?from=yesterday', '?q=' + encodeURIComponent(garbage), '?before=%00'];

describe.each(dialects)('bad input never yields a 5xx (%s)', (dialect) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let admin: Session;
  beforeAll(async () => {
    t = await testApp(dialect);
  });
  // Fresh each time: some routes (logout) end the session they are called with.
  beforeEach(async () => {
    admin = await sessionFor(t.app, t.world.users.community_admin);
  });
  afterAll(() => t.close());

  it('answers every route with every bad body as a 4xx', async () => {
    const failures: string[] = [];
    for (const route of t.app.apiRoutes) {
      if (route.method === 'GET' || route.url === '/api/v1/auth/logout') continue;
      const url = route.url.replace(':id', t.world.g1.estate.id).replace(':roleId', t.world.g1.estate.id);
      for (const b of bodies) {
        const res = await t.app.inject({
          method: route.method as 'POST',
          url,
          headers: { ...admin.headers, 'content-type': b.contentType ?? 'application/json' },
          payload: b.payload,
        });
        if (res.statusCode >= 500) failures.push(`${route.method} ${url} with ${b.name}: ${res.statusCode} ${res.body.slice(0, 120)}`);
        if (res.statusCode >= 400) {
          const err = (res.json() as { error?: { code?: unknown; message?: unknown } }).error;
          if (typeof err?.code !== 'string' || typeof err.message !== 'string') failures.push(`${route.method} ${url} with ${b.name}: no error body`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('answers bad ids and bad query strings as a 4xx', async () => {
    const failures: string[] = [];
    for (const route of t.app.apiRoutes) {
      const urls = route.url.includes(':')
        ? badIds.map((id) => route.url.replace(':id', id).replace(':roleId', id))
        : badQueries.map((q) => route.url + q);
      for (const url of urls) {
        const res = await t.app.inject({ method: route.method as 'GET', url, headers: admin.headers, ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { payload: {} }) });
        if (res.statusCode >= 500) failures.push(`${route.method} ${url}: ${res.statusCode} ${res.body.slice(0, 120)}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('names the field in validation errors, in Chinese by default and English on request', async () => {
    const zh = await t.app.inject({ method: 'POST', url: '/api/v1/places', headers: admin.headers, payload: { kind: 'grid', name: '', parentId: t.world.a.id } });
    expect(zh.statusCode).toBe(400);
    const zhBody = zh.json() as { error: { code: string; message: string; details: { field: string; message: string }[] } };
    expect(zhBody.error.code).toBe('validation_failed');
    expect(zhBody.error.message).toMatch(/[\u4e00-\u9fff]/);
    expect(zhBody.error.details.map((d) => d.field)).toContain('body.name');
    expect(zhBody.error.details.find((d) => d.field === 'body.name')).toMatchObject({ code: 'too_small' });
    const en = await t.app.inject({ method: 'POST', url: '/api/v1/places', headers: { ...admin.headers, 'accept-language': 'en-US,en;q=0.9' }, payload: { kind: 'grid', parentId: t.world.a.id } });
    const enBody = en.json() as { error: { message: string; details: { field: string; message: string }[] } };
    expect(enBody.error.message).toMatch(/invalid/i);
    expect(enBody.error.details.find((d) => d.field === 'body.name')!.message).toMatch(/expected string/i);
    // A schema's own message (a code the web maps) is kept in every language.
    const weak = await t.app.inject({ method: 'POST', url: '/api/v1/auth/password', headers: admin.headers, payload: { currentPassword: 'x', newPassword: 'abcdefghij' } });
    expect((weak.json() as { error: { details: { message: string }[] } }).error.details[0]!.message).toBe('weak_password');
  });

  it('writes nothing when a request fails half-way', async () => {
    const before = await t.app.inject({ url: `/api/v1/places/${t.world.a.id}`, headers: admin.headers });
    // A duplicate name is detected inside the transaction, after validation: nothing may be left behind.
    const dup = await t.app.inject({ method: 'POST', url: '/api/v1/places', headers: admin.headers, payload: { kind: 'grid', name: '第一网格', parentId: t.world.a.id } });
    expect(dup.statusCode).toBe(409);
    const after = await t.app.inject({ url: `/api/v1/places/${t.world.a.id}`, headers: admin.headers });
    expect(after.json()).toEqual(before.json());
  });
});
