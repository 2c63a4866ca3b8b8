/** Duplicate keys within one feed file: the first row stands, each repeat is a problem. */
import type { ReadFile } from './any-table.js';

/** Adds a problem to every row whose key an earlier row of the same file already has. */
export function checkDuplicateKeys({ spec, table }: ReadFile): void {
  const key = spec.key;
  if (key === undefined || table.fileProblems.length > 0) return;
  const first = new Map<string, number>();
  for (const row of table.rows) {
    const parts = key.columns.map((c) => row.reader.raw(c));
    if (parts.some((p) => p === '')) continue;
    const text = parts.join(', ');
    const line = first.get(text);
    if (line === undefined) first.set(text, row.line);
    else {
      row.reader.problem(
        key.columns[key.columns.length - 1],
        `duplicate ${key.what} "${text}": line ${line} already has it; keep one of the two rows`,
      );
    }
  }
}
