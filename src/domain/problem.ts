/**
 * A problem found in input, as data (after Zod): where it is, what rule it breaks, what to change.
 * `path` is the JSON path into the request document, e.g. `['transactions', 3, 'quantity']`.
 */
export interface Problem {
  path: (string | number)[];
  code: string;
  message: string;
}

/** Formats a JSON path as `transactions[3].quantity` (`$` for the root). */
export function formatPath(path: readonly (string | number)[]): string {
  if (path.length === 0) return '$';
  return path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? part : `.${part}`))
    .join('');
}

/** Renders problems one per line as `path: message`. */
export function formatProblems(problems: readonly Problem[]): string {
  return problems.map((p) => `${formatPath(p.path)}: ${p.message}`).join('\n');
}
