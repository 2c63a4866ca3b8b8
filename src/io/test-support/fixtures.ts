/** Test helpers: the spec's example documents, edits by JSON path, problems as readable lines. */
import { readFileSync } from 'node:fs';
import { formatProblems } from '../../domain/problem.js';
import type { ParseResult } from '../parse-result.js';
import type { JsonPath } from '../problem-helpers.js';

/** The example documents of docs/interchange.md, as JSON files under `src/io/fixtures/`. */
export type FixtureName =
  'ledger-request' | 'ledger-response' | 'rebalance-request' | 'rebalance-response';

/** A fresh copy of a fixture document. */
export function fixture(name: FixtureName): unknown {
  const url = new URL(`../fixtures/${name}.json`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as unknown;
}

/** Marks a field to delete in `edited`. */
export const REMOVE = Symbol('remove');

/**
 * A copy of `document` with each change applied: the value at the path is set (the last step
 * may be a new key or the next array index), or deleted for `REMOVE`.
 *
 * @example
 * edited(fixture('ledger-request'), [['transactions', 0, 'quantity'], -5]);
 */
export function edited(document: unknown, ...changes: [JsonPath, unknown][]): unknown {
  const copy = structuredClone(document);
  for (const [path, value] of changes) {
    let parent: unknown = copy;
    for (const step of path.slice(0, -1)) parent = child(parent, step);
    const last = path.at(-1);
    if (typeof parent !== 'object' || parent === null || last === undefined) {
      throw new Error(`cannot edit ${formatProblems([{ path, code: '', message: '' }])}`);
    }
    const target = parent as Record<string | number, unknown>;
    if (value === REMOVE) Reflect.deleteProperty(target, last);
    else target[last] = value;
  }
  return copy;
}

function child(value: unknown, step: string | number): unknown {
  if (typeof value !== 'object' || value === null) throw new Error(`no ${String(step)} here`);
  return (value as Record<string | number, unknown>)[step];
}

/** The problems of a result as `path: message` lines (none when it parsed). */
export function problemLines(result: ParseResult<unknown>): string[] {
  return result.ok ? [] : formatProblems(result.problems).split('\n');
}

/** The problem codes of a result, in order. */
export function problemCodes(result: ParseResult<unknown>): string[] {
  return result.ok ? [] : result.problems.map((p) => p.code);
}
