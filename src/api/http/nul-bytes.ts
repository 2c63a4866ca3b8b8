/**
 * PostgreSQL text cannot hold the NUL character (U+0000): a value carrying one would fail in the
 * store as a 500. Requests are checked for it up front, so it is a 400 naming the field.
 */
import type { ApiProblem } from '../contract/index.js';

/** The first string inside `value` (keys included) that holds U+0000, as a problem at its path. */
export function nulProblem(value: unknown, path: (string | number)[] = []): ApiProblem | null {
  if (typeof value === 'string')
    return value.includes('\u0000')
      ? { path, code: 'invalid_string', message: 'text may not contain the NUL character (U+0000)' }
      : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const p = nulProblem(value[i], [...path, i]);
      if (p) return p;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const p = nulProblem(k, [...path, k]) ?? nulProblem(v, [...path, k]);
      if (p) return p;
    }
  }
  return null;
}
