import { timingSafeEqual } from 'node:crypto';
import QRCode from 'qrcode';
import { deliberationMeetingKinds, deliberationMeetingStatuses, type MyInvitationView } from '@gongzhi/shared';
import type { AppDeps } from '../../deps.js';
import type { Actor, RequestContext } from '../../lib/actor.js';
import { AppError } from '../../lib/app-error.js';
import { iso } from '../../lib/clock.js';
import { participantOf, type Participant } from '../../lib/participation.js';
import { recordAudit } from '../audit/audit.service.js';
import * as repo from './invitees.repository.js';
import { managedMeeting, visibleMeeting } from './meetings.access.js';
import { agendaOf, findMeeting, type MeetingRow } from './meetings.repository.js';
import { signInOpen } from './invitees.service.js';
import { canReadCommunity } from './meetings.policy.js';
import { oneOf } from './meetings.views.js';

/**
 * Signing in on one's own phone: the QR code in the room carries the meeting's random token; the signed-in
 * resident is matched to their invitee row through the registers (their resident record, their post, their
 * household when another member comes for it, recorded as a proxy, or their organisation).
 */

/** The link the QR code encodes. */
export const signInLink = (deps: AppDeps, m: MeetingRow): string => `${deps.config.publicUrl}/m/meetings/${m.id}/sign-in?t=${m.sign_in_token}`;

export async function signInQr(deps: AppDeps, actor: Actor, id: string): Promise<Buffer> {
  const m = await managedMeeting(deps, actor, id);
  return QRCode.toBuffer(signInLink(deps, m), { type: 'png', width: 640, margin: 2, errorCorrectionLevel: 'M' });
}

/** The invitee row that is the actor's own, else one they may answer for (their household, their organisation). */
async function ownRow(deps: AppDeps, actor: Actor, m: MeetingRow): Promise<{ row: repo.InviteeRow; proxy: boolean; p: Participant } | null> {
  const p = await participantOf(deps.db, actor, { id: m.community_id, path: m.community_path });
  const rows = await repo.inviteesMatching(deps.db, m.id, { userId: actor.userId!, residentId: p.residentId, householdId: p.householdId, organisationId: p.organisationId });
  const own = rows.find((r) => r.user_id === actor.userId || (p.residentId !== null && r.resident_id === p.residentId));
  if (own) return { row: own, proxy: false, p };
  const household = rows.find((r) => r.source === 'household' && r.household_id === p.householdId);
  if (household) return { row: household, proxy: true, p };
  const org = rows.find((r) => r.organisation_id !== null && r.organisation_id === p.organisationId);
  return org ? { row: org, proxy: false, p } : null;
}

const sameToken = (a: string, b: string): boolean => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

async function invitationView(deps: AppDeps, m: MeetingRow, row: repo.InviteeRow | null): Promise<MyInvitationView> {
  const agenda = await agendaOf(deps.db, m.id);
  return {
    meetingId: m.id,
    title: m.title,
    kind: oneOf(deliberationMeetingKinds, m.kind),
    startsAt: m.starts_at,
    location: m.location,
    status: oneOf(deliberationMeetingStatuses, m.status),
    invited: row !== null,
    inviteeName: row?.name ?? null,
    signedInAt: row?.signed_in_at ?? null,
    agenda: agenda.map((a) => ({ position: a.position, title: a.title })),
  };
}

/** Sign in by the QR code's token. Twice is fine: the first time stands. */
export async function selfSignIn(deps: AppDeps, ctx: RequestContext, id: string, token: string): Promise<MyInvitationView> {
  const m = await visibleMeeting(deps, ctx.actor, id);
  if (!sameToken(token, m.sign_in_token)) throw new AppError('sign_in_token_invalid', 400, { field: 'token' });
  if (!signInOpen.includes(m.status)) throw new AppError(m.status === 'closed' ? 'meeting_closed' : 'sign_in_not_open', 409, { status: m.status });
  const own = await ownRow(deps, ctx.actor, m);
  if (!own) throw new AppError('meeting_not_invited', 403);
  if (own.row.signed_in_at) return invitationView(deps, m, own.row);
  const s = {
    signed_in_at: iso(deps.clock.now()),
    sign_in_method: 'qr',
    signed_in_by: ctx.actor.userId,
    proxy_name: own.proxy ? own.p.residentName : null,
    proxy_gender: null,
  };
  await deps.db.transaction().execute(async (trx) => {
    await repo.setSignIn(trx, own.row.id, s);
    await recordAudit(trx, ctx, deps.clock, {
      action: 'deliberation_meeting.signed_in',
      targetType: 'deliberation_meeting_invitee',
      targetId: own.row.id,
      communityId: m.community_id,
      scopePath: m.community_path,
      after: { meetingId: m.id, method: 'qr', proxyName: s.proxy_name },
    });
  });
  return invitationView(deps, m, { ...own.row, ...s });
}

export async function myInvitation(deps: AppDeps, actor: Actor, id: string): Promise<MyInvitationView> {
  const m = await visibleMeeting(deps, actor, id);
  const own = await ownRow(deps, actor, m);
  return invitationView(deps, m, own?.row ?? null);
}

/** The notices of meetings the actor is invited to (through their resident record, household or posts). */
export async function myMeetings(deps: AppDeps, actor: Actor): Promise<{ items: MyInvitationView[] }> {
  const residents = await repo.residentsOfUser(deps.db, actor.userId!);
  const rows = await repo.meetingsInvitingUser(deps.db, {
    userId: actor.userId!,
    residentIds: residents.map((r) => r.id),
    householdIds: residents.flatMap((r) => (r.household_id ? [r.household_id] : [])),
  });
  const seen = new Set<string>();
  const items: MyInvitationView[] = [];
  for (const r of rows) {
    if (seen.has(r.id)) continue;
    seen.add(r.id);
    const m = await findMeeting(deps.db, r.id);
    if (m && canReadCommunity(actor, m.community_path)) items.push(await invitationView(deps, m, (await ownRow(deps, actor, m))?.row ?? null));
  }
  return { items };
}
