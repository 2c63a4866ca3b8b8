import type { z } from 'zod';
import type { Problem } from '../domain/problem.js';

/**
 * Turns zod issues into Problems. Messages are already worded by the schemas and
 * `genericErrorMap`; codes are zod's, except `unknown_field` for unrecognized keys and the
 * rule's own code (`duplicate_id`, `unknown_reference`, …) for cross-field rules.
 */
export function problemsFromIssues(issues: readonly z.core.$ZodIssue[]): Problem[] {
  return issues.map((issue) => ({
    path: issue.path.map((part) => (typeof part === 'symbol' ? String(part) : part)),
    code: problemCode(issue),
    message: issue.message,
  }));
}

function problemCode(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return 'unknown_field';
  if (issue.code === 'custom') {
    const code: unknown = issue.params?.['code'];
    return typeof code === 'string' ? code : 'custom';
  }
  return issue.code;
}
