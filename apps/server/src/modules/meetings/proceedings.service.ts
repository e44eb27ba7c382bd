import type { CloseVoteBody, DeliberationMeetingDetail, MotionBody, NamedVotesBody, SpeakerBody } from '@gongzhi/shared';
import type { Db } from '../../db/database.js';
import type { AppDeps } from '../../deps.js';
import type { RequestContext } from '../../lib/actor.js';
import { AppError, notFound } from '../../lib/app-error.js';
import { iso } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import { motionSubject, motionSubjectKinds, type DecidedMotion } from '../../lib/motion-subjects.js';
import { recordAudit } from '../audit/audit.service.js';
import { attendanceCounts, findInvitee } from './invitees.repository.js';
import { managedMeeting } from './meetings.access.js';
import { findMeeting, type MeetingRow } from './meetings.repository.js';
import { detailView, fractions } from './meetings.views.js';
import * as repo from './proceedings.repository.js';
import { motionResult } from './quorum.js';

/**
 * The chair's tools during the session: the speaking queue with its turn limit, motions and their votes. Each
 * answer is the whole meeting view, so the chair's screen shows the new queue, counts and quorum at once.
 */

const inSession = ['in_session'] as const;
const audit = (trx: Db, ctx: RequestContext, deps: AppDeps, m: MeetingRow, action: string, targetType: string, targetId: string, after: object) =>
  recordAudit(trx, ctx, deps.clock, { action, targetType, targetId, communityId: m.community_id, scopePath: m.community_path, after: { meetingId: m.id, ...after } });
/** The meeting as it is after a change (the caller has already checked the actor runs it). */
const view = async (deps: AppDeps, id: string) => detailView(deps.db, (await findMeeting(deps.db, id))!, true);

async function refuseUsedTurns(deps: AppDeps, m: MeetingRow, key: string): Promise<void> {
  const taken = await repo.turnsTaken(deps.db, m.id, key);
  if (taken >= m.speech_turns) throw new AppError('speaking_turns_used', 409, { turns: taken, limit: m.speech_turns });
}

/** Put a speaker in the queue: an invitee, or someone named (a guest speaker not on the list). */
export async function addSpeaker(deps: AppDeps, ctx: RequestContext, id: string, body: SpeakerBody): Promise<DeliberationMeetingDetail> {
  const m = await managedMeeting(deps, ctx.actor, id, inSession);
  let speaker: { invitee_id: string | null; speaker_name: string; speaker_key: string };
  if (body.inviteeId) {
    const i = await findInvitee(deps.db, id, body.inviteeId);
    if (!i) throw new AppError('speaker_invalid', 400, { field: 'inviteeId' });
    speaker = { invitee_id: i.id, speaker_name: i.name, speaker_key: `i:${i.id}` };
  } else if (body.name) {
    speaker = { invitee_id: null, speaker_name: body.name, speaker_key: `n:${body.name}` };
  } else throw new AppError('speaker_invalid', 400, { field: 'name' });
  await refuseUsedTurns(deps, m, speaker.speaker_key);
  const speechId = newId();
  await deps.db.transaction().execute(async (trx) => {
    await repo.insertSpeech(trx, { id: speechId, meeting_id: id, ...speaker, status: 'queued', queued_at: iso(deps.clock.now()), started_at: null, ended_at: null });
    await audit(trx, ctx, deps, m, 'deliberation_speech.queued', 'deliberation_speech', speechId, { speaker: speaker.speaker_name });
  });
  return view(deps, id);
}

const speechSteps = {
  start: { from: 'queued', to: 'speaking', stamp: 'started_at' },
  stop: { from: 'speaking', to: 'done', stamp: 'ended_at' },
  withdraw: { from: 'queued', to: 'withdrawn', stamp: null },
} as const;

