import {
  defaultTopicPermissions,
  type AgendaTopicBody,
  type DeclineTopicBody,
  type ListTopicsQuery,
  type ProposeTopicBody,
  type TopicDetail,
  type TopicPermissions,
} from '@gongzhi/shared';
import type { AppDeps } from '../../deps.js';
import type { Db } from '../../db/database.js';
import type { Actor, RequestContext } from '../../lib/actor.js';
import { AppError, notFound } from '../../lib/app-error.js';
import { iso } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import { participantOf, requirePermitted, type Participant } from '../../lib/participation.js';
import { recordAudit } from '../audit/audit.service.js';
import { enqueueNotification } from '../notifications/outbox.js';
import { findPlace } from '../places/places.repository.js';
import * as repo from './topics.repository.js';
import { canManageAt, canSeeTopic, memberPrefixes, officePrefixes } from './topics.policy.js';
import { detailView, summaries } from './topics.views.js';

/** Topics: propose, list, read, and the staff steps before a decision (agenda, decline, permissions). */

/** A topic the actor may see; every other one answers 404 as if it did not exist. */
export async function visibleTopic(db: Db, actor: Actor, id: string): Promise<repo.TopicRow> {
  const t = await repo.findTopic(db, id);
  if (!t || !canSeeTopic(actor, t)) throw notFound();
  return t;
}

/** A topic the actor runs (staff of its community). Others who can see it get 403; the rest 404. */
export async function managedTopic(db: Db, actor: Actor, id: string): Promise<repo.TopicRow> {
  const t = await visibleTopic(db, actor, id);
  if (!canManageAt(actor, t.community_path)) throw new AppError('forbidden', 403);
  return t;
}

export async function topicDetail(deps: AppDeps, actor: Actor, id: string): Promise<TopicDetail> {
  return detailView(deps.db, actor, await visibleTopic(deps.db, actor, id), deps.clock.now());
}

export async function listTopicsFor(deps: AppDeps, actor: Actor, q: ListTopicsQuery) {
  const { rows, total } = await repo.listTopics(deps.db, {
    officePrefixes: officePrefixes(actor),
    memberPrefixes: memberPrefixes(actor),
    userId: actor.userId ?? '',
    status: q.status,
    mine: q.mine,
    q: q.q,
    limit: q.limit,
    offset: q.offset,
  });
  return { items: await summaries(deps.db, actor, rows, deps.clock.now()), total };
}

/** The community a proposal is for: the one named, or the actor's only one. */
async function communityFor(deps: AppDeps, actor: Actor, communityId: string | undefined) {
  const own = [...new Set(actor.roles.map((r) => r.communityId).filter((c): c is string => c !== null))];
  const id = communityId ?? (own.length === 1 ? own[0] : undefined);
  if (!id) throw new AppError('topic_community_required', 400, { field: 'communityId' });
  const c = await findPlace(deps.db, id);
  if (!c || c.kind !== 'community' || !own.includes(c.id)) throw new AppError('topic_community_required', 400, { field: 'communityId' });
  return c;
}

/** Requests the topic gathers: named ones and a proactive case's, all of the topic's community. */
async function requestsFor(db: Db, communityId: string, body: ProposeTopicBody): Promise<string[]> {
  const ids = new Set(body.requestIds ?? []);
  if (body.proactiveCaseId) {
    const links = await repo.proactiveCaseRequests(db, body.proactiveCaseId);
    if (links.length === 0 || links[0]!.community_id !== communityId) throw new AppError('topic_requests_invalid', 400, { field: 'proactiveCaseId' });
    for (const l of links) if (l.request_id) ids.add(l.request_id);
  }
  const found = await repo.requestsByIds(db, [...ids]);
  const bad = [...ids].filter((id) => !found.some((r) => r.id === id && r.community_id === communityId));
  if (bad.length) throw new AppError('topic_requests_invalid', 400, { field: 'requestIds', requestIds: bad });
  return [...ids];
}

