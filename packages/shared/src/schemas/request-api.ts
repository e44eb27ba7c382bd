import { z } from 'zod';
import { placeKinds } from '../roles.js';
import { idSchema, nameSchema, phoneSchema } from './common.js';
import { freeText, requestChannels, requestKinds, requestStatuses, ratings, stepActions, staffChannels, urgencies, assigneeKinds, labelView, requestSettingsSchema } from './requests.js';

/** Request intake, lists, detail and lifecycle bodies. */
/** A photo is a JPG, PNG or WebP of at most 5 MB; a request or a step carries at most 9. */
export const PHOTO_MAX_BYTES = 5 * 1024 * 1024;
export const PHOTOS_PER_REQUEST = 9;
const photoIds = z.array(idSchema).max(PHOTOS_PER_REQUEST).default([]);

/**
 * One body for every intake. A resident submitting their own leaves the staff fields out; staff entering for
 * someone must give the channel, and name the resident from the register or give a contact name.
 */
export const createRequestBody = z.object({
  text: freeText(5, 2000),
  title: freeText(2, 60).optional(),
  kind: z.enum(requestKinds),
  placeId: idSchema.optional(),
  photoIds,
  /** Hide the name from neighbours, building leaders and organisations; staff still see it. */
  anonymous: z.boolean().default(false),
  categoryId: idSchema.optional(),
  channel: z.enum(staffChannels).optional(),
  residentId: idSchema.optional(),
  contactName: nameSchema.optional(),
  contactPhone: phoneSchema.optional(),
  urgency: z.enum(urgencies).optional(),
});
export type CreateRequestBody = z.infer<typeof createRequestBody>;

const listFlag = z.enum(['true', 'false']).transform((v) => v === 'true').optional();
export const requestSorts = ['created_at', 'reply_due_at', 'updated_at'] as const;
export const listRequestsQuery = z.object({
  /** Full-text search over the segmented text, or an exact number GZ-2026-000123. */
  q: z.string().trim().min(1).max(100).optional(),
  /** Comma-separated statuses. */
  status: z.string().max(200).optional(),
  kind: z.enum(requestKinds).optional(),
  channel: z.enum(requestChannels).optional(),
  urgency: z.enum(urgencies).optional(),
  categoryId: idSchema.optional(),
  placeId: idSchema.optional(),
  overdue: listFlag,
  /** Assigned to me, or to an organisation I represent. */
  assignedToMe: listFlag,
  /** Submitted by me (residents always see only these). */
  mine: listFlag,
  from: z.string().datetime().optional(),
  to: z.string().datetime().optional(),
  sort: z.enum(requestSorts).default('created_at'),
  order: z.enum(['asc', 'desc']).default('desc'),
  limit: z.coerce.number().int().min(1).max(200).default(20),
  offset: z.coerce.number().int().min(0).max(10_000).default(0),
});
export type ListRequestsQuery = z.infer<typeof listRequestsQuery>;

export const requestSummary = z.object({
  id: z.string(),
  number: z.string(),
  title: z.string(),
  kind: z.enum(requestKinds),
  channel: z.enum(requestChannels),
  urgency: z.enum(urgencies),
  status: z.enum(requestStatuses),
  categoryId: z.string().nullable(),
  categoryName: labelView.nullable(),
  categoryConfidence: z.number().nullable(),
  /** model | staff | resident | open311 */
  categorySource: z.string().nullable(),
  placeId: z.string().nullable(),
  placeName: z.string().nullable(),
  /** The submitter as this viewer may see them: null when anonymous to this viewer. */
  submitterName: z.string().nullable(),
  leadHandlerName: z.string().nullable(),
  createdAt: z.string(),
  dispatchDueAt: z.string(),
  replyDueAt: z.string(),
  overdue: z.boolean(),
  rating: z.enum(ratings).nullable(),
});
export type RequestSummary = z.infer<typeof requestSummary>;
export const requestListResponse = z.object({
  items: z.array(requestSummary),
  /** Exact up to 10,000 (a search: 1,000); `totalCapped` says the real figure is larger. */
  total: z.number(),
  totalCapped: z.boolean(),
});

