import { z } from 'zod';
import type { Label } from './registers.js';

/**
 * Who may take part in a phase of a deliberation process (a topic, a covenant). Each phase of a process says,
 * per action, which groups may do it; the server works out the actor's groups from the registers and the posts.
 */
export const participantGroups = [
  /** An account linked to a living resident of the community (claimed with a claim code). */
  'verified_resident',
  /** A verified resident who is the householder of their household. */
  'household_representative',
  /** A verified resident (or account) holding a current 居民代表 post. */
  'representative',
  /** The representative of an organisation of the community (property company, social organisation, unit). */
  'organisation',
  /** Community admins, community staff and grid workers of the community. */
  'staff',
  /** Subdistrict admins over the community. */
  'subdistrict',
] as const;
export type ParticipantGroup = (typeof participantGroups)[number];
export const participantGroupLabels: Record<ParticipantGroup, Label> = {
  verified_resident: { zh: '实名居民', en: 'Verified residents' },
  household_representative: { zh: '户代表', en: 'Household representatives' },
  representative: { zh: '居民代表', en: "Residents' representatives" },
  organisation: { zh: '驻区单位与组织', en: 'Organisations' },
  staff: { zh: '社区工作人员', en: 'Community staff' },
  subdistrict: { zh: '街道', en: 'Subdistrict' },
};

/** What a phase can open to a group. `pledge` is a household's signature on a covenant. */
export const processActions = ['propose', 'comment', 'vote', 'review', 'pledge'] as const;
export type ProcessAction = (typeof processActions)[number];
export const processActionLabels: Record<ProcessAction, Label> = {
  propose: { zh: '提出', en: 'Propose' },
  comment: { zh: '发表意见', en: 'Comment' },
  vote: { zh: '表决', en: 'Vote' },
  review: { zh: '审核', en: 'Review' },
  pledge: { zh: '签字承诺', en: 'Pledge' },
};

// A refinement, not a transform: the same schema serialises responses, and a transform cannot be encoded.
const groupList = z
  .array(z.enum(participantGroups))
  .max(participantGroups.length)
  .refine((gs) => new Set(gs).size === gs.length, 'each group at most once');

/** Per action, the groups that may do it in one phase. An empty list closes the action. */
export const phasePermissionsSchema = z.object({
  propose: groupList.default([]),
  comment: groupList.default([]),
  vote: groupList.default([]),
  review: groupList.default([]),
  pledge: groupList.default([]),
});
export type PhasePermissions = z.infer<typeof phasePermissionsSchema>;

/** Whether someone in `groups` may do `action` under `permissions`. */
export function permits(permissions: PhasePermissions, action: ProcessAction, groups: Iterable<ParticipantGroup>): boolean {
  const open = permissions[action];
  for (const g of groups) if (open.includes(g)) return true;
  return false;
}

const residents: ParticipantGroup[] = ['verified_resident', 'household_representative', 'representative'];
const everyone: ParticipantGroup[] = [...residents, 'organisation', 'staff'];
const none: ParticipantGroup[] = [];

/** A permissions object with every action closed except the ones given. */
export function phasePermissions(open: Partial<Record<ProcessAction, ParticipantGroup[]>>): PhasePermissions {
  return { propose: none, comment: none, vote: none, review: none, pledge: none, ...open };
}

/** The phases of a deliberation topic: propose → consult → decide → carry out → report back. */
export const topicPhases = ['proposal', 'consultation', 'decision', 'implementation', 'report_back'] as const;
export type TopicPhase = (typeof topicPhases)[number];
export const topicPhaseLabels: Record<TopicPhase, Label> = {
  proposal: { zh: '提出议题', en: 'Proposal' },
  consultation: { zh: '协商征询', en: 'Consultation' },
  decision: { zh: '会议决定', en: 'Decision' },
  implementation: { zh: '组织实施', en: 'Carrying out' },
  report_back: { zh: '结果反馈', en: 'Report-back' },
};
export const defaultTopicPermissions: Record<TopicPhase, PhasePermissions> = {
  proposal: phasePermissions({ propose: everyone, review: ['staff'] }),
  consultation: phasePermissions({ comment: everyone, review: ['staff'] }),
  decision: phasePermissions({ vote: ['representative', 'household_representative'], review: ['staff'] }),
  implementation: phasePermissions({ comment: everyone, review: ['staff'] }),
  report_back: phasePermissions({ comment: everyone, review: ['staff'] }),
};

/**
 * The phases of a covenant, in order (Ministry of Civil Affairs et al., 2018 guidance on village rules and
 * residents' covenants): collect opinions → draft → consult → revise → legality review → vote → file → publish →
 * household pledges. Exemplary households are commended during pledging.
 */
export const covenantPhases = [
  'opinion_collection',
  'drafting',
  'consultation',
  'revision',
  'legality_review',
  'vote',
  'filing',
  'publication',
  'pledging',
] as const;
export type CovenantPhase = (typeof covenantPhases)[number];
export const covenantPhaseLabels: Record<CovenantPhase, Label> = {
  opinion_collection: { zh: '征集意见', en: 'Opinion collection' },
  drafting: { zh: '起草草案', en: 'Drafting' },
  consultation: { zh: '征求意见', en: 'Consultation' },
  revision: { zh: '修改完善', en: 'Revision' },
  legality_review: { zh: '合法性审查', en: 'Legality review' },
  vote: { zh: '会议表决', en: 'Vote' },
  filing: { zh: '街道备案', en: 'Filing' },
  publication: { zh: '公布施行', en: 'Publication' },
  pledging: { zh: '签字承诺', en: 'Household pledges' },
};
export const defaultCovenantPermissions: Record<CovenantPhase, PhasePermissions> = {
  opinion_collection: phasePermissions({ propose: everyone, comment: everyone }),
  drafting: phasePermissions({ propose: ['staff'], comment: ['staff', 'representative'] }),
  consultation: phasePermissions({ propose: ['staff'], comment: everyone }),
  revision: phasePermissions({ propose: ['staff'] }),
  legality_review: phasePermissions({ review: ['subdistrict'] }),
  vote: phasePermissions({ vote: ['representative', 'household_representative'] }),
  filing: phasePermissions({ review: ['subdistrict'] }),
  publication: phasePermissions({ propose: ['staff'] }),
  pledging: phasePermissions({ pledge: ['household_representative', 'verified_resident'] }),
};

/** What the server says the actor may do now, so a page offers only what will be accepted. */
export const participationView = z.object({
  groups: z.array(z.enum(participantGroups)),
  allowed: z.array(z.enum(processActions)),
});
export type ParticipationView = z.infer<typeof participationView>;
