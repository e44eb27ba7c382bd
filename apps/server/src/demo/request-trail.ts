import type { Insertable } from 'kysely';
import type { RequestAssignmentsTable, RequestStepsTable } from '../db/database.js';
import { publicActor, type Actor } from '../lib/actor.js';
import { newId } from '../lib/ids.js';
import { stepRow } from '../modules/requests/steps.js';
import type { StepAction } from '@gongzhi/shared';
import { lastEvent, type Story, type StoryEvent } from './request-story.js';

/**
 * A generated request's timeline and its assignment, from its story: the rows the lifecycle services would have
 * written step by step (same actions, actors, data and public flags), so a demo request's detail page shows
 * who took it, who handled it, the answer, the rating and the timers' marks.
 */

export interface Person {
  id: string;
  name: string;
}

/** Who handles it: a person, or an organisation with the representative who acts for it. */
export interface Handler {
  kind: 'user' | 'organisation';
  userId: string | null;
  organisationId: string | null;
  actor: Person;
}

export interface TrailInput {
  requestId: string;
  communityId: string;
  story: Story;
  /** The staff member who took the request (and called back for the rating). */
  enteredBy: Person;
  dispatcher: Person;
  handler: Handler;
  category: { id: string; source: 'model' | 'staff'; confidence: number | null } | null;
  replyText: string;
  ratingComment: string;
  returnReason: string;
  mergedInto: { id: string; number: string } | null;
}

export interface Trail {
  steps: Insertable<RequestStepsTable>[];
  assignment: Insertable<RequestAssignmentsTable> | null;
}

const iso = (ms: number) => new Date(ms).toISOString();
const actorOf = (p: Person): Actor => ({ ...publicActor, userId: p.id, displayName: p.name });

/** The steps and the lead assignment of one generated request. */
export function requestTrail(t: TrailInput): Trail {
  const events = t.story.events;
  const dispatched = events.find((e) => e.action === 'dispatched');
  const assignmentId = dispatched ? newId() : null;
  const steps: Insertable<RequestStepsTable>[] = [];
  for (const e of events) {
    const step = (who: Person | null, extra: { message?: string | null; data?: unknown; public?: boolean } = {}) =>
      steps.push(stepRow(who && actorOf(who), { requestId: t.requestId, action: e.action, from: e.from, to: e.to, now: iso(e.at), public: extra.public ?? true, message: extra.message, data: extra.data }));
    switch (e.action) {
      case 'submitted':
        step(t.enteredBy);
        if (t.category) {
          // A person's choice is theirs; the model's guess is the system's, with its confidence.
          const by = t.category.source === 'staff' ? { source: 'staff' } : { source: 'model', confidence: t.category.confidence, modelId: null };
          steps.push(stepRow(t.category.source === 'staff' ? actorOf(t.enteredBy) : null, { requestId: t.requestId, action: 'classified', from: 'received', to: 'received', public: false, now: iso(e.at), data: { categoryId: t.category.id, ...by } }));
        }
        break;
      case 'dispatched':
        step(t.dispatcher, { data: { assignees: [{ kind: t.handler.kind, id: t.handler.userId ?? t.handler.organisationId, lead: true }] } });
        break;
      case 'accepted':
        step(t.handler.actor);
        break;
      case 'returned':
        step(t.handler.actor, { data: { by: [assignmentId] } });
        break;
      case 'replied':
        step(t.handler.actor, { message: t.replyText });
        break;
      case 'self_resolved':
        step(t.enteredBy, { message: t.replyText });
        break;
      case 'rated':
        // Recorded by the staff member who called the resident back.
        step(t.enteredBy, { message: e.rating === 'dissatisfied' ? t.ratingComment : null, data: { rating: e.rating, resolved: e.resolved } });
        break;
      case 'closed':
        if (e.auto) step(null, { data: { auto: true } });
        else step(t.dispatcher);
        break;
      case 'merged':
        step(t.dispatcher, { message: t.mergedInto?.number ?? null, data: { intoId: t.mergedInto?.id ?? null } });
        break;
      case 'reminded':
        step(null, { public: false, data: { replyDueAt: iso(t.story.replyDueAt) } });
        break;
      case 'escalated':
        step(null, { public: false, data: { level: e.level } });
        break;
      default:
        step(t.enteredBy);
    }
  }
  return { steps, assignment: dispatched && assignmentId ? assignmentRow(t, assignmentId, dispatched) : null };
}

function assignmentRow(t: TrailInput, id: string, dispatched: StoryEvent): Insertable<RequestAssignmentsTable> {
  const events = t.story.events;
  const last = (action: StepAction) => lastEvent(events, action);
  const status = t.story.status;
  const ended = status === 'closed' ? last('closed') : status === 'returned' ? last('returned') : status === 'merged' ? last('merged') : status === 'withdrawn' ? last('withdrawn') : undefined;
  // Answering marks the lead's part done while the request waits for its rating; an objection hands it back.
  const answered = status === 'replied' || status === 'rated' ? last('replied') : undefined;
  return {
    id,
    request_id: t.requestId,
    community_id: t.communityId,
    assignee_kind: t.handler.kind,
    user_id: t.handler.userId,
    organisation_id: t.handler.organisationId,
    is_lead: 1,
    status: status === 'closed' ? 'done' : status === 'returned' ? 'returned' : ended ? 'removed' : 'active',
    assigned_by: t.dispatcher.id,
    assigned_at: iso(dispatched.at),
    accepted_at: last('accepted') ? iso(last('accepted')!.at) : null,
    finished_at: ended ? iso(ended.at) : answered ? iso(answered.at) : null,
    note: status === 'returned' ? t.returnReason : null,
  };
}