/** Start (one speaker at a time, within the turn limit), stop, or take a speaker off the queue. */
export async function moveSpeech(deps: AppDeps, ctx: RequestContext, id: string, speechId: string, step: keyof typeof speechSteps): Promise<DeliberationMeetingDetail> {
  const m = await managedMeeting(deps, ctx.actor, id, inSession);
  const s = await repo.findSpeech(deps.db, id, speechId);
  if (!s) throw notFound();
  const t = speechSteps[step];
  if (s.status !== t.from) throw new AppError('speech_wrong_status', 409, { status: s.status });
  if (step === 'start') {
    if (await repo.someoneSpeaking(deps.db, id)) throw new AppError('speech_in_progress', 409);
    await refuseUsedTurns(deps, m, s.speaker_key);
  }
  const at = iso(deps.clock.now());
  await deps.db.transaction().execute(async (trx) => {
    const moved = await repo.moveSpeech(trx, speechId, t.from, { status: t.to, ...(t.stamp ? { [t.stamp]: at } : {}) });
    if (!moved) throw new AppError('speech_wrong_status', 409, { status: 'changed' });
    await audit(trx, ctx, deps, m, `deliberation_speech.${t.to}`, 'deliberation_speech', speechId, { speaker: s.speaker_name, at });
  });
  return view(deps, id);
}

/** Table a motion; one with a subject (a topic, a covenant version) asks the subject's owner whether it may be put. */
export async function tableMotion(deps: AppDeps, ctx: RequestContext, id: string, body: MotionBody): Promise<DeliberationMeetingDetail> {
  const m = await managedMeeting(deps, ctx.actor, id, inSession);
  if ((body.subjectKind === undefined) !== (body.subjectId === undefined)) throw new AppError('validation_failed', 400, { field: 'subjectId' });
  let subjectTitle: string | null = null;
  if (body.subjectKind && body.subjectId) {
    const subject = motionSubject(body.subjectKind);
    if (!subject) throw new AppError('motion_subject_unavailable', 400, { field: 'subjectKind' });
    subjectTitle = (await subject.check(deps.db, body.subjectId, { communityId: m.community_id, kind: m.kind })).title;
    // One open vote per subject: two would decide it twice.
    if (await repo.subjectHasVotingMotion(deps.db, body.subjectKind, body.subjectId)) throw new AppError('motion_subject_in_vote', 409, { field: 'subjectId' });
  }
  const motionId = newId();
  await deps.db.transaction().execute(async (trx) => {
    await repo.insertMotion(trx, {
      id: motionId,
      meeting_id: id,
      position: await repo.nextMotionPosition(trx, id),
      text: body.text,
      ballot: body.ballot,
      subject_kind: body.subjectKind ?? null,
      subject_id: body.subjectId ?? null,
      subject_title: subjectTitle ? subjectTitle.slice(0, 200) : null,
      status: 'voting',
      result: null,
      eligible: null,
      present: null,
      women_present: null,
      for_count: null,
      against_count: null,
      abstain_count: null,
      tabled_at: iso(deps.clock.now()),
      decided_at: null,
    });
    await audit(trx, ctx, deps, m, 'deliberation_motion.tabled', 'deliberation_motion', motionId, { text: body.text, ballot: body.ballot, subjectKind: body.subjectKind ?? null, subjectId: body.subjectId ?? null });
  });
  return view(deps, id);
}

async function votingMotion(deps: AppDeps, m: MeetingRow, motionId: string) {
  const motion = await repo.findMotion(deps.db, m.id, motionId);
  if (!motion) throw notFound();
  if (motion.status !== 'voting') throw new AppError('motion_decided', 409);
  return motion;
}

