import type { JsonPath, Occurrence } from './problem-helpers.js';
import { textAt } from './unknown-reader.js';

/**
 * The non-empty string `key` of each item of a list, with its path (`at` is the list's path).
 *
 * @example
 * occurrences(accounts, ['accounts'], 'id'); // [{ id: 'A1', path: ['accounts', 0, 'id'] }, …]
 */
export function occurrences(list: readonly unknown[], at: JsonPath, key: string): Occurrence[] {
  return list.flatMap((item, i) => {
    const id = textAt(item, key);
    return id === undefined ? [] : [{ id, path: [...at, i, key] }];
  });
}
