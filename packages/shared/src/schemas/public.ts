import { z } from 'zod';
import { idSchema } from './common.js';

export const publicCommunityView = z.object({
  id: idSchema,
  name: z.string(),
  subdistrictName: z.string().nullable(),
  counts: z.record(z.string(), z.number()),
});
export type PublicCommunity = z.infer<typeof publicCommunityView>;
