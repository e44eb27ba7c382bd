import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../lib/app-error.js';
import { motionSubject, registerMotionSubject, type DecidedMotion, type MotionSubject } from '../../lib/motion-subjects.js';
import { dialects } from '../../test/dialects.js';
import { testApp } from '../../test/fixtures.js';
import { errCode, meetingsWorld, ok, openMeeting, type Api, type Detail, type MeetingsWorld, type T } from './test/world.js';

/**
 * The chair's tools: speaking turns, motions with named and secret ballots, quorum and majority at the moment of
 * the vote, the subject hook inside the tally's transaction, and the minutes PDF.
 */

// A stand-in subject owner, registered in the real registry (the topics module registers the same way).
const decisions: { motion: DecidedMotion; statusInTrx: string | undefined }[] = [];
let failDecided = false;
const fake: MotionSubject = {
  async check(_db, subjectId) {
    if (subjectId === 'not-ready') throw new AppError('motion_subject_unavailable', 400, { subjectId });
    return { title: `议题 ${subjectId}` };
  },
  async decided(trx, motion) {
    // Inside the same transaction the tally was written in: the motion already reads as decided.
    const row = await trx.selectFrom('deliberation_motions').select('status').where('id', '=', motion.motionId).executeTakeFirst();
    decisions.push({ motion, statusInTrx: row?.status });
    if (failDecided) throw new AppError('motion_subject_unavailable', 409, { reason: 'test' });
  },
};

