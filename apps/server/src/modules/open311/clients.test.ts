import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Open311ClientView } from '@gongzhi/shared';
import { dialects } from '../../test/dialects.js';
import { testApp } from '../../test/fixtures.js';
import { ok, sessions, type T } from '../notifications/test-api.js';

describe.each(dialects)('Open311 integrations in the console (%s)', (dialect) => {
  let t: T;
  let s: Awaited<ReturnType<typeof sessions>>;
  beforeAll(async () => {
    t = await testApp(dialect);
    s = await sessions(t);
  });
  afterAll(() => t.close());

  it('creates a client whose key is shown once and stored only as its SHA-256', async () => {
    const res = await s.admin.post('/open311-clients', { communityId: t.world.a.id, name: '12345 热线对接' });
    expect(res.statusCode).toBe(201);
    const c = res.json() as Open311ClientView & { apiKey: string };
    expect(c.apiKey).toMatch(/^gz_[A-Za-z0-9_-]{43}$/);
    expect(c).toMatchObject({ communityId: t.world.a.id, name: '12345 热线对接', keyPrefix: c.apiKey.slice(0, 10), lastUsedAt: null, revokedAt: null });
    const row = await t.deps.db.selectFrom('open311_clients').selectAll().where('id', '=', c.id).executeTakeFirstOrThrow();
    expect(row.key_hash).toBe(createHash('sha256').update(c.apiKey).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(c.apiKey);
    const list = await s.staff.get('/open311-clients');
    expect(ok<{ items: Open311ClientView[] }>(list).items.map((x) => x.id)).toEqual([c.id]);
    expect(list.body).not.toContain(c.apiKey);
    const audit = await t.deps.db.selectFrom('audit_log').select(['action', 'after_json']).where('target_id', '=', c.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['open311_client.created']);
    expect(audit[0]!.after_json).not.toContain(c.apiKey);
    // Two keys are never the same.
    const other = ok<{ apiKey: string }>(await s.admin.post('/open311-clients', { communityId: t.world.a.id, name: '第二个' }));
    expect(other.apiKey).not.toBe(c.apiKey);
  });

  it('keeps each community’s clients to its own settings keepers', async () => {
    expect((await s.adminB.post('/open311-clients', { communityId: t.world.a.id, name: 'x' })).statusCode).toBe(404);
    expect((await s.admin.post('/open311-clients', { communityId: t.world.b.id, name: 'x' })).statusCode).toBe(404);
    expect((await s.admin.post('/open311-clients', { communityId: t.world.a.id, name: '' })).statusCode).toBe(400);
    expect(ok<{ items: unknown[] }>(await s.adminB.get('/open311-clients')).items).toHaveLength(0);
    expect((await s.grid.get('/open311-clients')).statusCode).toBe(403);
    expect((await s.subdistrict.get('/open311-clients')).statusCode).toBe(403);
    const [first] = ok<{ items: Open311ClientView[] }>(await s.admin.get('/open311-clients')).items;
    expect((await s.adminB.post(`/open311-clients/${first!.id}/revoke`)).statusCode).toBe(404);
  });

  it('revokes a key once', async () => {
    const [first] = ok<{ items: Open311ClientView[] }>(await s.admin.get('/open311-clients')).items;
    const revoked = ok<Open311ClientView>(await s.admin.post(`/open311-clients/${first!.id}/revoke`));
    expect(revoked.revokedAt).toBe(t.clock.now().toISOString());
    t.clock.advanceMinutes(5);
    expect(ok<Open311ClientView>(await s.admin.post(`/open311-clients/${first!.id}/revoke`)).revokedAt).toBe(revoked.revokedAt);
    const audit = await t.deps.db.selectFrom('audit_log').select('action').where('target_id', '=', first!.id).execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['open311_client.created', 'open311_client.revoked']);
  });
});
