import type { ReviewLevel, ReviewRoundSummary, ReviewRoundView, ReviewStatus, ReviewSubjectKind, ReviewSubjectView } from '@gongzhi/shared';
import type { Db } from '../../db/database.js';
import type { Actor } from '../../lib/actor.js';
import { canManageAt } from './reviews.policy.js';
import * as repo from './reviews.repository.js';

/** Rows to the API's shapes; the response schemas drop anything else. */

export const isLevel = (s: string): s is ReviewLevel => s === 'good' || s === 'fair' || s === 'poor';

export function subjectView(s: repo.SubjectRow): ReviewSubjectView {
  return { id: s.id, kind: s.kind as ReviewSubjectKind, name: s.name, post: s.post };
}

/** Rounds with their turnout: forms on the roll over the representatives (counted at close; live while open). */
export async function summaries(db: Db, rows: repo.RoundRow[]): Promise<ReviewRoundSummary[]> {
  const counts = await repo.rollCounts(
    db,
    rows.map((r) => r.id),
  );
  const live = new Map<string, number>();
  for (const r of rows) if (r.representatives === null && !live.has(r.community_id)) live.set(r.community_id, await repo.countRepresentatives(db, r.community_id));
  return rows.map((r) => {
    const c = counts.get(r.id)!;
    return {
      id: r.id,
      communityId: r.community_id,
      communityName: r.community_name,
      title: r.title,
      period: r.period,
      opensAt: r.opens_at,
      closesAt: r.closes_at,
      status: r.status as ReviewStatus,
      publishComments: r.publish_comments === 1,
      closedAt: r.closed_at,
      publishedAt: r.published_at,
      createdAt: r.created_at,
      turnout: { returned: c.online + c.paper, online: c.online, paper: c.paper, representatives: r.representatives ?? live.get(r.community_id) ?? 0 },
    };
  });
}

export async function roundView(db: Db, actor: Actor, row: repo.RoundRow): Promise<ReviewRoundView> {
  const [summary] = await summaries(db, [row]);
  const subjects = await repo.subjectsOf(db, [row.id]);
  return { ...summary!, subjects: subjects.map(subjectView), can: { manage: canManageAt(actor, row.community_path) } };
}
