/**
 * How an unexpected error is written to the server log: its stack and its causes — but never a
 * failed query's parameters, which can hold a session's CSRF token or a password hash.
 */

/** The error as log text, query parameters left out. */
export function errorText(error: unknown, depth = 0): string {
  if (!(error instanceof Error)) return String(error ?? '');
  const text = (error.stack ?? `${error.name}: ${error.message}`)
    .split('\n')
    .filter((line) => !/^\s*params:/.test(line))
    .join('\n');
  const cause =
    error.cause !== undefined && depth < 5
      ? `\ncaused by: ${errorText(error.cause, depth + 1)}`
      : '';
  return `${text}${cause}`;
}

/** The default log: standard error. */
export function logToStderr(message: string, error?: unknown): void {
  console.error(`tailor serve: ${message}`, errorText(error));
}
