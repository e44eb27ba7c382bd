import { z } from 'zod';
import { idSchema, nameSchema } from './common.js';
import { dateSchema } from './registers.js';

/**
 * Elections of a residents' committee (居委会换届) under the Organic Law of Urban Residents' Committees (2025).
 * The phases run in order; each step is checked on the server against the election's dates.
 */
export const electionPhases = ['preparation', 'registration', 'list_notice', 'candidates', 'voting', 'counting', 'published', 'terms_recorded'] as const;
export type ElectionPhase = (typeof electionPhases)[number];
/** 每个选民一票 (by person) or 每户一票 (by household representative). */
export const votingUnits = ['person', 'household'] as const;
export type VotingUnit = (typeof votingUnits)[number];
export const electionPosts = ['chair', 'vice_chair', 'member'] as const;
export type ElectionPost = (typeof electionPosts)[number];
/** Why a person is on the voter register: the household register, residence on application (人户分离), community work. */
export const voterBases = ['household_register', 'residence_application', 'community_worker'] as const;
export type VoterBasis = (typeof voterBases)[number];
export const objectionKinds = ['omission', 'wrong_inclusion'] as const;
export type ObjectionKind = (typeof objectionKinds)[number];
export const objectionStatuses = ['open', 'accepted', 'rejected'] as const;

/** The legal notice period of the voter list before election day, by default (days). */
export const DEFAULT_NOTICE_DAYS = 20;
/** One holder may carry at most this many written proxies (选举规程 practice). */
export const PROXY_LIMIT = 3;
/** A voter is an adult on election day. */
export const VOTING_AGE = 18;
/** Community workers may register after this many months of work in the community. */
export const WORKER_MONTHS = 6;

const text = (max: number) => z.string().trim().min(1).max(max);
const instant = z.iso.datetime({ offset: true });

export const committeeMemberInput = z.object({ name: nameSchema, residentId: idSchema.optional(), chair: z.boolean().default(false) });

export const createElectionBody = z
  .object({
    communityId: idSchema,
    title: text(120),
    votingUnit: z.enum(votingUnits),
    electionDay: dateSchema,
    votingOpensAt: instant,
    votingClosesAt: instant,
    noticeDays: z.number().int().min(1).max(60).default(DEFAULT_NOTICE_DAYS),
    seats: z.object({ chair: z.literal(1), vice_chair: z.number().int().min(0).max(5), member: z.number().int().min(0).max(15) }),
    committee: z.array(committeeMemberInput).min(1).max(21),
    tellerUserIds: z.array(idSchema).min(1).max(10),
  })
  .refine((b) => Date.parse(b.votingOpensAt) < Date.parse(b.votingClosesAt), { path: ['votingClosesAt'], message: 'must be after votingOpensAt' })
  .refine((b) => b.committee.filter((m) => m.chair).length === 1, { path: ['committee'], message: 'exactly one chair' });
export type CreateElectionBody = z.infer<typeof createElectionBody>;

export const electionSeats = z.object({ chair: z.number().int(), vice_chair: z.number().int(), member: z.number().int() });

export const electionSummary = z.object({
  id: idSchema,
  communityId: idSchema,
  communityName: z.string(),
  title: z.string(),
  votingUnit: z.enum(votingUnits),
  electionDay: z.string(),
  votingOpensAt: z.string(),
  votingClosesAt: z.string(),
  noticeDays: z.number().int(),
  seats: electionSeats,
  phase: z.enum(electionPhases),
  listPublishedOn: z.string().nullable(),
  resultPublishedAt: z.string().nullable(),
  furtherRoundNeeded: z.boolean(),
});
export type ElectionSummary = z.infer<typeof electionSummary>;
export const electionList = z.object({ items: z.array(electionSummary) });

export const electionDetail = electionSummary.extend({
  committee: z.array(z.object({ id: idSchema, name: z.string(), residentId: idSchema.nullable(), chair: z.boolean() })),
  tellers: z.array(z.object({ userId: idSchema, name: z.string() })),
  counts: z.object({ voters: z.number().int(), units: z.number().int(), openObjections: z.number().int(), candidates: z.number().int(), proxies: z.number().int(), voted: z.number().int(), paperIssued: z.number().int(), ballots: z.number().int() }),
  organisationId: idSchema.nullable(),
  termsRecordedAt: z.string().nullable(),
  nextPhase: z.enum(electionPhases).nullable(),
});
export type ElectionDetail = z.infer<typeof electionDetail>;

