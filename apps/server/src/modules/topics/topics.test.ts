import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TopicComment, TopicDetail } from '@gongzhi/shared';
import { dialects } from '../../test/dialects.js';
import { sessionFor, testApp } from '../../test/fixtures.js';
import { createPlace } from '../places/places.commands.js';
import { createUser } from '../users/users.service.js';
import { as, errCode, ok, proposal, topicOnAgenda, topicsWorld, type T, type TW } from './test/world.js';

describe.each(dialects)('topics: proposing, agenda and consultation (%s)', (dialect) => {
  let t: T;
  let w: TW;
  beforeAll(async () => {
    t = await testApp(dialect);
    w = await topicsWorld(t);
  });
  afterAll(() => t.close());

  it('lets a verified resident, an organisation and staff propose, and refuses an unverified account', async () => {
    const byResident = ok<TopicDetail>(await w.resident.post('/topics', proposal({ placeId: t.world.g1.building.id })), 'resident');
    expect(byResident).toMatchObject({ status: 'proposed', phase: 'proposal', proposerName: '张大明', communityId: t.world.a.id });
    expect(byResident.placeLabel).toContain('1栋');
    expect(byResident.events.map((e) => e.kind)).toEqual(['proposed']);
    const byOrg = ok<TopicDetail>(await w.org.post('/topics', proposal({ title: '驻区单位开放停车位' })), 'org');
    expect(byOrg.status).toBe('proposed');
    const byStaff = ok<TopicDetail>(await w.staff.post('/topics', proposal({ title: '楼道堆物清理' })), 'staff');
    expect(byStaff.can.manage).toBe(true);
    const refused = await w.unverified.post('/topics', proposal());
    expect(refused.statusCode).toBe(403);
    expect(errCode(refused)).toBe('not_open_to_you');
    // The subdistrict reviews; it does not propose in a community.
    expect(errCode(await w.subdistrict.post('/topics', proposal({ communityId: t.world.a.id })))).toBe('topic_community_required');
  });

  it('requires a reason to decline, and shows it to the proposer', async () => {
    const topic = ok<TopicDetail>(await w.resident.post('/topics', proposal({ title: '拆除违建' })), 'propose');
    const noReason = await w.staff.post(`/topics/${topic.id}/decline`, { reason: '   ' });
    expect(noReason.statusCode).toBe(400);
    expect(errCode(noReason)).toBe('topic_decline_reason_required');
    expect(errCode(await w.staff.post(`/topics/${topic.id}/decline`, {}))).toBe('topic_decline_reason_required');
    const declined = ok<TopicDetail>(await w.staff.post(`/topics/${topic.id}/decline`, { reason: '属于城管执法事项，已转交街道' }), 'decline');
    expect(declined).toMatchObject({ status: 'declined', declineReason: '属于城管执法事项，已转交街道' });
    const mine = ok<TopicDetail>(await w.resident.get(`/topics/${topic.id}`), 'proposer reads');
    expect(mine.declineReason).toBe('属于城管执法事项，已转交街道');
    expect(mine.events.map((e) => e.kind)).toEqual(['proposed', 'declined']);
    // The proposer also gets a message with the reason, in their inbox.
    const inbox = ok<{ items: { subject: string; body: string; link: string | null }[] }>(await w.resident.get('/notifications'), 'inbox');
    expect(inbox.items.find((n) => n.subject === '您提出的议题未列入议程：拆除违建')).toMatchObject({ body: '理由：属于城管执法事项，已转交街道', link: `/m/topics/${topic.id}` });
    // Other residents do not see a declined proposal; a second decline is a conflict.
    expect((await w.resident2.get(`/topics/${topic.id}`)).statusCode).toBe(404);
    expect((await w.staff.post(`/topics/${topic.id}/decline`, { reason: '再次' })).statusCode).toBe(409);
  });

  it('opens a consultation with sides and counts, and answers questions in public', async () => {
    const topic = await topicOnAgenda(t, w);
    expect(topic).toMatchObject({ status: 'on_agenda', phase: 'consultation' });
    expect(topic.participation.allowed).toContain('comment');
    const say = async (api: TW['resident'], body: object) => ok<TopicComment>(await api.post(`/topics/${topic.id}/comments`, body), 'comment');
    await say(w.resident, { kind: 'opinion', side: 'support', text: '支持，早该装了' });
    await say(w.resident2, { kind: 'opinion', side: 'support', text: '同意' });
    await say(w.org, { kind: 'opinion', side: 'oppose', text: '场地不够' });
    await say(w.staff, { kind: 'opinion', side: 'neutral', text: '需要测算用电负荷' });
    const q = await say(w.resident2, { kind: 'question', text: '充电费用谁来出？' });
    const refused = await w.unverified.post(`/topics/${topic.id}/comments`, { kind: 'opinion', side: 'support', text: '我也支持' });
    expect(errCode(refused)).toBe('not_open_to_you');

    const list = ok<{ items: TopicComment[]; counts: object; total: number }>(await w.resident.get(`/topics/${topic.id}/comments`), 'list');
    expect(list.counts).toEqual({ support: 2, oppose: 1, neutral: 1, questions: 1 });
    expect(list.total).toBe(5);
    // Residents see each other masked, themselves whole; staff see every name.
    expect(list.items.find((c) => c.id === q.id)!.authorName).toBe('李*');
    expect(list.items.find((c) => c.mine)!.authorName).toBe('张大明');
    const staffView = ok<{ items: TopicComment[] }>(await w.staff.get(`/topics/${topic.id}/comments?kind=question`), 'staff list');
    expect(staffView.items.map((c) => c.authorName)).toEqual(['李小红']);
    const supports = ok<{ items: TopicComment[] }>(await w.staff.get(`/topics/${topic.id}/comments?side=support`), 'supports');
    expect(supports.items).toHaveLength(2);

    const answered = ok<TopicComment>(await w.staff.post(`/topics/${topic.id}/comments/${q.id}/answer`, { text: '由物业按电价代收，不加价' }), 'answer');
    expect(answered.answer).toBe('由物业按电价代收，不加价');
    const notQuestion = list.items.find((c) => c.kind === 'opinion')!;
    expect(errCode(await w.staff.post(`/topics/${topic.id}/comments/${notQuestion.id}/answer`, { text: '答' }))).toBe('topic_not_a_question');
    expect((await w.resident.post(`/topics/${topic.id}/comments/${q.id}/answer`, { text: '答' })).statusCode).toBe(403);
    const summary = ok<{ items: { id: string; counts: object }[] }>(await w.resident.get('/topics?status=on_agenda'), 'topics');
    expect(summary.items.find((i) => i.id === topic.id)!.counts).toEqual({ support: 2, oppose: 1, neutral: 1, questions: 1 });
  });

  it('closes comments when the consultation ends', async () => {
    const topic = await topicOnAgenda(t, w, 1);
    t.clock.advanceMinutes(24 * 60 + 1);
    const late = await w.resident.post(`/topics/${topic.id}/comments`, { kind: 'opinion', side: 'oppose', text: '晚了' });
    expect(errCode(late)).toBe('topic_consultation_ended');
    const seen = ok<TopicDetail>(await w.resident.get(`/topics/${topic.id}`), 'detail');
    expect(seen.participation.allowed).not.toContain('comment');
    // A proposed topic takes no comments at all.
    const proposed = ok<TopicDetail>(await w.resident.post('/topics', proposal()), 'propose');
    expect(errCode(await w.resident.post(`/topics/${proposed.id}/comments`, { kind: 'question', text: '何时讨论？' }))).toBe('topic_wrong_status');
  });

  it('keeps staff-edited permissions per phase', async () => {
    const topic = await topicOnAgenda(t, w);
    const permissions = { ...topic.permissions, consultation: { ...topic.permissions.consultation, comment: ['household_representative', 'staff'] } };
    const changed = ok<TopicDetail>(await w.staff.put(`/topics/${topic.id}/permissions`, { permissions }), 'permissions');
    expect(changed.permissions.consultation.comment).toEqual(['household_representative', 'staff']);
    expect(changed.events.at(-1)!.kind).toBe('permissions_changed');
    // Both linked residents are householders; the organisation is not a household representative.
    expect((await w.resident.post(`/topics/${topic.id}/comments`, { kind: 'opinion', side: 'support', text: '支持' })).statusCode).toBe(201);
    expect(errCode(await w.org.post(`/topics/${topic.id}/comments`, { kind: 'opinion', side: 'support', text: '支持' }))).toBe('not_open_to_you');
    expect((await w.resident.put(`/topics/${topic.id}/permissions`, { permissions })).statusCode).toBe(403);
  });

  it('scopes topics to the community: others answer 404, residents see only their own community', async () => {
    const topic = await topicOnAgenda(t, w);
    expect((await w.adminB.get(`/topics/${topic.id}`)).statusCode).toBe(404);
    expect((await w.residentB.get(`/topics/${topic.id}`)).statusCode).toBe(404);
    expect((await w.adminB.post(`/topics/${topic.id}/agenda`, { consultationEndsAt: '2030-01-01T00:00:00Z' })).statusCode).toBe(404);
    expect((await w.residentB.post(`/topics/${topic.id}/comments`, { kind: 'question', text: '外社区提问' })).statusCode).toBe(404);
    const listB = ok<{ items: { id: string }[] }>(await w.residentB.get('/topics'), 'list B');
    expect(listB.items.map((i) => i.id)).not.toContain(topic.id);
    // A's residents see A's topics on the agenda but not others' fresh proposals; the subdistrict sees both.
    const fresh = ok<TopicDetail>(await w.resident2.post('/topics', proposal({ title: '健身器材维修' })), 'fresh');
    const listA = ok<{ items: { id: string }[] }>(await w.resident.get('/topics'), 'list A');
    expect(listA.items.map((i) => i.id)).toContain(topic.id);
    expect(listA.items.map((i) => i.id)).not.toContain(fresh.id);
    const sd = ok<{ items: { id: string }[] }>(await w.subdistrict.get('/topics'), 'subdistrict');
    expect(sd.items.map((i) => i.id)).toEqual(expect.arrayContaining([topic.id, fresh.id]));
    const mine = ok<{ items: { id: string }[] }>(await w.resident2.get('/topics?mine=true'), 'mine');
    expect(mine.items.map((i) => i.id)).toEqual([fresh.id]);
    expect((await w.grid.get(`/topics/${fresh.id}`)).statusCode).toBe(200);
  });

  it('answers bad input with 4xx codes and writes nothing', async () => {
    const before = await t.deps.db.selectFrom('topics').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect((await w.resident.post('/topics', { title: 'ab', description: '太短' })).statusCode).toBe(400);
    expect((await w.resident.post('/topics', proposal({ title: '标题\u0000' }))).statusCode).toBe(400);
    expect(errCode(await w.resident.post('/topics', proposal({ placeId: t.world.gb.building.id })))).toBe('topic_place_invalid');
    expect(errCode(await w.resident.post('/topics', proposal({ communityId: t.world.b.id })))).toBe('topic_community_required');
    const topic = ok<TopicDetail>(await w.staff.post('/topics', proposal()), 'propose');
    expect(errCode(await w.staff.post(`/topics/${topic.id}/agenda`, { consultationEndsAt: t.clock.now().toISOString() }))).toBe('topic_consultation_end_invalid');
    expect((await w.staff.post(`/topics/${topic.id}/agenda`, { consultationEndsAt: 'next week' })).statusCode).toBe(400);
    expect((await w.staff.post(`/topics/${topic.id}/comments`, { kind: 'opinion', side: 'maybe', text: 'x' })).statusCode).toBe(400);
    expect((await w.staff.get('/topics/no%20such')).statusCode).toBe(400);
    expect((await w.staff.get('/topics/0192f0e0-0000-7000-8000-000000000000')).statusCode).toBe(404);
    expect((await w.staff.put(`/topics/${topic.id}/permissions`, { permissions: { proposal: { propose: ['mayor'] } } })).statusCode).toBe(400);
    const after = await t.deps.db.selectFrom('topics').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n) + 1);
  });
  it('follows its community to another subdistrict: the old subdistrict no longer sees its topics, the new one does', async () => {
    const topic = ok<TopicDetail>(await w.adminB.post('/topics', proposal({ title: '乙社区停车难' })), 'propose in B');
    expect((await w.subdistrict.get(`/topics/${topic.id}`)).statusCode).toBe(200);
    const sd2 = await createPlace(t.deps, null, { kind: 'subdistrict', name: '第二街道', parentId: null });
    const { user } = await createUser(t.deps, null, {
      displayName: '区民政',
      username: 'district-mover',
      password: 'Passw0rd-test',
      roles: [
        { role: 'subdistrict_admin', placeId: t.world.sd.id },
        { role: 'subdistrict_admin', placeId: sd2.id },
      ],
    });
    const mover = as(t, await sessionFor(t.app, user.id));
    ok(await mover.post(`/places/${t.world.b.id}/move`, { parentId: sd2.id }), 'move B');
    expect((await w.subdistrict.get(`/topics/${topic.id}`)).statusCode).toBe(404);
    expect(ok<TopicDetail>(await mover.get(`/topics/${topic.id}`), 'seen from the new subdistrict').title).toBe('乙社区停车难');
  });
});
