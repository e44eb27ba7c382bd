import { z } from 'zod';
import { idSchema } from './common.js';
import {
  participationView,
  phasePermissionsSchema,
  topicPhases,
  type TopicPhase,
} from './participation.js';
import { dateSchema, type Label } from './registers.js';
import { freeText } from './requests.js';
import { listFlag, momentSchema, visitPageQuery } from './visit-fields.js';

/**
 * Deliberation topics (议题): propose → put on the agenda (consultation) or decline → a meeting decides → tasks
 * → report-back. The phase (participation.ts) says who may comment; the status says where the topic stands.
 */
export const topicStatuses = ['proposed', 'declined', 'on_agenda', 'decided', 'rejected', 'implementing', 'reported', 'closed'] as const;
export type TopicStatus = (typeof topicStatuses)[number];
export const topicStatusLabels: Record<TopicStatus, Label> = {
  proposed: { zh: '已提出', en: 'Proposed' },
  declined: { zh: '未列入议程', en: 'Declined' },
  on_agenda: { zh: '协商中', en: 'On the agenda' },
  decided: { zh: '已决定', en: 'Decided' },
  rejected: { zh: '未通过', en: 'Rejected' },
  implementing: { zh: '实施中', en: 'Carrying out' },
  reported: { zh: '已反馈', en: 'Reported back' },
  closed: { zh: '已办结', en: 'Closed' },
};

/** A comment either takes a side or asks a question (which staff may answer publicly). */
export const topicCommentKinds = ['opinion', 'question'] as const;
export type TopicCommentKind = (typeof topicCommentKinds)[number];
export const topicSides = ['support', 'oppose', 'neutral'] as const;
export type TopicSide = (typeof topicSides)[number];
export const topicSideLabels: Record<TopicSide, Label> = {
  support: { zh: '支持', en: 'Support' },
  oppose: { zh: '反对', en: 'Oppose' },
  neutral: { zh: '中立', en: 'Neutral' },
};

/** Who carries out a task: an account, an organisation of the community, or a person named in words. */
export const topicTaskOwnerKinds = ['user', 'organisation', 'person'] as const;
export type TopicTaskOwnerKind = (typeof topicTaskOwnerKinds)[number];

/** Steps of a topic's trail, in the order they can happen. */
export const topicEventKinds = [
  'proposed',
  'put_on_agenda',
  'declined',
  'consultation_closed',
  'permissions_changed',
  'meeting_decided',
  'meeting_rejected',
  'meeting_no_quorum',
  'meeting_result_after_decision',
  'decision_recorded',
  'task_added',
  'task_done',
  'report_back_published',
  'closed',
] as const;
export type TopicEventKind = (typeof topicEventKinds)[number];
export const topicEventLabels: Record<TopicEventKind, Label> = {
  proposed: { zh: '提出议题', en: 'Proposed' },
  put_on_agenda: { zh: '列入议程，开始协商', en: 'Put on the agenda; consultation opened' },
  declined: { zh: '不列入议程', en: 'Declined' },
  consultation_closed: { zh: '协商征询结束', en: 'Consultation closed' },
  permissions_changed: { zh: '调整参与权限', en: 'Permissions changed' },
  meeting_decided: { zh: '会议表决通过', en: 'Adopted by a meeting' },
  meeting_rejected: { zh: '会议表决未通过', en: 'Rejected by a meeting' },
  meeting_no_quorum: { zh: '会议未达法定人数', en: 'Meeting without a quorum' },
  meeting_result_after_decision: { zh: '会议表决结果（议题已另行决定，仅作记录）', en: 'Meeting vote, kept on record (the topic was already decided)' },
  decision_recorded: { zh: '登记会议决定', en: 'Decision recorded' },
  task_added: { zh: '分解任务', en: 'Task added' },
  task_done: { zh: '任务完成', en: 'Task done' },
  report_back_published: { zh: '发布结果反馈', en: 'Report-back published' },
  closed: { zh: '办结', en: 'Closed' },
};

export const topicPermissionsSchema = z.object(
  Object.fromEntries(topicPhases.map((p) => [p, phasePermissionsSchema])) as Record<TopicPhase, typeof phasePermissionsSchema>,
);
export type TopicPermissions = z.infer<typeof topicPermissionsSchema>;

// ---- inputs ----------------------------------------------------------------------------------------------------

export const proposeTopicBody = z.object({
  title: freeText(4, 120),
  description: freeText(10, 4000),
  /** The community; may be left out by someone who belongs to one community only. */
  communityId: idSchema.optional(),
  /** A place in the community the topic is about (a grid, an estate, a building…). */
  placeId: idSchema.optional(),
  /** Staff only: requests (of the same community) this topic gathers, e.g. from a proactive case. */
  requestIds: z.array(idSchema).max(200).optional(),
  /** Staff only: link every request of this proactive case. */
  proactiveCaseId: idSchema.optional(),
});
export type ProposeTopicBody = z.infer<typeof proposeTopicBody>;

export const agendaTopicBody = z.object({ consultationEndsAt: momentSchema, note: freeText(1, 1000).optional() });
export type AgendaTopicBody = z.infer<typeof agendaTopicBody>;
/** The reason is checked by the service so a missing one answers with its own code. */
export const declineTopicBody = z.object({ reason: z.string().max(1000).optional() });
export type DeclineTopicBody = z.infer<typeof declineTopicBody>;

