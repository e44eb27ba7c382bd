import type { CreateMeetingBody, ListMeetingsQuery, MeetingDetail, MeetingKind, MeetingOpinionInput, MeetingSummary, UpdateMeetingBody } from '@gongzhi/shared';
import type { AppDeps } from '../../deps.js';
import type { Db } from '../../db/database.js';
import type { Actor, RequestContext } from '../../lib/actor.js';
import { notFound } from '../../lib/app-error.js';
import { iso } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import { recordAudit } from '../audit/audit.service.js';
import { attendeeRows, opinionRows } from './meeting-people.js';
import * as repo from './meetings.repository.js';
import { narrowToPlace } from './narrow.js';
import { checkStaffMember } from './people.service.js';
import { visitPlaceLabels } from './place-labels.js';
import { writablePlace } from './targets.js';
import { assertAllowed, canReadAt, canWriteAt, readPrefixes } from './visits.policy.js';

/** Consultation meetings (恳谈会, 交流会, 坝坝会): who came and what they said; each opinion can become a request. */

async function meetingSummaries(db: Db, rows: repo.MeetingRow[]): Promise<MeetingSummary[]> {
  const labels = await visitPlaceLabels(db, rows.map((m) => m.place_path));
  return rows.map((m) => ({
    id: m.id,
    communityId: m.community_id,
    kind: m.kind as MeetingKind,
    title: m.title,
    heldAt: m.held_at,
    placeId: m.place_id,
    placeLabel: labels.get(m.place_path) ?? '',
    location: m.location,
    hostUserId: m.host_user_id,
    hostName: m.host_name,
    summary: m.summary,
    attendeeCount: m.attendee_count,
    opinionCount: m.opinion_count,
    convertedCount: m.converted_count,
    createdAt: m.created_at,
    updatedAt: m.updated_at,
  }));
}

/** A meeting the actor may read; any other answers 404 as if it did not exist. */
export async function visibleMeeting(deps: AppDeps, actor: Actor, id: string): Promise<repo.MeetingRow> {
  const m = await repo.findMeeting(deps.db, id);
  if (!m || !canReadAt(actor, m.place_path)) throw notFound();
  return m;
}

/** A meeting the actor may change: anyone who could have recorded it there. */
async function writableMeeting(deps: AppDeps, actor: Actor, id: string): Promise<repo.MeetingRow> {
  const m = await visibleMeeting(deps, actor, id);
  assertAllowed(canWriteAt(actor, m.place_path));
  return m;
}

export async function listMeetingsFor(deps: AppDeps, actor: Actor, q: ListMeetingsQuery) {
  const prefixes = await narrowToPlace(deps.db, readPrefixes(actor), q.placeId);
  const { rows, total } = await repo.listMeetings(deps.db, {
    prefixes,
    kind: q.kind,
    from: q.from && iso(new Date(q.from)),
    to: q.to && iso(new Date(q.to)),
    limit: q.limit,
    offset: q.offset,
  });
  return { items: await meetingSummaries(deps.db, rows), total };
}

export async function meetingDetail(deps: AppDeps, actor: Actor, id: string): Promise<MeetingDetail> {
  const m = await visibleMeeting(deps, actor, id);
  const [[view], attendees, opinions] = await Promise.all([meetingSummaries(deps.db, [m]), repo.attendeesOf(deps.db, id), repo.opinionsOf(deps.db, id)]);
  const writable = canWriteAt(actor, m.place_path);
  return {
    ...view!,
    attendees: attendees.map((a) => ({ id: a.id, residentId: a.resident_id, organisationId: a.organisation_id, name: a.name, unit: a.unit })),
    opinions: opinions.map((o) => ({
      id: o.id,
      residentId: o.resident_id,
      speakerName: o.speaker_name,
      text: o.text,
      requestId: o.request_id,
      requestNumber: o.request_number,
      createdAt: o.created_at,
    })),
    can: { edit: writable, convert: writable },
  };
}

