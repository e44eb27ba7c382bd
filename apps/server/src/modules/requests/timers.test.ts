import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultRequestSettings } from '@gongzhi/shared';
import { dialects } from '../../test/dialects.js';
import { testApp } from '../../test/fixtures.js';
import { runRequestTimers } from './index.js';
import { errCode, notificationsFor, ok, people, stepsOf, submit, type People, type RequestDetail, type T } from './test/factories.js';

describe.each(dialects)('deadlines, timers and callbacks (%s)', (dialect) => {
  let t: T;
  let p: People;
  const row = (id: string) => t.deps.db.selectFrom('requests').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const events = async (id: string, event: string) =>
    (await notificationsFor(t, id)).filter((n) => n.event === event && n.channel === 'in_app').map((n) => n.recipient_user_id);
  const settings = {
    ...defaultRequestSettings,
    replyMinutes: { ...defaultRequestSettings.replyMinutes, emergency: 180 },
    remindBeforeMinutes: 60,
    escalateToSubdistrictAfterMinutes: 120,
    autoCloseDays: 3,
    callbackHours: 24,
  };

  beforeAll(async () => {
    t = await testApp(dialect);
    p = await people(t);
  });
  afterAll(() => t.close());

  it('keeps deadlines per community, editable by the office and readable by handlers', async () => {
    const url = `/request-settings?communityId=${t.world.a.id}`;
    expect(ok<{ isDefault: boolean }>(await p.grid.get(url), 'read').isDefault).toBe(true);
    expect((await p.leader.get(url)).statusCode).toBe(403);
    expect((await p.grid.put(url, settings)).statusCode).toBe(403);
    expect((await p.adminB.get(url)).statusCode).toBe(404);
    expect((await p.admin.put(`/request-settings?communityId=${t.world.g1.grid.id}`, settings)).statusCode).toBe(404);
    expect(errCode(await p.admin.put(url, { ...settings, autoCloseDays: 0 }))).toBe('validation_failed');
    const saved = ok<{ settings: typeof settings; isDefault: boolean }>(await p.admin.put(url, settings), 'save');
    expect(saved).toMatchObject({ isDefault: false, settings: { remindBeforeMinutes: 60, replyMinutes: { emergency: 180 } } });
    expect(ok<{ settings: typeof settings }>(await p.rep.get(url), 'rep reads').settings.autoCloseDays).toBe(3);
    const audit = await t.deps.db.selectFrom('audit_log').select('action').where('target_id', '=', t.world.a.id).execute();
    expect(audit.map((a) => a.action)).toContain('request_settings.updated');
  });

  it('reminds before the deadline, escalates to the community then the subdistrict, once each', async () => {
    const { id } = await submit(p.staff, { text: '燃气管道有异味，怀疑泄漏', channel: 'phone', contactName: '韩', urgency: 'emergency', placeId: t.world.g1.building.id });
    const created = await row(id);
    expect((Date.parse(created.reply_due_at) - Date.parse(created.created_at)) / 60_000).toBe(180);
    ok(await p.staff.post(`/requests/${id}/dispatch`, { assignees: [{ kind: 'user', userId: t.world.users.grid_worker }] }), 'dispatch');

    t.clock.advanceMinutes(110);
    expect((await runRequestTimers(t.deps)).reminded).toBe(0);
    t.clock.advanceMinutes(15); // 55 minutes before the deadline
    const [first, second] = [await runRequestTimers(t.deps), await runRequestTimers(t.deps)];
    expect(first.reminded).toBe(1);
    expect(second.reminded).toBe(0);
    expect(await events(id, 'request_due')).toEqual([t.world.users.grid_worker]);
    expect((await row(id)).reminded_at).toBe(t.clock.now().toISOString());

    t.clock.advanceMinutes(60); // 5 minutes overdue
    expect((await runRequestTimers(t.deps)).escalated).toBe(1);
    expect((await runRequestTimers(t.deps)).escalated).toBe(0);
    expect(await events(id, 'request_overdue')).toEqual([t.world.users.community_admin]);
    expect((await row(id)).escalation_level).toBe(1);
    expect(((await p.staff.get(`/requests/${id}`)).json() as RequestDetail).overdue).toBe(true);

    t.clock.advanceMinutes(100);
    expect((await runRequestTimers(t.deps)).escalated).toBe(0);
    t.clock.advanceMinutes(20);
    // Two app servers running the timers at the same moment escalate it once.
    const both = await Promise.all([runRequestTimers(t.deps), runRequestTimers(t.deps)]);
    expect(both[0].escalated + both[1].escalated).toBe(1);
    expect(await events(id, 'request_escalated')).toEqual([t.world.users.subdistrict_admin]);
    const steps = await stepsOf(t, id);
    expect(steps.filter((s) => ['reminded', 'escalated'].includes(s.action)).map((s) => [s.action, s.actor_name, s.public])).toEqual([
      ['reminded', '系统', 0],
      ['escalated', '系统', 0],
      ['escalated', '系统', 0],
    ]);
  });

  it('closes answers nobody rated after the configured days', async () => {
    const { id } = await submit(p.resident, { text: '小区绿化带杂草太多' });
    ok(await p.staff.post(`/requests/${id}/dispatch`, { assignees: [{ kind: 'organisation', organisationId: p.orgId }] }), 'dispatch');
    ok(await p.rep.post(`/requests/${id}/reply`, { text: '已安排除草' }), 'reply');
    t.clock.advanceMinutes(3 * 1440 - 5);
    expect((await runRequestTimers(t.deps)).closed).toBe(0);
    t.clock.advanceMinutes(10);
    expect((await runRequestTimers(t.deps)).closed).toBe(1);
    expect(await row(id)).toMatchObject({ status: 'closed', closed_at: t.clock.now().toISOString() });
    expect((await stepsOf(t, id)).at(-1)).toMatchObject({ action: 'closed', actor_name: '系统', actor_user_id: null });
    expect(await events(id, 'request_status')).toContain(t.world.users.resident);
    expect((await runRequestTimers(t.deps)).closed).toBe(0);
  });

  it('creates callback tasks for phone requests, announces them when due, and records the rating they bring', async () => {
    const { id } = await submit(p.staff, { text: '电话反映：小区门禁坏了', channel: 'phone', residentId: p.residentId });
    ok(await p.staff.post(`/requests/${id}/dispatch`, { assignees: [{ kind: 'organisation', organisationId: p.orgId }] }), 'dispatch');
    ok(await p.rep.post(`/requests/${id}/reply`, { text: '门禁已修复' }), 'reply');
    const open = ok<{ items: { id: string; requestId: string; dueAt: string }[]; total: number }>(await p.staff.get('/callbacks?status=open'), 'callbacks');
    const cb = open.items.find((c) => c.requestId === id)!;
    expect(Date.parse(cb.dueAt) - t.clock.now().getTime()).toBe(24 * 3_600_000);
    expect(ok<{ items: unknown[] }>(await p.admin.get('/callbacks'), 'office sees all').items.length).toBeGreaterThan(0);
    expect(ok<{ items: unknown[] }>(await p.grid.get('/callbacks'), 'not theirs').items).toEqual([]);
    expect((await p.grid.post(`/callbacks/${cb.id}/complete`, { reached: false })).statusCode).toBe(404);

    t.clock.advanceMinutes(24 * 60 + 1);
    const run = await runRequestTimers(t.deps);
    expect(run.callbacks).toBe(1);
    expect((await runRequestTimers(t.deps)).callbacks).toBe(0);
    expect(await events(id, 'callback_due')).toEqual([t.world.users.community_staff]);

    let res = await p.staff.post(`/callbacks/${cb.id}/complete`, { reached: true, rating: 'dissatisfied', resolved: false });
    expect([res.statusCode, errCode(res)]).toEqual([400, 'comment_required']);
    res = await p.staff.post(`/callbacks/${cb.id}/complete`, { reached: true, rating: 'satisfied' });
    expect(res.statusCode).toBe(400);
    ok(await p.staff.post(`/callbacks/${cb.id}/complete`, { reached: true, rating: 'satisfied', resolved: true, note: '居民表示满意' }), 'complete');
    expect(await row(id)).toMatchObject({ status: 'rated', rating: 'satisfied', resolved: 1 });
    expect((await stepsOf(t, id)).slice(-2).map((s) => s.action)).toEqual(['callback', 'rated']);
    res = await p.staff.post(`/callbacks/${cb.id}/complete`, { reached: false });
    expect([res.statusCode, errCode(res)]).toEqual([409, 'callback_closed']);
    expect(ok<{ items: { id: string }[] }>(await p.staff.get('/callbacks?status=done'), 'done').items.map((c) => c.id)).toContain(cb.id);
  });
});
