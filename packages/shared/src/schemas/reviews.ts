import { z } from 'zod';
import { idSchema } from './common.js';
import type { Label } from './registers.js';
import { freeText } from './requests.js';

/**
 * Democratic review (民主评议): once per period residents' representatives rate the residents' committee members and
 * the community's services on a form. A form is secret: the roll records that a representative returned one, the
 * ratings carry no rater. Results are aggregated per subject; a member judged unfit in two consecutive published
 * rounds is flagged (the Organic Law lets residents then seek a recall or replacement).
 */

export const reviewStatuses = ['draft', 'open', 'closed', 'published'] as const;
export type ReviewStatus = (typeof reviewStatuses)[number];
export const reviewStatusLabels: Record<ReviewStatus, Label> = {
  draft: { zh: '草稿', en: 'Draft' },
  open: { zh: '评议中', en: 'Open' },
  closed: { zh: '已截止', en: 'Closed' },
  published: { zh: '已公布', en: 'Published' },
};

export const reviewSubjectKinds = ['member', 'service'] as const;
export type ReviewSubjectKind = (typeof reviewSubjectKinds)[number];
export const reviewSubjectKindLabels: Record<ReviewSubjectKind, Label> = {
  member: { zh: '居委会成员', en: 'Committee member' },
  service: { zh: '服务项目', en: 'Service' },
};

/** One three-level scale for every subject; only its labels differ by kind (称职… for members, 满意… for services). */
export const reviewLevels = ['good', 'fair', 'poor'] as const;
export type ReviewLevel = (typeof reviewLevels)[number];
export const reviewLevelLabels: Record<ReviewSubjectKind, Record<ReviewLevel, Label>> = {
  member: {
    good: { zh: '称职', en: 'Competent' },
    fair: { zh: '基本称职', en: 'Basically competent' },
    poor: { zh: '不称职', en: 'Unfit' },
  },
  service: {
    good: { zh: '满意', en: 'Satisfied' },
    fair: { zh: '基本满意', en: 'Basically satisfied' },
    poor: { zh: '不满意', en: 'Dissatisfied' },
  },
};

export const reviewChannels = ['online', 'paper'] as const;
export type ReviewChannel = (typeof reviewChannels)[number];

/**
 * A subject's result from its counts, integers only: `poor` when poor ratings are more than half of the forms that
 * rated it; otherwise `good` when good ratings are at least half; otherwise `fair`. Exactly half poor is not poor.
 * No ratings, no result.
 */
export function reviewResult(counts: Record<ReviewLevel, number>): ReviewLevel | null {
  const n = counts.good + counts.fair + counts.poor;
  if (n === 0) return null;
  if (counts.poor * 2 > n) return 'poor';
  if (counts.good * 2 >= n) return 'good';
  return 'fair';
}

/** A share in per mille (integer, rounded half up), so 1 of 3 is 333 and the web prints 33.3%. */
export const perMille = (count: number, of: number): number => (of === 0 ? 0 : Math.floor((count * 2000 + of) / (2 * of)));

// ---- inputs ----

const serviceName = freeText(2, 40);
const isoInstant = z.iso.datetime({ offset: true });

export const reviewRoundBody = z
  .object({
    /** Required for a subdistrict admin; staff of one community may leave it out. */
    communityId: idSchema.optional(),
    title: freeText(2, 80),
    /** The period reviewed, e.g. 2026年度. */
    period: freeText(2, 40),
    opensAt: isoInstant,
    closesAt: isoInstant,
    /** Named service items rated besides the committee's members (为老服务, 环境卫生 …). */
    services: z.array(serviceName).max(30).default([]),
  })
  .refine((b) => Date.parse(b.closesAt) > Date.parse(b.opensAt), { message: 'review_period_invalid', path: ['closesAt'] })
  .refine((b) => new Set(b.services).size === b.services.length, { message: 'review_services_duplicate', path: ['services'] });
export type ReviewRoundBody = z.infer<typeof reviewRoundBody>;

export const reviewRatingInput = z.object({
  subjectId: idSchema,
  level: z.enum(reviewLevels),
  comment: freeText(1, 300).optional(),
});
export type ReviewRatingInput = z.infer<typeof reviewRatingInput>;

/** A representative's own form: a rating for each subject they judge (a blank is allowed, as on paper). */
export const reviewFormBody = z.object({ ratings: z.array(reviewRatingInput).min(1).max(200) });
export type ReviewFormBody = z.infer<typeof reviewFormBody>;

