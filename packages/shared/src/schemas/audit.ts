import { z } from 'zod';
import { idSchema } from './common.js';

export const auditEntryView = z.object({
  id: idSchema,
  at: z.string(),
  actorUserId: z.string().nullable(),
  actorName: z.string().nullable(),
  onBehalfOfUserId: z.string().nullable(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string().nullable(),
  communityId: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  requestId: z.string().nullable(),
});
export type AuditEntryView = z.infer<typeof auditEntryView>;

export const auditQuery = z.object({
  actorUserId: idSchema.optional(),
  action: z.string().max(64).optional(),
  targetType: z.string().max(64).optional(),
  targetId: idSchema.optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: z.string().max(64).optional(),
});
