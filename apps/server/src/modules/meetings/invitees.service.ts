import { deliberationMeetingKinds, type AddInviteeBody, type CreateDeliberationMeetingBody, type DeskSignInBody, type InviteesQuery, type InviteeView } from '@gongzhi/shared';
import type { Db } from '../../db/database.js';
import type { AppDeps } from '../../deps.js';
import type { Actor, RequestContext } from '../../lib/actor.js';
import { AppError, notFound } from '../../lib/app-error.js';
import { addYears, iso, localDate, type Clock } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import { recordAudit } from '../audit/audit.service.js';
import { enqueueNotification } from '../notifications/outbox.js';
import * as repo from './invitees.repository.js';
import { managedMeeting } from './meetings.access.js';
import type { MeetingRow } from './meetings.repository.js';
import { inviteeViewOf } from './meetings.views.js';

/**
 * The invitee list: drawn from the registers when the meeting is created (a snapshot: names and genders are
 * copied, so the minutes stay true after the register changes), kept by staff until the meeting opens.
 */

type Invitee = repo.NewInvitee;
const invalid = (field: string) => new AppError('meeting_invitee_invalid', 400, { field });

/** Who is invited, by kind: households or adults for a residents' meeting, representatives for an assembly, chosen posts and organisations otherwise; named guests for all. */
export async function drawInvitees(
  db: Db,
  clock: Clock,
  meetingId: string,
  communityId: string,
  kind: string,
  basis: string,
  choice: Pick<CreateDeliberationMeetingBody, 'membershipIds' | 'organisationIds' | 'guests'>,
) {
  const out: Invitee[] = [];
  if (kind === 'residents_meeting' && basis === 'households') {
    for (const h of await repo.householdsOf(db, communityId)) {
      out.push({ source: 'household', household_id: h.household_id, resident_id: h.resident_id, user_id: h.user_id, name: h.name ?? h.dwelling_name, gender: h.gender, unit: h.dwelling_name, eligible: 1 });
    }
  } else if (kind === 'residents_meeting') {
    const bornBy = addYears(localDate(clock.now()), -18);
    for (const r of await repo.adultsOf(db, communityId, bornBy)) {
      out.push({ source: 'member', resident_id: r.id, household_id: r.household_id, user_id: r.user_id, name: r.name, gender: r.gender, eligible: 1 });
    }
  } else if (kind === 'representative_assembly') {
    for (const p of await repo.postsOf(db, communityId, { role: 'representative' })) out.push(postInvitee(p));
  }
  if (kind !== 'residents_meeting' && kind !== 'representative_assembly') {
    const posts = await repo.postsOf(db, communityId, { ids: [...new Set(choice.membershipIds)] });
    if (posts.length !== new Set(choice.membershipIds).size) throw invalid('membershipIds');
    out.push(...posts.map(postInvitee));
    const orgs = await repo.organisationsOf(db, communityId, [...new Set(choice.organisationIds)]);
    if (orgs.length !== new Set(choice.organisationIds).size) throw invalid('organisationIds');
    for (const o of orgs) out.push({ source: 'organisation', organisation_id: o.id, name: o.name, unit: o.name, eligible: 1 });
  } else if (choice.membershipIds.length || choice.organisationIds.length) {
    throw invalid('membershipIds');
  }
  for (const g of choice.guests) out.push({ source: 'guest', name: g.name, gender: g.gender ?? null, unit: g.unit ?? null, eligible: 0 });
  const at = iso(clock.now());
  const rows = out.map((i) => ({ ...i, id: newId(), meeting_id: meetingId, created_at: at }));
  return { count: rows.length, insert: (trx: Db) => repo.insertInvitees(trx, rows) };
}

function postInvitee(p: Awaited<ReturnType<typeof repo.postsOf>>[number]): Invitee {
  return {
    source: 'post',
    membership_id: p.id,
    resident_id: p.resident_id,
    household_id: p.household_id,
    user_id: p.user_id ?? p.resident_user_id,
    name: p.person_name,
    gender: p.gender,
    unit: p.person_unit,
    eligible: 1,
  };
}

/** One message per invitee account (a dedupe key per meeting, so a retried publish sends nothing twice). */
export async function notifyInvitees(trx: Db, deps: AppDeps, m: MeetingRow): Promise<number> {
  const users = await repo.inviteeUsers(trx, m.id);
  for (const userId of users) {
    await enqueueNotification(trx, deps, {
      event: 'meeting_notice',
      template: 'meeting_notice',
      params: { kind: deliberationMeetingKinds.find((k) => k === m.kind) ?? 'residents_meeting', title: m.title, startsAt: m.starts_at, location: m.location },
      link: `/m/meetings/${m.id}`,
      dedupeKey: `meeting_notice:${m.id}:${userId}`,
      communityId: m.community_id,
      recipientUserId: userId,
    });
  }
  return users.length;
}

const audit = (trx: Db, ctx: RequestContext, deps: AppDeps, m: MeetingRow, action: string, targetId: string, after: unknown) =>
  recordAudit(trx, ctx, deps.clock, { action, targetType: 'deliberation_meeting_invitee', targetId, communityId: m.community_id, scopePath: m.community_path, after: { meetingId: m.id, ...(after as object) } });

export async function listInvitees(deps: AppDeps, actor: Actor, id: string, q: InviteesQuery) {
  await managedMeeting(deps, actor, id);
  const { rows, total } = await repo.listInvitees(deps.db, id, q);
  return { items: rows.map(inviteeViewOf), total };
}

