/**
 * Freezes `value` and everything it reaches, so that any write to it, at any depth, throws (in
 * strict mode, which every module is): the tests' proof that code leaves its input as it found
 * it. A parsed request is the caller's own object (see io/fast-path.ts), so nothing may write to it.
 */
export function deepFreeze(value: unknown): void {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const v of Object.values(value)) deepFreeze(v);
}
