/** Logging in and out (`/v1/session`), and who the caller is. */
import { z } from 'zod';
import { strictObject } from '../../io/strict-object.js';
import { RoleSchema } from './common.js';

/** `POST /v1/session` body. */
export const LoginRequestSchema = strictObject({
  username: z.string().min(1).max(100),
  password: z.string().min(1).max(1000),
});
export type LoginRequest = z.infer<typeof LoginRequestSchema>;

/** The caller: a username, a role and (for advisors) the advisor name they see households of. */
export const SessionUserSchema = z.strictObject({
  username: z.string(),
  role: RoleSchema,
  advisor: z.string().nullable(),
});
export type SessionUser = z.infer<typeof SessionUserSchema>;

/**
 * `POST /v1/session` and `GET /v1/session`: the user and the session's CSRF token, to send as
 * `X-CSRF-Token` on every request that changes something (null when authenticated by a token).
 */
export const SessionResponseSchema = z.strictObject({
  user: SessionUserSchema,
  csrfToken: z.string().nullable(),
});
export type SessionResponse = z.infer<typeof SessionResponseSchema>;
