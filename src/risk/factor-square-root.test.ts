import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { factorSquareRoot, whitenedExposure } from './factor-square-root.js';

/** G Gᵀ, k × k row-major. */
function square(G: Float64Array, k: number): Float64Array {
  const F = new Float64Array(k * k);
  for (let a = 0; a < k; a++)
    for (let b = 0; b < k; b++) {
      let s = 0;
      for (let t = 0; t < k; t++) s += G[a * k + t]! * G[b * k + t]!;
      F[a * k + b] = s;
    }
  return F;
}

/** B Bᵀ for a k × r matrix B: PSD of rank ≤ r. */
function psd(entries: number[], k: number, r: number): Float64Array {
  const B = entries.slice(0, k * r);
  const F = new Float64Array(k * k);
  for (let a = 0; a < k; a++)
    for (let b = 0; b < k; b++) {
      let s = 0;
      for (let t = 0; t < r; t++) s += B[a * r + t]! * B[b * r + t]!;
      F[a * k + b] = s;
    }
  return F;
}

const maxAbs = (a: Float64Array): number => a.reduce((m, v) => Math.max(m, Math.abs(v)), 0);

describe('factorSquareRoot', () => {
  it('reproduces a dense covariance and is lower triangular', () => {
    const F = Float64Array.of(0.04, 0.01, 0.002, 0.01, 0.09, -0.003, 0.002, -0.003, 0.0025);
    const { G } = factorSquareRoot(F, 3);
    expect([G[1], G[2], G[5]]).toEqual([0, 0, 0]);
    const FF = square(G, 3);
    FF.forEach((v, i) => expect(v).toBeCloseTo(F[i]!, 15));
  });

  it('takes the square roots of a diagonal covariance', () => {
    const root = factorSquareRoot([0.04, 0, 0, 0.0009], 2);
    expect([...root.G]).toEqual([0.2, 0, 0, 0.03]);
    expect(root.diagonal).toBe(true);
  });

  it('leaves the column of a zero-variance factor zero', () => {
    const { G } = factorSquareRoot([0.04, 0, 0, 0, 0, 0, 0, 0, 0.01], 3);
    expect([...G]).toEqual([0.2, 0, 0, 0, 0, 0, 0, 0, 0.1]);
  });

  it('G Gᵀ = F for random PSD covariances, full rank or not', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 1, max: 8 }),
        fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 64, maxLength: 64 }),
        (k, r, entries) => {
          const F = psd(entries, k, r);
          const { G } = factorSquareRoot(F, k);
          const err = maxAbs(square(G, k).map((v, i) => v - F[i]!));
          expect(err).toBeLessThanOrEqual(1e-7 * Math.max(1, maxAbs(F)));
        },
      ),
      { seed: 20261203, numRuns: 300 },
    );
  });
});

describe('whitenedExposure', () => {
  it('gives the same factor variance: x F xᵀ = ‖x G‖²', () => {
    const F = Float64Array.of(0.04, 0.01, 0.01, 0.09);
    const x = Float64Array.of(1.2, -0.4);
    const root = factorSquareRoot(F, 2);
    expect(root.diagonal).toBe(false);
    const g = whitenedExposure(x, root, new Float64Array(2));
    const direct = 0.04 * 1.44 + 2 * 0.01 * 1.2 * -0.4 + 0.09 * 0.16;
    expect(g[0]! ** 2 + g[1]! ** 2).toBeCloseTo(direct, 15);
    const d = whitenedExposure(x, factorSquareRoot([0.04, 0, 0, 0.09], 2), new Float64Array(2));
    expect(d[0]).toBeCloseTo(0.24, 15);
    expect(d[1]).toBeCloseTo(-0.12, 15);
  });

  it('writes one row of a matrix from `at` on, and nothing else', () => {
    const x = Float64Array.of(1.2, -0.4);
    for (const F of [
      [0.04, 0.01, 0.01, 0.09],
      [0.04, 0, 0, 0.09],
    ]) {
      const root = factorSquareRoot(F, 2);
      const rows = new Float64Array(6).fill(7);
      whitenedExposure(x, root, rows, 2);
      expect([...rows]).toEqual([7, 7, ...whitenedExposure(x, root, new Float64Array(2)), 7, 7]);
    }
  });
});
