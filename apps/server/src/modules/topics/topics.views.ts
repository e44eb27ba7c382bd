import {
  maskPersonName,
  topicPermissionsSchema,
  type TopicComment,
  type TopicDetail,
  type TopicEventKind,
  type TopicPermissions,
  type TopicPhase,
  type TopicSide,
  type TopicStatus,
  type TopicSummary,
  type TopicTaskOwnerKind,
} from '@gongzhi/shared';
import type { Db } from '../../db/database.js';
import type { TopicCommentsTable } from '../../db/topic-tables.js';
import type { Actor } from '../../lib/actor.js';
import { localDate } from '../../lib/clock.js';
import { allowedActions, participantOf } from '../../lib/participation.js';
import { labelsForPaths } from '../registers/index.js';
import { findPlacesByIds } from '../places/places.repository.js';
import * as repo from './topics.repository.js';
import { canManageAt, isOffice } from './topics.policy.js';

/** Turning rows into what the API answers: counts, masked names, the trail and what the actor may do. */

export const permissionsOf = (row: { permissions: string }): TopicPermissions => topicPermissionsSchema.parse(JSON.parse(row.permissions));

/** Consultation is open until its end; afterwards the topic waits for the meeting. */
export const consultationOpen = (t: repo.TopicRow, now: Date): boolean =>
  t.phase === 'consultation' && t.consultation_ends_at !== null && now.toISOString() < t.consultation_ends_at;

const proposerShown = (actor: Actor, t: repo.TopicRow): string =>
  t.proposer_kind === 'resident' && !isOffice(actor, t.community_path) && t.proposer_user_id !== actor.userId ? maskPersonName(t.proposer_name) : t.proposer_name;

export async function summaries(db: Db, actor: Actor, rows: repo.TopicRow[], now: Date): Promise<TopicSummary[]> {
  const ids = rows.map((r) => r.id);
  const placeIds = [...new Set(rows.map((r) => r.place_id).filter((p): p is string => p !== null))];
  const [counts, requests, overdue, places] = await Promise.all([
    repo.commentCounts(db, ids),
    repo.requestCounts(db, ids),
    repo.overdueCounts(db, ids, localDate(now)),
    findPlacesByIds(db, placeIds),
  ]);
  const labels = await labelsForPaths(db, places.map((p) => p.path));
  const placeLabel = new Map(places.map((p) => [p.id, labels.get(p.path) || p.name]));
  return rows.map((t) => ({
    id: t.id,
    communityId: t.community_id,
    communityName: t.community_name,
    title: t.title,
    status: t.status as TopicStatus,
    phase: t.phase as TopicPhase,
    placeLabel: t.place_id ? (placeLabel.get(t.place_id) ?? null) : null,
    proposerName: proposerShown(actor, t),
    proposedAt: t.created_at,
    consultationEndsAt: t.consultation_ends_at,
    counts: counts.get(t.id)!,
    requestCount: requests.get(t.id) ?? 0,
    overdueTasks: overdue.get(t.id) ?? 0,
    updatedAt: t.updated_at,
  }));
}

export function commentView(actor: Actor, office: boolean, c: TopicCommentsTable): TopicComment {
  const mine = c.author_user_id === actor.userId;
  return {
    id: c.id,
    kind: c.kind as TopicComment['kind'],
    side: c.side as TopicSide | null,
    phase: c.phase as TopicPhase,
    authorName: office || mine ? c.author_name : maskPersonName(c.author_name),
    mine,
    text: c.text,
    answer: c.answer,
    answeredAt: c.answered_at,
    createdAt: c.created_at,
  };
}

export async function detailView(db: Db, actor: Actor, t: repo.TopicRow, now: Date): Promise<TopicDetail> {
  const office = isOffice(actor, t.community_path);
  const permissions = permissionsOf(t);
  const [[summary], requests, tasks, events, participant] = await Promise.all([
    summaries(db, actor, [t], now),
    office ? repo.linkedRequests(db, t.id) : Promise.resolve([]),
    repo.tasksOf(db, t.id),
    repo.eventsOf(db, t.id),
    participantOf(db, actor, { id: t.community_id, path: t.community_path }),
  ]);
  const today = localDate(now);
  const active = !['declined', 'rejected', 'closed'].includes(t.status);
  let allowed = active ? allowedActions(permissions[t.phase as TopicPhase], participant) : [];
  if (t.phase === 'consultation' && !consultationOpen(t, now)) allowed = allowed.filter((a) => a !== 'comment');
  return {
    ...summary!,
    description: t.description,
    placeId: t.place_id,
    declineReason: t.decline_reason,
    decision:
      t.decision_result && t.decision_text && t.decided_at
        ? {
            result: t.decision_result as 'adopted' | 'rejected',
            text: t.decision_text,
            meetingId: t.decision_meeting_id,
            meetingRef: t.decision_meeting_ref,
            forCount: t.decision_for,
            againstCount: t.decision_against,
            abstainCount: t.decision_abstain,
            present: t.decision_present,
            decidedAt: t.decided_at,
          }
        : null,
    // A draft report-back is the office's until it is published.
    reportBack: t.report_back_published_at || office ? t.report_back : null,
    reportBackPublishedAt: t.report_back_published_at,
    permissions,
    participation: { groups: [...participant.groups], allowed },
    requests: requests.map((r) => ({ id: r.id, number: r.number, title: r.title, status: r.status })),
    tasks: tasks.map((k) => ({
      id: k.id,
      title: k.title,
      ownerKind: k.owner_kind as TopicTaskOwnerKind,
      ownerName: k.owner_name,
      dueOn: k.due_on,
      doneAt: k.done_at,
      doneNote: k.done_note,
      overdue: k.done_at === null && k.due_on < today,
    })),
    events: events.map((e) => ({
      id: e.id,
      kind: e.kind as TopicEventKind,
      actorName: e.kind === 'proposed' && e.actor_name ? proposerShown(actor, t) : e.actor_name,
      note: e.note,
      data: JSON.parse(e.data) as Record<string, string | number | null>,
      at: e.at,
    })),
    can: { manage: canManageAt(actor, t.community_path) },
  };
}
