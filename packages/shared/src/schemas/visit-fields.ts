import { z } from 'zod';

/** Fields shared by the visits, meetings and coverage schemas. */

/** limit / offset paging of the visit lists. */
export const visitPageQuery = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
};
/** `true` / `false` in a query string. */
export const listFlag = z.enum(['true', 'false']).transform((v) => v === 'true').optional();
/** A moment with its offset (`2026-11-25T10:00:00+08:00` or `…Z`); stored as UTC. */
export const momentSchema = z.string().datetime({ offset: true });
