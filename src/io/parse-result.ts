import type { z } from 'zod';
import type { Problem } from '../domain/problem.js';
import { genericErrorMap } from './error-map.js';
import { problemsFromIssues } from './problems.js';

/** A parsed value, or every problem found in the input. */
export type ParseResult<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

/**
 * Validates `input` against `schema`, collecting every problem rather than stopping at the first.
 *
 * @example
 * const result = parseWith(LedgerRequestSchema, JSON.parse(text));
 * if (!result.ok) console.error(formatProblems(result.problems));
 */
export function parseWith<T>(schema: z.ZodType<T>, input: unknown): ParseResult<T> {
  const result = schema.safeParse(input, { error: genericErrorMap });
  return result.success
    ? { ok: true, value: result.data }
    : { ok: false, problems: problemsFromIssues(result.error.issues) };
}
