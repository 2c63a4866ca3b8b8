import { describe, expect, it } from 'vitest';
import { symmetricEigen } from './symmetric-eigen.js';
import { topEigenpairs } from './top-eigenpairs.js';

/** A symmetric PSD matrix Q diag(d) Qᵀ with Q from the eigenvectors of a fixed symmetric matrix. */
function knownSpectrum(d: number[]): Float64Array {
  const n = d.length;
  const seed = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) seed[i * n + j] = seed[j * n + i] = Math.sin(1 + i * 7 + j * 3);
  }
  const q = symmetricEigen(seed, n).vectors;
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let sum = 0;
      for (let l = 0; l < n; l++) sum += q[l]![i]! * d[l]! * q[l]![j]!;
      a[i * n + j] = sum;
    }
  }
  return a;
}

describe('topEigenpairs', () => {
  it('finds the top eigenvalues of a matrix with a known spectrum', () => {
    const n = 60;
    const d = Array.from({ length: n }, (_, i) => 100 / (i + 1));
    const top = topEigenpairs(knownSpectrum(d), n, 5);
    expect(top.converged).toBe(true);
    expect([...top.values]).toEqual(d.slice(0, 5).map((x) => expect.closeTo(x, 8)));
  });

  it('agrees with the full Jacobi decomposition on eigenvectors (up to sign)', () => {
    const n = 40;
    const a = knownSpectrum(Array.from({ length: n }, (_, i) => Math.exp(-i / 4)));
    const full = symmetricEigen(a, n);
    const top = topEigenpairs(a, n, 4, { oversampling: 6 });
    for (let j = 0; j < 4; j++) {
      let dot = 0;
      for (let i = 0; i < n; i++) dot += full.vectors[j]![i]! * top.vectors[j]![i]!;
      expect(Math.abs(dot)).toBeCloseTo(1, 8);
    }
  });

  it('is deterministic and reports non-convergence when capped', () => {
    const n = 30;
    const a = knownSpectrum(Array.from({ length: n }, (_, i) => 1 + 1e-3 * (n - i)));
    const capped = topEigenpairs(a, n, 3, { oversampling: 1, maxIterations: 2 });
    expect(capped.converged).toBe(false);
    expect(capped.iterations).toBe(2);
    expect(topEigenpairs(a, n, 3, { maxIterations: 2 }).values).toEqual(
      topEigenpairs(a, n, 3, { maxIterations: 2 }).values,
    );
  });

  it('rejects k outside [1, n]', () => {
    expect(() => topEigenpairs(new Float64Array(4), 2, 3)).toThrow(RangeError);
  });
});
