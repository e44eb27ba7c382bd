import { z } from 'zod';
import { idSchema } from './common.js';
import { disclosureCategories, disclosureChannels, periodKeySchema } from './disclosure.js';
import type { Label } from './registers.js';
import { freeText } from './requests.js';

/**
 * Publications (公开信息): drafted, submitted, approved by someone other than the author, published to their
 * channels, archived. A public notice (公示) carries an objection period; any publication takes questions
 * answered in public. Published text is immutable and fingerprinted (sha256 of `title + "\n\n" + body`, UTF-8).
 */

export const publicationKinds = ['disclosure', 'public_notice'] as const;
export type PublicationKind = (typeof publicationKinds)[number];
export const publicationKindLabels: Record<PublicationKind, Label> = {
  disclosure: { zh: '公开', en: 'Disclosure' },
  public_notice: { zh: '公示', en: 'Public notice' },
};

export const publicationStatuses = ['draft', 'submitted', 'approved', 'published', 'archived'] as const;
export type PublicationStatus = (typeof publicationStatuses)[number];
export const publicationStatusLabels: Record<PublicationStatus, Label> = {
  draft: { zh: '草稿', en: 'Draft' },
  submitted: { zh: '待审核', en: 'Awaiting approval' },
  approved: { zh: '已审核待发布', en: 'Approved' },
  published: { zh: '已发布', en: 'Published' },
  archived: { zh: '已归档', en: 'Archived' },
};

/** Objection periods: at least five days, seven unless the notice says otherwise. */
export const MIN_OBJECTION_DAYS = 5;
export const DEFAULT_OBJECTION_DAYS = 7;

/** The text the published fingerprint covers; the web and any verifier compute it the same way. */
export const publishedText = (title: string, body: string): string => `${title}\n\n${body}`;

const channelsSchema = z.array(z.enum(disclosureChannels)).min(1).max(3).refine((c) => new Set(c).size === c.length, 'duplicate channel');

export const publicationBody = z.object({
  communityId: idSchema.optional(),
  kind: z.enum(publicationKinds),
  title: freeText(1, 120),
  // Markdown or plain text; long tables of figures fit.
  body: z.string().trim().min(1).max(20_000).refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s), 'contains control characters'),
  itemId: idSchema.nullable().optional(),
  period: periodKeySchema.nullable().optional(),
  category: z.enum(disclosureCategories).nullable().optional(),
  channels: channelsSchema,
  objectionDays: z.number().int().min(MIN_OBJECTION_DAYS).max(60).optional(),
  supersedesId: idSchema.nullable().optional(),
});
export type PublicationBody = z.infer<typeof publicationBody>;
export const publicationPatch = publicationBody.omit({ communityId: true, supersedesId: true }).partial();
export type PublicationPatch = z.infer<typeof publicationPatch>;

export const publicationsQuery = z.object({
  communityId: idSchema.optional(),
  status: z.enum(publicationStatuses).optional(),
  kind: z.enum(publicationKinds).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export type PublicationsQuery = z.infer<typeof publicationsQuery>;

export const returnPublicationBody = z.object({ note: freeText(1, 1000) });
export const closeNoticeBody = z.object({ outcome: z.string().max(1000) });
export const publicationCommentBody = z.object({ text: freeText(1, 1000) });
export const answerCommentBody = z.object({ text: freeText(1, 1000) });
export const publicationCommentParams = z.object({ id: idSchema, commentId: idSchema });

export const personalDataFindingView = z.object({ kind: z.enum(['id_number', 'phone', 'bank_card']), start: z.number().int(), end: z.number().int(), masked: z.string() });

export const publicationCommentKinds = ['objection', 'question'] as const;
export type PublicationCommentKind = (typeof publicationCommentKinds)[number];
export const publicationCommentView = z.object({
  id: z.string(),
  kind: z.enum(publicationCommentKinds),
  authorName: z.string(),
  mine: z.boolean(),
  text: z.string(),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
  createdAt: z.string(),
});
export type PublicationCommentView = z.infer<typeof publicationCommentView>;

const base = {
  id: z.string(),
  communityId: z.string(),
  communityName: z.string(),
  kind: z.enum(publicationKinds),
  category: z.enum(disclosureCategories).nullable(),
  title: z.string(),
  itemId: z.string().nullable(),
  itemTitle: z.string().nullable(),
  period: z.string().nullable(),
  channels: z.array(z.enum(disclosureChannels)),
  status: z.enum(publicationStatuses),
  publishedAt: z.string().nullable(),
  archivedAt: z.string().nullable(),
  textSha256: z.string().nullable(),
  objectionEndsAt: z.string().nullable(),
  noticeClosedAt: z.string().nullable(),
  supersededById: z.string().nullable(),
};

export const publicationSummary = z.object({ ...base, authorName: z.string(), updatedAt: z.string(), unanswered: z.number().int() });
export type PublicationSummary = z.infer<typeof publicationSummary>;
export const publicationPage = z.object({ items: z.array(publicationSummary), total: z.number().int() });

export const publicationDetail = z.object({
  ...base,
  body: z.string(),
  authorUserId: z.string(),
  authorName: z.string(),
  submittedAt: z.string().nullable(),
  returnNote: z.string().nullable(),
  approverName: z.string().nullable(),
  approvedAt: z.string().nullable(),
  objectionDays: z.number().int(),
  objectionStartsAt: z.string().nullable(),
  noticeOutcome: z.string().nullable(),
  supersedesId: z.string().nullable(),
  personalData: z.array(personalDataFindingView),
  comments: z.array(publicationCommentView),
  can: z.object({ edit: z.boolean(), submit: z.boolean(), approve: z.boolean(), publish: z.boolean(), archive: z.boolean(), closeNotice: z.boolean(), answer: z.boolean(), correct: z.boolean() }),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PublicationDetail = z.infer<typeof publicationDetail>;

/** What the public reads: no account ids, people's names and personal data masked. */
export const publicPublication = z.object({
  ...base,
  body: z.string(),
  objectionStartsAt: z.string().nullable(),
  objectionOpen: z.boolean(),
  noticeOutcome: z.string().nullable(),
  supersedesId: z.string().nullable(),
  supersedesTitle: z.string().nullable(),
  supersededByTitle: z.string().nullable(),
  comments: z.array(publicationCommentView),
});
export type PublicPublication = z.infer<typeof publicPublication>;
export const publicPublicationSummary = z.object({ ...base, questions: z.number().int(), objections: z.number().int() });
export type PublicPublicationSummary = z.infer<typeof publicPublicationSummary>;

export const publicPublicationsQuery = z.object({
  category: z.enum(disclosureCategories).optional(),
  archived: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export type PublicPublicationsQuery = z.infer<typeof publicPublicationsQuery>;
export const publicPublicationPage = z.object({ communityName: z.string(), items: z.array(publicPublicationSummary), total: z.number().int() });
export type PublicPublicationPage = z.infer<typeof publicPublicationPage>;
export const publicCommunityParams = z.object({ communityId: idSchema });
export const publicationPosterQuery = z.object({ size: z.enum(['A4']).default('A4') });
