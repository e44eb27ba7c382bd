import { z } from 'zod';
import { roles } from '../roles.js';
import { idSchema } from './common.js';
import { dateSchema, type Label } from './registers.js';
import { freeText, requestKinds, urgencies } from './requests.js';
import { listFlag, momentSchema, visitPageQuery } from './visit-fields.js';

/**
 * Visiting plans and visit records (走访). Consultation meetings (恳谈会, 交流会, 坝坝会) and visit coverage have their
 * own files, exported from here so the package index names one visits module.
 */

/** A grid or building plan expands, when it is made, to the active households under it. */
export const visitPlanTargetKinds = ['grid', 'building', 'household', 'organisation'] as const;
export type VisitPlanTargetKind = (typeof visitPlanTargetKinds)[number];
export const visitPlanTargetKindLabels: Record<VisitPlanTargetKind, Label> = {
  grid: { zh: '按网格', en: 'By grid' },
  building: { zh: '按楼栋', en: 'By building' },
  household: { zh: '按住户', en: 'By household' },
  organisation: { zh: '按单位', en: 'By organisation' },
};

export const visitPlanStatuses = ['active', 'done', 'cancelled'] as const;
export type VisitPlanStatus = (typeof visitPlanStatuses)[number];
export const visitPlanStatusLabels: Record<VisitPlanStatus, Label> = {
  active: { zh: '进行中', en: 'Active' },
  done: { zh: '已完成', en: 'Done' },
  cancelled: { zh: '已取消', en: 'Cancelled' },
};

/** The visitor may correct a visit record this many hours after writing it; later it stands as written. */
export const VISIT_EDIT_HOURS = 24;

// ---- visiting plans -------------------------------------------------------------------------------------------

export const createVisitPlanBody = z.object({
  title: freeText(2, 120),
  targetKind: z.enum(visitPlanTargetKinds),
  /** Grids, buildings, households or organisations (by `targetKind`), all of one community. */
  targetIds: z.array(idSchema).min(1).max(500),
  startsOn: dateSchema,
  endsOn: dateSchema,
  /** A staff member or grid worker of the community; a grid worker only for targets in their grid. */
  assigneeUserId: idSchema.optional(),
  note: freeText(1, 1000).optional(),
});
export type CreateVisitPlanBody = z.infer<typeof createVisitPlanBody>;

/** Targets stay as made; a plan that needs other households is a new plan. */
export const updateVisitPlanBody = z.object({
  title: freeText(2, 120).optional(),
  startsOn: dateSchema.optional(),
  endsOn: dateSchema.optional(),
  assigneeUserId: idSchema.nullable().optional(),
  note: freeText(1, 1000).nullable().optional(),
});
export type UpdateVisitPlanBody = z.infer<typeof updateVisitPlanBody>;

export const listVisitPlansQuery = z.object({
  status: z.enum(visitPlanStatuses).optional(),
  /** Plans assigned to me. */
  mine: listFlag,
  /** Plans of this community (or of the communities under this subdistrict). */
  placeId: idSchema.optional(),
  ...visitPageQuery,
});
export type ListVisitPlansQuery = z.infer<typeof listVisitPlansQuery>;

export const visitPlanSummary = z.object({
  id: z.string(),
  communityId: z.string(),
  communityName: z.string(),
  title: z.string(),
  targetKind: z.enum(visitPlanTargetKinds),
  startsOn: z.string(),
  endsOn: z.string(),
  assigneeUserId: z.string().nullable(),
  assigneeName: z.string().nullable(),
  note: z.string().nullable(),
  status: z.enum(visitPlanStatuses),
  createdBy: z.string(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Progress over all the plan's targets (a grid worker's detail lists only those in their grid). */
  targetCount: z.number(),
  visitedCount: z.number(),
});
export type VisitPlanSummary = z.infer<typeof visitPlanSummary>;

export const visitPlanTargetView = z.object({
  id: z.string(),
  householdId: z.string().nullable(),
  organisationId: z.string().nullable(),
  placeId: z.string().nullable(),
  /** "第一网格 五福苑 1栋 1单元 101室" for a household; the organisation's place for an organisation. */
  placeLabel: z.string(),
  /** The householder's name, or the organisation's. */
  name: z.string().nullable(),
  visitedAt: z.string().nullable(),
  visitId: z.string().nullable(),
});
export type VisitPlanTargetView = z.infer<typeof visitPlanTargetView>;

