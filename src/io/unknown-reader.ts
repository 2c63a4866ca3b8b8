/**
 * Readers for input that may be malformed. Cross-field rules run even when some fields failed
 * their own checks (so every problem is reported at once); they read through these and skip
 * whatever is not the shape they need, since that is already reported.
 */

/** True for a plain JSON object. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `value[key]` when `value` is an object, else undefined. */
export function field(value: unknown, key: string): unknown {
  return isRecord(value) && Object.hasOwn(value, key) ? value[key] : undefined;
}

/** `value[key]` when it is an array, else []. */
export function listAt(value: unknown, key: string): readonly unknown[] {
  const found = field(value, key);
  return Array.isArray(found) ? found : [];
}

/** `value[key]` when it is a non-empty string, else undefined. */
export function textAt(value: unknown, key: string): string | undefined {
  const found = field(value, key);
  return typeof found === 'string' && found.length > 0 ? found : undefined;
}

/** `value[key]` when it is a finite number, else undefined. */
export function numberAt(value: unknown, key: string): number | undefined {
  const found = field(value, key);
  return typeof found === 'number' && Number.isFinite(found) ? found : undefined;
}
