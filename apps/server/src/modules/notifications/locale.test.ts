import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NotificationListResponse, RequestCreated } from '@gongzhi/shared';
import { iso } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import { dialects } from '../../test/dialects.js';
import { linkResident } from '../requests/test/factories.js';
import { deliverOutbox, enqueueNotification } from './index.js';
import { sessionFor, testApp, type Session } from '../../test/fixtures.js';
import { as, ok, type T } from './test-api.js';
import { smtpReceiver } from './test-receivers.js';

/** The subject and text of a mail as the receiver got it (encoded words and quoted-printable undone). */
function readMail(data: string): { subject: string; text: string } {
  const [head = '', ...rest] = data.split('\r\n\r\n');
  const words = (s: string) =>
    s.replace(/=\?UTF-8\?([BQ])\?([^?]*)\?=\s*/gi, (_, enc: string, v: string) =>
      enc.toUpperCase() === 'B' ? Buffer.from(v, 'base64').toString('utf8') : qp(v.replace(/_/g, ' ')),
    );
  const subject = words(/^Subject: (.*(?:\r\n[ \t].*)*)/im.exec(head)?.[1]?.replace(/\r\n[ \t]/g, ' ') ?? '');
  const body = rest.join('\r\n\r\n');
  const text = /quoted-printable/i.test(head) ? qp(body.replace(/=\r\n/g, '')) : /base64/i.test(head) ? Buffer.from(body, 'base64').toString('utf8') : body;
  return { subject: subject.trim(), text: text.replace(/\r\n/g, '\n') };
}
const qp = (s: string): string => Buffer.from(s.replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8');

describe.each(dialects)('notifications in the reader’s language (%s)', (dialect) => {
  let t: T;
  let s: Record<'resident' | 'staff' | 'admin', Session>;
  let smtp: Awaited<ReturnType<typeof smtpReceiver>>;
  let made: RequestCreated;
  beforeAll(async () => {
    t = await testApp(dialect);
    const w = t.world.users;
    s = { resident: await sessionFor(t.app, w.resident), staff: await sessionFor(t.app, w.community_staff), admin: await sessionFor(t.app, w.community_admin) };
    smtp = await smtpReceiver();
    t.deps.config.smtp = { url: smtp.url, from: 'gongzhi@example.org' };
  });
  afterAll(async () => {
    t.deps.config.smtp = null;
    await smtp.close();
    await t.close();
  });

  /** My inbox; `headers` adds e.g. the Accept-Language the web sends. */
  const inbox = async (who: Session, headers: Record<string, string> = {}) =>
    ok<NotificationListResponse>(await t.app.inject({ method: 'GET', url: '/api/v1/notifications', headers: { ...who.headers, ...headers } })).items;
  const setLocale = async (who: Session, locale: 'zh-CN' | 'en-US') => ok(await as(t, who).patch('/me/preferences', { locale }));

  it('tells an English-speaking resident in English, in the inbox and by mail; a Chinese-speaking one in Chinese', async () => {
    const { residentId } = await linkResident(t, t.world.users.resident, t.world.g1.dwelling.id, '李秀英');
    await setLocale(s.resident, 'en-US');
    ok(await as(t, s.resident).put('/me/notification-preferences', { email: 'li.xiuying@example.org', emailEnabled: true }));
    ok(await as(t, s.staff).put('/me/notification-preferences', { email: 'staff@example.org', emailEnabled: true }));

    // Staff enter a phone request for the resident: the resident hears it was received.
    made = ok<RequestCreated>(await as(t, s.staff).post('/requests', { kind: 'complaint', text: '楼道里的灯坏了，晚上看不见', channel: 'phone', residentId }));
    const [msg] = await inbox(s.resident);
    expect(msg).toMatchObject({ subject: `Your request ${made.number}: Received`, body: 'The community has your request and is arranging it', link: `/m/requests/${made.id}` });

    // A staff alert to a Chinese-speaking account, with the request's title as written.
    await enqueueNotification(t.deps.db, t.deps, {
      communityId: t.world.a.id, recipientUserId: t.world.users.community_staff, event: 'request_assigned', template: 'request_assigned',
      params: { number: made.number, title: '楼道里的灯坏了' }, link: `/console/requests/${made.id}`, dedupeKey: `lang:${made.id}:staff`,
    });
    expect((await inbox(s.staff))[0]).toMatchObject({ subject: `新派单：${made.number}`, body: '楼道里的灯坏了' });

    expect(await deliverOutbox(t.deps, {})).toEqual({ sent: 2, failed: 0, dead: 0 });
    const mail = (to: string) => readMail(smtp.messages.find((m) => m.to.includes(`<${to}>`))!.data);
    expect(mail('li.xiuying@example.org')).toEqual({
      subject: `Your request ${made.number}: Received`,
      text: `The community has your request and is arranging it\n\nhttp://127.0.0.1:8080/m/requests/${made.id}`,
    });
    expect(mail('staff@example.org')).toEqual({ subject: `新派单：${made.number}`, text: `楼道里的灯坏了\n\nhttp://127.0.0.1:8080/console/requests/${made.id}` });
  });

  it('frames what a person wrote without translating it', async () => {
    t.clock.advanceMinutes(1);
    await enqueueNotification(t.deps.db, t.deps, {
      communityId: t.world.a.id, recipientUserId: t.world.users.resident, event: 'request_status', template: 'request_status',
      params: { number: made.number, status: 'replied', message: '已更换灯泡，请您查看' }, link: `/m/requests/${made.id}`, dedupeKey: `lang:${made.id}:replied`,
    });
    expect((await inbox(s.resident))[0]).toMatchObject({ subject: `Your request ${made.number}: Replied`, body: 'Answered; please rate the answer. 已更换灯泡，请您查看' });
  });

  it('follows the reader when they switch language, and the language their screen asks for', async () => {
    await setLocale(s.resident, 'zh-CN');
    const zh = await inbox(s.resident);
    expect(zh.map((m) => [m.subject, m.body])).toEqual([
      [`您的诉求 ${made.number}：已答复`, '已答复，请您评价。已更换灯泡，请您查看'],
      [`您的诉求 ${made.number}：已受理`, '社区已收到您的诉求，正在安排'],
    ]);
    // The web sends its current language with every call: a switch shows at once, before the account is saved.
    expect((await inbox(s.resident, { 'accept-language': 'en-US' }))[1]!.subject).toBe(`Your request ${made.number}: Received`);
    expect((await inbox(s.staff, { 'accept-language': 'en-US,en;q=0.9' }))[0]!.subject).toBe(`New assignment: ${made.number}`);
    // Marking one read answers it in the same language.
    const read = await t.app.inject({ method: 'POST', url: `/api/v1/notifications/${zh[1]!.id}/read`, headers: { ...s.resident.headers, 'accept-language': 'en-US' } });
    expect(ok<{ subject: string }>(read).subject).toBe(`Your request ${made.number}: Received`);
  });

  it('shows the stored words of messages without a (known) template', async () => {
    const now = iso(t.clock.now());
    const legacy = (dedupeKey: string, template: string | null, params_json: string | null) => ({
      id: newId(), community_id: t.world.a.id, recipient_user_id: t.world.users.community_admin, endpoint_id: null, channel: 'in_app',
      event: 'request_status', subject: `旧消息 ${dedupeKey}`, body: '写入时的文字', template, params_json, link: null, dedupe_key: dedupeKey,
      status: 'sent', attempts: 0, next_attempt_at: null, last_error: null, created_at: now, sent_at: now, read_at: null,
    });
    await t.deps.db.insertInto('notifications').values([
      legacy('old:1', null, null),
      legacy('old:2', 'retired_template', '{"number":"x"}'),
      legacy('old:3', 'request_status', '{"number":"x","status":"no_such_status","message":null}'),
      legacy('old:4', 'request_status', 'not json'),
    ]).execute();
    await setLocale(s.admin, 'en-US');
    const items = await inbox(s.admin);
    expect(items.map((m) => [m.subject, m.body]).sort()).toEqual(['old:1', 'old:2', 'old:3', 'old:4'].map((k) => [`旧消息 ${k}`, '写入时的文字']));
  });
});
