import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cscFromTriplets } from './csc.js';

describe('cscFromTriplets', () => {
  it('sorts rows within each column and sums duplicates', () => {
    const M = cscFromTriplets(3, 2, [2, 0, 2, 1, 0], [0, 0, 0, 1, 1], [1, 2, 3, 4, 5]);
    expect([...M.colPtr]).toEqual([0, 2, 4]);
    expect([...M.rowIdx]).toEqual([0, 2, 0, 1]);
    expect([...M.values]).toEqual([2, 4, 5, 4]);
  });

  it('names an entry outside the matrix', () => {
    expect(() => cscFromTriplets(2, 2, [0, 2], [0, 1], [1, 1])).toThrow(
      'entry (2, 1) outside a 2×2',
    );
  });

  it('matches a dense accumulation for random triplets', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 6 }),
        fc.array(fc.tuple(fc.nat(), fc.nat(), fc.integer({ min: -9, max: 9 })), { maxLength: 40 }),
        (nr, nc, raw) => {
          const t = raw.map(([i, j, v]) => [i % nr, j % nc, v] as const);
          const M = cscFromTriplets(
            nr,
            nc,
            t.map((e) => e[0]),
            t.map((e) => e[1]),
            t.map((e) => e[2]),
          );
          const dense = Array.from({ length: nr * nc }, () => 0);
          for (const [i, j, v] of t) dense[i * nc + j]! += v;
          const fromCsc = Array.from({ length: nr * nc }, () => 0);
          for (let j = 0; j < nc; j++) {
            for (let p = M.colPtr[j]!; p < M.colPtr[j + 1]!; p++) {
              if (p > M.colPtr[j]!) expect(M.rowIdx[p]!).toBeGreaterThan(M.rowIdx[p - 1]!);
              fromCsc[M.rowIdx[p]! * nc + j] = M.values[p]!;
            }
          }
          expect(fromCsc).toEqual(dense);
        },
      ),
      { seed: 20261203, numRuns: 300 },
    );
  });
});
