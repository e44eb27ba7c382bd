import { covenantPhases, type CovenantPhase, type CovenantView, type CovenantSummary, type ReviewDecision, type VersionSummary } from '@gongzhi/shared';
import type { Db } from '../../db/database.js';
import type { Actor } from '../../lib/actor.js';
import { allowedActions, participantOf } from '../../lib/participation.js';
import { permits } from '@gongzhi/shared';
import * as repo from './covenant.repository.js';
import { overviewCounts } from './consultation.repository.js';
import { canManageAt } from './covenant.policy.js';
import { advanceTargets, permissionsOf } from './phases.js';

/** Rows to the views the API answers with. */

export async function summaryOf(db: Db, c: repo.CovenantRow): Promise<CovenantSummary> {
  const [versions, phaseEndsOn] = await Promise.all([repo.countVersions(db, c.id), repo.plannedEndOf(db, c.id, c.phase)]);
  return {
    id: c.id,
    communityId: c.community_id,
    communityName: c.community_name,
    title: c.title,
    phase: c.phase as CovenantPhase,
    phaseEndsOn,
    versionCount: versions,
    publishedAt: c.published_at,
    createdAt: c.created_at,
    updatedAt: c.updated_at,
  };
}

export async function versionSummaries(db: Db, covenantId: string): Promise<VersionSummary[]> {
  return (await repo.listVersions(db, covenantId)).map((v) => ({
    id: v.id,
    number: v.number,
    kind: v.kind as VersionSummary['kind'],
    changelog: v.changelog,
    articleCount: Number(v.article_count ?? 0),
    createdAt: v.created_at,
    createdByName: v.created_by_name,
  }));
}

export async function covenantView(db: Db, actor: Actor, c: repo.CovenantRow): Promise<CovenantView> {
  const [phases, versions, reviews, votes, counts, participant] = await Promise.all([
    repo.listPhases(db, c.id),
    versionSummaries(db, c.id),
    repo.listReviews(db, c.id),
    repo.listVotes(db, c.id),
    overviewCounts(db, c.id),
    participantOf(db, actor, { id: c.community_id, path: c.community_path }),
  ]);
  const pledges = await repo.pledgeCounts(db, c.id, c.community_id);
  const permissions = permissionsOf(phases, c.phase);
  const manage = canManageAt(actor, c.community_path);
  const reviewable = permits(permissions, 'review', participant.groups);
  const facts = { lastReview: reviews.at(-1), lastVote: votes.at(-1) };
  return {
    ...(await summaryOf(db, c)),
    phases: covenantPhases.map((phase) => {
      const row = phases.find((p) => p.phase === phase);
      return {
        phase,
        plannedStartOn: row?.planned_start_on ?? null,
        plannedEndOn: row?.planned_end_on ?? null,
        startedAt: row?.started_at ?? null,
        endedAt: row?.ended_at ?? null,
        permissions: permissionsOf(phases, phase),
      };
    }),
    versions,
    currentVersionId: c.current_version_id,
    adoptedVersionId: c.adopted_version_id,
    reviews: reviews.map((r) => ({
      id: r.id,
      versionId: r.version_id,
      versionNumber: r.version_number,
      decision: r.decision as ReviewDecision,
      notes: r.notes,
      reviewerName: r.reviewer_name,
      createdAt: r.created_at,
    })),
    votes: votes.map((v) => ({
      id: v.id,
      versionNumber: v.version_number,
      meetingId: v.meeting_id,
      motionId: v.motion_id,
      meetingKind: v.meeting_kind,
      result: v.result as 'adopted' | 'rejected' | 'no_quorum',
      eligible: v.eligible,
      present: v.present,
      womenPresent: v.women_present,
      forCount: v.for_count,
      againstCount: v.against_count,
      abstainCount: v.abstain_count,
      decidedAt: v.decided_at,
    })),
    filedOn: c.filed_on,
    filingReference: c.filing_reference,
    participation: { groups: [...participant.groups], allowed: allowedActions(permissions, participant) },
    can: {
      manage,
      review: reviewable && c.phase === 'legality_review',
      file: reviewable && c.phase === 'filing',
      advanceTo: manage ? advanceTargets(c, facts) : [],
    },
    counts: { ...counts, pledges: pledges.pledged },
  };
}
