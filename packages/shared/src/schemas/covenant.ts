import { z } from 'zod';
import { idSchema } from './common.js';
import { covenantPhases, participationView, phasePermissionsSchema } from './participation.js';
import { dateSchema, type Label } from './registers.js';
import { freeText } from './requests.js';
import { listFlag } from './visit-fields.js';

/**
 * The residents' covenant (居民公约): process, phases, versions split into articles, article-anchored
 * consultation, legality review, vote results, filing and publication. Pledges, coverage and nominations are in
 * covenant-pledges.ts. There is deliberately no penalty or fine anywhere: the law forbids covenant penalties.
 */

export const covenantVersionKinds = ['draft', 'revision', 'final'] as const;
export type CovenantVersionKind = (typeof covenantVersionKinds)[number];
export const covenantVersionKindLabels: Record<CovenantVersionKind, Label> = {
  draft: { zh: '草案', en: 'Draft' },
  revision: { zh: '修订稿', en: 'Revision' },
  final: { zh: '定稿', en: 'Final' },
};

/** How a comment or opinion was handled in revision. */
export const commentHandlings = ['adopted', 'partly', 'not'] as const;
export type CommentHandling = (typeof commentHandlings)[number];
export const commentHandlingLabels: Record<CommentHandling, Label> = {
  adopted: { zh: '已采纳', en: 'Adopted' },
  partly: { zh: '部分采纳', en: 'Partly adopted' },
  not: { zh: '未采纳', en: 'Not adopted' },
};

export const articleStances = ['support', 'oppose'] as const;
export type ArticleStance = (typeof articleStances)[number];

export const reviewDecisions = ['approved', 'returned'] as const;
export type ReviewDecision = (typeof reviewDecisions)[number];
export const reviewDecisionLabels: Record<ReviewDecision, Label> = {
  approved: { zh: '审查通过', en: 'Approved' },
  returned: { zh: '退回修改', en: 'Returned' },
};

export const opinionChannels = ['online', 'meeting', 'visit', 'mailbox', 'other'] as const;
export type OpinionChannel = (typeof opinionChannels)[number];
export const opinionChannelLabels: Record<OpinionChannel, Label> = {
  online: { zh: '网上提交', en: 'Online' },
  meeting: { zh: '会议收集', en: 'At a meeting' },
  visit: { zh: '走访收集', en: 'On a visit' },
  mailbox: { zh: '意见箱', en: 'Mailbox' },
  other: { zh: '其他', en: 'Other' },
};

/** Markdown of a version: at most 100,000 characters, split by the server into chapters and articles. */
export const covenantMarkdown = z.string().trim().min(10).max(100_000);

// ---- inputs ----

export const phasePlanInput = z.object({
  phase: z.enum(covenantPhases),
  plannedStartOn: dateSchema.nullable().optional(),
  plannedEndOn: dateSchema.nullable().optional(),
  permissions: phasePermissionsSchema.optional(),
});
export type PhasePlanInput = z.infer<typeof phasePlanInput>;

export const createCovenantBody = z.object({
  /** Required for a subdistrict admin; staff default to their community. */
  communityId: idSchema.optional(),
  title: freeText(2, 120),
  /** Dates and permissions per phase; phases left out get no dates and the default permissions. */
  phases: z.array(phasePlanInput).max(covenantPhases.length).default([]),
});
export type CreateCovenantBody = z.infer<typeof createCovenantBody>;

export const updateCovenantBody = z.object({ title: freeText(2, 120) });
export const updatePhaseBody = phasePlanInput.omit({ phase: true });
export type UpdatePhaseBody = z.infer<typeof updatePhaseBody>;
/** Move to the next phase (or, after a return by the reviewer, back to revision). */
export const advancePhaseBody = z.object({ to: z.enum(covenantPhases) });

export const opinionBody = z.object({
  text: freeText(2, 2000),
  /** Staff entering an opinion heard elsewhere give the speaker and the channel. */
  authorName: freeText(1, 60).optional(),
  channel: z.enum(opinionChannels).default('online'),
});
export const handlingBody = z.object({
  handling: z.enum(commentHandlings),
  reason: freeText(2, 1000),
  /** The version whose text answers it; defaults to the current version. */
  versionId: idSchema.optional(),
});
export type HandlingBody = z.infer<typeof handlingBody>;

export const createVersionBody = z.object({
  markdown: covenantMarkdown,
  /** Required from the second version on: what changed and why. */
  changelog: freeText(2, 4000).optional(),
});
export type CreateVersionBody = z.infer<typeof createVersionBody>;

