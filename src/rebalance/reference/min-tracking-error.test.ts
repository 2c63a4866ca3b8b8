import { describe, expect, it } from 'vitest';
import { minTrackingError } from './min-tracking-error.js';
import type { DenseMatrix } from './risk-matrix.js';

/** Σ = f ββᵀ + s I: one factor with unit exposures, equal specific variance. */
function oneFactor(n: number, f: number, s: number): DenseMatrix {
  const values = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) values[i * n + j] = f + (i === j ? s : 0);
  return { n, values };
}

describe('minTrackingError', () => {
  const f = 0.04;
  const s = 0.09;
  const benchmark = Float64Array.from([1 / 3, 1 / 3, 1 / 3]);
  const allowed = [true, true, false];

  it('fully invested: the screened third spreads evenly, TE² = s / 6', () => {
    const r = minTrackingError({
      covariance: oneFactor(3, f, s),
      benchmark,
      set: { allowed, budget: 1, rule: 'equal' },
    });
    expect(r.converged).toBe(true);
    expect(Array.from(r.weights)).toEqual([expect.closeTo(0.5, 6), expect.closeTo(0.5, 6), 0]);
    expect(r.trackingError).toBeCloseTo(Math.sqrt(s / 6), 8);
    expect(r.trackingErrorLowerBound).toBeLessThanOrEqual(r.trackingError);
  });

  it('cash allowed: each weight is (f + s/3) / (2f + s), below the full half', () => {
    const r = minTrackingError({
      covariance: oneFactor(3, f, s),
      benchmark,
      set: { allowed, budget: 1, rule: 'atMost' },
    });
    const x = (f + s / 3) / (2 * f + s);
    expect(r.weights[0]).toBeCloseTo(x, 6);
    expect(r.weights[1]).toBeCloseTo(x, 6);
    const te2 = f * (2 * x - 1) ** 2 + s * (2 * (x - 1 / 3) ** 2 + 1 / 9);
    expect(r.trackingError).toBeCloseTo(Math.sqrt(te2), 8);
  });

  it('a ridge pulls toward the benchmark and stays certified', () => {
    const r = minTrackingError({
      covariance: oneFactor(3, f, s),
      benchmark: Float64Array.from([0.6, 0.3, 0.1]),
      set: { allowed: [true, true, true], budget: 1, rule: 'equal' },
      ridge: 1e-4,
    });
    expect(r.trackingError).toBeLessThan(1e-6);
    expect(r.gap).toBeLessThanOrEqual(1e-13);
  });
});
