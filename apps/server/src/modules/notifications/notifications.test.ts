import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NotificationEndpointView, NotificationListResponse, NotificationView } from '@gongzhi/shared';
import { dialects } from '../../test/dialects.js';
import { testApp } from '../../test/fixtures.js';
import { enqueueNotification } from './index.js';
import { errCode, ok, sessions, type T } from './test-api.js';
import { httpReceiver } from './test-receivers.js';

describe.each(dialects)('the inbox and preferences (%s)', (dialect) => {
  let t: T;
  let s: Awaited<ReturnType<typeof sessions>>;
  beforeAll(async () => {
    t = await testApp(dialect);
    s = await sessions(t);
    // Each message names its request by a number that says which one it is.
    const send = async (userId: string, key: string, number: string) => {
      await enqueueNotification(t.deps.db, t.deps, {
        communityId: t.world.a.id, recipientUserId: userId, event: 'request_status', template: 'request_status',
        params: { number, status: 'in_progress', message: null }, link: '/m/requests/1', dedupeKey: key,
      });
      t.clock.advanceMinutes(1);
    };
    await send(t.world.users.resident, 'r1', '第一条');
    await send(t.world.users.resident, 'r2', '第二条');
    await send(t.world.users.community_staff, 's1', '给工作人员');
    await send(t.world.users.resident, 'r3', '第三条');
  });
  afterAll(() => t.close());

  const inbox = async (api: typeof s.resident, query = '') => ok<NotificationListResponse>(await api.get(`/notifications${query}`));
  const subject = (number: string) => `您的诉求 ${number}：办理中`;
  const subjects = (...numbers: string[]) => numbers.map(subject);

  it('lists only my messages, newest first, with the unread count and paging', async () => {
    const mine = await inbox(s.resident);
    expect(mine.items.map((m) => m.subject)).toEqual(subjects('第三条', '第二条', '第一条'));
    expect([mine.total, mine.unread]).toEqual([3, 3]);
    expect(mine.items[0]).toMatchObject({ event: 'request_status', body: '正在办理', link: '/m/requests/1', readAt: null });
    const page = await inbox(s.resident, '?limit=1&offset=1');
    expect([page.items.map((m) => m.subject), page.total]).toEqual([subjects('第二条'), 3]);
    expect((await inbox(s.staff)).items.map((m) => m.subject)).toEqual(subjects('给工作人员'));
    expect((await inbox(s.admin)).total).toBe(0);
    expect((await t.app.inject({ url: '/api/v1/notifications' })).statusCode).toBe(401);
    expect((await s.resident.get('/notifications?limit=1000')).statusCode).toBe(400);
  });

  it('marks one of mine read, and answers 404 for someone else’s', async () => {
    const [newest] = (await inbox(s.resident)).items;
    const staffMsg = (await inbox(s.staff)).items[0]!;
    expect(errCode(await s.resident.post(`/notifications/${staffMsg.id}/read`))).toBe('not_found');
    expect((await inbox(s.staff)).unread).toBe(1);
    const read = ok<NotificationView>(await s.resident.post(`/notifications/${newest!.id}/read`));
    expect(read.readAt).toBe(t.clock.now().toISOString());
    // Reading again keeps the first time.
    t.clock.advanceMinutes(5);
    expect(ok<NotificationView>(await s.resident.post(`/notifications/${newest!.id}/read`)).readAt).toBe(read.readAt);
    const after = await inbox(s.resident, '?unread=true');
    expect(after.items.map((m) => m.subject)).toEqual(subjects('第二条', '第一条'));
    expect([after.total, after.unread]).toEqual([2, 2]);
  });

  it('marks all of mine read and nobody else’s', async () => {
    expect(ok<{ updated: number }>(await s.resident.post('/notifications/read-all'))).toEqual({ updated: 2 });
    expect((await inbox(s.resident)).unread).toBe(0);
    expect((await inbox(s.staff)).unread).toBe(1);
    expect(ok<{ updated: number }>(await s.resident.post('/notifications/read-all'))).toEqual({ updated: 0 });
  });

  it('keeps my mail address sealed and shows it masked', async () => {
    expect(ok(await s.resident.get('/me/notification-preferences'))).toEqual({ emailMasked: null, emailEnabled: false });
    expect(errCode(await s.resident.put('/me/notification-preferences', { emailEnabled: true }))).toBe('validation_failed');
    expect(errCode(await s.resident.put('/me/notification-preferences', { email: 'not-an-address', emailEnabled: true }))).toBe('validation_failed');
    const res = await s.resident.put('/me/notification-preferences', { email: 'wang.fang@example.org', emailEnabled: true });
    expect(ok(res)).toEqual({ emailMasked: 'w***@example.org', emailEnabled: true });
    expect(res.body).not.toContain('wang.fang');
    const row = await t.deps.db.selectFrom('notification_preferences').selectAll().where('user_id', '=', t.world.users.resident).executeTakeFirstOrThrow();
    expect(row.email_cipher).not.toContain('wang.fang');
    expect(t.deps.vault.decrypt(row.email_cipher!)).toBe('wang.fang@example.org');
    // Switching mail off keeps the address; removing it switches mail off.
    expect(ok(await s.resident.put('/me/notification-preferences', { emailEnabled: false }))).toEqual({ emailMasked: 'w***@example.org', emailEnabled: false });
    expect(ok(await s.resident.put('/me/notification-preferences', { email: null, emailEnabled: false }))).toEqual({ emailMasked: null, emailEnabled: false });
    // Someone else's preference is untouched.
    expect(ok(await s.staff.get('/me/notification-preferences'))).toEqual({ emailMasked: null, emailEnabled: false });
  });
});

