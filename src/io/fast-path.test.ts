import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { setFastPaths } from './fast-path.js';
import { parseRebalanceRequest } from './index.js';
import { REBALANCE_FAST_PATHS } from './rebalance-request-schema.js';
import { fixture } from './test-support/fixtures.js';

describe('installFastPaths on the rebalance request', () => {
  it('covers the large collections of a household', () => {
    expect(REBALANCE_FAST_PATHS).toEqual([
      '$.securities',
      '$.models[].targets',
      '$.riskModel.factors',
      '$.riskModel.exposures',
      '$.riskModel.factorCovariance',
      '$.riskModel.specificVariance',
      '$.accounts[].lots',
      '$.accounts[].recentTrades',
      '$.accounts[].settings.restrictions',
      '$.accounts[].settings.substitutions',
    ]);
  });
});

/** Every path to a value in a JSON document. */
function pathsOf(doc: unknown, at: (string | number)[] = []): (string | number)[][] {
  const out = [at];
  if (Array.isArray(doc)) doc.forEach((v, i) => out.push(...pathsOf(v, [...at, i])));
  else if (typeof doc === 'object' && doc !== null)
    for (const [k, v] of Object.entries(doc)) out.push(...pathsOf(v, [...at, k]));
  return out;
}

const REPLACEMENTS: unknown[] = [
  null,
  -1,
  0,
  0.5,
  2,
  Number.NaN,
  '',
  'S1',
  '2023-02-29',
  '2024-01-02',
  [],
  {},
  true,
];

/** A copy of `doc` with the value at `path` deleted (how 0), given one more entry (1) or replaced. */
function mutate(doc: unknown, path: (string | number)[], how: number, value: unknown): unknown {
  const copy = structuredClone(doc);
  if (path.length === 0) return value;
  let parent = copy as Record<string | number, unknown>;
  for (const step of path.slice(0, -1)) parent = parent[step] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (how === 0) Reflect.deleteProperty(parent, last);
  else if (how === 1 && typeof parent[last] === 'object' && parent[last] !== null) {
    // An extra key on an object; arrays take no named keys in JSON (see fast-path.ts).
    if (Array.isArray(parent[last])) (parent[last] as unknown[]).push(value);
    else (parent[last] as Record<string, unknown>).extra = value;
  } else parent[last] = value;
  return copy;
}

describe('parseRebalanceRequest with and without the fast path', () => {
  const request = fixture('rebalance-request');
  const paths = pathsOf(request);

  const both = (doc: unknown) => {
    const fast = parseRebalanceRequest(structuredClone(doc));
    const was = setFastPaths(false);
    try {
      return { fast, zod: parseRebalanceRequest(structuredClone(doc)) };
    } finally {
      setFastPaths(was);
    }
  };

  it('gives the same result for the spec example', () => {
    const { fast, zod } = both(request);
    expect(fast.ok).toBe(true);
    expect(fast).toStrictEqual(zod);
  });

  it('gives the same value or the same problems for any one edit', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: paths.length - 1 }),
        fc.integer({ min: 0, max: 3 }),
        fc.constantFrom(...REPLACEMENTS),
        (p, how, value) => {
          const { fast, zod } = both(mutate(request, paths[p]!, how, value));
          expect(fast).toStrictEqual(zod);
        },
      ),
      { numRuns: 400 },
    );
  });
});