export const commentBody = z.object({
  versionId: idSchema,
  articleId: idSchema.optional(),
  text: freeText(2, 2000),
});
export type CommentBody = z.infer<typeof commentBody>;
export const stanceBody = z.object({ stance: z.enum(articleStances).nullable() });

export const questionBody = z.object({
  versionId: idSchema,
  articleId: idSchema.optional(),
  text: freeText(2, 500),
  options: z.array(freeText(1, 100)).min(2).max(8),
  multiple: z.boolean().default(false),
});
export type QuestionBody = z.infer<typeof questionBody>;
export const answerBody = z.object({ options: z.array(z.number().int().min(0).max(7)).min(1).max(8) });

export const reviewBody = z.object({
  decision: z.enum(reviewDecisions),
  /** Required when returning: what must change. */
  notes: freeText(2, 4000).optional(),
});
export type ReviewBody = z.infer<typeof reviewBody>;
export const filingBody = z.object({ filedOn: dateSchema, reference: freeText(2, 120) });

export const listCommentsQuery = z.object({
  versionId: idSchema.optional(),
  articleId: idSchema.optional(),
  handling: z.enum([...commentHandlings, 'unhandled']).optional(),
  /** Only the caller's own comments ("how were my comments handled"). */
  mine: listFlag,
  limit: z.coerce.number().int().min(1).max(100).default(20),
  /** The last id of the previous page (ids are time-ordered); pages go newest first. */
  before: idSchema.optional(),
});
export type ListCommentsQuery = z.infer<typeof listCommentsQuery>;
export const diffQuery = z.object({ from: idSchema, to: idSchema });

// ---- views ----

export const phaseView = z.object({
  phase: z.enum(covenantPhases),
  plannedStartOn: z.string().nullable(),
  plannedEndOn: z.string().nullable(),
  startedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  permissions: phasePermissionsSchema,
});
export type PhaseView = z.infer<typeof phaseView>;

export const articleView = z.object({
  id: z.string(),
  position: z.number(),
  chapterNumber: z.number().nullable(),
  chapterTitle: z.string().nullable(),
  number: z.number(),
  body: z.string(),
  support: z.number(),
  oppose: z.number(),
  comments: z.number(),
  myStance: z.enum(articleStances).nullable(),
});
export type ArticleView = z.infer<typeof articleView>;

export const versionSummary = z.object({
  id: z.string(),
  number: z.number(),
  kind: z.enum(covenantVersionKinds),
  changelog: z.string().nullable(),
  articleCount: z.number(),
  createdAt: z.string(),
  createdByName: z.string().nullable(),
});
export type VersionSummary = z.infer<typeof versionSummary>;
export const versionView = versionSummary.extend({ markdown: z.string(), articles: z.array(articleView) });
export type VersionView = z.infer<typeof versionView>;

/** One row of an article-level diff between two versions. */
export const articleDiffRow = z.object({
  change: z.enum(['same', 'changed', 'added', 'removed', 'moved']),
  from: z.object({ articleId: z.string(), number: z.number(), chapterTitle: z.string().nullable(), body: z.string() }).nullable(),
  to: z.object({ articleId: z.string(), number: z.number(), chapterTitle: z.string().nullable(), body: z.string() }).nullable(),
  /** For `changed`: the text as runs of kept, inserted and deleted characters. */
  parts: z.array(z.object({ op: z.enum(['keep', 'insert', 'delete']), text: z.string() })),
});
export type ArticleDiffRow = z.infer<typeof articleDiffRow>;

export const commentView = z.object({
  id: z.string(),
  versionId: z.string(),
  versionNumber: z.number(),
  articleId: z.string().nullable(),
  articleNumber: z.number().nullable(),
  /** Staff see the name; other residents see it masked (张*). */
  authorName: z.string(),
  mine: z.boolean(),
  text: z.string(),
  createdAt: z.string(),
  handling: z.enum(commentHandlings).nullable(),
  handlingReason: z.string().nullable(),
  handledInVersionNumber: z.number().nullable(),
  handledAt: z.string().nullable(),
});
export type CommentView = z.infer<typeof commentView>;
export const commentPage = z.object({ items: z.array(commentView), nextBefore: z.string().nullable(), total: z.number() });
export type CommentPage = z.infer<typeof commentPage>;

export const opinionView = z.object({
  id: z.string(),
  authorName: z.string(),
  mine: z.boolean(),
  text: z.string(),
  channel: z.enum(opinionChannels),
  createdAt: z.string(),
  handling: z.enum(commentHandlings).nullable(),
  handlingReason: z.string().nullable(),
});
export type OpinionView = z.infer<typeof opinionView>;

