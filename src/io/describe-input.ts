const MAX_TEXT = 40;

/**
 * Describes a value found in the input, for the "found …" half of a problem message.
 *
 * @example
 * describeInput(-5); // '-5'
 * describeInput('costbasis'); // '"costbasis"'
 * describeInput(undefined); // 'nothing (the field is missing)'
 */
export function describeInput(value: unknown): string {
  if (value === undefined) return 'nothing (the field is missing)';
  if (value === null) return 'null';
  if (typeof value === 'string') {
    const text = value.length > MAX_TEXT ? `${value.slice(0, MAX_TEXT)}…` : value;
    return JSON.stringify(text);
  }
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return String(value);
  }
  if (Array.isArray(value))
    return `an array of ${value.length} item${value.length === 1 ? '' : 's'}`;
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

/**
 * Formats a number for a message without floating-point noise (`1.0200000000000002` → `1.02`).
 */
export function formatNumber(value: number): string {
  return String(Number(value.toPrecision(12)));
}

/**
 * The standard problem message: what was expected and what was found.
 *
 * @example
 * expectedFound('a number greater than 0', -5); // 'expected a number greater than 0, found -5'
 */
export function expectedFound(expectation: string, input: unknown): string {
  return `expected ${expectation}, found ${describeInput(input)}`;
}

/** An error function for a zod schema that states `expectation` for any issue it raises. */
export function expecting(expectation: string): (issue: { input?: unknown }) => string {
  return (issue) => expectedFound(expectation, issue.input);
}
