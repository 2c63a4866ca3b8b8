import type { z } from 'zod';
import type { Problem } from '../domain/problem.js';
import { registerRuleCheck } from './compile-check.js';

/**
 * A cross-field rule: reads a possibly malformed value (see `unknown-reader.ts`) and returns the
 * problems it finds, with paths relative to that value.
 */
export type Rule = (value: unknown) => Problem[];

/**
 * Attaches rules to a schema. They run even when parts of the value failed their own checks, so
 * one parse reports every problem; each problem keeps its `code` in the issue's params.
 *
 * @example
 * const Model = withRules(strictObject({ id: IdSchema, targets }), weightsSumToAtMostOne);
 */
export function withRules<T extends z.ZodType>(schema: T, ...rules: Rule[]): T {
  const refined = schema.superRefine(
    (value, ctx) => {
      for (const rule of rules) {
        for (const problem of rule(value)) {
          ctx.addIssue({
            code: 'custom',
            path: problem.path,
            message: problem.message,
            params: { code: problem.code },
          });
        }
      }
    },
    { when: () => true },
  );
  // The rules are pure tests of the value, so the validation fast path may run them itself.
  registerRuleCheck(refined, (value) => rules.every((rule) => rule(value).length === 0));
  return refined;
}
