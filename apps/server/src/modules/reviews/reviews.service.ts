import { reviewManagerRoles, type ListReviewsQuery, type PublishReviewBody, type ReviewRoundBody, type ReviewRoundView } from '@gongzhi/shared';
import type { Insertable } from 'kysely';
import type { AppDeps } from '../../deps.js';
import type { Db } from '../../db/database.js';
import type { ReviewRoundsTable, ReviewSubjectsTable } from '../../db/review-tables.js';
import type { Actor, RequestContext } from '../../lib/actor.js';
import { AppError, notFound } from '../../lib/app-error.js';
import { iso } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import { communityPrefixes } from '../../lib/scope.js';
import { recordAudit } from '../audit/audit.service.js';
import { findPlace } from '../places/places.repository.js';
import { canManageAt, canSeeRound, viewerPrefixes } from './reviews.policy.js';
import * as repo from './reviews.repository.js';
import { roundView, summaries } from './reviews.views.js';

/** Review rounds: create and edit a draft, open, close and publish (staff of the community or its subdistrict). */

/** A round the actor may see in the console; every other one answers 404 as if it did not exist. */
export async function visibleRound(db: Db, actor: Actor, id: string): Promise<repo.RoundRow> {
  const r = await repo.findRound(db, id);
  if (!r || !canSeeRound(actor, r.community_path)) throw notFound();
  return r;
}

/** A round the actor runs. Others who can see it get 403; the rest 404. */
export async function managedRound(db: Db, actor: Actor, id: string): Promise<repo.RoundRow> {
  const r = await visibleRound(db, actor, id);
  if (!canManageAt(actor, r.community_path)) throw new AppError('forbidden', 403);
  return r;
}

export async function listRoundsFor(deps: AppDeps, actor: Actor, q: ListReviewsQuery) {
  const rows = await repo.listRounds(deps.db, { prefixes: viewerPrefixes(actor), communityId: q.communityId, status: q.status });
  return { items: await summaries(deps.db, rows) };
}

export async function roundDetail(deps: AppDeps, actor: Actor, id: string): Promise<ReviewRoundView> {
  return roundView(deps.db, actor, await visibleRound(deps.db, actor, id));
}

/** The community a round is for: the one named, or the actor's only one; it must be one the actor runs. */
async function communityFor(deps: AppDeps, actor: Actor, communityId: string | undefined) {
  const own = [...new Set(actor.roles.filter((r) => reviewManagerRoles.includes(r.role)).map((r) => r.communityId).filter((c): c is string => c !== null))];
  const id = communityId ?? (own.length === 1 ? own[0] : undefined);
  if (!id) throw new AppError('review_community_required', 400, { field: 'communityId' });
  const c = await findPlace(deps.db, id);
  const prefixes = communityPrefixes(actor, reviewManagerRoles);
  if (!c || c.kind !== 'community' || !prefixes.some((p) => c.path.startsWith(p))) throw new AppError('review_community_required', 400, { field: 'communityId' });
  return c;
}

/** The subjects of a round: the committee's current members (from their posts), then the named services. */
async function subjectRows(db: Db, roundId: string, communityId: string, services: string[]): Promise<Insertable<ReviewSubjectsTable>[]> {
  const members = await repo.committeeMembers(db, communityId);
  const rows: Insertable<ReviewSubjectsTable>[] = members.map((m, i) => ({
    id: newId(),
    round_id: roundId,
    kind: 'member',
    position: i,
    name: m.person_name,
    post: m.role,
    resident_id: m.resident_id,
    membership_id: m.id,
  }));
  services.forEach((name, i) => rows.push({ id: newId(), round_id: roundId, kind: 'service', position: members.length + i, name, post: null, resident_id: null, membership_id: null }));
  return rows;
}

export async function createRound(deps: AppDeps, ctx: RequestContext, body: ReviewRoundBody): Promise<ReviewRoundView> {
  const community = await communityFor(deps, ctx.actor, body.communityId);
  const id = newId();
  const at = iso(deps.clock.now());
  const row: Insertable<ReviewRoundsTable> = {
    id,
    community_id: community.id,
    community_path: community.path,
    title: body.title,
    period: body.period,
    opens_at: iso(new Date(body.opensAt)),
    closes_at: iso(new Date(body.closesAt)),
    status: 'draft',
    publish_comments: 0,
    representatives: null,
    created_by: ctx.actor.userId!,
    created_at: at,
    updated_at: at,
  };
  await deps.db.transaction().execute(async (trx) => {
    await repo.insertRound(trx, row);
    const subjects = await subjectRows(trx, id, community.id, body.services);
    await repo.replaceSubjects(trx, id, subjects);
    await recordAudit(trx, ctx, deps.clock, {
      action: 'review.created',
      targetType: 'review_round',
      targetId: id,
      communityId: community.id,
      scopePath: community.path,
      after: { title: body.title, period: body.period, opensAt: row.opens_at, closesAt: row.closes_at, services: body.services, members: subjects.length - body.services.length },
    });
  });
  return roundDetail(deps, ctx.actor, id);
}