/** Named ballot: each present invitee's choice; recording again for someone replaces their choice until the close. */
export async function recordVotes(deps: AppDeps, ctx: RequestContext, id: string, motionId: string, body: NamedVotesBody): Promise<DeliberationMeetingDetail> {
  const m = await managedMeeting(deps, ctx.actor, id, inSession);
  const motion = await votingMotion(deps, m, motionId);
  if (motion.ballot !== 'named') throw new AppError('vote_counts_required', 400, { ballot: motion.ballot });
  const ids = [...new Set(body.votes.map((v) => v.inviteeId))];
  if (ids.length !== body.votes.length) throw new AppError('validation_failed', 400, { field: 'votes' });
  const present = await repo.presentAmong(deps.db, id, ids);
  const absent = ids.filter((x) => !present.has(x));
  if (absent.length) throw new AppError('voter_not_present', 400, { inviteeIds: absent.slice(0, 20) });
  const at = iso(deps.clock.now());
  await deps.db.transaction().execute(async (trx) => {
    await repo.putVotes(trx, motionId, body.votes.map((v) => ({ id: newId(), invitee_id: v.inviteeId, choice: v.choice, recorded_at: at })));
    await audit(trx, ctx, deps, m, 'deliberation_motion.votes_recorded', 'deliberation_motion', motionId, { votes: body.votes });
  });
  return view(deps, id);
}

/**
 * Close the vote: snapshot who is eligible and present now, count (named: the recorded choices of those still
 * present; secret: the tellers' counts), decide by the meeting's rules, and let the subject's owner act on the
 * result, all in one transaction. A failed quorum is a result too; the motion can be tabled again later.
 */
export async function closeVote(deps: AppDeps, ctx: RequestContext, id: string, motionId: string, body: CloseVoteBody): Promise<DeliberationMeetingDetail> {
  const m = await managedMeeting(deps, ctx.actor, id, inSession);
  const motion = await votingMotion(deps, m, motionId);
  const secret = motion.ballot === 'secret';
  if (secret && (body.forCount === undefined || body.againstCount === undefined || body.abstainCount === undefined)) {
    throw new AppError('vote_counts_required', 400, { field: ['forCount', 'againstCount', 'abstainCount'].find((f) => body[f as keyof CloseVoteBody] === undefined) });
  }
  const at = iso(deps.clock.now());
  const { quorum, majority } = fractions(m);
  await deps.db.transaction().execute(async (trx) => {
    const counts = await attendanceCounts(trx, id);
    const tally = secret ? { forCount: body.forCount!, againstCount: body.againstCount!, abstainCount: body.abstainCount! } : await repo.namedCounts(trx, motionId);
    if (tally.forCount + tally.againstCount + tally.abstainCount > counts.present) {
      throw new AppError('vote_counts_exceed_present', 400, { present: counts.present, field: 'forCount' });
    }
    const result = motionResult(counts.eligible, counts.present, tally.forCount, quorum, majority);
    const decided = await repo.decideMotion(trx, motionId, {
      status: 'decided',
      result,
      eligible: counts.eligible,
      present: counts.present,
      women_present: counts.womenPresent,
      for_count: tally.forCount,
      against_count: tally.againstCount,
      abstain_count: tally.abstainCount,
      decided_at: at,
    });
    if (!decided) throw new AppError('motion_decided', 409);
    const subjectKind = motionSubjectKinds.find((k) => k === motion.subject_kind);
    if (subjectKind && motion.subject_id) {
      const subject = motionSubject(subjectKind);
      if (!subject) throw new AppError('motion_subject_unavailable', 400, { field: 'subjectKind' });
      const decision: DecidedMotion = {
        motionId,
        meetingId: id,
        meetingKind: m.kind,
        communityId: m.community_id,
        subjectKind,
        subjectId: motion.subject_id,
        text: motion.text,
        result,
        eligible: counts.eligible,
        present: counts.present,
        womenPresent: counts.womenPresent,
        ...tally,
        decidedAt: at,
      };
      await subject.decided(trx, decision, ctx);
    }
    await audit(trx, ctx, deps, m, 'deliberation_motion.decided', 'deliberation_motion', motionId, { result, ...counts, ...tally });
  });
  return view(deps, id);
}
