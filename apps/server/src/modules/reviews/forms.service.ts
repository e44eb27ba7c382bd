import { randomUUID } from 'node:crypto';
import type { MyReviewView, PaperReviewFormBody, ReviewFormBody, ReviewRatingInput } from '@gongzhi/shared';
import type { AppDeps } from '../../deps.js';
import type { Db } from '../../db/database.js';
import type { Actor, RequestContext } from '../../lib/actor.js';
import { AppError, notFound } from '../../lib/app-error.js';
import { iso } from '../../lib/clock.js';
import { participantOf } from '../../lib/participation.js';
import { recordAudit } from '../audit/audit.service.js';
import * as repo from './reviews.repository.js';
import { managedRound } from './reviews.service.js';
import { subjectView } from './reviews.views.js';

/**
 * Review forms: a representative's own on the phone, or a paper one entered by staff. Either way the roll gets one
 * row (which post returned a form) and the ratings their own rows with random ids and no rater, in one transaction.
 */

/** The actor's representative post in the round's community, or null. */
async function postOf(db: Db, actor: Actor, r: repo.RoundRow): Promise<string | null> {
  if (!actor.userId) return null;
  const p = await participantOf(db, actor, { id: r.community_id, path: r.community_path });
  if (!p.groups.has('representative')) return null;
  const post = await repo.representativePostOf(db, r.community_id, p.residentId, actor.userId);
  return post?.id ?? null;
}

const communitiesOf = (actor: Actor): string[] => [...new Set(actor.roles.map((r) => r.communityId).filter((c): c is string => c !== null))];

/** A round as the phone sees it: not a draft, in one of the actor's communities. Others answer 404. */
async function phoneRound(db: Db, actor: Actor, id: string): Promise<repo.RoundRow> {
  const r = await repo.findRound(db, id);
  if (!r || r.status === 'draft' || !communitiesOf(actor).includes(r.community_id)) throw notFound();
  return r;
}

const isOpenAt = (r: repo.RoundRow, now: Date): boolean => r.status === 'open' && now.toISOString() >= r.opens_at && now.toISOString() < r.closes_at;

function myView(r: repo.RoundRow, returned: boolean, now: Date) {
  return {
    id: r.id,
    communityName: r.community_name,
    title: r.title,
    period: r.period,
    opensAt: r.opens_at,
    closesAt: r.closes_at,
    status: r.status as MyReviewView['status'],
    returned,
    canRate: !returned && isOpenAt(r, now),
  };
}

/** The rounds a representative is asked to rate (and has rated), newest first. */
export async function myReviews(deps: AppDeps, actor: Actor) {
  const rows = await repo.roundsOfCommunities(deps.db, communitiesOf(actor));
  const items = [];
  const posts = new Map<string, string | null>();
  for (const r of rows) {
    if (!posts.has(r.community_id)) posts.set(r.community_id, await postOf(deps.db, actor, r));
    const post = posts.get(r.community_id);
    if (!post) continue;
    items.push(myView(r, await repo.onRoll(deps.db, r.id, post), deps.clock.now()));
  }
  return { items };
}

export async function myReview(deps: AppDeps, actor: Actor, id: string): Promise<MyReviewView> {
  const r = await phoneRound(deps.db, actor, id);
  const post = await postOf(deps.db, actor, r);
  if (!post) throw new AppError('review_not_a_representative', 403);
  const subjects = await repo.subjectsOf(deps.db, [r.id]);
  return { ...myView(r, await repo.onRoll(deps.db, r.id, post), deps.clock.now()), subjects: subjects.map(subjectView) };
}

/** Each rating names a subject of this round, once. */
async function checkRatings(db: Db, roundId: string, ratings: ReviewRatingInput[]): Promise<void> {
  const subjects = new Set((await repo.subjectsOf(db, [roundId])).map((s) => s.id));
  const seen = new Set<string>();
  for (const [i, r] of ratings.entries()) {
    if (!subjects.has(r.subjectId) || seen.has(r.subjectId)) throw new AppError('review_subject_invalid', 400, { field: `ratings.${i}.subjectId` });
    seen.add(r.subjectId);
  }
}

/** Put the post on the roll and store the ratings, unlinked, in one transaction. */
async function record(deps: AppDeps, ctx: RequestContext, r: repo.RoundRow, representativeId: string, channel: 'online' | 'paper', ratings: ReviewRatingInput[]): Promise<string> {
  await checkRatings(deps.db, r.id, ratings);
  const at = iso(deps.clock.now());
  await deps.db.transaction().execute(async (trx) => {
    if (await repo.onRoll(trx, r.id, representativeId)) throw new AppError('review_already_returned', 409);
    try {
      await repo.addToRoll(trx, { round_id: r.id, representative_id: representativeId, channel, recorded_by: ctx.actor.userId!, returned_at: at });
    } catch {
      // Two submissions raced past the check: the roll's key let one in.
      throw new AppError('review_already_returned', 409);
    }
    // Random (v4) ids and no time: unlike UUIDv7 they cannot be lined up with the roll's times.
    await repo.insertRatings(
      trx,
      ratings.map((x) => ({ id: randomUUID(), round_id: r.id, subject_id: x.subjectId, level: x.level, comment: x.comment ?? null })),
    );
    // The audit entry says a form came in, never what it said.
    await recordAudit(trx, ctx, deps.clock, {
      action: channel === 'online' ? 'review.form_returned' : 'review.paper_form_entered',
      targetType: 'review_round',
      targetId: r.id,
      communityId: r.community_id,
      scopePath: r.community_path,
      after: { representativeId, channel, ratings: ratings.length },
    });
  });
  return at;
}

export async function submitMyForm(deps: AppDeps, ctx: RequestContext, id: string, body: ReviewFormBody) {
  const r = await phoneRound(deps.db, ctx.actor, id);
  const post = await postOf(deps.db, ctx.actor, r);
  if (!post) throw new AppError('review_not_a_representative', 403);
  if (!isOpenAt(r, deps.clock.now())) throw new AppError('review_not_open_now', 409, { opensAt: r.opens_at, closesAt: r.closes_at, status: r.status });
  const at = await record(deps, ctx, r, post, 'online', body.ratings);
  return { returned: true as const, at };
}

/** Staff enter a paper form while the round is open (forms gathered by hand may come in after the online close). */
export async function enterPaperForm(deps: AppDeps, ctx: RequestContext, id: string, body: PaperReviewFormBody) {
  const r = await managedRound(deps.db, ctx.actor, id);
  if (r.status !== 'open') throw new AppError('review_wrong_status', 409, { status: r.status });
  if (!(await repo.isRepresentativePost(deps.db, r.community_id, body.representativeId))) throw new AppError('review_representative_invalid', 400, { field: 'representativeId' });
  const at = await record(deps, ctx, r, body.representativeId, 'paper', body.ratings);
  return { returned: true as const, at };
}

/** The representatives of the round's community and whether each returned a form (the roll, not the ratings). */
export async function representativeList(deps: AppDeps, actor: Actor, id: string) {
  const r = await managedRound(deps.db, actor, id);
  const [posts, roll] = await Promise.all([repo.representatives(deps.db, r.community_id), repo.rollOf(deps.db, r.id)]);
  const returned = new Set(roll.map((x) => x.representative_id));
  return { items: posts.map((p) => ({ id: p.id, name: p.person_name, returned: returned.has(p.id) })) };
}
