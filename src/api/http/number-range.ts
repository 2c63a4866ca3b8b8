/**
 * The interchange schemas take any finite number, but the engine's solver squares and sums
 * them: a cash of 1e308 became Infinity inside it and failed as a 500. The stateless routes
 * check magnitudes up front, so it is a 400 naming the number.
 */
import type { ApiProblem } from '../contract/index.js';

/** The largest magnitude a number in a stateless request may have: a trillion (USD, shares). */
export const MAX_MAGNITUDE = 1e12;

/** A problem at the first number in `value` beyond ±{@link MAX_MAGNITUDE}, or null. */
export function magnitudeProblem(
  value: unknown,
  path: (string | number)[] = [],
): ApiProblem | null {
  // Without recursion: the depth was bounded on the way in, but a loop needs no such promise.
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value, path }];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const v = next.value;
    if (typeof v === 'number' && Math.abs(v) > MAX_MAGNITUDE)
      return {
        path: next.path,
        code: 'too_big',
        message: `expected a number from -${MAX_MAGNITUDE} to ${MAX_MAGNITUDE}, found ${v}`,
      };
    if (v === null || typeof v !== 'object') continue;
    const entries: [string | number, unknown][] = Array.isArray(v)
      ? v.map((item: unknown, i) => [i, item])
      : Object.entries(v);
    // Reversed onto the stack, so that the first offender in document order is the one named.
    for (const [k, item] of entries.reverse()) stack.push({ value: item, path: [...next.path, k] });
  }
  return null;
}
