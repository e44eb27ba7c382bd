import { randomBytes } from 'node:crypto';
import {
  deliberationMeetingKinds,
  type CreateDeliberationMeetingBody,
  type DeliberationMeetingDetail,
  type DeliberationMeetingKind,
  type ListDeliberationMeetingsQuery,
  type MeetingRuleBody,
  type MeetingRuleView,
  type MinutesBody,
  type UpdateDeliberationMeetingBody,
} from '@gongzhi/shared';
import type { Db } from '../../db/database.js';
import type { AppDeps } from '../../deps.js';
import type { Actor, RequestContext } from '../../lib/actor.js';
import { AppError, notFound } from '../../lib/app-error.js';
import { iso } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import { recordAudit } from '../audit/audit.service.js';
import { drawInvitees, notifyInvitees } from './invitees.service.js';
import { managedMeeting, visibleMeeting } from './meetings.access.js';
import { canManageCommunity, managePrefixes, readPrefixes } from './meetings.policy.js';
import * as repo from './meetings.repository.js';
import { defaultFraction, type Fraction } from './quorum.js';
import { detailView, summaryView } from './meetings.views.js';

/** Meetings: the notice and agenda, the lifecycle draft → notified → in_session → closed, minutes, rules. */

const audit = (ctx: RequestContext, deps: AppDeps, trx: Db, m: { id: string; community_id: string; community_path: string }, action: string, after: unknown, before?: unknown) =>
  recordAudit(trx, ctx, deps.clock, { action, targetType: 'deliberation_meeting', targetId: m.id, communityId: m.community_id, scopePath: m.community_path, after, before });

/** The community's rules for a kind, or the law's default. */
export async function rulesFor(db: Db, communityId: string, kind: string): Promise<{ quorum: Fraction; majority: Fraction }> {
  const r = (await repo.rulesOf(db, communityId)).find((x) => x.kind === kind);
  return r ? { quorum: { num: r.quorum_num, den: r.quorum_den }, majority: { num: r.majority_num, den: r.majority_den } } : { quorum: defaultFraction, majority: defaultFraction };
}

export async function listMeetings(deps: AppDeps, actor: Actor, q: ListDeliberationMeetingsQuery) {
  const filter = { prefixes: readPrefixes(actor), draftPrefixes: managePrefixes(actor), communityId: q.communityId, kind: q.kind, status: q.status, limit: q.limit, offset: q.offset };
  const { rows, total } = await repo.listMeetings(deps.db, filter);
  return { items: rows.map((m) => summaryView(m, { invitees: m.invitee_count, present: m.present_count })), total };
}

export async function meetingDetail(deps: AppDeps, actor: Actor, id: string): Promise<DeliberationMeetingDetail> {
  const m = await visibleMeeting(deps, actor, id);
  return detailView(deps.db, m, canManageCommunity(actor, m.community_path));
}

function agendaRows(meetingId: string, agenda: CreateDeliberationMeetingBody['agenda']) {
  return agenda.map((a, i) => {
    if ((a.subjectKind === undefined) !== (a.subjectId === undefined)) throw new AppError('validation_failed', 400, { field: `agenda.${i}.subjectId` });
    return { id: newId(), meeting_id: meetingId, position: i + 1, title: a.title, subject_kind: a.subjectKind ?? null, subject_id: a.subjectId ?? null };
  });
}