/** Edit a draft; its member list is taken again from the committee's current posts. */
export async function updateRound(deps: AppDeps, ctx: RequestContext, id: string, body: ReviewRoundBody): Promise<ReviewRoundView> {
  const r = await managedRound(deps.db, ctx.actor, id);
  if (r.status !== 'draft') throw new AppError('review_wrong_status', 409, { status: r.status });
  const patch = { title: body.title, period: body.period, opens_at: iso(new Date(body.opensAt)), closes_at: iso(new Date(body.closesAt)), updated_at: iso(deps.clock.now()) };
  await deps.db.transaction().execute(async (trx) => {
    if (!(await repo.updateRound(trx, id, 'draft', patch))) throw new AppError('review_wrong_status', 409);
    await repo.replaceSubjects(trx, id, await subjectRows(trx, id, r.community_id, body.services));
    await recordAudit(trx, ctx, deps.clock, {
      action: 'review.updated',
      targetType: 'review_round',
      targetId: id,
      communityId: r.community_id,
      scopePath: r.community_path,
      before: { title: r.title, period: r.period, opensAt: r.opens_at, closesAt: r.closes_at },
      after: { ...patch, services: body.services },
    });
  });
  return roundDetail(deps, ctx.actor, id);
}

/** Move a round between statuses with its audit entry, refusing with 409 when someone else moved it first. */
async function step(
  deps: AppDeps,
  ctx: RequestContext,
  r: repo.RoundRow,
  from: string,
  patch: Parameters<typeof repo.updateRound>[3],
  action: string,
  also?: (trx: Db) => Promise<void>,
): Promise<ReviewRoundView> {
  if (r.status !== from) throw new AppError('review_wrong_status', 409, { status: r.status });
  await deps.db.transaction().execute(async (trx) => {
    if (!(await repo.updateRound(trx, r.id, from, { ...patch, updated_at: iso(deps.clock.now()) }))) throw new AppError('review_wrong_status', 409);
    if (also) await also(trx);
    await recordAudit(trx, ctx, deps.clock, {
      action,
      targetType: 'review_round',
      targetId: r.id,
      communityId: r.community_id,
      scopePath: r.community_path,
      before: { status: r.status },
      after: patch,
    });
  });
  return roundDetail(deps, ctx.actor, r.id);
}

export async function openRound(deps: AppDeps, ctx: RequestContext, id: string): Promise<ReviewRoundView> {
  const r = await managedRound(deps.db, ctx.actor, id);
  if (r.status === 'draft' && (await repo.subjectsOf(deps.db, [id])).length === 0) throw new AppError('review_no_subjects', 409);
  return step(deps, ctx, r, 'draft', { status: 'open' }, 'review.opened');
}

/** Close: no more forms; the representatives are counted now, so the turnout stays what it was on the day. */
export async function closeRound(deps: AppDeps, ctx: RequestContext, id: string): Promise<ReviewRoundView> {
  const r = await managedRound(deps.db, ctx.actor, id);
  const representatives = await repo.countRepresentatives(deps.db, r.community_id);
  const patch = { status: 'closed', representatives, closed_at: iso(deps.clock.now()), closed_by: ctx.actor.userId };
  return step(deps, ctx, r, 'open', patch, 'review.closed', (trx) => repo.reshuffleRatings(trx, r.id));
}

export async function publishRound(deps: AppDeps, ctx: RequestContext, id: string, body: PublishReviewBody): Promise<ReviewRoundView> {
  const r = await managedRound(deps.db, ctx.actor, id);
  return step(
    deps,
    ctx,
    r,
    'closed',
    { status: 'published', publish_comments: body.publishComments ? 1 : 0, published_at: iso(deps.clock.now()), published_by: ctx.actor.userId },
    'review.published',
  );
}
