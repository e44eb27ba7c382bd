import { z } from 'zod';
import { roles } from '../roles.js';
import { idSchema, localeSchema, nameSchema, phoneSchema } from './common.js';

/** Passwords: at least 8 characters with a letter and a digit; at most 128 so argon2 is not a DoS vector. */
export const passwordSchema = z
  .string()
  .min(8)
  .max(128)
  .refine((s) => /[A-Za-z]/.test(s) && /\d/.test(s), 'weak_password');

export const loginBody = z.object({
  /** A username or a phone number. */
  account: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(128),
});

export const changePasswordBody = z.object({
  currentPassword: z.string().min(1).max(128),
  newPassword: passwordSchema,
});

export const claimBody = z.object({
  code: z.string().trim().min(6).max(32),
  username: z.string().trim().regex(/^[a-zA-Z][a-zA-Z0-9_.-]{2,31}$/).optional(),
  phone: phoneSchema.optional(),
  password: passwordSchema,
});

export const roleAssignmentView = z.object({
  id: idSchema,
  role: z.enum(roles),
  placeId: idSchema,
  placeName: z.string(),
  placeKind: z.string(),
  communityId: z.string().nullable(),
});
export type RoleAssignmentView = z.infer<typeof roleAssignmentView>;

export const meResponse = z.object({
  id: idSchema,
  displayName: z.string(),
  username: z.string().nullable(),
  phoneMasked: z.string().nullable(),
  roles: z.array(roleAssignmentView),
  preferences: z.object({ elderMode: z.boolean(), locale: localeSchema }),
  csrfToken: z.string(),
  onBehalfOf: z.object({ id: idSchema, displayName: z.string() }).nullable(),
});
export type Me = z.infer<typeof meResponse>;

export const preferencesBody = z
  .object({ elderMode: z.boolean().optional(), locale: localeSchema.optional() })
  .refine((p) => p.elderMode !== undefined || p.locale !== undefined, 'nothing to change');

export const onBehalfBody = z.object({
  residentUserId: idSchema,
  reason: z.string().trim().min(2).max(200),
});

export const displayNameSchema = nameSchema;