describe.each(dialects)('notification endpoints (%s)', (dialect) => {
  let t: T;
  let s: Awaited<ReturnType<typeof sessions>>;
  let rx: Awaited<ReturnType<typeof httpReceiver>>;
  beforeAll(async () => {
    t = await testApp(dialect);
    s = await sessions(t);
    rx = await httpReceiver();
  });
  afterAll(async () => {
    await rx.close();
    await t.close();
  });
  const body = (extra: object = {}) => ({ communityId: t.world.a.id, kind: 'wecom', name: '社区工作群', target: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=0d3c2b1a-secret-9f8e', events: ['request_overdue', 'request_escalated'], ...extra });

  it('validates the destination for its kind', async () => {
    const bad = async (extra: object) => errCode(await s.admin.post('/notification-endpoints', body(extra)));
    expect(await bad({ target: 'http://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=x' })).toBe('endpoint_invalid');
    expect(await bad({ target: 'ftp://example.org/x' })).toBe('endpoint_invalid');
    expect(await bad({ target: 'not a url' })).toBe('endpoint_invalid');
    expect(await bad({ target: 'https://user:pw@example.org/hook' })).toBe('endpoint_invalid');
    expect(await bad({ kind: 'email', target: 'nobody' })).toBe('endpoint_invalid');
    expect(await bad({ events: [] })).toBe('validation_failed');
    expect(await bad({ events: ['request_rated'] })).toBe('validation_failed');
    expect(await bad({ kind: 'sms' })).toBe('validation_failed');
    expect(await t.deps.db.selectFrom('notification_endpoints').select('id').execute()).toHaveLength(0);
    // http is allowed to this machine, for local receivers.
    expect((await s.admin.post('/notification-endpoints', body({ kind: 'webhook', target: rx.url('/ok') }))).statusCode).toBe(201);
  });

  it('stores the target and secret sealed and shows them masked', async () => {
    const res = await s.admin.post('/notification-endpoints', body({ kind: 'dingtalk', target: 'https://oapi.dingtalk.com/robot/send?access_token=abcdef123456', secret: 'SECsupersecret' }));
    expect(res.statusCode).toBe(201);
    const e = res.json() as NotificationEndpointView;
    expect(e).toMatchObject({ kind: 'dingtalk', targetMasked: 'https://oapi.dingtalk.com/…3456', hasSecret: true, events: ['request_overdue', 'request_escalated'], active: true });
    expect(res.body).not.toContain('abcdef');
    expect(res.body).not.toContain('SECsuper');
    const row = await t.deps.db.selectFrom('notification_endpoints').selectAll().where('id', '=', e.id).executeTakeFirstOrThrow();
    expect(row.target_cipher).not.toContain('abcdef');
    expect(t.deps.vault.decrypt(row.secret_cipher!)).toBe('SECsupersecret');
    const audit = await t.deps.db.selectFrom('audit_log').select(['after_json']).where('target_id', '=', e.id).execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.after_json).not.toContain('abcdef');
    expect(audit[0]!.after_json).not.toContain('SECsuper');

    const mail = ok<NotificationEndpointView>(await s.staff.post('/notification-endpoints', body({ kind: 'email', target: 'office@example.org' })));
    expect(mail.targetMasked).toBe('o***@example.org');
  });

  it('changes, lists and removes endpoints within the community only', async () => {
    const e = ok<NotificationEndpointView>(await s.admin.post('/notification-endpoints', body({ kind: 'dingtalk', target: 'https://oapi.dingtalk.com/robot/send?access_token=zz99', secret: 'SECx' })));
    const changed = ok<NotificationEndpointView>(await s.staff.patch(`/notification-endpoints/${e.id}`, { name: '值班群', secret: null, events: ['request_submitted'], active: false }));
    expect(changed).toMatchObject({ name: '值班群', hasSecret: false, events: ['request_submitted'], active: false, targetMasked: 'https://oapi.dingtalk.com/…zz99' });
    expect(errCode(await s.admin.patch(`/notification-endpoints/${e.id}`, { target: 'http://example.org/x' }))).toBe('endpoint_invalid');

    // Community B's admin sees none of A's and cannot touch them.
    expect(ok<{ items: unknown[] }>(await s.adminB.get('/notification-endpoints')).items).toHaveLength(0);
    expect((await s.adminB.patch(`/notification-endpoints/${e.id}`, { name: 'x' })).statusCode).toBe(404);
    expect((await s.adminB.del(`/notification-endpoints/${e.id}`)).statusCode).toBe(404);
    expect((await s.adminB.post(`/notification-endpoints/${e.id}/test`)).statusCode).toBe(404);
    expect((await s.adminB.post('/notification-endpoints', body())).statusCode).toBe(404);
    expect((await s.grid.get('/notification-endpoints')).statusCode).toBe(403);

    const listed = ok<{ items: NotificationEndpointView[] }>(await s.admin.get(`/notification-endpoints?communityId=${t.world.a.id}`)).items;
    expect(listed.map((x) => x.id)).toContain(e.id);
    expect(JSON.stringify(listed)).not.toContain('zz99?');

    // An endpoint with messages in the outbox can still be removed; the waiting ones are given up.
    await t.deps.db.updateTable('notification_endpoints').set({ active: 1 }).where('id', '=', e.id).execute();
    const { notifyEndpoints } = await import('./index.js');
    await notifyEndpoints(t.deps.db, t.deps, { communityId: t.world.a.id, event: 'request_submitted', template: 'request_submitted', params: { number: 'n', title: 'b' }, dedupeKey: 'del:1' });
    expect(ok(await s.admin.del(`/notification-endpoints/${e.id}`))).toEqual({ ok: true });
    expect((await s.admin.patch(`/notification-endpoints/${e.id}`, { name: 'x' })).statusCode).toBe(404);
    const rows = await t.deps.db.selectFrom('notifications').selectAll().where('dedupe_key', 'like', 'del:1%').execute();
    expect(rows.map((r) => [r.endpoint_id, r.status, r.last_error])).toEqual([[null, 'dead', 'endpoint removed']]);
  });

  it('sends a test message and reports failure without the token', async () => {
    const e = ok<NotificationEndpointView>(await s.admin.post('/notification-endpoints', body({ kind: 'wecom', target: rx.url('/cgi-bin/webhook/send?key=k-123456') })));
    expect(ok(await s.admin.post(`/notification-endpoints/${e.id}/test`))).toEqual({ ok: true, error: null });
    const got = rx.received.at(-1)!;
    expect(got.url).toBe('/cgi-bin/webhook/send?key=k-123456');
    expect((got.body as { markdown: { content: string } }).markdown.content).toContain('共治平台测试消息');
    rx.reply.body = '{"errcode":93000,"errmsg":"invalid webhook url, key=k-123456"}';
    const failed = ok<{ ok: boolean; error: string }>(await s.admin.post(`/notification-endpoints/${e.id}/test`));
    expect(failed.ok).toBe(false);
    expect(failed.error).toMatch(/^errcode 93000/);
    expect(failed.error).not.toContain('k-123456');
  });
});
