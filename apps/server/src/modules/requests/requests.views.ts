import {
  handlingStatuses,
  type FileView,
  type Rating,
  type RequestChannel,
  type RequestDetail,
  type RequestKind,
  type RequestPermissions,
  type RequestStatus,
  type RequestSummary,
  type StepAction,
  type Urgency,
} from '@gongzhi/shared';
import { maskPhone } from '../../lib/personal-data.js';
import type { ViewerKind } from './requests.policy.js';
import type { AssignmentRow, RequestViewRow } from './requests.repository.js';

/** Presenters: what each kind of viewer is shown of a request. The response schemas drop anything else. */

type StepRow = { id: string; action: string; from_status: string | null; to_status: string | null; actor_name: string; message: string | null; public: number; created_at: string };
type CallbackRow = { id: string; request_id: string; status: string; due_at: string; assigned_user_id: string | null; note: string | null; done_at: string | null };

export const isOverdue = (r: Pick<RequestViewRow, 'status' | 'reply_due_at'>, now: string): boolean =>
  handlingStatuses.includes(r.status as RequestStatus) && r.reply_due_at < now;

/** The submitter's name as this viewer may see it: hidden on anonymous requests from all but staff and the resident. */
export function submitterNameFor(r: RequestViewRow, kind: ViewerKind, isTheResident: boolean): string | null {
  if (r.anonymous === 1 && kind !== 'staff' && !isTheResident) return null;
  return r.resident_name ?? r.contact_name ?? r.submitter_display ?? null;
}

export function summaryOf(r: RequestViewRow, o: { kind: ViewerKind; isTheResident: boolean; leadName: string | null; now: string }): RequestSummary {
  return {
    id: r.id,
    number: r.number,
    title: r.title,
    kind: r.kind as RequestKind,
    channel: r.channel as RequestChannel,
    urgency: r.urgency as Urgency,
    status: r.status as RequestStatus,
    categoryId: r.category_id,
    categoryName: r.category_zh !== null && r.category_en !== null ? { zh: r.category_zh, en: r.category_en } : null,
    categoryConfidence: r.category_confidence,
    categorySource: r.category_source,
    placeId: r.place_id,
    placeName: r.place_name,
    submitterName: submitterNameFor(r, o.kind, o.isTheResident),
    leadHandlerName: o.leadName,
    createdAt: r.created_at,
    dispatchDueAt: r.dispatch_due_at,
    replyDueAt: r.reply_due_at,
    overdue: isOverdue(r, o.now),
    rating: r.rating as Rating | null,
  };
}

export interface DetailParts {
  kind: ViewerKind;
  isTheResident: boolean;
  now: string;
  phone: string | null;
  enteredByName: string | null;
  assignments: AssignmentRow[];
  steps: StepRow[];
  photos: FileView[];
  stepPhotos: Map<string, FileView[]>;
  callbacks: CallbackRow[];
  mergedInto: { id: string; number: string } | null;
  merged: { id: string; number: string }[];
  can: RequestPermissions;
}

export function detailOf(r: RequestViewRow, d: DetailParts): RequestDetail {
  const lead = d.assignments.find((a) => a.is_lead === 1 && (a.status === 'active' || a.status === 'done'));
  const staff = d.kind === 'staff';
  const working = staff || d.kind === 'handler';
  const showName = r.anonymous === 0 || staff || d.isTheResident;
  return {
    ...summaryOf(r, { kind: d.kind, isTheResident: d.isTheResident, leadName: lead?.name ?? null, now: d.now }),
    text: r.text,
    anonymous: r.anonymous === 1,
    householdId: staff ? r.household_id : null,
    residentId: staff ? r.resident_id : null,
    contactName: showName && d.kind !== 'resident' ? r.contact_name : null,
    phoneMasked: staff ? maskPhone(d.phone) : null,
    enteredByName: d.enteredByName,
    photos: d.photos,
    steps: d.steps.map((s) => ({
      id: s.id,
      action: s.action as StepAction,
      fromStatus: s.from_status as RequestStatus | null,
      toStatus: s.to_status as RequestStatus | null,
      actorName: s.actor_name,
      message: s.message,
      public: s.public === 1,
      photos: d.stepPhotos.get(s.id) ?? [],
      createdAt: s.created_at,
    })),
    // Residents see who handles it (the lead's name above), not the assignment internals.
    assignments: d.kind === 'resident'
      ? []
      : d.assignments.map((a) => ({
          id: a.id,
          kind: a.assignee_kind as 'user' | 'organisation',
          userId: a.user_id,
          organisationId: a.organisation_id,
          name: a.name,
          lead: a.is_lead === 1,
          status: a.status as 'active' | 'returned' | 'removed' | 'done',
          assignedAt: a.assigned_at,
          acceptedAt: a.accepted_at,
          note: working ? a.note : null,
        })),
    callbacks: staff
      ? d.callbacks.map((c) => ({
          id: c.id,
          requestId: c.request_id,
          requestNumber: r.number,
          requestTitle: r.title,
          status: c.status as 'open' | 'done' | 'unreachable',
          dueAt: c.due_at,
          assignedUserId: c.assigned_user_id,
          note: c.note,
          doneAt: c.done_at,
        }))
      : [],
    replyText: r.reply_text,
    repliedAt: r.replied_at,
    resolved: r.resolved === null ? null : r.resolved === 1,
    ratingComment: r.rating_comment,
    selfResolved: r.self_resolved === 1,
    objectionCount: r.objection_count,
    mergedInto: d.mergedInto,
    mergedRequests: d.kind === 'resident' ? [] : d.merged,
    can: d.can,
  };
}
