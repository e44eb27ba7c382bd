import { z } from 'zod';
import { idSchema } from './common.js';
import { visitPageQuery } from './visit-fields.js';

/** Visit coverage: per grid, how many active households someone visited in the last N months, and who nobody did. */

const monthsParam = z.coerce.number().int().min(1).max(36).default(6);
export const visitCoverageQuery = z.object({ months: monthsParam, placeId: idSchema.optional() });
export const gridCoverage = z.object({
  gridId: z.string(),
  gridName: z.string(),
  communityId: z.string(),
  communityName: z.string(),
  /** Active households in the grid (within the viewer's scope). */
  households: z.number(),
  /** Of those, households with at least one visit since `since`. */
  visited: z.number(),
  /** visited / households × 100, one decimal; 0 for a grid without households. */
  percentage: z.number(),
});
export type GridCoverage = z.infer<typeof gridCoverage>;
export const visitCoverageResponse = z.object({
  months: z.number(),
  /** Visits at or after this moment count: the same time of day, `months` calendar months ago. */
  since: z.string(),
  grids: z.array(gridCoverage),
  total: z.object({ households: z.number(), visited: z.number(), percentage: z.number() }),
});
export type VisitCoverageResponse = z.infer<typeof visitCoverageResponse>;

export const unvisitedQuery = z.object({ months: monthsParam, gridId: idSchema.optional(), ...visitPageQuery });
export const unvisitedHousehold = z.object({
  householdId: z.string(),
  dwellingId: z.string(),
  gridId: z.string().nullable(),
  placeLabel: z.string(),
  householderName: z.string().nullable(),
  /** The last visit ever, or null for never. */
  lastVisitedAt: z.string().nullable(),
});
export const unvisitedResponse = z.object({ months: z.number(), since: z.string(), items: z.array(unvisitedHousehold), total: z.number() });
