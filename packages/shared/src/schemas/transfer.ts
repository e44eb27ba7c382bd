import { z } from 'zod';
import { idSchema } from './common.js';
import type { Label } from './registers.js';

/** What can be imported from and exported to .xlsx. */
export const transferKinds = ['places', 'households', 'residents', 'party_members', 'organisations'] as const;
export type TransferKind = (typeof transferKinds)[number];
export const transferKindLabels: Record<TransferKind, Label> = {
  places: { zh: '地址(网格/小区/楼栋/单元/房屋)', en: 'Places' },
  households: { zh: '户', en: 'Households' },
  residents: { zh: '居民', en: 'Residents' },
  party_members: { zh: '党员', en: 'Party members' },
  organisations: { zh: '组织', en: 'Organisations' },
};

export const importStatuses = ['validated', 'importing', 'done', 'failed', 'interrupted'] as const;

/** One problem in one cell (or the whole row when `column` is null). Rows count from 1 as Excel shows them. */
export const importRowError = z.object({
  row: z.number().int(),
  column: z.string().nullable(),
  code: z.string(),
  message: z.string(),
});
export type ImportRowError = z.infer<typeof importRowError>;

export const importJobView = z.object({
  id: idSchema,
  communityId: idSchema,
  kind: z.enum(transferKinds),
  status: z.enum(importStatuses),
  fileName: z.string(),
  totalRows: z.number().int(),
  processedRows: z.number().int(),
  /** After validation these are what an import would do; after the import, what it did. */
  createdRows: z.number().int(),
  updatedRows: z.number().int(),
  unchangedRows: z.number().int(),
  errorRows: z.number().int(),
  errors: z.array(importRowError),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ImportJobView = z.infer<typeof importJobView>;

export const importUploadQuery = z.object({ kind: z.enum(transferKinds), communityId: idSchema });
export const listImportsQuery = z.object({ communityId: idSchema.optional(), limit: z.coerce.number().int().min(1).max(100).default(20) });
export const exportQuery = z.object({
  communityId: idSchema,
  placeId: idSchema.optional(),
  /** Unmasked export: only for roles that may reveal, with a stated purpose, and written to the audit log. */
  reveal: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  purpose: z.string().trim().min(4).max(200).optional(),
});
/** Largest upload accepted, and most rows in one file. */
export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;
export const IMPORT_MAX_ROWS = 50_000;
