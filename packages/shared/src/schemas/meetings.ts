import { z } from 'zod';
import { idSchema, nameSchema } from './common.js';
import { genders, type Label } from './registers.js';
import { freeText } from './requests.js';
import { momentSchema } from './visit-fields.js';

/**
 * Formal meetings of a community that decide things (居民会议, 居民代表会议, 议事会, 联席会议): notice and agenda,
 * invitees drawn from the registers, sign-in, live quorum, speaking order, motions and votes, minutes. Distinct
 * from consultation meetings (恳谈会), which only collect opinions.
 */

export const deliberationMeetingKinds = ['residents_meeting', 'representative_assembly', 'deliberation_council', 'joint_meeting'] as const;
export type DeliberationMeetingKind = (typeof deliberationMeetingKinds)[number];
export const deliberationMeetingKindLabels: Record<DeliberationMeetingKind, Label> = {
  residents_meeting: { zh: '居民会议', en: "Residents' meeting" },
  representative_assembly: { zh: '居民代表会议', en: 'Representative assembly' },
  deliberation_council: { zh: '议事会', en: 'Deliberation council' },
  joint_meeting: { zh: '两委及驻区单位联席会议', en: 'Joint meeting of the committees and stationed units' },
};

/** Who is invited: every household (its householder), every living adult resident, or chosen posts. */
export const attendeeBases = ['households', 'members', 'posts'] as const;
export type AttendeeBasis = (typeof attendeeBases)[number];

export const deliberationMeetingStatuses = ['draft', 'notified', 'in_session', 'closed'] as const;
export type DeliberationMeetingStatus = (typeof deliberationMeetingStatuses)[number];
export const deliberationMeetingStatusLabels: Record<DeliberationMeetingStatus, Label> = {
  draft: { zh: '草稿', en: 'Draft' },
  notified: { zh: '已发通知', en: 'Notice published' },
  in_session: { zh: '会议进行中', en: 'In session' },
  closed: { zh: '已结束', en: 'Closed' },
};

export const inviteeSources = ['household', 'member', 'post', 'organisation', 'guest'] as const;
export const ballots = ['named', 'secret'] as const;
export type Ballot = (typeof ballots)[number];
export const voteChoices = ['for', 'against', 'abstain'] as const;
export type VoteChoice = (typeof voteChoices)[number];
export const motionResults = ['adopted', 'rejected', 'no_quorum'] as const;
export type MotionResult = (typeof motionResults)[number];
export const motionResultLabels: Record<MotionResult, Label> = {
  adopted: { zh: '通过', en: 'Adopted' },
  rejected: { zh: '未通过', en: 'Rejected' },
  no_quorum: { zh: '不足法定人数', en: 'No quorum' },
};
export const motionSubjectKindValues = ['topic', 'covenant_version'] as const;

const fraction = z.number().int().min(1).max(100);
const shortName = nameSchema.pipe(z.string().max(60));

export const agendaItemInput = z.object({
  title: freeText(1, 200),
  subjectKind: z.enum(motionSubjectKindValues).optional(),
  subjectId: idSchema.optional(),
});

export const guestInput = z.object({
  name: shortName,
  gender: z.enum(genders).optional(),
  unit: freeText(1, 200).optional(),
});

const meetingFields = {
  title: freeText(2, 120),
  startsAt: momentSchema,
  location: freeText(1, 200),
  chairName: shortName,
  recorderName: shortName.optional(),
  speechMinutes: z.number().int().min(1).max(60).default(2),
  speechTurns: z.number().int().min(1).max(10).default(2),
  agenda: z.array(agendaItemInput).max(50).default([]),
};

export const createDeliberationMeetingBody = z.object({
  communityId: idSchema,
  kind: z.enum(deliberationMeetingKinds),
  ...meetingFields,
  /** Residents' meetings: households (default) or members; other kinds use posts. */
  basis: z.enum(['households', 'members']).optional(),
  /** Councils and joint meetings: the posts (memberships) and organisations invited. */
  membershipIds: z.array(idSchema).max(500).default([]),
  organisationIds: z.array(idSchema).max(500).default([]),
  guests: z.array(guestInput).max(200).default([]),
});
export type CreateDeliberationMeetingBody = z.infer<typeof createDeliberationMeetingBody>;

