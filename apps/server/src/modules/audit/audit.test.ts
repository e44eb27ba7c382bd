import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../test/dialects.js';
import { sessionFor, testApp } from '../../test/fixtures.js';

type T = Awaited<ReturnType<typeof testApp>>;
interface Entry { id: string; action: string; before: unknown; after: unknown; targetId: string }

describe.each(dialects)('audit log (%s)', (dialect) => {
  let t: T;
  beforeAll(async () => {
    t = await testApp(dialect);
  });
  afterAll(() => t.close());

  it('masks personal data in before/after', async () => {
    const staff = await sessionFor(t.app, t.world.users.community_staff);
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/users', headers: staff.headers, payload: { displayName: '孙大妈', phone: '13712345678', password: 'Passw0rd-s', roles: [{ role: 'resident', placeId: t.world.a.id }] } });
    const id = (res.json() as { user: { id: string } }).user.id;
    const admin = await sessionFor(t.app, t.world.users.community_admin);
    const log = await t.app.inject({ url: `/api/v1/audit-log?targetId=${id}&action=user.created`, headers: admin.headers });
    const entry = (log.json() as { items: Entry[] }).items[0]!;
    expect(entry.after).toMatchObject({ phone: '137****5678', displayName: '孙大妈' });
    expect(JSON.stringify(entry)).not.toContain('13712345678');
    expect(JSON.stringify(entry)).not.toMatch(/password/i);
  });

  it('is append-only in the database itself', async () => {
    await expect(sql`update audit_log set action = 'forged'`.execute(t.deps.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log`.execute(t.deps.db)).rejects.toThrow(/append-only/);
  });

  it('filters by action and pages newest first', async () => {
    const admin = await sessionFor(t.app, t.world.users.subdistrict_admin);
    const first = await t.app.inject({ url: '/api/v1/audit-log?action=place.created&limit=5', headers: admin.headers });
    const page1 = first.json() as { items: Entry[]; nextBefore: string };
    expect(page1.items).toHaveLength(5);
    expect(page1.items.every((e) => e.action === 'place.created')).toBe(true);
    const second = await t.app.inject({ url: `/api/v1/audit-log?action=place.created&limit=5&before=${page1.nextBefore}`, headers: admin.headers });
    const page2 = (second.json() as { items: Entry[] }).items;
    expect(page2[0]!.id < page1.items[4]!.id).toBe(true);
    const actions = await t.app.inject({ url: '/api/v1/audit-log/actions', headers: admin.headers });
    expect((actions.json() as { items: string[] }).items).toContain('place.created');
  });

  it('shows a community admin only their community’s entries', async () => {
    const adminB = await sessionFor(t.app, t.world.adminB);
    const log = await t.app.inject({ url: '/api/v1/audit-log?action=place.created&limit=200', headers: adminB.headers });
    const targets = (log.json() as { items: Entry[] }).items.map((e) => e.targetId);
    expect(targets).toContain(t.world.gb.grid.id);
    expect(targets).not.toContain(t.world.g1.grid.id);
  });
});
