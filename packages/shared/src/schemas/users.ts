import { z } from 'zod';
import { roles } from '../roles.js';
import { idSchema, nameSchema, phoneSchema } from './common.js';
import { passwordSchema, roleAssignmentView } from './auth.js';

export const usernameSchema = z.string().trim().regex(/^[a-zA-Z][a-zA-Z0-9_.-]{2,31}$/, 'invalid username');

export const userStatus = z.enum(['active', 'unclaimed', 'disabled']);

export const userView = z.object({
  id: idSchema,
  displayName: z.string(),
  username: z.string().nullable(),
  phoneMasked: z.string().nullable(),
  status: userStatus,
  roles: z.array(roleAssignmentView),
  createdAt: z.string(),
});
export type UserView = z.infer<typeof userView>;

export const roleInput = z.object({ role: z.enum(roles), placeId: idSchema });

/**
 * Staff create an account. Without a password it starts unclaimed: the resident claims it with a one-time code.
 */
export const createUserBody = z.object({
  displayName: nameSchema,
  username: usernameSchema.optional(),
  phone: phoneSchema.optional(),
  password: passwordSchema.optional(),
  roles: z.array(roleInput).min(1).max(20),
});

export const updateUserBody = z
  .object({ displayName: nameSchema.optional(), status: z.enum(['active', 'disabled']).optional() })
  .refine((u) => u.displayName !== undefined || u.status !== undefined, 'nothing to change');

export const listUsersQuery = z.object({
  q: z.string().trim().max(50).optional(),
  role: z.enum(roles).optional(),
  placeId: idSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const claimCodeResponse = z.object({
  code: z.string(),
  expiresAt: z.string(),
  displayName: z.string(),
  communityName: z.string().nullable(),
});
