/**
 * Every field of the spec's example requests, spoiled, is named by its path: a value of the
 * wrong type at any leaf, and a field nobody asked for in any object. Exhaustive over the
 * examples' leaves and objects (about 500 documents), so a schema change that loses a path
 * (an error reported at the parent, or an input quietly accepted) fails here.
 */
import { describe, expect, it } from 'vitest';
import { parseLedgerRequest, parseRebalanceRequest } from './index.js';
import type { ParseResult } from './parse-result.js';
import type { JsonPath } from './problem-helpers.js';
import { edited, fixture, type FixtureName } from './test-support/fixtures.js';

/** Every scalar (or null) in `value`, with its path. */
function leaves(value: unknown, path: JsonPath = []): [JsonPath, unknown][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, [...path, i]));
  if (value !== null && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, k]));
  return [[path, value]];
}

/** Every object (not array) in `value`, by path. */
function objects(value: unknown, path: JsonPath = []): JsonPath[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => objects(v, [...path, i]));
  if (value === null || typeof value !== 'object') return [];
  return [path, ...Object.entries(value).flatMap(([k, v]) => objects(v, [...path, k]))];
}

/** Records keyed by security id: a new key there is an unknown security, not an unknown field. */
const BY_SECURITY = ['riskModel.exposures', 'riskModel.specificVariance'];

const cases: [FixtureName, (input: unknown) => ParseResult<unknown>][] = [
  ['rebalance-request', parseRebalanceRequest],
  ['ledger-request', parseLedgerRequest],
];

const pathsOf = (r: ParseResult<unknown>) => (r.ok ? [] : r.problems.map((p) => p.path.join('.')));

describe.each(cases)('the %s example, spoiled field by field', (name, parse) => {
  const document = fixture(name);

  it('is valid as it stands', () => {
    expect(parse(document).ok).toBe(true);
  });

  it('names the path of every leaf given a value of the wrong type', () => {
    const unnamed: string[] = [];
    for (const [path, value] of leaves(document)) {
      const wrong = [{ wrong: true }, [], typeof value === 'string' ? 12 : 'x'];
      for (const bad of wrong) {
        const paths = pathsOf(parse(edited(document, [path, bad])));
        if (!paths.includes(path.join('.')))
          unnamed.push(
            `${path.join('.')} = ${JSON.stringify(bad)}: ${paths.join(', ') || 'accepted'}`,
          );
      }
    }
    expect(unnamed).toEqual([]);
  });

  it('names every object given a field it does not have', () => {
    const unnamed: string[] = [];
    for (const path of objects(document)) {
      const at = path.join('.');
      const result = parse(edited(document, [[...path, 'zzUnknown'], 1]));
      const problems = result.ok ? [] : result.problems;
      const named = BY_SECURITY.includes(at)
        ? problems.some((p) => p.path.join('.') === `${at}.zzUnknown`)
        : problems.some((p) => p.path.join('.') === at && p.code === 'unknown_field');
      if (!named) unnamed.push(`${at}: ${pathsOf(result).join(', ') || 'accepted'}`);
    }
    expect(unnamed).toEqual([]);
  });
});
