import { z } from 'zod';
import type { Label } from './registers.js';

/** Free text from people: trimmed, no control characters except line breaks. */
export const freeText = (min: number, max: number) =>
  z
    .string()
    .trim()
    .min(min)
    .max(max)
    .refine((s) => !/[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f]/.test(s), 'contains control characters');

export const requestKinds = ['inquiry', 'help', 'complaint', 'report', 'suggestion'] as const;
export type RequestKind = (typeof requestKinds)[number];
export const requestKindLabels: Record<RequestKind, Label> = {
  inquiry: { zh: '咨询', en: 'Inquiry' },
  help: { zh: '求助', en: 'Help' },
  complaint: { zh: '投诉', en: 'Complaint' },
  report: { zh: '举报', en: 'Report' },
  suggestion: { zh: '建议', en: 'Suggestion' },
};

/** Where a request was heard. `app` is the resident's own; `open311` comes through the API; the rest staff enter. */
export const requestChannels = ['app', 'visit', 'phone', 'walk_in', 'meeting', 'wechat_group', 'qq_group', 'mailbox', 'hotline', 'open311'] as const;
export type RequestChannel = (typeof requestChannels)[number];
export const staffChannels = ['visit', 'phone', 'walk_in', 'meeting', 'wechat_group', 'qq_group', 'mailbox', 'hotline'] as const;
export const requestChannelLabels: Record<RequestChannel, Label> = {
  app: { zh: '居民自助', en: 'Resident app' },
  visit: { zh: '走访', en: 'Visit' },
  phone: { zh: '电话', en: 'Phone' },
  walk_in: { zh: '来访', en: 'Walk-in' },
  meeting: { zh: '会议', en: 'Meeting' },
  wechat_group: { zh: '微信群', en: 'WeChat group' },
  qq_group: { zh: 'QQ 群', en: 'QQ group' },
  mailbox: { zh: '社区信箱', en: 'Mailbox' },
  hotline: { zh: '热线转办', en: 'Hotline transfer' },
  open311: { zh: '接口接入', en: 'Open311 API' },
};
/** Phone and visit requests get a callback task: the resident may not see the answer in the app. */
export const callbackChannels: readonly RequestChannel[] = ['visit', 'phone', 'walk_in', 'meeting', 'mailbox', 'hotline'];

export const urgencies = ['emergency', 'utility', 'general', 'complex'] as const;
export type Urgency = (typeof urgencies)[number];
export const urgencyLabels: Record<Urgency, Label> = {
  emergency: { zh: '紧急', en: 'Emergency' },
  utility: { zh: '水电气热', en: 'Utility' },
  general: { zh: '一般', en: 'General' },
  complex: { zh: '复杂', en: 'Complex' },
};

export const requestStatuses = [
  'received', 'dispatched', 'in_progress', 'replied', 'rated', 'closed', 'returned', 'objection', 'merged', 'withdrawn',
] as const;
export type RequestStatus = (typeof requestStatuses)[number];
/** `resident` is the plain-language line a resident reads on the timeline. */
export const requestStatusLabels: Record<RequestStatus, Label & { resident: Label }> = {
  received: { zh: '已受理', en: 'Received', resident: { zh: '社区已收到您的诉求，正在安排', en: 'The community has your request and is arranging it' } },
  dispatched: { zh: '已派单', en: 'Dispatched', resident: { zh: '已交给负责的人或单位', en: 'It has been passed to the people who will handle it' } },
  in_progress: { zh: '办理中', en: 'In progress', resident: { zh: '正在办理', en: 'Someone is working on it' } },
  replied: { zh: '已答复', en: 'Replied', resident: { zh: '已答复，请您评价', en: 'Answered; please rate the answer' } },
  rated: { zh: '已评价', en: 'Rated', resident: { zh: '感谢您的评价', en: 'Thank you for rating it' } },
  closed: { zh: '已办结', en: 'Closed', resident: { zh: '已办结', en: 'Done' } },
  returned: { zh: '已退回', en: 'Returned', resident: { zh: '正在重新安排负责人', en: 'The community is finding the right people for it' } },
  objection: { zh: '异议重办', en: 'Objection', resident: { zh: '您对答复有异议，已重新办理', en: 'You disputed the answer; it is being handled again' } },
  merged: { zh: '已合并', en: 'Merged', resident: { zh: '与相同的诉求合并办理，答复会同样告诉您', en: 'Handled together with the same request; you will get its answer too' } },
  withdrawn: { zh: '已撤回', en: 'Withdrawn', resident: { zh: '已撤回', en: 'Withdrawn' } },
};
/** States in which someone must act; overdue and reminders only concern these. */
export const handlingStatuses: readonly RequestStatus[] = ['received', 'dispatched', 'in_progress', 'returned', 'objection'];
/** No further change except reopening by objection (closed within the objection window). */
export const finalStatuses: readonly RequestStatus[] = ['closed', 'merged', 'withdrawn'];
/** Open311's public status: closed once answered or ended; an objection opens it again. */
export const open311Status = (s: RequestStatus): 'open' | 'closed' => (handlingStatuses.includes(s) ? 'open' : 'closed');

