import type { AppDeps } from '../../deps.js';
import type { Actor } from '../../lib/actor.js';
import { AppError, notFound } from '../../lib/app-error.js';
import { canManageCommunity, canReadCommunity } from './meetings.policy.js';
import { findMeeting, type MeetingRow } from './meetings.repository.js';

/** A meeting the actor may read: drafts only for those who run it; the rest answer 404 as if missing. */
export async function visibleMeeting(deps: AppDeps, actor: Actor, id: string): Promise<MeetingRow> {
  const m = await findMeeting(deps.db, id);
  if (!m || !canReadCommunity(actor, m.community_path)) throw notFound();
  if (m.status === 'draft' && !canManageCommunity(actor, m.community_path)) throw notFound();
  return m;
}

/** A meeting the actor runs. Readers who may not run it get 404 too: the desk and the chair's tools are not theirs. */
export async function managedMeeting(deps: AppDeps, actor: Actor, id: string, statuses?: readonly string[]): Promise<MeetingRow> {
  const m = await findMeeting(deps.db, id);
  if (!m || !canManageCommunity(actor, m.community_path)) throw notFound();
  if (statuses) requireStatus(m, statuses);
  return m;
}

export function requireStatus(m: MeetingRow, statuses: readonly string[]): void {
  if (statuses.includes(m.status)) return;
  if (m.status === 'closed') throw new AppError('meeting_closed', 409);
  throw new AppError('meeting_wrong_status', 409, { status: m.status, allowed: statuses });
}