export async function createMeeting(deps: AppDeps, ctx: RequestContext, body: CreateDeliberationMeetingBody): Promise<DeliberationMeetingDetail> {
  const community = await repo.findCommunity(deps.db, body.communityId);
  if (!community || !canManageCommunity(ctx.actor, community.path)) throw notFound();
  const basis = body.kind === 'residents_meeting' ? (body.basis ?? 'households') : 'posts';
  if (body.basis && body.kind !== 'residents_meeting') throw new AppError('validation_failed', 400, { field: 'basis' });
  const id = newId();
  const at = iso(deps.clock.now());
  const agenda = agendaRows(id, body.agenda);
  const invitees = await drawInvitees(deps.db, deps.clock, id, body.communityId, body.kind, basis, body);
  const rules = await rulesFor(deps.db, body.communityId, body.kind);
  await deps.db.transaction().execute(async (trx) => {
    await repo.insertMeeting(trx, {
      id,
      community_id: body.communityId,
      kind: body.kind,
      title: body.title,
      starts_at: iso(new Date(body.startsAt)),
      location: body.location,
      chair_name: body.chairName,
      recorder_name: body.recorderName ?? null,
      basis,
      status: 'draft',
      quorum_num: rules.quorum.num,
      quorum_den: rules.quorum.den,
      majority_num: rules.majority.num,
      majority_den: rules.majority.den,
      speech_minutes: body.speechMinutes,
      speech_turns: body.speechTurns,
      sign_in_token: randomBytes(18).toString('base64url'),
      minutes_summary: null,
      minutes_decisions: null,
      notified_at: null,
      opened_at: null,
      closed_at: null,
      created_by: ctx.actor.userId!,
      created_at: at,
      updated_at: at,
    });
    await repo.replaceAgenda(trx, id, agenda);
    await invitees.insert(trx);
    await audit(ctx, deps, trx, { id, community_id: community.id, community_path: community.path }, 'deliberation_meeting.created', {
      kind: body.kind,
      title: body.title,
      startsAt: body.startsAt,
      basis,
      invitees: invitees.count,
      agenda: agenda.length,
    });
  });
  return meetingDetail(deps, ctx.actor, id);
}

/** Facts may change until the meeting opens. */
export async function updateMeeting(deps: AppDeps, ctx: RequestContext, id: string, body: UpdateDeliberationMeetingBody): Promise<DeliberationMeetingDetail> {
  const m = await managedMeeting(deps, ctx.actor, id, ['draft', 'notified']);
  const patch = {
    title: body.title ?? m.title,
    starts_at: body.startsAt ? iso(new Date(body.startsAt)) : m.starts_at,
    location: body.location ?? m.location,
    chair_name: body.chairName ?? m.chair_name,
    recorder_name: body.recorderName === undefined ? m.recorder_name : body.recorderName,
    speech_minutes: body.speechMinutes ?? m.speech_minutes,
    speech_turns: body.speechTurns ?? m.speech_turns,
  };
  const agenda = body.agenda && agendaRows(id, body.agenda);
  await deps.db.transaction().execute(async (trx) => {
    await repo.updateMeeting(trx, id, { ...patch, updated_at: iso(deps.clock.now()) });
    if (agenda) await repo.replaceAgenda(trx, id, agenda);
    await audit(ctx, deps, trx, m, 'deliberation_meeting.updated', { ...patch, ...(agenda ? { agenda: agenda.length } : {}) }, {
      title: m.title,
      starts_at: m.starts_at,
      location: m.location,
      chair_name: m.chair_name,
      recorder_name: m.recorder_name,
      speech_minutes: m.speech_minutes,
      speech_turns: m.speech_turns,
    });
  });
  return meetingDetail(deps, ctx.actor, id);
}

/**
 * Publish the notice: the rules in force are copied onto the meeting (a later change of the community's rules
 * does not move a published meeting's quorum) and every invitee with an account gets a message.
 */
export async function notifyMeeting(deps: AppDeps, ctx: RequestContext, id: string): Promise<DeliberationMeetingDetail> {
  const m = await managedMeeting(deps, ctx.actor, id, ['draft']);
  const rules = await rulesFor(deps.db, m.community_id, m.kind);
  const at = iso(deps.clock.now());
  await deps.db.transaction().execute(async (trx) => {
    const moved = await repo.moveStatus(trx, id, 'draft', {
      status: 'notified',
      notified_at: at,
      quorum_num: rules.quorum.num,
      quorum_den: rules.quorum.den,
      majority_num: rules.majority.num,
      majority_den: rules.majority.den,
      updated_at: at,
    });
    if (!moved) throw new AppError('meeting_wrong_status', 409, { status: 'changed' });
    const notified = await notifyInvitees(trx, deps, m);
    await audit(ctx, deps, trx, m, 'deliberation_meeting.notified', { notified, quorum: rules.quorum, majority: rules.majority });
  });
  return meetingDetail(deps, ctx.actor, id);
}