export async function createMeeting(deps: AppDeps, ctx: RequestContext, body: CreateMeetingBody): Promise<MeetingDetail> {
  const place = await writablePlace(deps.db, ctx.actor, body.placeId, 'placeId');
  const communityId = place.community_id!;
  if (body.hostUserId) await checkStaffMember(deps.db, body.hostUserId, communityId, 'hostUserId');
  const id = newId();
  const at = iso(deps.clock.now());
  const attendees = await attendeeRows(deps.db, ctx.actor, id, communityId, body.attendees);
  const opinions = await opinionRows(deps.db, ctx.actor, id, communityId, body.opinions, at);
  await deps.db.transaction().execute(async (trx) => {
    await repo.insertMeeting(trx, {
      id,
      community_id: communityId,
      kind: body.kind,
      title: body.title,
      held_at: iso(new Date(body.heldAt)),
      place_id: place.id,
      place_path: place.path,
      location: body.location ?? null,
      host_user_id: body.hostUserId ?? null,
      summary: body.summary ?? null,
      created_by: ctx.actor.userId!,
      created_at: at,
      updated_at: at,
    });
    await repo.insertAttendees(trx, attendees);
    await repo.insertOpinions(trx, opinions);
    await recordAudit(trx, ctx, deps.clock, {
      action: 'consultation_meeting.created',
      targetType: 'consultation_meeting',
      targetId: id,
      communityId,
      scopePath: place.path,
      after: { kind: body.kind, title: body.title, heldAt: body.heldAt, placeId: place.id, hostUserId: body.hostUserId ?? null, attendees: attendees.length, opinions: opinions.length },
    });
  });
  return meetingDetail(deps, ctx.actor, id);
}

/** Change a meeting's facts; `attendees` replaces the list. */
export async function updateMeeting(deps: AppDeps, ctx: RequestContext, id: string, body: UpdateMeetingBody): Promise<MeetingDetail> {
  const m = await writableMeeting(deps, ctx.actor, id);
  if (body.hostUserId) await checkStaffMember(deps.db, body.hostUserId, m.community_id, 'hostUserId');
  const attendees = body.attendees && (await attendeeRows(deps.db, ctx.actor, id, m.community_id, body.attendees));
  const patch = {
    kind: body.kind ?? m.kind,
    title: body.title ?? m.title,
    held_at: body.heldAt ? iso(new Date(body.heldAt)) : m.held_at,
    location: body.location === undefined ? m.location : body.location,
    host_user_id: body.hostUserId === undefined ? m.host_user_id : body.hostUserId,
    summary: body.summary === undefined ? m.summary : body.summary,
  };
  await deps.db.transaction().execute(async (trx) => {
    await repo.updateMeeting(trx, id, { ...patch, updated_at: iso(deps.clock.now()) });
    if (attendees) {
      await repo.deleteAttendees(trx, id);
      await repo.insertAttendees(trx, attendees);
    }
    await recordAudit(trx, ctx, deps.clock, {
      action: 'consultation_meeting.updated',
      targetType: 'consultation_meeting',
      targetId: id,
      communityId: m.community_id,
      scopePath: m.place_path,
      before: { kind: m.kind, title: m.title, held_at: m.held_at, location: m.location, host_user_id: m.host_user_id, summary: m.summary, attendees: m.attendee_count },
      after: { ...patch, ...(attendees ? { attendees: attendees.length } : {}) },
    });
  });
  return meetingDetail(deps, ctx.actor, id);
}

/** Add an opinion heard at the meeting (recorded afterwards, one by one). */
export async function addOpinion(deps: AppDeps, ctx: RequestContext, id: string, body: MeetingOpinionInput): Promise<MeetingDetail> {
  const m = await writableMeeting(deps, ctx.actor, id);
  const [row] = await opinionRows(deps.db, ctx.actor, id, m.community_id, [body], iso(deps.clock.now()), 'residentId');
  await deps.db.transaction().execute(async (trx) => {
    await repo.insertOpinions(trx, [row!]);
    await recordAudit(trx, ctx, deps.clock, {
      action: 'meeting_opinion.added',
      targetType: 'meeting_opinion',
      targetId: row!.id,
      communityId: m.community_id,
      scopePath: m.place_path,
      after: { meetingId: id, speakerName: row!.speaker_name, residentId: row!.resident_id, text: row!.text },
    });
  });
  return meetingDetail(deps, ctx.actor, id);
}