export const advanceElectionBody = z.object({ to: z.enum(electionPhases) });

export const voterView = z.object({
  id: idSchema,
  name: z.string(),
  residentId: idSchema.nullable(),
  householdId: idSchema.nullable(),
  buildingName: z.string().nullable(),
  representative: z.boolean(),
  basis: z.enum(voterBases),
  basisNote: z.string().nullable(),
  removedAt: z.string().nullable(),
  removedReason: z.string().nullable(),
  voted: z.boolean(),
});
export type VoterView = z.infer<typeof voterView>;
export const voterList = z.object({ items: z.array(voterView), total: z.number().int() });
export const voterListQuery = z.object({ q: z.string().trim().max(50).optional(), includeRemoved: z.stringbool().optional() });

export const buildResult = z.object({ added: z.number().int(), skippedNoBirthDate: z.number().int(), alreadyRegistered: z.number().int() });

export const addVoterBody = z
  .object({
    basis: z.enum(['residence_application', 'community_worker']),
    residentId: idSchema.optional(),
    userId: idSchema.optional(),
    /** 人户分离: the application's reference; community worker: since when they work here. */
    basisNote: text(500),
    workingSince: dateSchema.optional(),
  })
  .refine((b) => (b.residentId ? 1 : 0) + (b.userId ? 1 : 0) === 1, { path: ['residentId'], message: 'name exactly one of residentId or userId' })
  .refine((b) => b.basis !== 'community_worker' || b.workingSince !== undefined, { path: ['workingSince'], message: 'required for a community worker' });
export type AddVoterBody = z.infer<typeof addVoterBody>;
export const removeVoterBody = z.object({ reason: text(500) });
export const representativeBody = z.object({ voterId: idSchema });

/** A resident names the person; the ids are optional (a resident rarely knows them; the clerk names them when accepting). */
export const objectionBody = z.object({ kind: z.enum(objectionKinds), subjectName: nameSchema, subjectVoterId: idSchema.optional(), subjectResidentId: idSchema.optional(), reason: text(1000) });
/**
 * Accepting a wrong inclusion removes a voter: the one the objection named, or `subjectVoterId` chosen by the clerk.
 * Accepting an omission registers the resident the objection or the clerk (`subjectResidentId`) names; without one
 * (someone the resident register does not hold) the clerk registers them on application.
 */
export const answerObjectionBody = z.object({ accept: z.boolean(), answer: text(1000), subjectVoterId: idSchema.optional(), subjectResidentId: idSchema.optional() });
export const objectionView = z.object({
  id: idSchema,
  kind: z.enum(objectionKinds),
  filerName: z.string(),
  subjectName: z.string(),
  subjectVoterId: idSchema.nullable(),
  subjectResidentId: idSchema.nullable(),
  reason: z.string(),
  status: z.enum(objectionStatuses),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
  createdAt: z.string(),
});
export type ObjectionView = z.infer<typeof objectionView>;
export const objectionList = z.object({ items: z.array(objectionView) });

export const candidateBody = z.object({ post: z.enum(electionPosts), voterId: idSchema, statement: text(1000) });
export const candidateView = z.object({ id: idSchema, post: z.enum(electionPosts), voterId: idSchema, name: z.string(), statement: z.string() });
export type CandidateView = z.infer<typeof candidateView>;
export const candidateList = z.object({ items: z.array(candidateView) });

export const proxyBody = z.object({ grantorVoterId: idSchema, holderVoterId: idSchema, reference: text(200) });
export const proxyView = z.object({ id: idSchema, grantorVoterId: idSchema, grantorName: z.string(), holderVoterId: idSchema, holderName: z.string(), reference: z.string(), used: z.boolean() });
export type ProxyView = z.infer<typeof proxyView>;
export const proxyList = z.object({ items: z.array(proxyView) });

/** A paper ballot handed out at the polling station: the roll records that the voter (or a proxy holder for them) took it. */
export const paperRollBody = z.object({ voterId: idSchema, byProxy: z.boolean().default(false) });
export const rollEntryView = z.object({ voterId: idSchema, channel: z.enum(['online', 'paper']), byProxy: z.boolean(), votedOn: z.string() });

