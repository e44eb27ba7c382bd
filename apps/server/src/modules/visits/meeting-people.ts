import type { MeetingOpinionInput, UpdateMeetingBody } from '@gongzhi/shared';
import type { Db } from '../../db/database.js';
import type { Actor } from '../../lib/actor.js';
import { AppError } from '../../lib/app-error.js';
import { newId } from '../../lib/ids.js';
import { organisationRefs, residentRefs } from './refs.repository.js';
import { canReadAt } from './visits.policy.js';

/**
 * Attendees and speakers of a meeting: residents from the register (of the meeting's community, in the actor's
 * scope; their registered name is used) or people named as typed, with a unit or an organisation.
 */

type AttendeeInput = NonNullable<UpdateMeetingBody['attendees']>[number];
const invalid = (field: string) => new AppError('meeting_person_invalid', 400, { field });

export interface AttendeeRow {
  id: string;
  meeting_id: string;
  resident_id: string | null;
  organisation_id: string | null;
  name: string;
  unit: string | null;
}

/** Register residents and organisations the inputs name, checked; keyed by id. */
async function lookups(db: Db, actor: Actor, communityId: string, residentIds: (string | undefined)[], organisationIds: (string | undefined)[]) {
  const defined = (ids: (string | undefined)[]) => [...new Set(ids.filter((id): id is string => id !== undefined))];
  const [residents, organisations] = await Promise.all([residentRefs(db, defined(residentIds)), organisationRefs(db, defined(organisationIds))]);
  return {
    residents: new Map(residents.filter((r) => r.community_id === communityId && canReadAt(actor, r.place_path)).map((r) => [r.id, r])),
    organisations: new Map(organisations.filter((o) => o.community_id === communityId).map((o) => [o.id, o])),
  };
}

export async function attendeeRows(db: Db, actor: Actor, meetingId: string, communityId: string, inputs: AttendeeInput[]): Promise<AttendeeRow[]> {
  const found = await lookups(db, actor, communityId, inputs.map((a) => a.residentId), inputs.map((a) => a.organisationId));
  return inputs.map((a, i) => {
    const resident = a.residentId ? found.residents.get(a.residentId) : undefined;
    const organisation = a.organisationId ? found.organisations.get(a.organisationId) : undefined;
    if (a.residentId && !resident) throw invalid(`attendees.${i}.residentId`);
    if (a.organisationId && !organisation) throw invalid(`attendees.${i}.organisationId`);
    const name = resident?.name ?? a.name;
    if (!name) throw invalid(`attendees.${i}.name`);
    return { id: newId(), meeting_id: meetingId, resident_id: resident?.id ?? null, organisation_id: organisation?.id ?? null, name, unit: a.unit ?? organisation?.name ?? null };
  });
}

export interface OpinionRow {
  id: string;
  meeting_id: string;
  speaker_name: string | null;
  resident_id: string | null;
  text: string;
  request_id: null;
  created_at: string;
}

export async function opinionRows(db: Db, actor: Actor, meetingId: string, communityId: string, inputs: MeetingOpinionInput[], at: string, field = 'opinions'): Promise<OpinionRow[]> {
  const found = await lookups(db, actor, communityId, inputs.map((o) => o.residentId), []);
  return inputs.map((o, i) => {
    const resident = o.residentId ? found.residents.get(o.residentId) : undefined;
    if (o.residentId && !resident) throw invalid(field === 'opinions' ? `opinions.${i}.residentId` : 'residentId');
    return { id: newId(), meeting_id: meetingId, speaker_name: o.speakerName ?? resident?.name ?? null, resident_id: resident?.id ?? null, text: o.text, request_id: null, created_at: at };
  });
}
