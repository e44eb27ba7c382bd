import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TopicDetail } from '@gongzhi/shared';
import { publicActor, type RequestContext } from '../../lib/actor.js';
import { motionSubject, type DecidedMotion } from '../../lib/motion-subjects.js';
import { dialects } from '../../test/dialects.js';
import { testApp } from '../../test/fixtures.js';
import { addRequest } from '../triage/test-factories.js';
import './decisions.service.js';
import { errCode, ok, proposal, topicOnAgenda, topicsWorld, type T, type TW } from './test/world.js';

describe.each(dialects)('topics: from requests, decisions, tasks and report-back (%s)', (dialect) => {
  let t: T;
  let w: TW;
  let ctx: RequestContext;
  beforeAll(async () => {
    t = await testApp(dialect);
    w = await topicsWorld(t);
    ctx = { actor: { ...publicActor, userId: t.world.users.community_admin, displayName: '会议主持人' }, requestId: 'test', ip: null };
  });
  afterAll(() => t.close());

  const motion = (topicId: string, result: DecidedMotion['result'], extra: Partial<DecidedMotion> = {}): DecidedMotion => ({
    motionId: `motion-${result}`,
    meetingId: 'meeting-1',
    meetingKind: 'representative_assembly',
    communityId: t.world.a.id,
    subjectKind: 'topic',
    subjectId: topicId,
    text: '在小区东侧空地建设充电车棚一处',
    result,
    eligible: 40,
    present: result === 'no_quorum' ? 18 : 31,
    womenPresent: 14,
    forCount: 25,
    againstCount: 4,
    abstainCount: 2,
    decidedAt: t.clock.now().toISOString(),
    ...extra,
  });
  const decide = (m: DecidedMotion) => t.deps.db.transaction().execute((trx) => motionSubject('topic')!.decided(trx, m, ctx));

  it('starts a topic from requests and a proactive case, refusing requests of another community', async () => {
    const r1 = await addRequest(t.deps, { placeId: t.world.g1.dwelling.id, title: '电动车楼道充电' });
    const r2 = await addRequest(t.deps, { placeId: t.world.g2.dwelling.id, title: '飞线充电危险' });
    const r3 = await addRequest(t.deps, { placeId: t.world.g1.building.id, title: '充电桩不够' });
    const rb = await addRequest(t.deps, { placeId: t.world.gb.dwelling.id, title: '乙社区充电' });
    const c = ok<{ id: string }>(await w.staff.post('/proactive-cases', { title: '电动车充电难', requestIds: [r2.id, r3.id] }), 'case');
    const topic = ok<TopicDetail>(await w.staff.post('/topics', proposal({ requestIds: [r1.id], proactiveCaseId: c.id })), 'from requests');
    expect(topic.requestCount).toBe(3);
    expect(topic.requests.map((r) => r.number).sort()).toEqual([r1.number, r2.number, r3.number].sort());
    expect(topic.events[0]).toMatchObject({ kind: 'proposed', data: { requests: 3, proactiveCaseId: c.id } });
    const other = await w.staff.post('/topics', proposal({ requestIds: [r1.id, rb.id] }));
    expect(other.statusCode).toBe(400);
    expect(errCode(other)).toBe('topic_requests_invalid');
    expect(errCode(await w.staff.post('/topics', proposal({ requestIds: ['0192f0e0-0000-7000-8000-000000000000'] })))).toBe('topic_requests_invalid');
    expect(errCode(await w.resident.post('/topics', proposal({ requestIds: [r1.id] })))).toBe('topic_requests_staff_only');
    // Residents see the topic but not the requests' own words.
    ok(await w.staff.post(`/topics/${topic.id}/agenda`, { consultationEndsAt: '2030-01-01T00:00:00Z' }), 'agenda');
    const seen = ok<TopicDetail>(await w.resident.get(`/topics/${topic.id}`), 'resident view');
    expect(seen.requestCount).toBe(3);
    expect(seen.requests).toEqual([]);
  });

  it('is decided through the motion-subject hook: no quorum waits, then adopted with the tally', async () => {
    const topic = await topicOnAgenda(t, w);
    await expect(motionSubject('topic')!.check(t.deps.db, topic.id, { communityId: t.world.a.id, kind: 'representative_assembly' })).resolves.toEqual({ title: topic.title });
    await expect(motionSubject('topic')!.check(t.deps.db, topic.id, { communityId: t.world.b.id, kind: 'residents_meeting' })).rejects.toMatchObject({ status: 404 });
    await decide(motion(topic.id, 'no_quorum'));
    const waiting = ok<TopicDetail>(await w.staff.get(`/topics/${topic.id}`), 'after no quorum');
    expect(waiting).toMatchObject({ status: 'on_agenda', decision: null });
    await decide(motion(topic.id, 'adopted'));
    const decided = ok<TopicDetail>(await w.resident.get(`/topics/${topic.id}`), 'decided');
    expect(decided).toMatchObject({ status: 'decided', phase: 'decision' });
    expect(decided.decision).toMatchObject({ result: 'adopted', text: '在小区东侧空地建设充电车棚一处', forCount: 25, againstCount: 4, abstainCount: 2, present: 31, meetingId: 'meeting-1' });
    expect(decided.events.map((e) => e.kind)).toEqual(['proposed', 'put_on_agenda', 'meeting_no_quorum', 'consultation_closed', 'meeting_decided']);
    expect(decided.events.at(-1)!.data).toMatchObject({ eligible: 40, present: 31, womenPresent: 14, for: 25 });
    // Decided topics cannot be put to a vote again.
    await expect(motionSubject('topic')!.check(t.deps.db, topic.id, { communityId: t.world.a.id, kind: 'residents_meeting' })).rejects.toMatchObject({ status: 409 });
    // A vote closed after the topic was decided (a second meeting, a decision recorded by hand) is kept on the
    // trail and changes nothing, so the meeting's vote can still close.
    await decide(motion(topic.id, 'rejected', { motionId: 'motion-late', forCount: 3, againstCount: 20 }));
    const after = ok<TopicDetail>(await w.staff.get(`/topics/${topic.id}`), 'after a late vote');
    expect(after).toMatchObject({ status: 'decided', decision: { result: 'adopted', forCount: 25 } });
    expect(after.events.at(-1)).toMatchObject({ kind: 'meeting_result_after_decision', data: { motionId: 'motion-late', result: 'rejected', against: 20 } });
  });

  it('records a rejection by a meeting, and a manual decision with a meeting reference', async () => {
    const rejected = await topicOnAgenda(t, w);
    await decide(motion(rejected.id, 'rejected', { forCount: 10, againstCount: 20, abstainCount: 1 }));
    const r = ok<TopicDetail>(await w.staff.get(`/topics/${rejected.id}`), 'rejected');
    expect(r).toMatchObject({ status: 'rejected', decision: { result: 'rejected' } });
    expect(ok<TopicDetail>(await w.staff.post(`/topics/${rejected.id}/close`), 'close').status).toBe('closed');

    const manual = await topicOnAgenda(t, w);
    const body = { result: 'adopted', text: '同意建设', meetingRef: '2026年第3次居民代表会议', decidedAt: t.clock.now().toISOString(), forCount: 20, againstCount: 3, abstainCount: 0 };
    expect(errCode(await w.staff.post(`/topics/${manual.id}/decision`, { ...body, forCount: 3, againstCount: 20 }))).toBe('topic_tally_invalid');
    expect(errCode(await w.staff.post(`/topics/${manual.id}/decision`, { ...body, decidedAt: '2099-01-01T00:00:00Z' }))).toBe('topic_decision_date_invalid');
    expect((await w.resident.post(`/topics/${manual.id}/decision`, body)).statusCode).toBe(403);
    const d = ok<TopicDetail>(await w.staff.post(`/topics/${manual.id}/decision`, body), 'manual');
    expect(d.decision).toMatchObject({ result: 'adopted', meetingRef: '2026年第3次居民代表会议', forCount: 20, meetingId: null });
    expect(d.events.at(-1)).toMatchObject({ kind: 'decision_recorded', data: { meetingRef: '2026年第3次居民代表会议' } });
    expect((await w.staff.post(`/topics/${manual.id}/decision`, body)).statusCode).toBe(409);
  });

  it('turns the decision into tasks with owners and deadlines, shows overdue ones, and publishes the report-back', async () => {
    const topic = await topicOnAgenda(t, w);
    expect(errCode(await w.staff.post(`/topics/${topic.id}/tasks`, { title: '招标', ownerKind: 'person', ownerName: '王工', dueOn: '2026-12-01' }))).toBe('topic_wrong_status');
    await decide(motion(topic.id, 'adopted'));
    const org = ok<{ id: string }>(await w.admin.post('/organisations', { kind: 'property_company', name: '安居物业', communityId: t.world.a.id }), 'org');
    const base = `/topics/${topic.id}/tasks`;
    let d = ok<TopicDetail>(await w.staff.post(base, { title: '物业出具施工方案', ownerKind: 'organisation', ownerOrganisationId: org.id, dueOn: '2026-11-28' }), 'task 1');
    expect(d).toMatchObject({ status: 'implementing', phase: 'implementation' });
    d = ok<TopicDetail>(await w.staff.post(base, { title: '网格员入户告知', ownerKind: 'user', ownerUserId: t.world.users.grid_worker, dueOn: '2026-12-20' }), 'task 2');
    d = ok<TopicDetail>(await w.staff.post(base, { title: '供电公司报装', ownerKind: 'person', ownerName: '供电所王工', dueOn: '2026-12-05' }), 'task 3');
    expect(d.tasks.map((k) => [k.ownerName, k.dueOn])).toEqual([
      ['安居物业', '2026-11-28'],
      ['供电所王工', '2026-12-05'],
      ['用户4', '2026-12-20'],
    ]);
    expect(errCode(await w.staff.post(base, { title: '乙社区', ownerKind: 'user', ownerUserId: t.world.adminB, dueOn: '2026-12-01' }))).toBe('topic_task_owner_invalid');
    expect(errCode(await w.staff.post(base, { title: '无名', ownerKind: 'person', dueOn: '2026-12-01' }))).toBe('topic_task_owner_invalid');
    expect((await w.staff.post(base, { title: '坏日期', ownerKind: 'person', ownerName: '甲', dueOn: '12/01' })).statusCode).toBe(400);

    t.clock.advanceMinutes(5 * 24 * 60); // 2026-11-30 (local): the first task is overdue
    d = ok<TopicDetail>(await w.staff.get(`/topics/${topic.id}`), 'overdue');
    expect(d.tasks.filter((k) => k.overdue).map((k) => k.title)).toEqual(['物业出具施工方案']);
    expect(d.overdueTasks).toBe(1);
    const first = d.tasks[0]!;
    expect((await w.resident.post(`${base}/${first.id}/done`, { note: '完成' })).statusCode).toBe(403);
    d = ok<TopicDetail>(await w.staff.post(`${base}/${first.id}/done`, { note: '方案已报街道' }), 'done');
    expect(d.tasks[0]).toMatchObject({ doneNote: '方案已报街道', overdue: false });
    expect(errCode(await w.staff.post(`${base}/${first.id}/done`, { note: '再次' }))).toBe('topic_task_done');
    // The grid worker owns a task and may close it.
    const mineTask = d.tasks.find((k) => k.ownerKind === 'user')!;
    ok(await w.grid.post(`${base}/${mineTask.id}/done`, { note: '已入户告知 40 户' }), 'owner done');

    const draft = ok<TopicDetail>(await w.staff.post(`/topics/${topic.id}/report-back`, { text: '充电车棚已开工，预计月底投用。', publish: false }), 'draft');
    expect(draft.status).toBe('implementing');
    expect(ok<TopicDetail>(await w.resident.get(`/topics/${topic.id}`), 'resident').reportBack).toBeNull();
    const published = ok<TopicDetail>(await w.staff.post(`/topics/${topic.id}/report-back`, { text: '充电车棚已建成投用，共 40 个充电口。', publish: true }), 'publish');
    expect(published).toMatchObject({ status: 'reported', phase: 'report_back', reportBack: '充电车棚已建成投用，共 40 个充电口。' });
    expect(published.participation.allowed).toContain('comment');
    const residentComment = await w.resident.post(`/topics/${topic.id}/comments`, { kind: 'opinion', side: 'support', text: '很好用' });
    expect(residentComment.statusCode).toBe(201);
    expect((residentComment.json() as { phase: string }).phase).toBe('report_back');
    const closed = ok<TopicDetail>(await w.staff.post(`/topics/${topic.id}/close`), 'close');
    expect(closed.status).toBe('closed');
    expect(errCode(await w.resident.post(`/topics/${topic.id}/comments`, { kind: 'opinion', side: 'support', text: '再说一句' }))).toBe('topic_wrong_status');

    // The whole trail, in order, each step with who and when.
    expect(closed.events.map((e) => e.kind)).toEqual([
      'proposed',
      'put_on_agenda',
      'consultation_closed',
      'meeting_decided',
      'task_added',
      'task_added',
      'task_added',
      'task_done',
      'task_done',
      'report_back_published',
      'closed',
    ]);
    expect(closed.events.every((e) => e.at && e.actorName)).toBe(true);
    const ats = closed.events.map((e) => e.at);
    expect([...ats].sort()).toEqual(ats);
  });
});
