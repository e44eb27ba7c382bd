import type { z } from 'zod';
import type { CovenantView, ReviewBody, filingBody } from '@gongzhi/shared';
import type { AppDeps } from '../../deps.js';
import type { Db } from '../../db/database.js';
import type { RequestContext } from '../../lib/actor.js';
import { AppError, notFound } from '../../lib/app-error.js';
import { iso } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import { registerMotionSubject, type DecidedMotion } from '../../lib/motion-subjects.js';
import { requirePermitted } from '../../lib/participation.js';
import { recordAudit } from '../audit/audit.service.js';
import { participant } from './consultation.service.js';
import * as repo from './covenant.repository.js';
import { auditTarget, getCovenant, visibleCovenant } from './covenant.service.js';
import { currentPermissions, movePhase, requirePhase } from './phases.js';

/** The subdistrict's legality review and filing, and the vote a meeting takes on the reviewed version. */

/** Approve the current version (on to the vote) or return it with notes (back to revision). */
export async function reviewCovenant(deps: AppDeps, ctx: RequestContext, id: string, body: ReviewBody): Promise<CovenantView> {
  const c = await visibleCovenant(deps.db, ctx.actor, id);
  requirePhase(c, 'legality_review');
  requirePermitted(await currentPermissions(deps.db, c), 'review', await participant(deps.db, ctx.actor, c));
  const notes = body.notes?.trim() || null;
  if (body.decision === 'returned' && !notes) throw new AppError('covenant_review_notes_required', 400, { field: 'notes' });
  const versionId = c.current_version_id;
  if (!versionId) throw new AppError('covenant_phase_precondition', 409, { needs: 'version' });
  const to = body.decision === 'approved' ? 'vote' : 'revision';
  const at = iso(deps.clock.now());
  const reviewId = newId();
  await deps.db.transaction().execute(async (trx) => {
    await repo.insertReview(trx, { id: reviewId, covenant_id: c.id, version_id: versionId, decision: body.decision, notes, reviewer_user_id: ctx.actor.userId!, created_at: at });
    await movePhase(trx, c, to, at);
    await recordAudit(trx, ctx, deps.clock, {
      action: `covenant.review_${body.decision}`,
      ...auditTarget(c),
      before: { phase: c.phase },
      after: { phase: to, reviewId, versionId, decision: body.decision, notes },
    });
  });
  return getCovenant(deps, ctx.actor, id);
}

/** The subdistrict records the filing (date and reference); the covenant moves on to publication. */
export async function fileCovenant(deps: AppDeps, ctx: RequestContext, id: string, body: z.infer<typeof filingBody>): Promise<CovenantView> {
  const c = await visibleCovenant(deps.db, ctx.actor, id);
  requirePhase(c, 'filing');
  requirePermitted(await currentPermissions(deps.db, c), 'review', await participant(deps.db, ctx.actor, c));
  const at = iso(deps.clock.now());
  await deps.db.transaction().execute(async (trx) => {
    await movePhase(trx, c, 'publication', at, { filed_on: body.filedOn, filing_reference: body.reference, filed_by: ctx.actor.userId });
    await recordAudit(trx, ctx, deps.clock, { action: 'covenant.filed', ...auditTarget(c), before: { phase: c.phase }, after: { phase: 'publication', filedOn: body.filedOn, reference: body.reference } });
  });
  return getCovenant(deps, ctx.actor, id);
}

/** Meetings that may adopt a covenant (Organic Law of Urban Residents' Committees, art. 15). */
const votingMeetings = ['residents_meeting', 'representative_assembly'];

/** The version a motion would put to the vote, checked: the current one of a covenant in its vote phase, approved by the last review. */
async function votable(db: Db, versionId: string, meeting: { communityId: string; kind: string }) {
  const v = await repo.findVersion(db, versionId);
  const c = v ? await repo.findCovenant(db, v.covenant_id) : undefined;
  if (!v || !c || c.community_id !== meeting.communityId) throw notFound();
  requirePhase(c, 'vote');
  if (c.current_version_id !== v.id) throw new AppError('covenant_version_not_current', 409, { currentVersionId: c.current_version_id });
  const last = (await repo.listReviews(db, c.id)).at(-1);
  if (!last || last.decision !== 'approved' || last.version_id !== v.id) throw new AppError('covenant_version_not_approved', 409);
  if (!votingMeetings.includes(meeting.kind)) throw new AppError('covenant_meeting_kind', 400, { kind: meeting.kind, allowed: votingMeetings });
  return { v, c };
}

/** Inside the meeting's transaction: record the result; an adopted version becomes final and goes to filing. */
export async function covenantVersionDecided(trx: Db, m: DecidedMotion, ctx: RequestContext): Promise<void> {
  const v = await repo.findVersion(trx, m.subjectId);
  const c = v ? await repo.findCovenant(trx, v.covenant_id) : undefined;
  if (!v || !c) throw notFound();
  await trx
    .insertInto('covenant_votes')
    .values({
      id: newId(),
      covenant_id: c.id,
      version_id: v.id,
      meeting_id: m.meetingId,
      motion_id: m.motionId,
      meeting_kind: m.meetingKind,
      result: m.result,
      eligible: m.eligible,
      present: m.present,
      women_present: m.womenPresent,
      for_count: m.forCount,
      against_count: m.againstCount,
      abstain_count: m.abstainCount,
      decided_at: m.decidedAt,
    })
    .execute();
  // A result on a covenant that has moved on meanwhile (or on an older version) is kept, but moves nothing.
  const adopts = m.result === 'adopted' && c.phase === 'vote' && c.current_version_id === v.id;
  if (adopts) {
    await repo.setVersionKind(trx, v.id, 'final');
    await movePhase(trx, c, 'filing', m.decidedAt, { adopted_version_id: v.id });
  }
  await recordAudit(trx, ctx, { now: () => new Date(m.decidedAt) }, {
    action: 'covenant.vote_recorded',
    ...auditTarget(c),
    before: { phase: c.phase },
    after: { phase: adopts ? 'filing' : c.phase, versionId: v.id, result: m.result, meetingId: m.meetingId, motionId: m.motionId, for: m.forCount, against: m.againstCount, abstain: m.abstainCount },
  });
}

registerMotionSubject('covenant_version', {
  check: async (db, subjectId, meeting) => {
    const { v, c } = await votable(db, subjectId, meeting);
    return { title: `${c.title}（第${v.number}稿）` };
  },
  decided: covenantVersionDecided,
});