export const fileView = z.object({ id: z.string(), fileName: z.string(), mime: z.string(), size: z.number(), url: z.string() });
export type FileView = z.infer<typeof fileView>;

export const requestStepView = z.object({
  id: z.string(),
  action: z.enum(stepActions),
  fromStatus: z.enum(requestStatuses).nullable(),
  toStatus: z.enum(requestStatuses).nullable(),
  actorName: z.string(),
  message: z.string().nullable(),
  /** Staff-only steps (internal notes, reminders) are left out for residents. */
  public: z.boolean(),
  photos: z.array(fileView),
  createdAt: z.string(),
});
export const assignmentView = z.object({
  id: z.string(),
  kind: z.enum(assigneeKinds),
  userId: z.string().nullable(),
  organisationId: z.string().nullable(),
  name: z.string(),
  lead: z.boolean(),
  status: z.enum(['active', 'returned', 'removed', 'done']),
  assignedAt: z.string(),
  acceptedAt: z.string().nullable(),
  note: z.string().nullable(),
});
export const callbackView = z.object({
  id: z.string(),
  requestId: z.string(),
  requestNumber: z.string(),
  requestTitle: z.string(),
  status: z.enum(['open', 'done', 'unreachable']),
  dueAt: z.string(),
  assignedUserId: z.string().nullable(),
  note: z.string().nullable(),
  doneAt: z.string().nullable(),
});
export type CallbackView = z.infer<typeof callbackView>;

/** What the viewer may do now; the web shows exactly these buttons and the server checks again. */
export const requestPermissions = z.object({
  classify: z.boolean(),
  dispatch: z.boolean(),
  accept: z.boolean(),
  return: z.boolean(),
  note: z.boolean(),
  reply: z.boolean(),
  selfResolve: z.boolean(),
  rate: z.boolean(),
  object: z.boolean(),
  withdraw: z.boolean(),
  merge: z.boolean(),
  close: z.boolean(),
  revealPhone: z.boolean(),
  /** Change the urgency (and so the deadlines): the same people as `classify`. */
  urgency: z.boolean(),
});
export type RequestPermissions = z.infer<typeof requestPermissions>;

export const requestDetail = requestSummary.extend({
  text: z.string(),
  anonymous: z.boolean(),
  householdId: z.string().nullable(),
  residentId: z.string().nullable(),
  contactName: z.string().nullable(),
  phoneMasked: z.string().nullable(),
  enteredByName: z.string().nullable(),
  photos: z.array(fileView),
  steps: z.array(requestStepView),
  assignments: z.array(assignmentView),
  callbacks: z.array(callbackView),
  replyText: z.string().nullable(),
  repliedAt: z.string().nullable(),
  resolved: z.boolean().nullable(),
  ratingComment: z.string().nullable(),
  selfResolved: z.boolean(),
  objectionCount: z.number(),
  mergedInto: z.object({ id: z.string(), number: z.string() }).nullable(),
  mergedRequests: z.array(z.object({ id: z.string(), number: z.string() })),
  can: requestPermissions,
});
export type RequestDetail = z.infer<typeof requestDetail>;

export const assigneeInput = z.object({
  kind: z.enum(assigneeKinds),
  userId: idSchema.optional(),
  organisationId: idSchema.optional(),
  lead: z.boolean().default(false),
});
export const dispatchBody = z.object({
  assignees: z.array(assigneeInput).min(1).max(5),
  note: freeText(1, 500).optional(),
  urgency: z.enum(urgencies).optional(),
});
export type DispatchBody = z.infer<typeof dispatchBody>;
export const reasonBody = z.object({ reason: freeText(4, 500) });
export const noteBody = z.object({ message: freeText(1, 2000), public: z.boolean().default(true), photoIds });
export const replyBody = z.object({ text: freeText(4, 4000), photoIds });
export const rateBody = z.object({
  rating: z.enum(ratings),
  /** Was the problem solved? The resolution rate counts this, the satisfaction rate counts `rating`. */
  resolved: z.boolean(),
  comment: freeText(1, 1000).optional(),
});
export const mergeBody = z.object({ intoId: idSchema });
export const withdrawBody = z.object({ reason: freeText(1, 500).optional() });
export const classifyBody = z.object({ categoryId: idSchema });
export const urgencyBody = z.object({ urgency: z.enum(urgencies), reason: freeText(2, 500).optional() });
export const closeBody = z.object({ note: freeText(1, 500).optional() });
export const completeCallbackBody = z.object({
  reached: z.boolean(),
  rating: z.enum(ratings).optional(),
  resolved: z.boolean().optional(),
  note: freeText(1, 1000).optional(),
});

