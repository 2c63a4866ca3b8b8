import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createFactorRiskModel } from './factor-risk-model.js';
import { trackingError, trackingErrorVariance } from './tracking-error.js';

const model = createFactorRiskModel(
  ['mkt', 'size'],
  [0.04, 0.002, 0.002, 0.01],
  [
    { id: 'A', exposure: [1.2, 0.5], specificVariance: 0.09 },
    { id: 'B', exposure: [0.8, -0.5], specificVariance: 0.04 },
    { id: 'C', exposure: [1, 0], specificVariance: 0.01 },
  ],
);

describe('trackingErrorVariance', () => {
  it('matches a hand-computed two-factor example', () => {
    // a = (0.1, −0.1, 0): y = Xᵀa = (0.04, 0.1);
    // yᵀFy = 0.04·0.0016 + 2·0.002·0.004 + 0.01·0.01 = 0.000064 + 0.000016 + 0.0001 = 0.00018;
    // Σ s a² = 0.09·0.01 + 0.04·0.01 = 0.0013; total 0.00148.
    const active = new Map([
      ['A', 0.1],
      ['B', -0.1],
    ]);
    expect(trackingErrorVariance(model, active)).toBeCloseTo(0.00148, 15);
    expect(trackingError(model, active)).toBeCloseTo(Math.sqrt(0.00148), 15);
    const ids = ['A', 'B', 'C'];
    const weights = Float64Array.of(0.1, -0.1, 0);
    expect(trackingErrorVariance(model, ids, weights)).toBeCloseTo(0.00148, 15);
    expect(trackingError(model, ids, weights)).toBeCloseTo(Math.sqrt(0.00148), 15);
  });

  it('rejects mismatched weights and unknown securities with a weight', () => {
    expect(() => trackingErrorVariance(model, ['A', 'B'], Float64Array.of(1))).toThrow(RangeError);
    expect(() => trackingErrorVariance(model, new Map([['Z', 0.1]]))).toThrow(RangeError);
    expect(trackingErrorVariance(model, new Map([['Z', 0]]))).toBe(0);
  });

  const weights = fc.array(fc.double({ min: -1, max: 1, noNaN: true }), {
    minLength: 3,
    maxLength: 3,
  });
  const activeOf = (w: number[]) => new Map(['A', 'B', 'C'].map((id, i) => [id, w[i]!]));

  it('is non-negative, zero for zero weights and quadratic in scale', () => {
    expect(trackingErrorVariance(model, activeOf([0, 0, 0]))).toBe(0);
    fc.assert(
      fc.property(weights, fc.double({ min: -10, max: 10, noNaN: true }), (w, c) => {
        const v = trackingErrorVariance(model, activeOf(w));
        expect(v).toBeGreaterThanOrEqual(0);
        const scaled = trackingErrorVariance(model, activeOf(w.map((x) => c * x)));
        expect(Math.abs(scaled - c * c * v)).toBeLessThanOrEqual(1e-12 * Math.max(1, c * c * v));
      }),
    );
  });
});