/** In whose name the topic is proposed, shown on the trail. */
async function proposerOf(db: Db, actor: Actor, p: Participant): Promise<{ kind: string; name: string; organisationId: string | null }> {
  if (p.groups.has('staff')) return { kind: 'staff', name: actor.displayName, organisationId: null };
  if (p.residentId) return { kind: 'resident', name: p.residentName ?? actor.displayName, organisationId: null };
  if (p.organisationId) {
    const org = await db.selectFrom('organisations').select('name').where('id', '=', p.organisationId).executeTakeFirst();
    return { kind: 'organisation', name: org?.name ?? actor.displayName, organisationId: p.organisationId };
  }
  return { kind: 'organisation', name: actor.displayName, organisationId: null };
}

/** Propose a topic; who may is the proposal phase's `propose` groups. Staff may gather requests into it. */
export async function proposeTopic(deps: AppDeps, ctx: RequestContext, body: ProposeTopicBody): Promise<TopicDetail> {
  const community = await communityFor(deps, ctx.actor, body.communityId);
  const participant = await participantOf(deps.db, ctx.actor, { id: community.id, path: community.path });
  const permissions: TopicPermissions = defaultTopicPermissions;
  requirePermitted(permissions.proposal, 'propose', participant);
  const fromRequests = (body.requestIds?.length ?? 0) > 0 || body.proactiveCaseId !== undefined;
  if (fromRequests && !participant.groups.has('staff')) throw new AppError('topic_requests_staff_only', 403);
  const requestIds = fromRequests ? await requestsFor(deps.db, community.id, body) : [];
  if (body.placeId) {
    const place = await findPlace(deps.db, body.placeId);
    if (!place || place.community_id !== community.id || place.retired_at) throw new AppError('topic_place_invalid', 400, { field: 'placeId' });
  }
  const proposer = await proposerOf(deps.db, ctx.actor, participant);
  const id = newId();
  const at = iso(deps.clock.now());
  await deps.db.transaction().execute(async (trx) => {
    await repo.insertTopic(trx, {
      id,
      community_id: community.id,
      community_path: community.path,
      place_id: body.placeId ?? null,
      title: body.title,
      description: body.description,
      status: 'proposed',
      phase: 'proposal',
      permissions: JSON.stringify(permissions),
      proposer_user_id: ctx.actor.userId!,
      proposer_name: proposer.name,
      proposer_kind: proposer.kind,
      proposer_organisation_id: proposer.organisationId,
      created_at: at,
      updated_at: at,
    });
    await repo.linkRequests(trx, id, requestIds);
    await repo.addEvent(trx, {
      topicId: id,
      kind: 'proposed',
      actorUserId: ctx.actor.userId,
      actorName: proposer.name,
      data: { requests: requestIds.length, proactiveCaseId: body.proactiveCaseId ?? null },
      at,
    });
    await recordAudit(trx, ctx, deps.clock, {
      action: 'topic.proposed',
      targetType: 'topic',
      targetId: id,
      communityId: community.id,
      scopePath: community.path,
      after: { title: body.title, placeId: body.placeId ?? null, proposerKind: proposer.kind, requestIds },
    });
  });
  return topicDetail(deps, ctx.actor, id);
}

/**
 * A staff step: move the topic from `from` with `patch`, write the trail entry and the audit entry in one
 * transaction. Refuses with 409 when the topic is no longer in `from` (someone else acted first).
 */
export async function step(
  deps: AppDeps,
  ctx: RequestContext,
  t: repo.TopicRow,
  s: {
    from: string[];
    patch: Parameters<typeof repo.updateTopic>[3];
    event: string;
    note?: string | null;
    data?: repo.TrailData;
    action: string;
    /** More writes that stand or fall with the step (a message to the proposer). */
    also?: (trx: Db) => Promise<void>;
  },
): Promise<TopicDetail> {
  if (!s.from.includes(t.status)) throw new AppError('topic_wrong_status', 409, { status: t.status });
  const at = iso(deps.clock.now());
  await deps.db.transaction().execute(async (trx) => {
    if (!(await repo.updateTopic(trx, t.id, t.status, { ...s.patch, updated_at: at }))) throw new AppError('topic_wrong_status', 409);
    await repo.addEvent(trx, { topicId: t.id, kind: s.event, actorUserId: ctx.actor.userId, actorName: ctx.actor.displayName, note: s.note, data: s.data, at });
    await recordAudit(trx, ctx, deps.clock, {
      action: s.action,
      targetType: 'topic',
      targetId: t.id,
      communityId: t.community_id,
      scopePath: t.community_path,
      before: { status: t.status, phase: t.phase },
      after: { ...s.patch, note: s.note ?? null },
    });
    await s.also?.(trx);
  });
  return topicDetail(deps, ctx.actor, t.id);
}