export const visitPlanDetail = visitPlanSummary.extend({
  targets: z.array(visitPlanTargetView),
  can: z.object({ edit: z.boolean(), cancel: z.boolean() }),
});
export type VisitPlanDetail = z.infer<typeof visitPlanDetail>;

export const visitPlanListResponse = z.object({ items: z.array(visitPlanSummary), total: z.number() });

/** People a plan may be assigned to, or a meeting hosted by: the community's staff and grid workers. */
export const visitAssigneesQuery = z.object({ placeId: idSchema.optional() });
export const visitAssignee = z.object({
  userId: z.string(),
  displayName: z.string(),
  communityId: z.string(),
  roles: z.array(z.enum(roles)),
});
export const visitAssigneeList = z.object({ items: z.array(visitAssignee) });

// ---- visit records --------------------------------------------------------------------------------------------

/** Where a visit happened: exactly one of a place, a household or an organisation. */
export const createVisitBody = z.object({
  visitedAt: momentSchema,
  placeId: idSchema.optional(),
  householdId: idSchema.optional(),
  organisationId: idSchema.optional(),
  /** Counted under this plan even when the place is not one of its targets. */
  planId: idSchema.optional(),
  peopleMet: freeText(1, 200).optional(),
  summary: freeText(1, 4000).optional(),
  /** What was heard, one line each; each can later become a request. */
  items: z.array(freeText(2, 2000)).max(50).default([]),
});
export type CreateVisitBody = z.infer<typeof createVisitBody>;

/**
 * `items` replaces the list: lines with an id keep (or change) that item, lines without one are new, missing
 * ones are removed. Items that became requests must stay, unchanged.
 */
export const updateVisitBody = z.object({
  visitedAt: momentSchema.optional(),
  peopleMet: freeText(1, 200).nullable().optional(),
  summary: freeText(1, 4000).nullable().optional(),
  items: z.array(z.object({ id: idSchema.optional(), text: freeText(2, 2000) })).max(50).optional(),
});
export type UpdateVisitBody = z.infer<typeof updateVisitBody>;

export const listVisitsQuery = z.object({
  planId: idSchema.optional(),
  /** Visits at this place or anywhere under it (a grid, a building …). */
  placeId: idSchema.optional(),
  householdId: idSchema.optional(),
  organisationId: idSchema.optional(),
  visitorId: idSchema.optional(),
  /** Visits I recorded. */
  mine: listFlag,
  from: momentSchema.optional(),
  to: momentSchema.optional(),
  ...visitPageQuery,
});
export type ListVisitsQuery = z.infer<typeof listVisitsQuery>;

export const visitItemView = z.object({
  id: z.string(),
  text: z.string(),
  requestId: z.string().nullable(),
  requestNumber: z.string().nullable(),
  createdAt: z.string(),
});

export const visitSummary = z.object({
  id: z.string(),
  communityId: z.string(),
  planId: z.string().nullable(),
  planTitle: z.string().nullable(),
  visitorUserId: z.string(),
  visitorName: z.string(),
  visitedAt: z.string(),
  placeId: z.string().nullable(),
  placeLabel: z.string(),
  householdId: z.string().nullable(),
  householderName: z.string().nullable(),
  organisationId: z.string().nullable(),
  organisationName: z.string().nullable(),
  peopleMet: z.string().nullable(),
  summary: z.string().nullable(),
  itemCount: z.number(),
  convertedCount: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type VisitSummary = z.infer<typeof visitSummary>;

export const visitDetail = visitSummary.extend({
  items: z.array(visitItemView),
  can: z.object({
    /** The visitor, within VISIT_EDIT_HOURS of writing it. */
    edit: z.boolean(),
    /** Turn an item into a request. */
    convert: z.boolean(),
  }),
});
export type VisitDetail = z.infer<typeof visitDetail>;
export const visitListResponse = z.object({ items: z.array(visitSummary), total: z.number() });

/** Turn a visit item or a meeting opinion into a request; the text, place and resident come from the record. */
export const convertToRequestBody = z.object({
  kind: z.enum(requestKinds),
  urgency: z.enum(urgencies).optional(),
  categoryId: idSchema.optional(),
  anonymous: z.boolean().default(false),
  title: freeText(2, 60).optional(),
});
export type ConvertToRequestBody = z.infer<typeof convertToRequestBody>;
export const convertedRequest = z.object({ requestId: z.string(), number: z.string() });
export const visitItemParams = z.object({ id: idSchema, itemId: idSchema });

export * from './consultation-meetings.js';
export * from './visit-coverage.js';
