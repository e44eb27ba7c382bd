import { createHmac } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { NotificationEndpointView } from '@gongzhi/shared';
import { iso } from '../../lib/clock.js';
import { dialects } from '../../test/dialects.js';
import { testApp } from '../../test/fixtures.js';
import { deliverOutbox, enqueueNotification, MAX_ATTEMPTS, notifyEndpoints } from './index.js';
import { ok, sessions, type T } from './test-api.js';
import { httpReceiver, smtpReceiver } from './test-receivers.js';

describe.each(dialects)('delivering the outbox (%s)', (dialect) => {
  let t: T;
  let s: Awaited<ReturnType<typeof sessions>>;
  let rx: Awaited<ReturnType<typeof httpReceiver>>;
  let n = 0;
  beforeAll(async () => {
    t = await testApp(dialect);
    s = await sessions(t);
    rx = await httpReceiver();
  });
  afterAll(async () => {
    await rx.close();
    await t.close();
  });
  afterEach(async () => {
    // Each test starts with an empty outbox and no endpoints, so counts below are its own.
    await t.deps.db.deleteFrom('notifications').execute();
    await t.deps.db.deleteFrom('notification_endpoints').execute();
    rx.received.length = 0;
    Object.assign(rx.reply, { status: 200, body: '{"errcode":0,"errmsg":"ok"}', delayMs: 0 });
  });

  const endpoint = async (kind: string, path: string, extra: object = {}) =>
    ok<NotificationEndpointView>(await s.admin.post('/notification-endpoints', { communityId: t.world.a.id, kind, name: `${kind} 机器人`, target: rx.url(path), events: ['request_submitted'], ...extra }));
  const submit = async () => {
    n++;
    await notifyEndpoints(t.deps.db, t.deps, {
      communityId: t.world.a.id, event: 'request_submitted', template: 'request_submitted', params: { number: `GZ-2026-00000${n}`, title: '3栋门口路灯不亮' },
      link: `/console/requests/${n}`, dedupeKey: `req:${n}:submitted`,
    });
  };
  const outbox = () => t.deps.db.selectFrom('notifications').selectAll().orderBy('created_at').execute();
  const due = { template: 'request_due' as const, params: { number: 'GZ-2026-000009', title: '楼道灯不亮' } };

  it('posts the generic webhook JSON and marks the row sent', async () => {
    await endpoint('webhook', '/hook');
    await submit();
    expect(await deliverOutbox(t.deps, { limit: 10 })).toEqual({ sent: 1, failed: 0, dead: 0 });
    expect(rx.received).toHaveLength(1);
    expect(rx.received[0]!.url).toBe('/hook');
    expect(rx.received[0]!.headers['content-type']).toMatch(/^application\/json/);
    expect(rx.received[0]!.body).toEqual({ event: 'request_submitted', subject: `新诉求：GZ-2026-00000${n}`, body: '3栋门口路灯不亮', link: `http://127.0.0.1:8080/console/requests/${n}`, at: iso(t.clock.now()) });
    const [row] = await outbox();
    expect(row).toMatchObject({ status: 'sent', attempts: 1, last_error: null, next_attempt_at: null, sent_at: iso(t.clock.now()) });
    // Sent rows are not sent again.
    expect(await deliverOutbox(t.deps, {})).toEqual({ sent: 0, failed: 0, dead: 0 });
  });

  it('speaks the WeCom robot format and treats a non-zero errcode as a failure', async () => {
    await endpoint('wecom', '/cgi-bin/webhook/send?key=wecom-secret-key');
    await submit();
    await deliverOutbox(t.deps, {});
    const body = rx.received[0]!.body as { msgtype: string; markdown: { content: string } };
    expect(body.msgtype).toBe('markdown');
    expect(body.markdown.content).toBe(`**新诉求：GZ-2026-00000${n}**\n\n3栋门口路灯不亮\n\n[查看详情](http://127.0.0.1:8080/console/requests/${n})`);
    expect((await outbox())[0]!.status).toBe('sent');

    rx.reply.body = '{"errcode":93000,"errmsg":"invalid webhook url"}';
    await submit();
    expect(await deliverOutbox(t.deps, {})).toEqual({ sent: 0, failed: 1, dead: 0 });
    const failed = (await outbox())[1]!;
    expect(failed).toMatchObject({ status: 'failed', attempts: 1, last_error: 'errcode 93000: invalid webhook url' });
  });

  it('signs DingTalk calls with timestamp and sign when the robot has a secret', async () => {
    const secret = 'SECabc123def456';
    await endpoint('dingtalk', '/robot/send?access_token=ding-token', { secret });
    await submit();
    expect((await deliverOutbox(t.deps, {})).sent).toBe(1);
    const got = rx.received[0]!;
    const url = new URL(got.url, 'http://x');
    expect(url.searchParams.get('access_token')).toBe('ding-token');
    const timestamp = url.searchParams.get('timestamp')!;
    expect(timestamp).toBe(String(t.clock.now().getTime()));
    const expected = createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64');
    expect(url.searchParams.get('sign')).toBe(expected);
    // On the wire the base64 is percent-encoded.
    expect(got.url).toContain(`sign=${encodeURIComponent(expected)}`);
    expect(got.body).toEqual({ msgtype: 'markdown', markdown: { title: `新诉求：GZ-2026-00000${n}`, text: `### 新诉求：GZ-2026-00000${n}\n\n3栋门口路灯不亮\n\n[查看详情](http://127.0.0.1:8080/console/requests/${n})` } });
  });

  it('calls an unsigned DingTalk robot without timestamp or sign', async () => {
    await endpoint('dingtalk', '/robot/send?access_token=t2');
    await submit();
    await deliverOutbox(t.deps, {});
    expect(rx.received[0]!.url).toBe('/robot/send?access_token=t2');
  });

  it('backs off exponentially and gives up after 8 attempts, keeping the last error without the token', async () => {
    await endpoint('webhook', '/hook?token=very-secret-token');
    rx.reply.status = 500;
    await submit();
    const waits: number[] = [];
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      expect(await deliverOutbox(t.deps, {})).toEqual(attempt < MAX_ATTEMPTS ? { sent: 0, failed: 1, dead: 0 } : { sent: 0, failed: 0, dead: 1 });
      const row = (await outbox())[0]!;
      expect(row.attempts).toBe(attempt);
      expect(row.last_error).toBe('HTTP 500');
      if (attempt === MAX_ATTEMPTS) {
        expect(row).toMatchObject({ status: 'dead', next_attempt_at: null });
        break;
      }
      expect(row.status).toBe('failed');
      const wait = (Date.parse(row.next_attempt_at!) - t.clock.now().getTime()) / 60_000;
      waits.push(wait);
      // Not yet due: a second round a minute early sends nothing.
      t.clock.advanceMinutes(wait - 0.5);
      expect(await deliverOutbox(t.deps, {})).toEqual({ sent: 0, failed: 0, dead: 0 });
      t.clock.advanceMinutes(0.5);
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, 64]);
    expect(rx.received).toHaveLength(MAX_ATTEMPTS);
    t.clock.advanceMinutes(1000);
    expect(await deliverOutbox(t.deps, {})).toEqual({ sent: 0, failed: 0, dead: 0 });
  });

  it('times out a receiver that does not answer', async () => {
    await endpoint('webhook', '/slow');
    rx.reply.delayMs = 500;
    await submit();
    expect(await deliverOutbox(t.deps, { timeoutMs: 100 })).toEqual({ sent: 0, failed: 1, dead: 0 });
    expect((await outbox())[0]!.last_error).toBe('timed out');
  });

  it('delivers each row once when two servers deliver at the same time', async () => {
    await endpoint('webhook', '/hook');
    for (let i = 0; i < 6; i++) await submit();
    const [a, b] = await Promise.all([deliverOutbox(t.deps, {}), deliverOutbox(t.deps, {})]);
    expect(a.sent + b.sent).toBe(6);
    expect(rx.received).toHaveLength(6);
    expect((await outbox()).every((r) => r.status === 'sent' && r.attempts === 1)).toBe(true);
  });

  it('leaves a mail failed with the reason when no SMTP server is configured, without retrying it', async () => {
    await s.staff.put('/me/notification-preferences', { email: 'staff@example.org', emailEnabled: true });
    await enqueueNotification(t.deps.db, t.deps, { communityId: t.world.a.id, recipientUserId: t.world.users.community_staff, event: 'request_due', ...due, link: '/console/requests', dedupeKey: 'due:staff:1' });
    expect(await deliverOutbox(t.deps, {})).toEqual({ sent: 0, failed: 1, dead: 0 });
    const mail = (await outbox()).find((r) => r.channel === 'email')!;
    expect(mail).toMatchObject({ status: 'failed', last_error: 'smtp not configured', attempts: 1, next_attempt_at: null });
    t.clock.advanceMinutes(10_000);
    expect(await deliverOutbox(t.deps, {})).toEqual({ sent: 0, failed: 0, dead: 0 });
  });

  it('sends mail through the configured SMTP server to the address in the preferences', async () => {
    const smtp = await smtpReceiver();
    t.deps.config.smtp = { url: smtp.url, from: 'gongzhi@example.org' };
    try {
      await s.staff.put('/me/notification-preferences', { email: 'staff@example.org', emailEnabled: true });
      await enqueueNotification(t.deps.db, t.deps, { communityId: t.world.a.id, recipientUserId: t.world.users.community_staff, event: 'request_due', ...due, link: '/console/requests', dedupeKey: 'due:staff:2' });
      expect(await deliverOutbox(t.deps, {})).toEqual({ sent: 1, failed: 0, dead: 0 });
      expect(smtp.messages).toHaveLength(1);
      expect(smtp.messages[0]!.to).toEqual(['<staff@example.org>']);
      expect(smtp.messages[0]!.data).toContain('Subject: =?UTF-8?');
      // Mail switched off later: a waiting message has nowhere to go and is given up.
      await s.staff.put('/me/notification-preferences', { emailEnabled: false });
      await enqueueNotification(t.deps.db, t.deps, { communityId: t.world.a.id, recipientUserId: t.world.users.community_staff, event: 'request_due', ...due, dedupeKey: 'due:staff:3' });
      expect((await outbox()).filter((r) => r.dedupe_key.startsWith('due:staff:3')).map((r) => r.channel)).toEqual(['in_app']);
    } finally {
      t.deps.config.smtp = null;
      await smtp.close();
    }
  });

  it('gives up a mail whose recipient switched mail off before it went', async () => {
    await s.staff.put('/me/notification-preferences', { email: 'staff@example.org', emailEnabled: true });
    await enqueueNotification(t.deps.db, t.deps, { communityId: t.world.a.id, recipientUserId: t.world.users.community_staff, event: 'request_due', ...due, dedupeKey: 'due:staff:4' });
    await s.staff.put('/me/notification-preferences', { emailEnabled: false });
    expect(await deliverOutbox(t.deps, {})).toEqual({ sent: 0, failed: 0, dead: 1 });
    expect((await outbox()).find((r) => r.channel === 'email')).toMatchObject({ status: 'dead', last_error: 'recipient has no mail address', next_attempt_at: null });
  });

  it('gives up messages to an endpoint that was switched off', async () => {
    const e = await endpoint('webhook', '/hook');
    await submit();
    ok(await s.admin.patch(`/notification-endpoints/${e.id}`, { active: false }));
    expect(await deliverOutbox(t.deps, {})).toEqual({ sent: 0, failed: 0, dead: 1 });
    expect((await outbox())[0]).toMatchObject({ status: 'dead', last_error: 'endpoint inactive or removed' });
    expect(rx.received).toHaveLength(0);
  });
});