describe.each(dialects)('deliberation meetings: speeches, motions, votes, minutes (%s)', (dialect) => {
  let t: T;
  let w: MeetingsWorld;
  const previous = motionSubject('topic');
  beforeAll(async () => {
    t = await testApp(dialect);
    w = await meetingsWorld(t);
    registerMotionSubject('topic', fake);
  });
  afterAll(async () => {
    if (previous) registerMotionSubject('topic', previous);
    await t.close();
  });

  const url = (m: { id: string }, rest = '') => `/deliberation-meetings/${m.id}${rest}`;
  const tick = (api: Api, m: { id: string }, inviteeId: string) => api.post(url(m, `/invitees/${inviteeId}/sign-in`));
  const lastMotion = (d: Detail) => d.motions[d.motions.length - 1]!;

  it('limits each speaker to the turns allowed and records start and end', async () => {
    const { m, invitee } = await openMeeting(t, w.staff, { speechMinutes: 2, speechTurns: 2 });
    const speaker = invitee('张二').id;
    for (let turn = 1; turn <= 2; turn++) {
      const d = ok<Detail>(await w.staff.post(url(m, '/speeches'), { inviteeId: speaker }), 'queue');
      const s = d.speeches[d.speeches.length - 1]!;
      expect(s.status).toBe('queued');
      const started = ok<Detail>(await w.staff.post(url(m, `/speeches/${s.id}/start`)), 'start');
      expect(started.speeches.find((x) => x.id === s.id)).toMatchObject({ status: 'speaking', turn });
      t.clock.advanceMinutes(2);
      const stopped = ok<Detail>(await w.staff.post(url(m, `/speeches/${s.id}/stop`)), 'stop');
      expect(stopped.speeches.find((x) => x.id === s.id)!.endedAt).not.toBeNull();
    }
    const third = await w.staff.post(url(m, '/speeches'), { inviteeId: speaker });
    expect([third.statusCode, errCode(third)]).toEqual([409, 'speaking_turns_used']);
    // Someone else may speak; only one at a time.
    const a = ok<Detail>(await w.staff.post(url(m, '/speeches'), { name: '驻区单位代表' }), 'named');
    const b = ok<Detail>(await w.staff.post(url(m, '/speeches'), { inviteeId: invitee('张三').id }), 'other');
    ok(await w.staff.post(url(m, `/speeches/${a.speeches.at(-1)!.id}/start`)), 'start a');
    expect(errCode(await w.staff.post(url(m, `/speeches/${b.speeches.at(-1)!.id}/start`)))).toBe('speech_in_progress');
    expect(errCode(await w.staff.post(url(m, '/speeches'), {}))).toBe('speaker_invalid');
  });

  it('decides by more than half of those present: a tie is rejected; named choices only from those present', async () => {
    const { m, invitees } = await openMeeting(t, w.staff);
    for (const i of invitees) ok(await tick(w.staff, m, i.id), 'tick');
    let d = ok<Detail>(await w.staff.post(url(m, '/motions'), { text: '同意加装电梯', ballot: 'named' }), 'table');
    const motion = lastMotion(d);
    const [a, b, c, e] = invitees.map((i) => i.id) as [string, string, string, string];
    ok(await w.staff.post(url(m, `/motions/${motion.id}/votes`), { votes: [{ inviteeId: a, choice: 'for' }, { inviteeId: b, choice: 'for' }, { inviteeId: c, choice: 'against' }] }), 'votes');
    // Correction before the close: the last choice for an invitee stands.
    d = ok<Detail>(await w.staff.post(url(m, `/motions/${motion.id}/votes`), { votes: [{ inviteeId: c, choice: 'abstain' }, { inviteeId: e, choice: 'against' }] }), 'votes');
    expect(lastMotion(d).votesRecorded).toBe(4);
    d = ok<Detail>(await w.staff.post(url(m, `/motions/${motion.id}/close`), {}), 'close');
    // 2 of 4 present is exactly half: not a majority.
    expect(lastMotion(d)).toMatchObject({ status: 'decided', result: 'rejected', eligible: 4, present: 4, womenPresent: 2, forCount: 2, againstCount: 1, abstainCount: 1 });
    expect(errCode(await w.staff.post(url(m, `/motions/${motion.id}/close`), {}))).toBe('motion_decided');

    const second = lastMotion(ok<Detail>(await w.staff.post(url(m, '/motions'), { text: '同意方案二', ballot: 'named' }), 'table'));
    ok(await w.staff.post(url(m, `/invitees/${e}/sign-out`)), 'one leaves');
    const absent = await w.staff.post(url(m, `/motions/${second.id}/votes`), { votes: [{ inviteeId: e, choice: 'for' }] });
    expect([absent.statusCode, errCode(absent)]).toEqual([400, 'voter_not_present']);
    ok(await w.staff.post(url(m, `/motions/${second.id}/votes`), { votes: [a, b].map((inviteeId) => ({ inviteeId, choice: 'for' })) }), 'votes');
    // 2 of 3 present is more than half.
    expect(lastMotion(ok<Detail>(await w.staff.post(url(m, `/motions/${second.id}/close`), {}), 'close'))).toMatchObject({ result: 'adopted', present: 3, forCount: 2 });
  });

  it('takes secret-ballot counts from the tellers, never more than present', async () => {
    const { m, invitees } = await openMeeting(t, w.staff);
    for (const i of invitees.slice(0, 3)) ok(await tick(w.staff, m, i.id), 'tick');
    const motion = lastMotion(ok<Detail>(await w.staff.post(url(m, '/motions'), { text: '无记名表决事项', ballot: 'secret' }), 'table'));
    expect(errCode(await w.staff.post(url(m, `/motions/${motion.id}/close`), { forCount: 2 }))).toBe('vote_counts_required');
    const over = await w.staff.post(url(m, `/motions/${motion.id}/close`), { forCount: 2, againstCount: 1, abstainCount: 1 });
    expect([over.statusCode, errCode(over)]).toEqual([400, 'vote_counts_exceed_present']);
    expect(lastMotion(ok<Detail>(await w.staff.get(url(m)), 'detail')).status).toBe('voting');
    expect(errCode(await w.staff.post(url(m, `/motions/${motion.id}/votes`), { votes: [{ inviteeId: invitees[0]!.id, choice: 'for' }] }))).toBe('vote_counts_required');
    const d = ok<Detail>(await w.staff.post(url(m, `/motions/${motion.id}/close`), { forCount: 2, againstCount: 1, abstainCount: 0 }), 'close');
    expect(lastMotion(d)).toMatchObject({ ballot: 'secret', result: 'adopted', present: 3, eligible: 4 });
  });

  it('records no quorum, then adopts the same subject tabled again after more sign in; the subject hears both in the transaction', async () => {
    const { m, invitees } = await openMeeting(t, w.staff, { kind: 'residents_meeting' });
    expect(errCode(await w.staff.post(url(m, '/motions'), { text: '表决议题', ballot: 'secret', subjectKind: 'topic', subjectId: 'not-ready' }))).toBe('motion_subject_unavailable');
    expect(errCode(await w.staff.post(url(m, '/motions'), { text: '表决议题', ballot: 'secret', subjectKind: 'topic' }))).toBe('validation_failed');
    for (const i of invitees.slice(0, 2)) ok(await tick(w.staff, m, i.id), 'tick');
    const first = lastMotion(ok<Detail>(await w.staff.post(url(m, '/motions'), { text: '表决议题：加装电梯', ballot: 'secret', subjectKind: 'topic', subjectId: 't1' }), 'table'));
    expect(first.subjectTitle).toBe('议题 t1');
    const before = decisions.length;
    ok(await w.staff.post(url(m, `/motions/${first.id}/close`), { forCount: 2, againstCount: 0, abstainCount: 0 }), 'close');
    for (const i of invitees.slice(2)) ok(await tick(w.staff, m, i.id), 'tick');
    const second = lastMotion(ok<Detail>(await w.staff.post(url(m, '/motions'), { text: '表决议题：加装电梯', ballot: 'secret', subjectKind: 'topic', subjectId: 't1' }), 'table'));
    // A second motion on a subject already being voted on would decide it twice.
    const twice = await w.staff.post(url(m, '/motions'), { text: '再次表决', ballot: 'secret', subjectKind: 'topic', subjectId: 't1' });
    expect([twice.statusCode, errCode(twice)]).toEqual([409, 'motion_subject_in_vote']);

    // A subject owner that refuses rolls the whole tally back.
    failDecided = true;
    expect((await w.staff.post(url(m, `/motions/${second.id}/close`), { forCount: 3, againstCount: 1, abstainCount: 0 })).statusCode).toBe(409);
    failDecided = false;
    expect(lastMotion(ok<Detail>(await w.staff.get(url(m)), 'detail'))).toMatchObject({ status: 'voting', result: null });

    const d = ok<Detail>(await w.staff.post(url(m, `/motions/${second.id}/close`), { forCount: 3, againstCount: 1, abstainCount: 0 }), 'close');
    expect(d.motions.map((x) => [x.position, x.result])).toEqual([
      [1, 'no_quorum'],
      [2, 'adopted'],
    ]);
    const heard = decisions.slice(before).filter((x) => x.motion.meetingId === m.id);
    expect(heard.map((x) => [x.motion.result, x.motion.present, x.motion.eligible, x.statusInTrx])).toEqual([
      ['no_quorum', 2, 4, 'decided'],
      ['adopted', 4, 4, 'decided'],
      ['adopted', 4, 4, 'decided'],
    ]);
    expect(heard[2]!.motion).toMatchObject({ subjectKind: 'topic', subjectId: 't1', meetingKind: 'residents_meeting', womenPresent: 2, forCount: 3 });
  });

  it('closes the meeting and writes Chinese minutes with attendance, speakers and motions', async () => {
    const { m, invitees, invitee } = await openMeeting(t, w.staff, { title: '纪要测试会议' });
    for (const i of invitees.slice(0, 3)) ok(await tick(w.staff, m, i.id), 'tick');
    const q = ok<Detail>(await w.staff.post(url(m, '/speeches'), { inviteeId: invitee('张二').id }), 'queue');
    ok(await w.staff.post(url(m, `/speeches/${q.speeches[0]!.id}/start`)), 'start');
    ok(await w.staff.post(url(m, `/speeches/${q.speeches[0]!.id}/stop`)), 'stop');
    const motion = lastMotion(ok<Detail>(await w.staff.post(url(m, '/motions'), { text: '同意设立车棚', ballot: 'secret' }), 'table'));
    expect(errCode(await w.staff.post(url(m, '/close')))).toBe('meeting_wrong_status');
    ok(await w.staff.post(url(m, `/motions/${motion.id}/close`), { forCount: 3, againstCount: 0, abstainCount: 0 }), 'vote');
    ok(await w.staff.put(url(m, '/minutes'), { summary: '会议讨论了车棚选址。', decisions: '同意设立车棚。' }), 'minutes');
    expect(ok<Detail>(await w.staff.post(url(m, '/close')), 'close').status).toBe('closed');
    expect(errCode(await w.staff.post(url(m, '/motions'), { text: '会后动议', ballot: 'named' }))).toBe('meeting_closed');

    const res = await w.staff.get(url(m, '/minutes.pdf'));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const dir = mkdtempSync(path.join(tmpdir(), 'gz-minutes-'));
    writeFileSync(path.join(dir, 'm.pdf'), res.rawPayload);
    const text = execFileSync('pdftotext', ['-layout', path.join(dir, 'm.pdf'), '-'], { encoding: 'utf8' }).replace(/[ \t]+/g, ' ');
    for (const s of ['甲社区居民会议会议纪要', '纪要测试会议', '社区议事厅', '李主任', '王记录', '应到', '实到', '其中女性', '审议加装电梯方案', '张二', '第 1 次', '同意设立车棚', '无记名投票', '赞成 3 票', '结果：通过', '会议讨论了车棚选址']) {
      expect(text).toContain(s);
    }
    expect((await w.resident.get(url(m, '/minutes.pdf'))).statusCode).toBe(403);
    expect((await w.adminB.get(url(m, '/minutes.pdf'))).statusCode).toBe(404);
  });

  it('serves the sign-in QR code as a PNG to those who run the meeting', async () => {
    const { m } = await openMeeting(t, w.staff);
    const res = await w.staff.get(url(m, '/sign-in-qr'));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.rawPayload.subarray(1, 4).toString()).toBe('PNG');
    expect((await w.adminB.get(url(m, '/sign-in-qr'))).statusCode).toBe(404);
  });
});