export async function putOnAgenda(deps: AppDeps, ctx: RequestContext, id: string, body: AgendaTopicBody): Promise<TopicDetail> {
  const t = await managedTopic(deps.db, ctx.actor, id);
  const ends = new Date(body.consultationEndsAt);
  if (ends.getTime() <= deps.clock.now().getTime()) throw new AppError('topic_consultation_end_invalid', 400, { field: 'consultationEndsAt' });
  return step(deps, ctx, t, {
    from: ['proposed'],
    patch: { status: 'on_agenda', phase: 'consultation', consultation_ends_at: iso(ends) },
    event: 'put_on_agenda',
    note: body.note ?? null,
    data: { consultationEndsAt: iso(ends) },
    action: 'topic.put_on_agenda',
    also: (trx) => tellProposer(trx, deps, ctx, t, 'on_agenda', null),
  });
}

/** The proposer hears what became of their topic, unless they took the step themselves. */
function tellProposer(trx: Db, deps: AppDeps, ctx: RequestContext, t: repo.TopicRow, outcome: 'on_agenda' | 'declined', reason: string | null): Promise<void> {
  if (t.proposer_user_id === ctx.actor.userId) return Promise.resolve();
  return enqueueNotification(trx, deps, {
    event: 'topic_outcome',
    template: 'topic_outcome',
    params: { title: t.title, outcome, reason },
    link: `/m/topics/${t.id}`,
    dedupeKey: `topic_outcome:${t.id}:${outcome}`,
    communityId: t.community_id,
    recipientUserId: t.proposer_user_id,
  });
}

/** Decline with a reason; the proposer reads it on their topic's page and in a message. */
export async function declineTopic(deps: AppDeps, ctx: RequestContext, id: string, body: DeclineTopicBody): Promise<TopicDetail> {
  const t = await managedTopic(deps.db, ctx.actor, id);
  const reason = body.reason?.trim() ?? '';
  if (reason.length === 0) throw new AppError('topic_decline_reason_required', 400, { field: 'reason' });
  return step(deps, ctx, t, {
    from: ['proposed'],
    patch: { status: 'declined', decline_reason: reason },
    event: 'declined',
    note: reason,
    action: 'topic.declined',
    also: (trx) => tellProposer(trx, deps, ctx, t, 'declined', reason),
  });
}

/** End the consultation before its date (the meeting is ready); the trail keeps the final counts. */
export async function closeConsultation(deps: AppDeps, ctx: RequestContext, id: string): Promise<TopicDetail> {
  const t = await managedTopic(deps.db, ctx.actor, id);
  if (t.phase !== 'consultation') throw new AppError('topic_wrong_status', 409, { phase: t.phase });
  const counts = (await repo.commentCounts(deps.db, [t.id])).get(t.id)!;
  return step(deps, ctx, t, { from: ['on_agenda'], patch: { phase: 'decision' }, event: 'consultation_closed', data: { ...counts }, action: 'topic.consultation_closed' });
}

export async function setPermissions(deps: AppDeps, ctx: RequestContext, id: string, permissions: TopicPermissions): Promise<TopicDetail> {
  const t = await managedTopic(deps.db, ctx.actor, id);
  return step(deps, ctx, t, {
    from: ['proposed', 'on_agenda', 'decided', 'implementing', 'reported'],
    patch: { permissions: JSON.stringify(permissions) },
    event: 'permissions_changed',
    action: 'topic.permissions_changed',
  });
}

/** Close a topic whose report-back is out, or one a meeting rejected. */
export async function closeTopic(deps: AppDeps, ctx: RequestContext, id: string): Promise<TopicDetail> {
  const t = await managedTopic(deps.db, ctx.actor, id);
  return step(deps, ctx, t, { from: ['reported', 'rejected'], patch: { status: 'closed' }, event: 'closed', action: 'topic.closed' });
}