const transitions = {
  open: { from: 'notified', to: 'in_session', stamp: 'opened_at' },
  close: { from: 'in_session', to: 'closed', stamp: 'closed_at' },
} as const;

/** Open the session, or close it (open votes must be decided first). */
export async function moveMeeting(deps: AppDeps, ctx: RequestContext, id: string, step: keyof typeof transitions): Promise<DeliberationMeetingDetail> {
  const t = transitions[step];
  const m = await managedMeeting(deps, ctx.actor, id, [t.from]);
  const at = iso(deps.clock.now());
  if (step === 'close') {
    const view = await detailView(deps.db, m, true);
    if (view.motions.some((x) => x.status === 'voting')) throw new AppError('meeting_wrong_status', 409, { reason: 'motion_voting' });
    if (view.speeches.some((x) => x.status === 'speaking')) throw new AppError('speech_in_progress', 409);
  }
  await deps.db.transaction().execute(async (trx) => {
    const moved = await repo.moveStatus(trx, id, t.from, { status: t.to, [t.stamp]: at, updated_at: at });
    if (!moved) throw new AppError('meeting_wrong_status', 409, { status: 'changed' });
    await audit(ctx, deps, trx, m, `deliberation_meeting.${step === 'open' ? 'opened' : 'closed'}`, { status: t.to, at });
  });
  return meetingDetail(deps, ctx.actor, id);
}

/** The recorder's summary and decisions, during the session or after it. */
export async function saveMinutes(deps: AppDeps, ctx: RequestContext, id: string, body: MinutesBody): Promise<DeliberationMeetingDetail> {
  const m = await managedMeeting(deps, ctx.actor, id, ['in_session', 'closed']);
  await deps.db.transaction().execute(async (trx) => {
    await repo.updateMeeting(trx, id, { minutes_summary: body.summary || null, minutes_decisions: body.decisions || null, updated_at: iso(deps.clock.now()) });
    await audit(ctx, deps, trx, m, 'deliberation_meeting.minutes_saved', { summary: body.summary, decisions: body.decisions }, { summary: m.minutes_summary, decisions: m.minutes_decisions });
  });
  return meetingDetail(deps, ctx.actor, id);
}

async function community(deps: AppDeps, actor: Actor, communityId: string) {
  const c = await repo.findCommunity(deps.db, communityId);
  if (!c || !canManageCommunity(actor, c.path)) throw notFound();
  return c;
}

export async function listRules(deps: AppDeps, actor: Actor, communityId: string): Promise<{ items: MeetingRuleView[] }> {
  await community(deps, actor, communityId);
  const rows = await repo.rulesOf(deps.db, communityId);
  return {
    items: deliberationMeetingKinds.map((kind) => {
      const r = rows.find((x) => x.kind === kind);
      return r
        ? { kind, quorumNum: r.quorum_num, quorumDen: r.quorum_den, majorityNum: r.majority_num, majorityDen: r.majority_den, custom: true }
        : { kind, quorumNum: defaultFraction.num, quorumDen: defaultFraction.den, majorityNum: defaultFraction.num, majorityDen: defaultFraction.den, custom: false };
    }),
  };
}

export async function putRule(deps: AppDeps, ctx: RequestContext, kind: DeliberationMeetingKind, body: MeetingRuleBody): Promise<{ items: MeetingRuleView[] }> {
  const c = await community(deps, ctx.actor, body.communityId);
  const before = await rulesFor(deps.db, c.id, kind);
  await deps.db.transaction().execute(async (trx) => {
    await repo.upsertRule(trx, {
      id: newId(),
      community_id: c.id,
      kind,
      quorum_num: body.quorumNum,
      quorum_den: body.quorumDen,
      majority_num: body.majorityNum,
      majority_den: body.majorityDen,
      updated_by: ctx.actor.userId,
      updated_at: iso(deps.clock.now()),
    });
    await recordAudit(trx, ctx, deps.clock, { action: 'meeting_rule.updated', targetType: 'meeting_rule', targetId: `${c.id}:${kind}`, communityId: c.id, scopePath: c.path, before, after: body });
  });
  return listRules(deps, ctx.actor, c.id);
}
