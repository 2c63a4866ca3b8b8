/**
 * What every route shares: roles, the error body, problems, list pages and their query, dates.
 * Browser-safe: zod and the pure schemas of src/io only, never a Node module.
 */
import { z } from 'zod';
import { IdSchema } from '../../io/id.js';
import { IsoDateSchema } from '../../io/iso-date.js';

/** Who may do what (docs/api.md, "Roles"). */
export const RoleSchema = z.enum(['admin', 'pm', 'trader', 'advisor', 'viewer']);
export type Role = z.infer<typeof RoleSchema>;

/** Every role, in the order the docs list them. */
export const ROLES: readonly Role[] = RoleSchema.options;

/** One problem found in a request: where, which rule, what to change (src/domain/problem.ts). */
export const ProblemSchema = z.strictObject({
  path: z.array(z.union([z.string(), z.number()])),
  code: z.string(),
  message: z.string(),
  /** For `invalid_json`: where in the body text (1-based). */
  line: z.number().int().optional(),
  column: z.number().int().optional(),
});
export type ApiProblem = z.infer<typeof ProblemSchema>;

/** The `error.code` values, one per kind of refusal (docs/api.md, "Errors"). */
export const ErrorCodeSchema = z.enum([
  'invalid_json',
  'invalid_request',
  'body_too_large',
  'unauthenticated',
  'forbidden',
  'csrf',
  'not_found',
  'method_not_allowed',
  'conflict',
  'rate_limited',
  'internal',
]);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

/** Every error response: `{ error: { status, code, message, problems? } }`. */
export const ErrorBodySchema = z.strictObject({
  error: z.strictObject({
    status: z.number().int(),
    code: ErrorCodeSchema,
    message: z.string(),
    /** Per-field problems (400), or the refusal's reason code (409) in `reason`. */
    problems: z.array(ProblemSchema).optional(),
    reason: z.string().optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;

/** Page size of a list when `limit` is not given, and its largest value. */
export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 1000;

/**
 * A whole number from a query string, in decimal digits only: `0x10`, `1e2`, ` 5` and an empty
 * value are refused (z.coerce.number would read them as 16, 100, 5 and 0).
 */
export function queryInt(min: number, max: number) {
  const digits = z
    .string()
    .regex(/^[0-9]{1,15}$/, 'use a whole number written in decimal digits')
    .transform(Number);
  // A number is accepted too, for typed callers that build the query before it is a string.
  return z.union([z.number(), digits]).pipe(z.number().int().min(min).max(max));
}

/** `limit` (1–1000, default 100) and `offset` (default 0), from query strings. */
export const PageQueryShape = {
  limit: queryInt(1, MAX_LIMIT).default(DEFAULT_LIMIT),
  offset: queryInt(0, Number.MAX_SAFE_INTEGER).default(0),
};

/** A query of `limit` and `offset` only. */
export const PageQuerySchema = z.strictObject({ ...PageQueryShape });
export type PageQuery = z.input<typeof PageQuerySchema>;

/** `{ items, total }`: one page of a list and how many match in all. */
export function listOf<T extends z.ZodType>(item: T) {
  return z.strictObject({ items: z.array(item), total: z.number().int().min(0) });
}

/** A moment as an ISO 8601 UTC timestamp, e.g. `2026-11-20T14:03:00.000Z`. */
export const TimestampSchema = z.iso.datetime();

/** A calendar date `YYYY-MM-DD`. */
export const DateSchema = IsoDateSchema;

/** A non-empty identifier (household, account, security, model, run…). */
export const IdTextSchema = IdSchema;

/** A free-text note (who decided and why); at most 2,000 characters. */
export const NoteSchema = z.string().max(2000);

/** `{ ok: true }`: an acknowledgement with nothing else to say. */
export const OkSchema = z.strictObject({ ok: z.literal(true) });
export type Ok = z.infer<typeof OkSchema>;
