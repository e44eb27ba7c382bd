import type { DeliberationMeetingDetail, DeliberationMeetingSummary, InviteeView, MotionView, SpeechView } from '@gongzhi/shared';
import type { Db } from '../../db/database.js';
import { attendanceCounts, type InviteeRow } from './invitees.repository.js';
import type { MeetingRow } from './meetings.repository.js';
import { agendaOf } from './meetings.repository.js';
import { motionsOf, speechesOf, type SpeechRow } from './proceedings.repository.js';
import { attendance } from './quorum.js';

/** Rows into the API's shapes; the response schemas keep anything undeclared from leaving. */

/** A stored enum value, checked against its list (the first value stands in for something unknown). */
export const oneOf = <T extends readonly [string, ...string[]]>(values: T, v: string): T[number] => values.find((x) => x === v) ?? values[0];
const kinds = ['residents_meeting', 'representative_assembly', 'deliberation_council', 'joint_meeting'] as const;
const statuses = ['draft', 'notified', 'in_session', 'closed'] as const;

export function summaryView(m: MeetingRow, counts: { invitees: number; present: number }): DeliberationMeetingSummary {
  return {
    id: m.id,
    communityId: m.community_id,
    communityName: m.community_name,
    kind: oneOf(kinds, m.kind),
    title: m.title,
    startsAt: m.starts_at,
    location: m.location,
    chairName: m.chair_name,
    status: oneOf(statuses, m.status),
    inviteeCount: counts.invitees,
    presentCount: counts.present,
  };
}

export const fractions = (m: MeetingRow) => ({ quorum: { num: m.quorum_num, den: m.quorum_den }, majority: { num: m.majority_num, den: m.majority_den } });

/** Each started speech is numbered within its speaker's turns. */
export function speechViews(rows: SpeechRow[]): SpeechView[] {
  const started = rows.filter((s) => s.started_at).sort((a, b) => a.started_at!.localeCompare(b.started_at!) || a.id.localeCompare(b.id));
  const seen = new Map<string, number>();
  const turnOf = new Map<string, number>();
  for (const s of started) {
    const n = (seen.get(s.speaker_key) ?? 0) + 1;
    seen.set(s.speaker_key, n);
    turnOf.set(s.id, n);
  }
  return rows.map((s) => ({
    id: s.id,
    inviteeId: s.invitee_id,
    speakerName: s.speaker_name,
    status: oneOf(['queued', 'speaking', 'done', 'withdrawn'] as const, s.status),
    turn: turnOf.get(s.id) ?? null,
    queuedAt: s.queued_at,
    startedAt: s.started_at,
    endedAt: s.ended_at,
  }));
}

export function motionViews(rows: Awaited<ReturnType<typeof motionsOf>>): MotionView[] {
  return rows.map((m) => ({
    id: m.id,
    position: m.position,
    text: m.text,
    ballot: oneOf(['named', 'secret'] as const, m.ballot),
    subjectKind: m.subject_kind,
    subjectId: m.subject_id,
    subjectTitle: m.subject_title,
    status: oneOf(['voting', 'decided'] as const, m.status),
    result: m.result === null ? null : oneOf(['adopted', 'rejected', 'no_quorum'] as const, m.result),
    eligible: m.eligible,
    present: m.present,
    womenPresent: m.women_present,
    forCount: m.for_count,
    againstCount: m.against_count,
    abstainCount: m.abstain_count,
    votesRecorded: Number(m.votes_recorded ?? 0),
    tabledAt: m.tabled_at,
    decidedAt: m.decided_at,
  }));
}

export async function detailView(db: Db, m: MeetingRow, manage: boolean): Promise<DeliberationMeetingDetail> {
  const [agenda, { total, ...counts }, speeches, motions] = await Promise.all([agendaOf(db, m.id), attendanceCounts(db, m.id), speechesOf(db, m.id), motionsOf(db, m.id)]);
  const f = fractions(m);
  return {
    ...summaryView(m, { invitees: total, present: counts.present }),
    recorderName: m.recorder_name,
    basis: oneOf(['households', 'members', 'posts'] as const, m.basis),
    speechMinutes: m.speech_minutes,
    speechTurns: m.speech_turns,
    agenda: agenda.map((a) => ({ id: a.id, position: a.position, title: a.title, subjectKind: a.subject_kind, subjectId: a.subject_id })),
    attendance: attendance(counts, f.quorum, f.majority),
    speeches: speechViews(speeches),
    motions: motionViews(motions),
    minutesSummary: m.minutes_summary,
    minutesDecisions: m.minutes_decisions,
    notifiedAt: m.notified_at,
    openedAt: m.opened_at,
    closedAt: m.closed_at,
    signInToken: manage ? m.sign_in_token : null,
    can: { manage },
  };
}

export function inviteeViewOf(i: InviteeRow): InviteeView {
  return {
    id: i.id,
    source: oneOf(['household', 'member', 'post', 'organisation', 'guest'] as const, i.source),
    name: i.name,
    gender: i.gender === 'male' || i.gender === 'female' ? i.gender : null,
    unit: i.unit,
    eligible: i.eligible === 1,
    residentId: i.resident_id,
    householdId: i.household_id,
    membershipId: i.membership_id,
    organisationId: i.organisation_id,
    signedInAt: i.signed_in_at,
    signInMethod: i.sign_in_method === 'qr' || i.sign_in_method === 'desk' ? i.sign_in_method : null,
    proxyName: i.proxy_name,
  };
}
