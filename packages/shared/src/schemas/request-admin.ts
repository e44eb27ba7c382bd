import { z } from 'zod';
import { idSchema, nameSchema } from './common.js';
import { assigneeKinds, freeText, labelView, requestStatuses, urgencies } from './requests.js';
import { similarRequest } from './request-api.js';

/** Taxonomy, routing rules, classifier models and proactive cases: the community's own request settings. */
export const categoryView = z.object({
  id: z.string(),
  communityId: z.string(),
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  description: z.string().nullable(),
  urgency: z.enum(urgencies),
  sortOrder: z.number(),
  retired: z.boolean(),
});
export type CategoryView = z.infer<typeof categoryView>;
export const categoryCode = z.string().trim().regex(/^[a-z][a-z0-9_]{1,40}$/, 'lowercase letters, digits and _');
export const createCategoryBody = z.object({
  /** Needed only by an actor who keeps several communities. */
  communityId: idSchema.optional(),
  code: categoryCode,
  nameZh: nameSchema.pipe(z.string().max(30)),
  nameEn: nameSchema.pipe(z.string().max(60)),
  description: freeText(1, 500).nullable().optional(),
  urgency: z.enum(urgencies).default('general'),
  sortOrder: z.number().int().min(0).max(10_000).optional(),
});
export const updateCategoryBody = createCategoryBody.omit({ code: true, communityId: true }).partial();

export const routingRuleView = z.object({
  id: z.string(),
  communityId: z.string(),
  categoryId: z.string(),
  placeId: z.string().nullable(),
  placeName: z.string().nullable(),
  kind: z.enum(assigneeKinds),
  userId: z.string().nullable(),
  organisationId: z.string().nullable(),
  assigneeName: z.string(),
});
export type RoutingRuleView = z.infer<typeof routingRuleView>;
export const createRoutingRuleBody = z.object({
  categoryId: idSchema,
  placeId: idSchema.nullable().optional(),
  kind: z.enum(assigneeKinds),
  userId: idSchema.optional(),
  organisationId: idSchema.optional(),
});

export const classifierModelView = z.object({
  id: z.string(),
  createdAt: z.string(),
  exampleCount: z.number(),
  labels: z.array(z.string()),
  /** Cross-validated on the community's own labels at training time. */
  metrics: z.object({ accuracy: z.number(), macroF1: z.number(), folds: z.number() }).nullable(),
  active: z.boolean(),
});
export type ClassifierModelView = z.infer<typeof classifierModelView>;

export const proactiveSuggestion = z.object({
  title: z.string(),
  categoryId: z.string().nullable(),
  categoryName: labelView.nullable(),
  placeId: z.string().nullable(),
  placeName: z.string().nullable(),
  terms: z.array(z.string()),
  requestIds: z.array(z.string()),
  count: z.number(),
  firstAt: z.string(),
  lastAt: z.string(),
});
export type ProactiveSuggestion = z.infer<typeof proactiveSuggestion>;
export const proactiveCaseStatuses = ['open', 'done', 'dismissed'] as const;
export const createProactiveCaseBody = z.object({
  title: freeText(2, 60),
  categoryId: idSchema.nullable().optional(),
  placeId: idSchema.nullable().optional(),
  requestIds: z.array(idSchema).min(1).max(200),
  ownerUserId: idSchema.nullable().optional(),
  plan: freeText(1, 2000).nullable().optional(),
});
export const updateProactiveCaseBody = z.object({
  status: z.enum(proactiveCaseStatuses).optional(),
  ownerUserId: idSchema.nullable().optional(),
  plan: freeText(1, 2000).nullable().optional(),
  outcome: freeText(1, 2000).nullable().optional(),
});
export const proactiveCaseView = z.object({
  id: z.string(),
  title: z.string(),
  categoryId: z.string().nullable(),
  placeId: z.string().nullable(),
  placeName: z.string().nullable(),
  status: z.enum(proactiveCaseStatuses),
  ownerUserId: z.string().nullable(),
  ownerName: z.string().nullable(),
  plan: z.string().nullable(),
  outcome: z.string().nullable(),
  requests: z.array(z.object({ id: z.string(), number: z.string(), title: z.string(), status: z.enum(requestStatuses) })),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ProactiveCaseView = z.infer<typeof proactiveCaseView>;

/** Queries and list responses of the triage routes (a community is needed only by who keeps several). */
const communityQuery = { communityId: idSchema.optional() };
export const listCategoriesQuery = z.object({
  ...communityQuery,
  includeRetired: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
});
export const categoryListResponse = z.object({ items: z.array(categoryView) });
export const listRoutingRulesQuery = z.object({ ...communityQuery, categoryId: idSchema.optional() });
export const routingRuleListResponse = z.object({ items: z.array(routingRuleView) });
export const retrainBody = z.object(communityQuery);
export const listClassifierModelsQuery = z.object(communityQuery);
export const classifierModelListResponse = z.object({ items: z.array(classifierModelView) });
export const proactiveSuggestionsQuery = z.object({
  ...communityQuery,
  days: z.coerce.number().int().min(1).max(365).default(30),
  min: z.coerce.number().int().min(2).max(100).default(3),
});
export const proactiveSuggestionListResponse = z.object({ items: z.array(proactiveSuggestion) });
export const listProactiveCasesQuery = z.object({ ...communityQuery, status: z.enum(proactiveCaseStatuses).optional() });
export const proactiveCaseListResponse = z.object({ items: z.array(proactiveCaseView) });
export const similarListResponse = z.object({ items: z.array(similarRequest) });
