import type { RequestStatus } from '@gongzhi/shared';
import type { Db } from '../../db/database.js';
import type { AppDeps } from '../../deps.js';
import { enqueueNotification, notifyEndpoints, notifyRole, type StaffAlert } from '../notifications/index.js';

/**
 * The messages a request's changes send, written to the outbox inside the change's transaction. The resident
 * gets one in-app message per status change (keyed by the step, so a retry never sends two); handlers hear of
 * assignments; community admins and the subdistrict of overdue ones; community endpoints of staff events.
 * Nobody is told about a change they made themselves. Messages are templates (notifications/templates.ts) put
 * into each reader's language; only the request's number, title and a handler's reply are carried as written.
 */

export interface NoticeRequest {
  id: string;
  number: string;
  title: string;
  community_id: string;
  place_path: string;
  submitted_by: string | null;
  resident_user_id: string | null;
}

type Deps = Pick<AppDeps, 'clock'>;
const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
const residentLink = (id: string) => `/m/requests/${id}`;
const staffLink = (id: string) => `/console/requests/${id}`;
/** A staff alert's parameters: the request's number and (clipped) title. */
const aboutRequest = (r: Pick<NoticeRequest, 'number' | 'title'>) => ({ number: r.number, title: clip(r.title, 200) });

/** The resident's accounts for a request (the submitter and the linked record's account), without the actor. */
export function residentRecipients(r: Pick<NoticeRequest, 'submitted_by' | 'resident_user_id'>, actorUserId: string | null): string[] {
  return [...new Set([r.submitted_by, r.resident_user_id])].filter((u): u is string => u !== null && u !== actorUserId);
}

/** The plain-language status line to the resident, once per step. */
export async function tellResident(
  db: Db,
  deps: Deps,
  r: NoticeRequest,
  stepId: string,
  to: RequestStatus,
  actorUserId: string | null,
  message?: string | null,
): Promise<void> {
  for (const userId of residentRecipients(r, actorUserId)) {
    await enqueueNotification(db, deps, {
      communityId: r.community_id,
      recipientUserId: userId,
      event: 'request_status',
      template: 'request_status',
      params: { number: r.number, status: to, message: message ? clip(message, 1500) : null },
      link: residentLink(r.id),
      dedupeKey: `req:${r.id}:${stepId}:${userId}`,
    });
  }
}

/** A staff message to named accounts (handlers of an assignment, the staff member who owns a callback). */
export async function tellUsers(
  db: Db,
  deps: Deps,
  r: Pick<NoticeRequest, 'id' | 'number' | 'title' | 'community_id'>,
  userIds: string[],
  o: { event: string; template: StaffAlert; key: string; actorUserId: string | null },
): Promise<void> {
  for (const userId of new Set(userIds)) {
    if (userId === o.actorUserId) continue;
    await enqueueNotification(db, deps, {
      communityId: r.community_id,
      recipientUserId: userId,
      event: o.event,
      template: o.template,
      params: aboutRequest(r),
      link: staffLink(r.id),
      dedupeKey: `req:${r.id}:${o.key}:${userId}`,
    });
  }
}

/** A staff message to every holder of `roles` above the request's place, and to the community's endpoints. */
export async function tellRoles(
  db: Db,
  deps: Deps,
  r: Pick<NoticeRequest, 'id' | 'number' | 'title' | 'community_id' | 'place_path'>,
  o: { roles: readonly string[]; event: string; template: StaffAlert; key: string },
): Promise<void> {
  const m = { event: o.event, template: o.template, params: aboutRequest(r), link: staffLink(r.id), dedupeKey: `req:${r.id}:${o.key}` };
  if (o.roles.length) await notifyRole(db, deps, { ...m, placePath: r.place_path, roles: o.roles, communityId: r.community_id });
  await notifyEndpoints(db, deps, { ...m, communityId: r.community_id });
}

/** Only the community's endpoints (a new request: the console's list already shows it to staff); the alert is the event. */
export async function tellEndpoints(db: Db, deps: Deps, r: Pick<NoticeRequest, 'id' | 'number' | 'title' | 'community_id'>, event: StaffAlert): Promise<void> {
  await notifyEndpoints(db, deps, {
    communityId: r.community_id,
    event,
    template: event,
    params: aboutRequest(r),
    link: staffLink(r.id),
    dedupeKey: `req:${r.id}:${event}`,
  });
}
