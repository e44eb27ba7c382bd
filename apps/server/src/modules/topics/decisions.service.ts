import type { RecordDecisionBody, TopicDetail } from '@gongzhi/shared';
import type { AppDeps } from '../../deps.js';
import type { Db } from '../../db/database.js';
import type { RequestContext } from '../../lib/actor.js';
import { AppError, notFound } from '../../lib/app-error.js';
import { iso } from '../../lib/clock.js';
import { registerMotionSubject, type DecidedMotion } from '../../lib/motion-subjects.js';
import { recordAudit } from '../audit/audit.service.js';
import * as repo from './topics.repository.js';
import { managedTopic, topicDetail } from './topics.service.js';

/**
 * How a topic is decided: by a motion at a meeting on the platform (the meetings module calls `decided` in the
 * transaction that records the vote), or by staff recording a decision taken at a meeting held elsewhere.
 */

/** Only a topic on the agenda (consulting or waiting for its meeting) can be put to a vote. */
async function decidable(db: Db, id: string, communityId: string): Promise<repo.TopicRow> {
  const t = await repo.findTopic(db, id);
  if (!t || t.community_id !== communityId) throw notFound();
  if (t.status !== 'on_agenda') throw new AppError('topic_wrong_status', 409, { status: t.status });
  return t;
}

/** Write the decision, closing the consultation first on the trail if it was still open. */
async function writeDecision(
  trx: Db,
  t: repo.TopicRow,
  d: {
    result: 'adopted' | 'rejected';
    text: string;
    meetingId: string | null;
    motionId: string | null;
    meetingRef: string | null;
    forCount: number | null;
    againstCount: number | null;
    abstainCount: number | null;
    present: number | null;
    at: string;
    actorUserId: string | null;
    actorName: string | null;
    event: string;
    data: repo.TrailData;
  },
): Promise<void> {
  if (t.phase === 'consultation') {
    const counts = (await repo.commentCounts(trx, [t.id])).get(t.id)!;
    await repo.addEvent(trx, { topicId: t.id, kind: 'consultation_closed', actorUserId: d.actorUserId, actorName: d.actorName, data: { ...counts }, at: d.at });
  }
  const moved = await repo.updateTopic(trx, t.id, 'on_agenda', {
    status: d.result === 'adopted' ? 'decided' : 'rejected',
    phase: 'decision',
    decision_result: d.result,
    decision_text: d.text,
    decision_meeting_id: d.meetingId,
    decision_motion_id: d.motionId,
    decision_meeting_ref: d.meetingRef,
    decision_for: d.forCount,
    decision_against: d.againstCount,
    decision_abstain: d.abstainCount,
    decision_present: d.present,
    decided_at: d.at,
    updated_at: d.at,
  });
  if (!moved) throw new AppError('topic_wrong_status', 409);
  await repo.addEvent(trx, { topicId: t.id, kind: d.event, actorUserId: d.actorUserId, actorName: d.actorName, note: d.text, data: d.data, at: d.at });
}

/** The meeting's result, inside the meeting's transaction. No quorum leaves the topic waiting, on the trail. */
export async function topicDecided(trx: Db, m: DecidedMotion, ctx: RequestContext): Promise<void> {
  const t = await repo.findTopic(trx, m.subjectId);
  if (!t || t.community_id !== m.communityId) throw notFound();
  const tally: repo.TrailData = {
    meetingId: m.meetingId,
    motionId: m.motionId,
    meetingKind: m.meetingKind,
    eligible: m.eligible,
    present: m.present,
    womenPresent: m.womenPresent,
    for: m.forCount,
    against: m.againstCount,
    abstain: m.abstainCount,
  };
  const actor = { actorUserId: ctx.actor.userId, actorName: ctx.actor.displayName || null };
  // A topic decided meanwhile (a decision recorded by hand, another motion) keeps that decision: the vote is kept
  // on its trail and moves nothing, so the meeting's vote can still close.
  if (t.status !== 'on_agenda') {
    await repo.addEvent(trx, { topicId: t.id, kind: 'meeting_result_after_decision', ...actor, note: m.text, data: { ...tally, result: m.result }, at: m.decidedAt });
  } else if (m.result === 'no_quorum') {
    await repo.addEvent(trx, { topicId: t.id, kind: 'meeting_no_quorum', ...actor, note: m.text, data: tally, at: m.decidedAt });
  } else {
    await writeDecision(trx, t, {
      result: m.result,
      text: m.text,
      meetingId: m.meetingId,
      motionId: m.motionId,
      meetingRef: null,
      forCount: m.forCount,
      againstCount: m.againstCount,
      abstainCount: m.abstainCount,
      present: m.present,
      at: m.decidedAt,
      ...actor,
      event: m.result === 'adopted' ? 'meeting_decided' : 'meeting_rejected',
      data: tally,
    });
  }
  await recordAudit(trx, ctx, { now: () => new Date(m.decidedAt) }, {
    action: 'topic.meeting_result',
    targetType: 'topic',
    targetId: t.id,
    communityId: t.community_id,
    scopePath: t.community_path,
    before: { status: t.status },
    after: { result: m.result, meetingId: m.meetingId, motionId: m.motionId },
  });
}

registerMotionSubject('topic', {
  check: async (db, subjectId, meeting) => ({ title: (await decidable(db, subjectId, meeting.communityId)).title }),
  decided: topicDecided,
});

/** A decision taken at a meeting held off the platform, with its reference and (when known) its tally. */
export async function recordDecision(deps: AppDeps, ctx: RequestContext, id: string, body: RecordDecisionBody): Promise<TopicDetail> {
  const t = await managedTopic(deps.db, ctx.actor, id);
  if (t.status !== 'on_agenda') throw new AppError('topic_wrong_status', 409, { status: t.status });
  const decidedAt = new Date(body.decidedAt);
  if (decidedAt.getTime() > deps.clock.now().getTime()) throw new AppError('topic_decision_date_invalid', 400, { field: 'decidedAt' });
  const at = iso(decidedAt);
  const counts = { forCount: body.forCount ?? null, againstCount: body.againstCount ?? null, abstainCount: body.abstainCount ?? null };
  if (body.result === 'adopted' && counts.forCount !== null && counts.againstCount !== null && counts.forCount <= counts.againstCount) {
    throw new AppError('topic_tally_invalid', 400, { field: 'forCount' });
  }
  await deps.db.transaction().execute(async (trx) => {
    await writeDecision(trx, t, {
      result: body.result,
      text: body.text,
      meetingId: null,
      motionId: null,
      meetingRef: body.meetingRef,
      ...counts,
      present: null,
      at,
      actorUserId: ctx.actor.userId,
      actorName: ctx.actor.displayName,
      event: 'decision_recorded',
      data: { result: body.result, meetingRef: body.meetingRef, for: counts.forCount, against: counts.againstCount, abstain: counts.abstainCount },
    });
    await recordAudit(trx, ctx, deps.clock, {
      action: 'topic.decision_recorded',
      targetType: 'topic',
      targetId: t.id,
      communityId: t.community_id,
      scopePath: t.community_path,
      before: { status: t.status },
      after: { result: body.result, meetingRef: body.meetingRef, ...counts },
    });
  });
  return topicDetail(deps, ctx.actor, t.id);
}
