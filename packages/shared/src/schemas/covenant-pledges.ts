import { z } from 'zod';
import { idSchema } from './common.js';
import { dateSchema, type Label } from './registers.js';
import { freeText } from './requests.js';

/**
 * Household pledges to an adopted covenant (签字承诺), their coverage by building and grid, the households not yet
 * reached, and nominations of exemplary households (a domain event the recognition module consumes).
 * A pledge is signed online by the household's own verified resident, or recorded from a signed paper form by
 * staff or a building leader; a mistaken pledge is revoked with a reason, never deleted.
 */

export const pledgeMethods = ['online', 'paper'] as const;
export type PledgeMethod = (typeof pledgeMethods)[number];
export const pledgeMethodLabels: Record<PledgeMethod, Label> = {
  online: { zh: '网上签署', en: 'Signed online' },
  paper: { zh: '纸质签字', en: 'Paper form' },
};

/** Coverage grouped by the dwelling's building or by its grid. */
export const coverageGroupings = ['building', 'grid'] as const;
export type CoverageGrouping = (typeof coverageGroupings)[number];

// ---- inputs ----

/** A household's own online signature: the resident ticks "我家承诺遵守". */
export const signPledgeBody = z.object({ agree: z.literal(true) });
export type SignPledgeBody = z.infer<typeof signPledgeBody>;

/** A paper form recorded by staff or a building leader, with a photo of the signed form (files module). */
export const paperPledgeBody = z.object({
  householdId: idSchema,
  signerName: freeText(1, 60),
  signedOn: dateSchema,
  photoFileId: idSchema.optional(),
});
export type PaperPledgeBody = z.infer<typeof paperPledgeBody>;

export const revokePledgeBody = z.object({ reason: freeText(2, 500) });
export type RevokePledgeBody = z.infer<typeof revokePledgeBody>;

const pageParams = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
};

export const listPledgesQuery = z.object({
  /** A building, grid or other place: only pledges of households below it. */
  placeId: idSchema.optional(),
  method: z.enum(pledgeMethods).optional(),
  /** Revoked pledges are listed only when asked for. */
  includeRevoked: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  ...pageParams,
});
export type ListPledgesQuery = z.infer<typeof listPledgesQuery>;

export const coverageQuery = z.object({
  by: z.enum(coverageGroupings).default('building'),
  placeId: idSchema.optional(),
});
export type CoverageQuery = z.infer<typeof coverageQuery>;

export const unreachedQuery = z.object({ placeId: idSchema.optional(), ...pageParams });
export type UnreachedQuery = z.infer<typeof unreachedQuery>;

export const nominationBody = z.object({ householdId: idSchema, reason: freeText(2, 1000) });
export type NominationBody = z.infer<typeof nominationBody>;

export const posterQuery = z.object({ size: z.enum(['A3', 'A4']).default('A3') });
export type PosterQuery = z.infer<typeof posterQuery>;

/** Household search for the paper-pledge form: address or householder name, within the recorder's scope. */
export const pledgeHouseholdSearchQuery = z.object({ q: z.string().trim().max(60).default(''), limit: z.coerce.number().int().min(1).max(50).default(20) });

// ---- views ----

export const pledgeView = z.object({
  id: z.string(),
  covenantId: z.string(),
  householdId: z.string(),
  /** The dwelling's place names, e.g. "第一网格 阳光小区 3栋 1单元 302室". */
  address: z.string(),
  method: z.enum(pledgeMethods),
  /** Masked ("张*") unless the viewer is staff of the community or signed it. */
  signerName: z.string(),
  signedOn: z.string(),
  recordedByName: z.string().nullable(),
  /** GET /api/v1/files/:id serves it to who may see this pledge. */
  photoFileId: z.string().nullable(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
  revokeReason: z.string().nullable(),
  can: z.object({ revoke: z.boolean() }),
});
export type PledgeView = z.infer<typeof pledgeView>;
export const pledgePage = z.object({ items: z.array(pledgeView), total: z.number() });
export type PledgePage = z.infer<typeof pledgePage>;

/** Why the signed-in resident may not sign now (null: they may). */
export const pledgeBlockers = ['not_pledging', 'not_verified', 'no_household', 'not_open_to_you', 'already_pledged'] as const;
export type PledgeBlocker = (typeof pledgeBlockers)[number];
export const pledgeBlockerLabels: Record<PledgeBlocker, Label> = {
  not_pledging: { zh: '公约尚未进入签字承诺阶段', en: 'The covenant is not open for pledges' },
  not_verified: { zh: '请先完成实名认证（认领居民身份）', en: 'Verify your account as a resident first' },
  no_household: { zh: '您尚未登记在户', en: 'You are not registered in a household' },
  not_open_to_you: { zh: '本阶段签字承诺未向您开放', en: 'Pledging is not open to you in this phase' },
  already_pledged: { zh: '您家已签字承诺', en: 'Your household has already pledged' },
};

export const myPledgeView = z.object({
  covenantId: z.string(),
  covenantTitle: z.string(),
  phase: z.string(),
  /** The adopted version the pledge is to; null before the vote. */
  adoptedVersionId: z.string().nullable(),
  articleCount: z.number(),
  householdId: z.string().nullable(),
  address: z.string().nullable(),
  pledge: pledgeView.nullable(),
  canSign: z.boolean(),
  blocker: z.enum(pledgeBlockers).nullable(),
});
export type MyPledgeView = z.infer<typeof myPledgeView>;

export const coverageRow = z.object({
  placeId: z.string(),
  name: z.string(),
  kind: z.enum(coverageGroupings),
  /** For a building, its estate's name ("阳光小区 3栋" on a chart); null for a grid. */
  parentName: z.string().nullable(),
  /** Active households of the place within the viewer's scope. */
  households: z.number(),
  /** Of those, households with a standing pledge. */
  pledged: z.number(),
  /** pledged / households × 100, one decimal; 0 for a place without households. */
  rate: z.number(),
});
export type CoverageRow = z.infer<typeof coverageRow>;
export const coverageResponse = z.object({
  by: z.enum(coverageGroupings),
  rows: z.array(coverageRow),
  total: z.object({ households: z.number(), pledged: z.number(), rate: z.number() }),
});
export type CoverageResponse = z.infer<typeof coverageResponse>;

export const unreachedHousehold = z.object({
  householdId: z.string(),
  address: z.string(),
  householderName: z.string().nullable(),
  gridName: z.string().nullable(),
  buildingName: z.string().nullable(),
});
export type UnreachedHousehold = z.infer<typeof unreachedHousehold>;
export const unreachedPage = z.object({ items: z.array(unreachedHousehold), total: z.number() });
export type UnreachedPage = z.infer<typeof unreachedPage>;

export const nominationView = z.object({
  id: z.string(),
  covenantId: z.string(),
  householdId: z.string(),
  address: z.string(),
  householderName: z.string().nullable(),
  reason: z.string(),
  nominatedByName: z.string().nullable(),
  eventId: z.string(),
  createdAt: z.string(),
});
export type NominationView = z.infer<typeof nominationView>;
export const nominationList = z.object({ items: z.array(nominationView) });

/** A household found for the paper-pledge or nomination form. */
export const pledgeHouseholdOption = z.object({
  householdId: z.string(),
  address: z.string(),
  householderName: z.string().nullable(),
  pledged: z.boolean(),
});
export type PledgeHouseholdOption = z.infer<typeof pledgeHouseholdOption>;
export const pledgeHouseholdOptions = z.object({ items: z.array(pledgeHouseholdOption) });
