import { z } from 'zod';

/** Text ids sort by time (UUIDv7). */
export const idSchema = z.string().min(1).max(64).regex(/^[0-9a-zA-Z_-]+$/, 'invalid id');
export const idParams = z.object({ id: idSchema });

/** A non-empty, trimmed single-line name. Rejects control characters so garbage never reaches the register. */
export const nameSchema = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), 'contains control characters');

/** Mainland mobile number: 11 digits starting with 1. */
export const phoneSchema = z.string().trim().regex(/^1[3-9]\d{9}$/, 'invalid phone number');

export const isoDateTime = z.string();
export const okResponse = z.object({ ok: z.literal(true) });

export const paginationQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});

export const localeSchema = z.enum(['zh-CN', 'en-US']);