/** A paper form entered by staff: whose it was (their representative post) and its ratings. */
export const paperReviewFormBody = reviewFormBody.extend({ representativeId: idSchema });
export type PaperReviewFormBody = z.infer<typeof paperReviewFormBody>;

export const publishReviewBody = z.object({ publishComments: z.boolean().default(false) });
export type PublishReviewBody = z.infer<typeof publishReviewBody>;

export const listReviewsQuery = z.object({ communityId: idSchema.optional(), status: z.enum(reviewStatuses).optional() });
export type ListReviewsQuery = z.infer<typeof listReviewsQuery>;

// ---- outputs ----

export const reviewSubjectView = z.object({
  id: idSchema,
  kind: z.enum(reviewSubjectKinds),
  name: z.string(),
  /** A member's post (membershipRoles: chair, committee_member …); null for a service. */
  post: z.string().nullable(),
});
export type ReviewSubjectView = z.infer<typeof reviewSubjectView>;

export const reviewTurnout = z.object({ returned: z.number().int(), representatives: z.number().int(), online: z.number().int(), paper: z.number().int() });

export const reviewRoundView = z.object({
  id: idSchema,
  communityId: idSchema,
  communityName: z.string(),
  title: z.string(),
  period: z.string(),
  opensAt: z.string(),
  closesAt: z.string(),
  status: z.enum(reviewStatuses),
  publishComments: z.boolean(),
  closedAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  createdAt: z.string(),
  subjects: z.array(reviewSubjectView),
  turnout: reviewTurnout,
  can: z.object({ manage: z.boolean() }),
});
export type ReviewRoundView = z.infer<typeof reviewRoundView>;

export const reviewRoundSummary = reviewRoundView.omit({ subjects: true, can: true });
export type ReviewRoundSummary = z.infer<typeof reviewRoundSummary>;
export const reviewRoundList = z.object({ items: z.array(reviewRoundSummary) });

const levelCounts = z.object({ good: z.number().int(), fair: z.number().int(), poor: z.number().int() });

export const reviewSubjectResult = reviewSubjectView.extend({
  counts: levelCounts,
  /** Forms that rated this subject. */
  rated: z.number().int(),
  /** Shares of `rated` in per mille. */
  shares: levelCounts,
  result: z.enum(reviewLevels).nullable(),
  /** Unfit in this round and in the community's previous published round. */
  flagged: z.boolean(),
  /** Masked comments (staff always; the public only when the round publishes them). */
  comments: z.array(z.string()),
});
export type ReviewSubjectResult = z.infer<typeof reviewSubjectResult>;

export const reviewResults = z.object({
  round: reviewRoundSummary,
  subjects: z.array(reviewSubjectResult),
  /** The published round compared with for the flag, if any. */
  previousRound: z.object({ id: idSchema, title: z.string(), period: z.string() }).nullable(),
});
export type ReviewResults = z.infer<typeof reviewResults>;

/** A representative post for the paper-form picker; `returned` is the roll (whether a form came in), never its ratings. */
export const reviewRepresentative = z.object({ id: idSchema, name: z.string(), returned: z.boolean() });
export const reviewRepresentativeList = z.object({ items: z.array(reviewRepresentative) });

/** The phone's view of a round for a representative. */
export const myReviewView = z.object({
  id: idSchema,
  communityName: z.string(),
  title: z.string(),
  period: z.string(),
  opensAt: z.string(),
  closesAt: z.string(),
  status: z.enum(reviewStatuses),
  subjects: z.array(reviewSubjectView),
  returned: z.boolean(),
  /** Whether the form can be filled now: open, within its dates, not yet returned. */
  canRate: z.boolean(),
});
export type MyReviewView = z.infer<typeof myReviewView>;
export const myReviewList = z.object({ items: z.array(myReviewView.omit({ subjects: true })) });
export const myReviewReceipt = z.object({ returned: z.literal(true), at: z.string() });

/** What the portal lists for a community. */
export const publicReviewList = z.object({
  communityName: z.string(),
  items: z.array(z.object({ id: idSchema, title: z.string(), period: z.string(), publishedAt: z.string(), flagged: z.number().int() })),
});
export type PublicReviewList = z.infer<typeof publicReviewList>;
