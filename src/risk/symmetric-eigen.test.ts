import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { symmetricEigen } from './symmetric-eigen.js';

function residual(a: Float64Array, n: number, value: number, vector: Float64Array): number {
  let worst = 0;
  for (let i = 0; i < n; i++) {
    let av = 0;
    for (let j = 0; j < n; j++) av += a[i * n + j]! * vector[j]!;
    worst = Math.max(worst, Math.abs(av - value * vector[i]!));
  }
  return worst;
}

describe('symmetricEigen', () => {
  it('decomposes a known 3 × 3 matrix', () => {
    // [[2,-1,0],[-1,2,-1],[0,-1,2]] has eigenvalues 2 + √2, 2, 2 − √2.
    const a = Float64Array.from([2, -1, 0, -1, 2, -1, 0, -1, 2]);
    const { values, vectors } = symmetricEigen(a, 3);
    expect([...values]).toEqual([
      expect.closeTo(2 + Math.SQRT2, 12),
      expect.closeTo(2, 12),
      expect.closeTo(2 - Math.SQRT2, 12),
    ]);
    // The top eigenvector is ±(1/2, −1/√2, 1/2).
    const top = vectors[0]!;
    const sign = Math.sign(top[0]!);
    expect([...top].map((x) => x * sign)).toEqual([
      expect.closeTo(0.5, 12),
      expect.closeTo(-Math.SQRT1_2, 12),
      expect.closeTo(0.5, 12),
    ]);
  });

  it('handles an indefinite matrix and a repeated eigenvalue', () => {
    const a = Float64Array.from([0, 1, 0, 1, 0, 0, 0, 0, 1]);
    expect([...symmetricEigen(a, 3).values]).toEqual([
      expect.closeTo(1, 12),
      expect.closeTo(1, 12),
      expect.closeTo(-1, 12),
    ]);
  });

  it('rejects a wrongly sized matrix', () => {
    expect(() => symmetricEigen(new Float64Array(5), 2)).toThrow(RangeError);
  });

  it('gives orthonormal eigenvectors with small residuals for random symmetric matrices', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }),
        fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: 64, maxLength: 64 }),
        (n, entries) => {
          const a = new Float64Array(n * n);
          for (let i = 0; i < n; i++) {
            for (let j = 0; j <= i; j++) {
              a[i * n + j] = a[j * n + i] = entries[i * 8 + j]!;
            }
          }
          const { values, vectors } = symmetricEigen(a, n);
          for (let j = 0; j < n; j++) {
            expect(residual(a, n, values[j]!, vectors[j]!)).toBeLessThan(1e-9);
            if (j > 0) expect(values[j]!).toBeLessThanOrEqual(values[j - 1]!);
            for (let l = 0; l < n; l++) {
              let dot = 0;
              for (let i = 0; i < n; i++) dot += vectors[j]![i]! * vectors[l]![i]!;
              expect(dot).toBeCloseTo(j === l ? 1 : 0, 9);
            }
          }
        },
      ),
    );
  });
});