/** Add one invitee before the meeting opens: a resident, a post, an organisation, or a named guest. */
export async function addInvitee(deps: AppDeps, ctx: RequestContext, id: string, body: AddInviteeBody): Promise<InviteeView> {
  const m = await managedMeeting(deps, ctx.actor, id, ['draft', 'notified']);
  const links = [body.residentId, body.membershipId, body.organisationId].filter(Boolean).length;
  if (links > 1) throw invalid('residentId');
  let row: Invitee;
  if (body.residentId) {
    const r = await repo.residentOf(deps.db, m.community_id, body.residentId);
    if (!r) throw invalid('residentId');
    row = { source: m.basis === 'households' && r.household_id ? 'household' : 'member', resident_id: r.id, household_id: r.household_id, user_id: r.user_id, name: r.name, gender: r.gender, unit: body.unit ?? null, eligible: 1 };
  } else if (body.membershipId) {
    const [p] = await repo.postsOf(deps.db, m.community_id, { ids: [body.membershipId] });
    if (!p) throw invalid('membershipId');
    row = postInvitee(p);
  } else if (body.organisationId) {
    const [o] = await repo.organisationsOf(deps.db, m.community_id, [body.organisationId]);
    if (!o) throw invalid('organisationId');
    row = { source: 'organisation', organisation_id: o.id, name: o.name, unit: o.name, eligible: 1 };
  } else {
    if (!body.name) throw invalid('name');
    row = { source: 'guest', name: body.name, gender: body.gender ?? null, unit: body.unit ?? null, eligible: 0 };
  }
  if (await repo.alreadyInvited(deps.db, id, row)) throw new AppError('meeting_invitee_duplicate', 409);
  const full = { ...row, id: newId(), meeting_id: id, created_at: iso(deps.clock.now()) };
  await deps.db.transaction().execute(async (trx) => {
    await repo.insertInvitees(trx, [full]);
    await audit(trx, ctx, deps, m, 'deliberation_meeting.invitee_added', full.id, { source: row.source, name: row.name });
  });
  return inviteeViewOf((await repo.findInvitee(deps.db, id, full.id))!);
}

export async function removeInvitee(deps: AppDeps, ctx: RequestContext, id: string, inviteeId: string): Promise<{ ok: true }> {
  const m = await managedMeeting(deps, ctx.actor, id, ['draft', 'notified']);
  const i = await repo.findInvitee(deps.db, id, inviteeId);
  if (!i) throw notFound();
  await deps.db.transaction().execute(async (trx) => {
    await repo.deleteInvitee(trx, id, inviteeId);
    await audit(trx, ctx, deps, m, 'deliberation_meeting.invitee_removed', inviteeId, { source: i.source, name: i.name });
  });
  return { ok: true };
}

/** Sign-in opens with the notice (people arrive before the chair opens the session) and ends when it closes. */
export const signInOpen: readonly string[] = ['notified', 'in_session'];

/** A staff tick at the desk; ticking again updates the proxy. A proxy is for a household's representative only. */
export async function deskSignIn(deps: AppDeps, ctx: RequestContext, id: string, inviteeId: string, body: DeskSignInBody): Promise<InviteeView> {
  const m = await managedMeeting(deps, ctx.actor, id);
  if (!signInOpen.includes(m.status)) throw new AppError('sign_in_not_open', 409, { status: m.status });
  const i = await repo.findInvitee(deps.db, id, inviteeId);
  if (!i) throw notFound();
  if (body.proxyName && i.source !== 'household') throw new AppError('proxy_not_allowed', 400, { field: 'proxyName' });
  const s = {
    signed_in_at: i.signed_in_at ?? iso(deps.clock.now()),
    sign_in_method: i.signed_in_at ? i.sign_in_method : 'desk',
    signed_in_by: i.signed_in_at ? i.signed_in_by : ctx.actor.userId,
    proxy_name: body.proxyName ?? null,
    proxy_gender: body.proxyName ? (body.proxyGender ?? null) : null,
  };
  await deps.db.transaction().execute(async (trx) => {
    await repo.setSignIn(trx, inviteeId, s);
    await audit(trx, ctx, deps, m, 'deliberation_meeting.signed_in', inviteeId, { method: s.sign_in_method, proxyName: s.proxy_name });
  });
  return inviteeViewOf({ ...i, ...s });
}

/** Undo a tick made by mistake (the audit log keeps both). */
export async function undoSignIn(deps: AppDeps, ctx: RequestContext, id: string, inviteeId: string): Promise<InviteeView> {
  const m = await managedMeeting(deps, ctx.actor, id);
  if (!signInOpen.includes(m.status)) throw new AppError('sign_in_not_open', 409, { status: m.status });
  const i = await repo.findInvitee(deps.db, id, inviteeId);
  if (!i) throw notFound();
  const s = { signed_in_at: null, sign_in_method: null, signed_in_by: null, proxy_name: null, proxy_gender: null };
  await deps.db.transaction().execute(async (trx) => {
    await repo.setSignIn(trx, inviteeId, s);
    await audit(trx, ctx, deps, m, 'deliberation_meeting.sign_in_undone', inviteeId, { was: i.signed_in_at, method: i.sign_in_method });
  });
  return inviteeViewOf({ ...i, ...s });
}