export const ratings = ['satisfied', 'basically_satisfied', 'dissatisfied'] as const;
export type Rating = (typeof ratings)[number];
export const ratingLabels: Record<Rating, Label> = {
  satisfied: { zh: '满意', en: 'Satisfied' },
  basically_satisfied: { zh: '基本满意', en: 'Basically satisfied' },
  dissatisfied: { zh: '不满意', en: 'Dissatisfied' },
};

export const stepActions = [
  'submitted', 'classified', 'reclassified', 'urgency_changed', 'dispatched', 'accepted', 'returned', 'note', 'replied',
  'self_resolved', 'rated', 'objection', 'merged', 'withdrawn', 'closed', 'reminded', 'escalated', 'callback',
] as const;
export type StepAction = (typeof stepActions)[number];
export const stepActionLabels: Record<StepAction, Label> = {
  submitted: { zh: '提交诉求', en: 'Submitted' },
  classified: { zh: '自动归类', en: 'Classified' },
  reclassified: { zh: '更正分类', en: 'Category corrected' },
  urgency_changed: { zh: '调整紧急程度', en: 'Urgency changed' },
  dispatched: { zh: '派单', en: 'Dispatched' },
  accepted: { zh: '接单办理', en: 'Accepted' },
  returned: { zh: '退回', en: 'Returned' },
  note: { zh: '办理进展', en: 'Progress note' },
  replied: { zh: '答复', en: 'Replied' },
  self_resolved: { zh: '自办自结', en: 'Resolved on the spot' },
  rated: { zh: '评价', en: 'Rated' },
  objection: { zh: '提出异议', en: 'Objection' },
  merged: { zh: '合并', en: 'Merged' },
  withdrawn: { zh: '撤回', en: 'Withdrawn' },
  closed: { zh: '办结', en: 'Closed' },
  reminded: { zh: '催办', en: 'Reminder' },
  escalated: { zh: '督办', en: 'Escalated' },
  callback: { zh: '回访', en: 'Callback' },
};

export const assigneeKinds = ['user', 'organisation'] as const;
export type AssigneeKind = (typeof assigneeKinds)[number];

/** Deadlines in minutes per urgency and the escalation rules; defaults follow Beijing 12345. Calendar time. */
export const requestSettingsSchema = z.object({
  dispatchMinutes: z.record(z.enum(urgencies), z.number().int().min(5).max(43_200)),
  replyMinutes: z.record(z.enum(urgencies), z.number().int().min(10).max(129_600)),
  /** After the reply deadline passes the community admins are told; this long after that, the subdistrict. */
  escalateToSubdistrictAfterMinutes: z.number().int().min(30).max(43_200),
  /** Remind handlers this long before the reply deadline. */
  remindBeforeMinutes: z.number().int().min(0).max(10_080),
  /** A replied request nobody rates closes itself after this many days. */
  autoCloseDays: z.number().int().min(1).max(60),
  /** A resident may dispute an answer for this many days after it. */
  objectionDays: z.number().int().min(1).max(60),
  /** Callback tasks are due this many hours after the reply. */
  callbackHours: z.number().int().min(1).max(720),
  /** Below this confidence the console asks staff to check the predicted category. */
  lowConfidence: z.number().min(0).max(1),
});
export type RequestSettings = z.infer<typeof requestSettingsSchema>;
export const defaultRequestSettings: RequestSettings = {
  dispatchMinutes: { emergency: 60, utility: 120, general: 1440, complex: 1440 },
  replyMinutes: { emergency: 120, utility: 1440, general: 10_080, complex: 21_600 },
  escalateToSubdistrictAfterMinutes: 1440,
  remindBeforeMinutes: 120,
  autoCloseDays: 7,
  objectionDays: 7,
  callbackHours: 48,
  lowConfidence: 0.5,
};

export const labelView = z.object({ zh: z.string(), en: z.string() });
