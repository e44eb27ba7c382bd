import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { iso } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import { dialects } from '../../test/dialects.js';
import { testApp } from '../../test/fixtures.js';
import { enqueueNotification, notifyEndpoints, notifyRole } from './index.js';

describe.each(dialects)('the outbox writers (%s)', (dialect) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  const pathOf = async (id: string) => (await t.deps.db.selectFrom('places').select('path').where('id', '=', id).executeTakeFirstOrThrow()).path;
  beforeAll(async () => {
    t = await testApp(dialect);
  });
  afterAll(() => t.close());

  const rows = (key: string) =>
    t.deps.db.selectFrom('notifications').selectAll().where('dedupe_key', 'like', `${key}%`).orderBy('dedupe_key').execute();
  const msg = (dedupeKey: string, event = 'request_submitted', title = '有新的诉求') =>
    ({ event, template: 'request_submitted' as const, params: { number: 'GZ-2026-000001', title }, link: '/console/requests/1', dedupeKey });

  it('writes one in-app message, sent at once, and ignores a repeat of the same key', async () => {
    const n = { ...msg('req:1:s1'), communityId: t.world.a.id, recipientUserId: t.world.users.resident };
    await t.deps.db.transaction().execute(async (trx) => {
      await enqueueNotification(trx, t.deps, n);
      await enqueueNotification(trx, t.deps, { ...n, params: { ...n.params, title: '重复' } });
    });
    await enqueueNotification(t.deps.db, t.deps, n);
    const r = await rows('req:1:s1');
    expect(r).toHaveLength(1);
    expect(r[0]).toMatchObject({ channel: 'in_app', status: 'sent', recipient_user_id: t.world.users.resident, sent_at: iso(t.clock.now()) });
    // The template and its parameters, with the Chinese words kept beside them.
    expect(r[0]).toMatchObject({ template: 'request_submitted', subject: '新诉求：GZ-2026-000001', body: '有新的诉求' });
    expect(JSON.parse(r[0]!.params_json!)).toEqual({ number: 'GZ-2026-000001', title: '有新的诉求' });
  });

  it('adds a pending mail row when the recipient switched mail on', async () => {
    const now = iso(t.clock.now());
    await t.deps.db
      .insertInto('notification_preferences')
      .values({ user_id: t.world.users.community_staff, email_cipher: t.deps.vault.encrypt('staff@example.org'), email_enabled: 1, updated_at: now })
      .execute();
    await enqueueNotification(t.deps.db, t.deps, { ...msg('req:2:s1'), communityId: t.world.a.id, recipientUserId: t.world.users.community_staff });
    const r = await rows('req:2:s1');
    expect(r.map((x) => [x.channel, x.status, x.dedupe_key])).toEqual([
      ['in_app', 'sent', 'req:2:s1'],
      ['email', 'pending', 'req:2:s1:email'],
    ]);
  });

  it('finds the community admins above a place, and not admins elsewhere or other roles', async () => {
    const n = await notifyRole(t.deps.db, t.deps, { ...msg('req:3:overdue', 'request_overdue'), placePath: await pathOf(t.world.g1.dwelling.id), roles: ['community_admin'] });
    expect(n).toBe(1);
    const r = await rows('req:3:overdue');
    expect(r.map((x) => x.recipient_user_id)).toEqual([t.world.users.community_admin]);
    expect(r[0]).toMatchObject({ community_id: t.world.a.id, channel: 'in_app', dedupe_key: `req:3:overdue:${t.world.users.community_admin}` });
    // Once per recipient: a repeat adds nothing.
    await notifyRole(t.deps.db, t.deps, { ...msg('req:3:overdue', 'request_overdue'), placePath: await pathOf(t.world.g1.dwelling.id), roles: ['community_admin'] });
    expect(await rows('req:3:overdue')).toHaveLength(1);
    // Community B's request reaches B's admin only; the subdistrict admin is above both.
    await notifyRole(t.deps.db, t.deps, { ...msg('req:4:esc', 'request_escalated'), placePath: await pathOf(t.world.gb.dwelling.id), roles: ['community_admin', 'subdistrict_admin'] });
    expect((await rows('req:4:esc')).map((x) => x.recipient_user_id).sort()).toEqual([t.world.adminB, t.world.users.subdistrict_admin].sort());
  });

  it('skips disabled accounts', async () => {
    await t.deps.db.updateTable('users').set({ status: 'disabled' }).where('id', '=', t.world.adminB).execute();
    expect(await notifyRole(t.deps.db, t.deps, { ...msg('req:5:esc'), placePath: await pathOf(t.world.b.id), roles: ['community_admin'] })).toBe(0);
    await t.deps.db.updateTable('users').set({ status: 'active' }).where('id', '=', t.world.adminB).execute();
  });

  it('writes one pending row per active endpoint subscribed to the event', async () => {
    const now = iso(t.clock.now());
    const endpoint = (kind: string, events: string[], communityId = t.world.a.id, active = 1) => ({
      id: newId(), community_id: communityId, kind, name: kind, target_cipher: t.deps.vault.encrypt('https://example.org/hook'),
      secret_cipher: null, events_json: JSON.stringify(events), active, created_by: t.world.users.community_admin, created_at: now, updated_at: now,
    });
    const subscribed = endpoint('wecom', ['request_submitted', 'request_overdue']);
    await t.deps.db.insertInto('notification_endpoints').values([
      subscribed,
      endpoint('webhook', ['request_overdue']),
      endpoint('dingtalk', ['request_submitted'], t.world.a.id, 0),
      endpoint('dingtalk', ['request_submitted'], t.world.b.id),
    ]).execute();
    expect(await notifyEndpoints(t.deps.db, t.deps, { ...msg('req:6:sub'), communityId: t.world.a.id })).toBe(1);
    await notifyEndpoints(t.deps.db, t.deps, { ...msg('req:6:sub'), communityId: t.world.a.id });
    const r = await rows('req:6:sub');
    expect(r.map((x) => [x.endpoint_id, x.channel, x.status, x.recipient_user_id])).toEqual([[subscribed.id, 'wecom', 'pending', null]]);
  });
});