export const topicCommentBody = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('opinion'), side: z.enum(topicSides), text: freeText(1, 2000) }),
  z.object({ kind: z.literal('question'), text: freeText(2, 2000) }),
]);
export type TopicCommentBody = z.infer<typeof topicCommentBody>;
export const answerQuestionBody = z.object({ text: freeText(1, 2000) });
export const topicCommentParams = z.object({ id: idSchema, commentId: idSchema });
export const topicTaskParams = z.object({ id: idSchema, taskId: idSchema });

/** A decision taken at a meeting held outside the platform. */
export const recordDecisionBody = z.object({
  result: z.enum(['adopted', 'rejected']),
  text: freeText(2, 4000),
  /** e.g. "2026年11月居民代表会议 第3号决议". */
  meetingRef: freeText(2, 200),
  decidedAt: momentSchema,
  forCount: z.number().int().min(0).max(100_000).optional(),
  againstCount: z.number().int().min(0).max(100_000).optional(),
  abstainCount: z.number().int().min(0).max(100_000).optional(),
});
export type RecordDecisionBody = z.infer<typeof recordDecisionBody>;

export const addTopicTaskBody = z.object({
  title: freeText(2, 200),
  ownerKind: z.enum(topicTaskOwnerKinds),
  ownerUserId: idSchema.optional(),
  ownerOrganisationId: idSchema.optional(),
  ownerName: freeText(1, 60).optional(),
  dueOn: dateSchema,
});
export type AddTopicTaskBody = z.infer<typeof addTopicTaskBody>;
export const completeTopicTaskBody = z.object({ note: freeText(1, 2000) });

export const reportBackBody = z.object({ text: freeText(10, 8000), publish: z.boolean().default(false) });
export type ReportBackBody = z.infer<typeof reportBackBody>;
export const topicPermissionsBody = z.object({ permissions: topicPermissionsSchema });

export const listTopicsQuery = z.object({
  status: z.enum(topicStatuses).optional(),
  /** Topics I proposed. */
  mine: listFlag,
  q: z.string().trim().max(60).optional(),
  ...visitPageQuery,
});
export type ListTopicsQuery = z.infer<typeof listTopicsQuery>;

// ---- views -----------------------------------------------------------------------------------------------------

export const topicCounts = z.object({ support: z.number(), oppose: z.number(), neutral: z.number(), questions: z.number() });
export type TopicCounts = z.infer<typeof topicCounts>;

export const topicSummary = z.object({
  id: z.string(),
  communityId: z.string(),
  communityName: z.string(),
  title: z.string(),
  status: z.enum(topicStatuses),
  phase: z.enum(topicPhases),
  placeLabel: z.string().nullable(),
  proposerName: z.string(),
  proposedAt: z.string(),
  consultationEndsAt: z.string().nullable(),
  counts: topicCounts,
  requestCount: z.number(),
  overdueTasks: z.number(),
  updatedAt: z.string(),
});
export type TopicSummary = z.infer<typeof topicSummary>;
export const topicListResponse = z.object({ items: z.array(topicSummary), total: z.number() });

export const topicComment = z.object({
  id: z.string(),
  kind: z.enum(topicCommentKinds),
  side: z.enum(topicSides).nullable(),
  phase: z.enum(topicPhases),
  authorName: z.string(),
  mine: z.boolean(),
  text: z.string(),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
  createdAt: z.string(),
});
export type TopicComment = z.infer<typeof topicComment>;

export const topicTask = z.object({
  id: z.string(),
  title: z.string(),
  ownerKind: z.enum(topicTaskOwnerKinds),
  ownerName: z.string(),
  dueOn: z.string(),
  doneAt: z.string().nullable(),
  doneNote: z.string().nullable(),
  overdue: z.boolean(),
});
export type TopicTask = z.infer<typeof topicTask>;

export const topicEvent = z.object({
  id: z.string(),
  kind: z.enum(topicEventKinds),
  actorName: z.string().nullable(),
  note: z.string().nullable(),
  /** Facts of the step: a tally, a meeting reference, counts of comments. */
  data: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
  at: z.string(),
});
export type TopicEvent = z.infer<typeof topicEvent>;

export const topicRequestLink = z.object({ id: z.string(), number: z.string(), title: z.string(), status: z.string() });

export const topicDecision = z.object({
  result: z.enum(['adopted', 'rejected']),
  text: z.string(),
  meetingId: z.string().nullable(),
  meetingRef: z.string().nullable(),
  forCount: z.number().nullable(),
  againstCount: z.number().nullable(),
  abstainCount: z.number().nullable(),
  present: z.number().nullable(),
  decidedAt: z.string(),
});

export const topicDetail = topicSummary.extend({
  description: z.string(),
  placeId: z.string().nullable(),
  declineReason: z.string().nullable(),
  decision: topicDecision.nullable(),
  reportBack: z.string().nullable(),
  reportBackPublishedAt: z.string().nullable(),
  permissions: topicPermissionsSchema,
  participation: participationView,
  requests: z.array(topicRequestLink),
  tasks: z.array(topicTask),
  events: z.array(topicEvent),
  /** What the actor may manage here (staff of the community). */
  can: z.object({ manage: z.boolean() }),
});
export type TopicDetail = z.infer<typeof topicDetail>;

export const topicCommentsQuery = z.object({
  side: z.enum(topicSides).optional(),
  kind: z.enum(topicCommentKinds).optional(),
  ...visitPageQuery,
});
export const topicCommentListResponse = z.object({ items: z.array(topicComment), total: z.number(), counts: topicCounts });
