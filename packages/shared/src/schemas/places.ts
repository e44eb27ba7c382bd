import { z } from 'zod';
import { placeKinds } from '../roles.js';
import { idSchema, nameSchema } from './common.js';

export const placeKindSchema = z.enum(placeKinds);

export const placeView = z.object({
  id: idSchema,
  kind: placeKindSchema,
  name: z.string(),
  parentId: idSchema.nullable(),
  communityId: idSchema.nullable(),
  retiredAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PlaceView = z.infer<typeof placeView>;

/**
 * A node of the tree with counts of active descendants by kind, and how many children it has in this view
 * (retired ones included when asked for): `children` is empty at the depth limit even when `childCount` is not.
 */
export interface PlaceTreeNode extends PlaceView {
  counts: Partial<Record<(typeof placeKinds)[number], number>>;
  childCount: number;
  children: PlaceTreeNode[];
}
export const placeTreeNode: z.ZodType<PlaceTreeNode> = placeView.extend({
  counts: z.record(z.string(), z.number()),
  childCount: z.number().int(),
  get children() {
    return z.array(placeTreeNode);
  },
}) as unknown as z.ZodType<PlaceTreeNode>;

export const placeTreeQuery = z.object({
  includeRetired: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});

export const createPlaceBody = z.object({
  kind: placeKindSchema,
  name: nameSchema,
  parentId: idSchema.nullable(),
});
export const renamePlaceBody = z.object({ name: nameSchema });
export const movePlaceBody = z.object({ parentId: idSchema });
export const retirePlaceBody = z.object({ reason: z.string().trim().max(200).optional() });

export const placeHistoryEntry = z.object({
  id: idSchema,
  change: z.enum(['created', 'renamed', 'moved', 'retired', 'restored']),
  fromValue: z.string().nullable(),
  toValue: z.string().nullable(),
  actorUserId: idSchema.nullable(),
  at: z.string(),
});