export const similarQuery = z.object({
  text: z.string().trim().min(2).max(2000),
  placeId: idSchema.optional(),
  excludeId: idSchema.optional(),
  limit: z.coerce.number().int().min(1).max(20).default(5),
});
export const similarRequest = z.object({
  id: z.string(),
  number: z.string(),
  title: z.string(),
  status: z.enum(requestStatuses),
  categoryName: labelView.nullable(),
  placeName: z.string().nullable(),
  /** Cosine similarity of the token vectors, 0–1. */
  score: z.number(),
  /** At or above the near-duplicate threshold: intake offers to merge. */
  duplicate: z.boolean(),
  createdAt: z.string(),
});
export type SimilarRequest = z.infer<typeof similarRequest>;

export const categoryPrediction = z.object({
  categoryId: z.string(),
  code: z.string(),
  name: labelView,
  confidence: z.number(),
  alternatives: z.array(z.object({ categoryId: z.string(), code: z.string(), name: labelView, confidence: z.number() })),
  low: z.boolean(),
});
export const handlerSuggestion = z.object({
  kind: z.enum(assigneeKinds),
  userId: z.string().nullable(),
  organisationId: z.string().nullable(),
  name: z.string(),
  /** rule | history | grid_worker */
  reason: z.enum(['rule', 'history', 'grid_worker']),
});
export const requestSuggestions = z.object({
  category: categoryPrediction.nullable(),
  handler: handlerSuggestion.nullable(),
  duplicates: z.array(similarRequest),
});


/** What intake answers: enough for the web to show the number and open the request. */
export const requestCreated = z.object({
  id: z.string(),
  number: z.string(),
  status: z.enum(requestStatuses),
  categoryId: z.string().nullable(),
  categoryName: labelView.nullable(),
  categoryConfidence: z.number().nullable(),
});
export type RequestCreated = z.infer<typeof requestCreated>;

/** The contact phone a staff member entered, in full, for a stated purpose (audited). */
export const revealPhoneBody = z.object({ purpose: z.string().trim().min(4).max(200) });
export const revealPhoneResponse = z.object({ phone: z.string().nullable() });

/** Where a resident may say their request is: their own dwelling chain first, then the community's estates and buildings. */
export const requestPlaceOption = z.object({
  id: z.string(),
  kind: z.enum(placeKinds),
  name: z.string(),
  /** The names below the community, "第一网格 五福苑 1栋". */
  label: z.string(),
  /** Their own dwelling, building or estate. */
  mine: z.boolean(),
});
export const requestPlaceOptions = z.object({ communityId: z.string(), communityName: z.string(), items: z.array(requestPlaceOption) });

export const callbackStatuses = ['open', 'done', 'unreachable'] as const;
export const listCallbacksQuery = z.object({
  status: z.enum(callbackStatuses).default('open'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(10_000).default(0),
});
export const callbackListResponse = z.object({ items: z.array(callbackView), total: z.number() });

export const requestSettingsQuery = z.object({ communityId: idSchema });
export const requestSettingsView = z.object({
  communityId: z.string(),
  settings: requestSettingsSchema,
  /** No row yet: these are the Beijing 12345 defaults. */
  isDefault: z.boolean(),
  updatedAt: z.string().nullable(),
});
