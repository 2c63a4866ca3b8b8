import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { setFastPaths } from './fast-path.js';
import { parseLedgerRequest, parseRebalanceRequest } from './index.js';
import { LEDGER_FAST_PATHS } from './ledger-request-schema.js';
import { REBALANCE_FAST_PATHS } from './rebalance-request-schema.js';
import { fixture, type FixtureName } from './test-support/fixtures.js';

describe('installFastPaths', () => {
  it('covers every collection of a rebalance request', () => {
    expect(REBALANCE_FAST_PATHS).toEqual([
      '$.securities',
      '$.models',
      '$.riskModel.factors',
      '$.riskModel.exposures',
      '$.riskModel.factorCovariance',
      '$.riskModel.specificVariance',
      '$.accounts',
    ]);
  });

  it('covers every collection of a ledger request', () => {
    expect(LEDGER_FAST_PATHS).toEqual([
      '$.accounts',
      '$.washGroups',
      '$.transactions',
      '$.openingLots',
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

const PARSERS = {
  'rebalance-request': parseRebalanceRequest,
  'ledger-request': parseLedgerRequest,
} satisfies Partial<Record<FixtureName, (input: unknown) => unknown>>;

describe.each(Object.entries(PARSERS))('%s with and without the fast path', (name, parse) => {
  const request = fixture(name as FixtureName);
  const paths = pathsOf(request);

  const both = (doc: unknown) => {
    const fast = parse(structuredClone(doc));
    const was = setFastPaths(false);
    try {
      return { fast, zod: parse(structuredClone(doc)) };
    } finally {
      setFastPaths(was);
    }
  };

  it('gives the same result for the spec example', () => {
    const { fast, zod } = both(request);
    expect(fast).toMatchObject({ ok: true });
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
