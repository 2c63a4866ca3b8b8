import { z } from 'zod';
import { expectedFound } from './describe-input.js';
import { genericErrorMap } from './error-map.js';
import { compileCheck, isPlainObject, registerCheck } from './compile-check.js';
import { JSON_SCHEMA_OPTIONS } from './json-schema-options.js';
import { isRecord } from './unknown-reader.js';

/** Words the problem when the input holds none, or several, of the keys. */
export type KindProblem = (input: Record<string, unknown>, present: readonly string[]) => string;

/**
 * A union of objects told apart by which key is present (`side` → a trade, `split` → a split…).
 * Unlike a bare `z.union`, whose failure lists every branch's complaints, it picks the branch by
 * its key, parses the input with that branch only, and reports only its problems; with none or
 * several keys present it says `expected exactly one of side, split, …`. The inferred type is
 * the union of the branches' types, and the JSON Schema their `anyOf`.
 *
 * @example
 * const Target = keyedUnion({ security: SecurityTarget, model: SubModelTarget });
 */
export function keyedUnion<B extends Record<string, z.ZodType>>(
  branches: B,
  kindProblem: KindProblem = defaultKindProblem(Object.keys(branches)),
) {
  type Kind = z.output<B[keyof B]>;
  const keys = Object.keys(branches);
  const anyOf = Object.values(branches).map((branch) => {
    const json = z.toJSONSchema(branch, JSON_SCHEMA_OPTIONS);
    delete json.$schema;
    return json;
  });
  const schema = z
    .unknown()
    .transform((input, ctx): Kind => {
      // On failure the raw input is passed on, so rules across the document still see it.
      if (!isRecord(input)) {
        const message = expectedFound('an object', input);
        ctx.addIssue({ code: 'invalid_type', expected: 'object', input, message });
        return input as Kind;
      }
      const present = keys.filter((key) => Object.hasOwn(input, key));
      const branch = present.length === 1 ? branches[present[0]!] : undefined;
      if (branch === undefined) {
        const message = kindProblem(input, present);
        ctx.addIssue({ code: 'custom', message, params: { code: 'invalid_kind' } });
        return input as Kind;
      }
      // Parse options slow zod's fast path, so the error map is passed only to word a failure.
      const result = branch.safeParse(input);
      if (result.success) return result.data as Kind;
      const worded = branch.safeParse(input, { error: genericErrorMap });
      for (const issue of worded.error?.issues ?? []) ctx.addIssue({ ...issue });
      return input as Kind;
    })
    .meta({ anyOf });
  // The fast path's predicate (fast-path.ts): exactly one branch key, and that branch's check.
  registerCheck(schema, () => {
    const checks = keys.map((key) => compileCheck(branches[key]!));
    if (checks.some((c) => c === null)) return null;
    return (v) => {
      if (!isPlainObject(v)) return false;
      let found = -1;
      for (let i = 0; i < keys.length; i++) {
        if (!Object.hasOwn(v, keys[i]!)) continue;
        if (found >= 0) return false;
        found = i;
      }
      return found >= 0 && checks[found]!(v);
    };
  });
  return schema;
}

/** `expected exactly one of a, b, c, found none` (or `found a and b`). */
export function defaultKindProblem(keys: readonly string[]): KindProblem {
  return (_input, present) =>
    `expected exactly one of ${keys.join(', ')}, found ${
      present.length === 0 ? 'none' : present.join(' and ')
    }`;
}