export const questionView = z.object({
  id: z.string(),
  versionId: z.string(),
  articleId: z.string().nullable(),
  text: z.string(),
  multiple: z.boolean(),
  options: z.array(z.object({ text: z.string(), count: z.number() })),
  respondents: z.number(),
  myAnswer: z.array(z.number()),
});
export type QuestionView = z.infer<typeof questionView>;

export const reviewView = z.object({
  id: z.string(),
  versionId: z.string(),
  versionNumber: z.number(),
  decision: z.enum(reviewDecisions),
  notes: z.string().nullable(),
  reviewerName: z.string(),
  createdAt: z.string(),
});
export type ReviewView = z.infer<typeof reviewView>;

export const voteView = z.object({
  id: z.string(),
  versionNumber: z.number(),
  meetingId: z.string(),
  motionId: z.string(),
  meetingKind: z.string(),
  result: z.enum(['adopted', 'rejected', 'no_quorum']),
  eligible: z.number(),
  present: z.number(),
  womenPresent: z.number(),
  forCount: z.number(),
  againstCount: z.number(),
  abstainCount: z.number(),
  decidedAt: z.string(),
});
export type VoteView = z.infer<typeof voteView>;

export const covenantSummary = z.object({
  id: z.string(),
  communityId: z.string(),
  communityName: z.string(),
  title: z.string(),
  phase: z.enum(covenantPhases),
  /** The current phase's planned last day (China date), so a list can say "until …" without the full record. */
  phaseEndsOn: z.string().nullable(),
  versionCount: z.number(),
  publishedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type CovenantSummary = z.infer<typeof covenantSummary>;

export const covenantView = covenantSummary.extend({
  phases: z.array(phaseView),
  versions: z.array(versionSummary),
  currentVersionId: z.string().nullable(),
  adoptedVersionId: z.string().nullable(),
  reviews: z.array(reviewView),
  votes: z.array(voteView),
  filedOn: z.string().nullable(),
  filingReference: z.string().nullable(),
  /** What the viewer may do in the current phase (participant groups), and staff/reviewer actions. */
  participation: participationView,
  can: z.object({
    manage: z.boolean(),
    review: z.boolean(),
    file: z.boolean(),
    advanceTo: z.array(z.enum(covenantPhases)),
  }),
  /** Counts for the staff overview. */
  counts: z.object({ opinions: z.number(), comments: z.number(), unhandled: z.number(), pledges: z.number() }),
});
export type CovenantView = z.infer<typeof covenantView>;

/** What the public portal shows of a published covenant (no personal data). */
export const publicCovenantView = z.object({
  id: z.string(),
  communityName: z.string(),
  title: z.string(),
  versionNumber: z.number(),
  articles: z.array(z.object({ chapterNumber: z.number().nullable(), chapterTitle: z.string().nullable(), number: z.number(), body: z.string() })),
  adoptedAt: z.string().nullable(),
  meetingKind: z.string().nullable(),
  filedOn: z.string().nullable(),
  filingReference: z.string().nullable(),
  publishedAt: z.string(),
  pledged: z.number(),
  households: z.number(),
});
export type PublicCovenantView = z.infer<typeof publicCovenantView>;

// ---- route parameters and list responses (added with the server module) ----

export const listCovenantsQuery = z.object({ communityId: idSchema.optional() });
export const covenantPhaseParams = z.object({ id: idSchema, phase: z.enum(covenantPhases) });
export const covenantVersionParams = z.object({ id: idSchema, versionId: idSchema });
export const covenantOpinionParams = z.object({ id: idSchema, opinionId: idSchema });
export const covenantCommentParams = z.object({ id: idSchema, commentId: idSchema });
export const covenantArticleParams = z.object({ id: idSchema, articleId: idSchema });
export const covenantQuestionParams = z.object({ id: idSchema, questionId: idSchema });
export const questionsQuery = z.object({ versionId: idSchema.optional() });
export const publicCommunityCovenantsParams = z.object({ communityId: idSchema });

export const covenantListResponse = z.object({ items: z.array(covenantSummary) });
export const opinionListResponse = z.object({ items: z.array(opinionView) });
export const questionListResponse = z.object({ items: z.array(questionView) });
export const articleDiffResponse = z.object({ rows: z.array(articleDiffRow) });
export const stanceResult = z.object({ support: z.number(), oppose: z.number(), myStance: z.enum(articleStances).nullable() });
export type StanceResult = z.infer<typeof stanceResult>;
export const publicCovenantList = z.object({ items: z.array(z.object({ id: z.string(), title: z.string(), publishedAt: z.string() })) });