/** The marks for one post: up to its seats among candidates and written-in names; none is an abstention. */
export const ballotChoice = z.object({ post: z.enum(electionPosts), candidateIds: z.array(idSchema).max(15), writeIns: z.array(nameSchema).max(15).default([]) });
export type BallotChoice = z.infer<typeof ballotChoice>;
export const onlineBallotBody = z.object({ forVoterId: idSchema.optional(), choices: z.array(ballotChoice).max(3) });
export type OnlineBallotBody = z.infer<typeof onlineBallotBody>;
export const paperBallotBody = z.object({ valid: z.boolean(), choices: z.array(ballotChoice).max(3).default([]) });
export const batchBody = z.object({ label: text(60), ballotCount: z.number().int().min(1).max(5000) });
export const batchView = z.object({ id: idSchema, label: z.string(), ballotCount: z.number().int(), entered: z.number().int(), tellerName: z.string() });
export const batchList = z.object({ items: z.array(batchView) });
/** What a ballot submission answers: that it was counted in, never the ballot's id. */
export const ballotReceipt = z.object({ recorded: z.literal(true), votedOn: z.string() });
/** A ballot in the box as a teller or observer may list it: random id and content, nothing about who. */
export const boxBallotView = z.object({ id: z.string(), valid: z.boolean(), choices: z.array(ballotChoice) });
export const ballotBoxList = z.object({ items: z.array(boxBallotView), total: z.number().int() });

export const tallyCandidate = z.object({ candidateId: idSchema.nullable(), name: z.string(), votes: z.number().int(), elected: z.boolean(), writeIn: z.boolean() });
export const tallyPost = z.object({ post: z.enum(electionPosts), seats: z.number().int(), candidates: z.array(tallyCandidate), elected: z.number().int(), unfilled: z.number().int(), tie: z.boolean() });
export const electionTally = z.object({
  registered: z.number().int(),
  voted: z.number().int(),
  ballotsCast: z.number().int(),
  valid: z.number().int(),
  invalid: z.number().int(),
  /** Turnout in basis points (1/100 of a percent), so it stays an integer. */
  turnoutBp: z.number().int(),
  quorumMet: z.boolean(),
  posts: z.array(tallyPost),
  furtherRoundNeeded: z.boolean(),
});
export type ElectionTally = z.infer<typeof electionTally>;

export const recordTermsBody = z.object({ organisationId: idSchema });
export const termsResult = z.object({ organisationId: idSchema, termStartOn: z.string(), termEndOn: z.string(), created: z.number().int(), ended: z.number().int() });

/** Why the signed-in resident cannot vote now. */
export const ballotBlockers = ['not_registered', 'not_voting', 'window_closed', 'already_voted', 'household_voted', 'not_representative', 'proxy_given'] as const;
export type BallotBlocker = (typeof ballotBlockers)[number];
export const myElectionView = z.object({
  election: electionSummary,
  registered: z.boolean(),
  voter: z.object({ id: idSchema, name: z.string(), buildingName: z.string().nullable(), representative: z.boolean(), basis: z.enum(voterBases) }).nullable(),
  voted: z.boolean(),
  householdVoted: z.boolean(),
  canVote: z.boolean(),
  blocker: z.enum(ballotBlockers).nullable(),
  candidates: z.array(candidateView),
  proxiesHeld: z.array(z.object({ voterId: idSchema, name: z.string(), voted: z.boolean() })),
  myObjections: z.array(objectionView),
});
export type MyElectionView = z.infer<typeof myElectionView>;

export const publicElectionView = electionSummary.extend({
  committee: z.array(z.object({ name: z.string(), chair: z.boolean() })),
  candidates: z.array(z.object({ id: idSchema, post: z.enum(electionPosts), name: z.string(), statement: z.string() })),
  tally: electionTally.nullable(),
});
export type PublicElectionView = z.infer<typeof publicElectionView>;
export const publicVoterList = z.object({
  total: z.number().int(),
  units: z.number().int(),
  buildings: z.array(z.object({ buildingName: z.string().nullable(), count: z.number().int(), names: z.array(z.string()) })),
});
export type PublicVoterList = z.infer<typeof publicVoterList>;
