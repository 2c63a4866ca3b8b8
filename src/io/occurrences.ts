import type { Problem } from '../domain/problem.js';
import { duplicateProblem, type JsonPath, type Occurrence } from './problem-helpers.js';
import { textAt } from './unknown-reader.js';

/** Item `index` of the list at `at`, named `id` by its `key`; its path is built when asked for. */
class ListOccurrence implements Occurrence {
  constructor(
    readonly id: string,
    private readonly at: JsonPath,
    private readonly index: number,
    private readonly key: string,
  ) {}

  /** `[...at, index, key]`: only a problem needs it, so a clean input never builds one. */
  get path(): JsonPath {
    return [...this.at, this.index, this.key];
  }
}

/**
 * The non-empty string `key` of each item of a list, with its path (`at` is the list's path).
 *
 * @example
 * occurrences(accounts, ['accounts'], 'id'); // [{ id: 'A1', path: ['accounts', 0, 'id'] }, …]
 */
export function occurrences(list: readonly unknown[], at: JsonPath, key: string): Occurrence[] {
  const out: Occurrence[] = [];
  for (let i = 0; i < list.length; i++) {
    const id = textAt(list[i], key);
    if (id !== undefined) out.push(new ListOccurrence(id, at, i, key));
  }
  return out;
}

/** The non-empty string `key` of each item of a list, in order (items without one skipped). */
export function idsOf(list: readonly unknown[], key: string): string[] {
  const ids: string[] = [];
  for (const item of list) {
    const id = textAt(item, key);
    if (id !== undefined) ids.push(id);
  }
  return ids;
}

/**
 * `duplicateProblems(occurrences(list, at, key), label, advice)` without an object per item (a
 * large request has thousands of lot ids, nearly always unique): the same problems, in order.
 */
export function listDuplicates(
  list: readonly unknown[],
  at: JsonPath,
  key: string,
  label: string,
  advice: string,
): Problem[] {
  const first = new Map<string, number>();
  const problems: Problem[] = [];
  for (let i = 0; i < list.length; i++) {
    const id = textAt(list[i], key);
    if (id === undefined) continue;
    const earlier = first.get(id);
    if (earlier === undefined) first.set(id, i);
    else problems.push(duplicateProblem(id, [...at, i, key], [...at, earlier, key], label, advice));
  }
  return problems;
}
