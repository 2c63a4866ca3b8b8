/**
 * Deeply nested JSON parses fine but overflows the call stack of whatever walks it recursively
 * afterwards (the NUL check, zod, the engine) — a 500 for bad input. Requests are checked for
 * depth up front, without recursion, so it is a 400 naming where the nesting went too deep.
 */
import type { ApiProblem } from '../contract/index.js';

/** The deepest nesting of arrays and objects a request may have; the documents need far less. */
export const MAX_JSON_DEPTH = 64;

/** A problem at the first array or object nested deeper than {@link MAX_JSON_DEPTH}, or null. */
export function depthProblem(value: unknown, path: (string | number)[] = []): ApiProblem | null {
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value, path }];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const v = next.value;
    if (v === null || typeof v !== 'object') continue;
    const depth = next.path.length - path.length;
    if (depth >= MAX_JSON_DEPTH)
      return {
        path: next.path,
        code: 'too_deep',
        message: `arrays and objects may nest at most ${MAX_JSON_DEPTH} levels deep; flatten this value`,
      };
    const entries: [string | number, unknown][] = Array.isArray(v)
      ? v.map((item: unknown, i) => [i, item])
      : Object.entries(v);
    // Reversed onto the stack, so that the first offender in document order is the one named.
    for (const [k, item] of entries.reverse()) stack.push({ value: item, path: [...next.path, k] });
  }
  return null;
}
