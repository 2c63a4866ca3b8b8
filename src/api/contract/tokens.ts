/** API tokens (`/v1/tokens`): one's own, shown once when created, stored hashed. */
import { z } from 'zod';
import { strictObject } from '../../io/strict-object.js';
import { listOf, TimestampSchema } from './common.js';

/** `POST /v1/tokens` body: a name to tell tokens apart. */
export const TokenCreateRequestSchema = strictObject({ name: z.string().trim().min(1).max(100) });
export type TokenCreateRequest = z.infer<typeof TokenCreateRequestSchema>;

/** A token as listed (never the token itself). */
export const TokenSummarySchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  createdAt: TimestampSchema,
  lastUsedAt: TimestampSchema.nullable(),
});
export type TokenSummary = z.infer<typeof TokenSummarySchema>;

/** `POST /v1/tokens` answer: the token, shown this once; send it as `Authorization: Bearer …`. */
export const TokenCreatedSchema = TokenSummarySchema.extend({ token: z.string() });
export type TokenCreated = z.infer<typeof TokenCreatedSchema>;

export const TokenListSchema = listOf(TokenSummarySchema);
export type TokenList = z.infer<typeof TokenListSchema>;
