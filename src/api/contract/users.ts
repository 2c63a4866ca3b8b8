/** Users (`/v1/users`, admin only). */
import { z } from 'zod';
import { strictObject } from '../../io/strict-object.js';
import { listOf, RoleSchema, TimestampSchema } from './common.js';

/** A username: 1–64 letters, digits, `.`, `_`, `-` or `@`. */
export const UsernameSchema = z
  .string()
  .regex(/^[A-Za-z0-9._@-]{1,64}$/, 'use 1–64 letters, digits, ".", "_", "-" or "@"');

/** A password: at least 8 characters. */
export const PasswordSchema = z.string().min(8, 'use at least 8 characters').max(1000);

/** `POST /v1/users` body; `advisor` is required for, and only for, the `advisor` role. */
export const UserCreateRequestSchema = strictObject({
  username: UsernameSchema,
  role: RoleSchema,
  advisor: z.string().min(1).nullable().optional(),
  password: PasswordSchema,
});
export type UserCreateRequest = z.infer<typeof UserCreateRequestSchema>;

/** `PATCH /v1/users/:username` body: what to change. Disabling ends the user's sessions. */
export const UserPatchRequestSchema = strictObject({
  role: RoleSchema.optional(),
  advisor: z.string().min(1).nullable().optional(),
  password: PasswordSchema.optional(),
  disabled: z.boolean().optional(),
});
export type UserPatchRequest = z.infer<typeof UserPatchRequestSchema>;

/** A user as listed (never the password hash). */
export const UserSummarySchema = z.strictObject({
  username: z.string(),
  role: RoleSchema,
  advisor: z.string().nullable(),
  disabled: z.boolean(),
  createdAt: TimestampSchema,
});
export type UserSummary = z.infer<typeof UserSummarySchema>;

export const UserListSchema = listOf(UserSummarySchema);
export type UserList = z.infer<typeof UserListSchema>;
