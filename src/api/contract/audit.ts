/** The append-only audit log (`/v1/audit`), newest first. */
import { z } from 'zod';
import { DEFAULT_LIMIT, MAX_LIMIT, queryInt, TimestampSchema } from './common.js';

/** `GET /v1/audit` query: `before` is an entry id (the page after `nextBefore`). */
export const AuditQuerySchema = z.strictObject({
  actor: z.string().min(1).optional(),
  entity: z.string().min(1).optional(),
  entityId: z.string().min(1).optional(),
  before: queryInt(1, Number.MAX_SAFE_INTEGER).optional(),
  limit: queryInt(1, MAX_LIMIT).default(DEFAULT_LIMIT),
});
export type AuditQuery = z.input<typeof AuditQuerySchema>;

/** One entry: who did what to which entity, when, with details (never a secret). */
export const AuditEntrySchema = z.strictObject({
  id: z.number().int(),
  at: TimestampSchema,
  actor: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string(),
  detail: z.record(z.string(), z.unknown()),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

/** A page: `total` counts every match; pass `nextBefore` as `before` for the next page. */
export const AuditPageSchema = z.strictObject({
  items: z.array(AuditEntrySchema),
  total: z.number().int(),
  nextBefore: z.number().int().nullable(),
});
export type AuditPage = z.infer<typeof AuditPageSchema>;