/** Facts may change until the meeting opens; the agenda, when given, replaces the list. */
export const updateDeliberationMeetingBody = z.object({
  title: meetingFields.title.optional(),
  startsAt: momentSchema.optional(),
  location: meetingFields.location.optional(),
  chairName: shortName.optional(),
  recorderName: shortName.nullable().optional(),
  speechMinutes: z.number().int().min(1).max(60).optional(),
  speechTurns: z.number().int().min(1).max(10).optional(),
  agenda: z.array(agendaItemInput).max(50).optional(),
});
export type UpdateDeliberationMeetingBody = z.infer<typeof updateDeliberationMeetingBody>;

export const listDeliberationMeetingsQuery = z.object({
  communityId: idSchema.optional(),
  kind: z.enum(deliberationMeetingKinds).optional(),
  status: z.enum(deliberationMeetingStatuses).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export type ListDeliberationMeetingsQuery = z.infer<typeof listDeliberationMeetingsQuery>;

export const attendanceView = z.object({
  eligible: z.number(),
  present: z.number(),
  womenPresent: z.number(),
  guestsPresent: z.number(),
  /** The fewest present that make a quorum (strictly more than the fraction). */
  quorumNeeded: z.number(),
  quorumMet: z.boolean(),
  quorum: z.object({ num: z.number(), den: z.number() }),
  majority: z.object({ num: z.number(), den: z.number() }),
});
export type AttendanceView = z.infer<typeof attendanceView>;

export const deliberationMeetingSummary = z.object({
  id: z.string(),
  communityId: z.string(),
  communityName: z.string(),
  kind: z.enum(deliberationMeetingKinds),
  title: z.string(),
  startsAt: z.string(),
  location: z.string(),
  chairName: z.string(),
  status: z.enum(deliberationMeetingStatuses),
  inviteeCount: z.number(),
  presentCount: z.number(),
});
export type DeliberationMeetingSummary = z.infer<typeof deliberationMeetingSummary>;
export const deliberationMeetingList = z.object({ items: z.array(deliberationMeetingSummary), total: z.number() });

export const agendaItemView = z.object({ id: z.string(), position: z.number(), title: z.string(), subjectKind: z.string().nullable(), subjectId: z.string().nullable() });

export const speechView = z.object({
  id: z.string(),
  inviteeId: z.string().nullable(),
  speakerName: z.string(),
  status: z.enum(['queued', 'speaking', 'done', 'withdrawn']),
  /** Which of the speaker's turns this is (1-based), once started. */
  turn: z.number().nullable(),
  queuedAt: z.string(),
  startedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
});
export type SpeechView = z.infer<typeof speechView>;

export const motionView = z.object({
  id: z.string(),
  position: z.number(),
  text: z.string(),
  ballot: z.enum(ballots),
  subjectKind: z.string().nullable(),
  subjectId: z.string().nullable(),
  subjectTitle: z.string().nullable(),
  status: z.enum(['voting', 'decided']),
  result: z.enum(motionResults).nullable(),
  eligible: z.number().nullable(),
  present: z.number().nullable(),
  womenPresent: z.number().nullable(),
  forCount: z.number().nullable(),
  againstCount: z.number().nullable(),
  abstainCount: z.number().nullable(),
  /** Named ballots: choices recorded so far. */
  votesRecorded: z.number(),
  tabledAt: z.string(),
  decidedAt: z.string().nullable(),
});
export type MotionView = z.infer<typeof motionView>;

export const deliberationMeetingDetail = deliberationMeetingSummary.extend({
  recorderName: z.string().nullable(),
  basis: z.enum(attendeeBases),
  speechMinutes: z.number(),
  speechTurns: z.number(),
  agenda: z.array(agendaItemView),
  attendance: attendanceView,
  speeches: z.array(speechView),
  motions: z.array(motionView),
  minutesSummary: z.string().nullable(),
  minutesDecisions: z.string().nullable(),
  notifiedAt: z.string().nullable(),
  openedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  /** Only for those who run the meeting (the QR code carries it). */
  signInToken: z.string().nullable(),
  can: z.object({ manage: z.boolean() }),
});
export type DeliberationMeetingDetail = z.infer<typeof deliberationMeetingDetail>;

export const inviteeView = z.object({
  id: z.string(),
  source: z.enum(inviteeSources),
  name: z.string(),
  gender: z.enum(genders).nullable(),
  unit: z.string().nullable(),
  eligible: z.boolean(),
  residentId: z.string().nullable(),
  householdId: z.string().nullable(),
  membershipId: z.string().nullable(),
  organisationId: z.string().nullable(),
  signedInAt: z.string().nullable(),
  signInMethod: z.enum(['qr', 'desk']).nullable(),
  proxyName: z.string().nullable(),
});
export type InviteeView = z.infer<typeof inviteeView>;

export const inviteesQuery = z.object({
  q: z
    .string()
    .trim()
    .max(60)
    .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), 'contains control characters')
    .optional(),
  present: z.enum(['yes', 'no']).optional(),
  /** Only those who count to the quorum and vote (guests do not). */
  eligible: z.enum(['yes', 'no']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export type InviteesQuery = z.infer<typeof inviteesQuery>;
export const inviteeList = z.object({ items: z.array(inviteeView), total: z.number() });

/** One more invitee: a resident, a post, an organisation, or a named guest (who does not count to the quorum). */
export const addInviteeBody = z.object({
  residentId: idSchema.optional(),
  membershipId: idSchema.optional(),
  organisationId: idSchema.optional(),
  name: shortName.optional(),
  gender: z.enum(genders).optional(),
  unit: freeText(1, 200).optional(),
});
export type AddInviteeBody = z.infer<typeof addInviteeBody>;

export const inviteeParams = z.object({ id: idSchema, inviteeId: idSchema });
export const speechParams = z.object({ id: idSchema, speechId: idSchema });
export const motionParams = z.object({ id: idSchema, motionId: idSchema });

/** A staff tick at the desk; a household may be represented by a written proxy. */
export const deskSignInBody = z.object({ proxyName: shortName.optional(), proxyGender: z.enum(genders).optional() });
export type DeskSignInBody = z.infer<typeof deskSignInBody>;
export const selfSignInBody = z.object({ token: z.string().min(1).max(64).regex(/^[0-9a-zA-Z_-]+$/) });

/** What a resident's phone shows: the meeting and whether they are on the list and signed in. */
export const myInvitationView = z.object({
  meetingId: z.string(),
  title: z.string(),
  kind: z.enum(deliberationMeetingKinds),
  startsAt: z.string(),
  location: z.string(),
  status: z.enum(deliberationMeetingStatuses),
  invited: z.boolean(),
  inviteeName: z.string().nullable(),
  signedInAt: z.string().nullable(),
  agenda: z.array(z.object({ position: z.number(), title: z.string() })),
});
export type MyInvitationView = z.infer<typeof myInvitationView>;
export const myMeetingsList = z.object({ items: z.array(myInvitationView) });

export const speakerBody = z.object({ inviteeId: idSchema.optional(), name: shortName.optional() });
export type SpeakerBody = z.infer<typeof speakerBody>;

export const motionBody = z.object({
  text: freeText(2, 2000),
  ballot: z.enum(ballots),
  subjectKind: z.enum(motionSubjectKindValues).optional(),
  subjectId: idSchema.optional(),
});
export type MotionBody = z.infer<typeof motionBody>;

export const namedVotesBody = z.object({
  votes: z.array(z.object({ inviteeId: idSchema, choice: z.enum(voteChoices) })).min(1).max(5000),
});
export type NamedVotesBody = z.infer<typeof namedVotesBody>;

/** Secret ballots: the tellers' counts. Named ballots are counted from the recorded choices. */
export const closeVoteBody = z.object({
  forCount: z.number().int().min(0).max(100_000).optional(),
  againstCount: z.number().int().min(0).max(100_000).optional(),
  abstainCount: z.number().int().min(0).max(100_000).optional(),
});
export type CloseVoteBody = z.infer<typeof closeVoteBody>;

export const minutesBody = z.object({ summary: freeText(0, 20_000), decisions: freeText(0, 20_000) });
export type MinutesBody = z.infer<typeof minutesBody>;

export const meetingRuleView = z.object({
  kind: z.enum(deliberationMeetingKinds),
  quorumNum: z.number(),
  quorumDen: z.number(),
  majorityNum: z.number(),
  majorityDen: z.number(),
  /** False while the community uses the law's default (more than half). */
  custom: z.boolean(),
});
export type MeetingRuleView = z.infer<typeof meetingRuleView>;
export const meetingRulesQuery = z.object({ communityId: idSchema });
export const meetingRulesList = z.object({ items: z.array(meetingRuleView) });
export const meetingRuleParams = z.object({ kind: z.enum(deliberationMeetingKinds) });
export const meetingRuleBody = z
  .object({ communityId: idSchema, quorumNum: fraction, quorumDen: fraction, majorityNum: fraction, majorityDen: fraction })
  .refine((r) => r.quorumNum < r.quorumDen && r.majorityNum < r.majorityDen, { message: 'a fraction must be below one', path: ['quorumNum'] });
export type MeetingRuleBody = z.infer<typeof meetingRuleBody>;
