import { describe, expect, it } from 'vitest';
import { createFactorRiskModel } from './factor-risk-model.js';
import { factorSquareRoot, whitenedExposure } from './factor-square-root.js';

describe('createFactorRiskModel', () => {
  const model = createFactorRiskModel(
    ['mkt', 'size'],
    [0.04, 0.001, 0.001, 0.01],
    [
      { id: 'A', exposure: [1.1, -0.3], specificVariance: 0.05 },
      { id: 'B', exposure: [0.9, 0.4], specificVariance: 0.02 },
    ],
  );

  it('gives row access by id', () => {
    expect(model.k).toBe(2);
    expect(model.ids).toEqual(['A', 'B']);
    expect([...model.exposure('B')]).toEqual([0.9, 0.4]);
    expect(model.specificVariance('A')).toBe(0.05);
    expect(model.indexOf('B')).toBe(1);
    expect(model.indexOf('C')).toBe(-1);
    expect([...model.exposures]).toEqual([1.1, -0.3, 0.9, 0.4]);
  });

  it('whitens each row with the Cholesky factor of F, or takes the whitened row given', () => {
    const root = factorSquareRoot([0.04, 0.001, 0.001, 0.01], 2);
    const expected = whitenedExposure([0.9, 0.4], root, new Float64Array(2));
    expect([...model.whitenedExposure('B')]).toEqual([...expected]);
    // (x G)(x G)ᵀ = x F xᵀ: the whitened row carries the factor variance.
    const w = model.whitenedExposure('A');
    expect(w[0]! ** 2 + w[1]! ** 2).toBeCloseTo(0.04 * 1.21 - 2 * 0.001 * 0.33 + 0.01 * 0.09, 15);
    const given = createFactorRiskModel(
      ['mkt', 'size'],
      [0.04, 0.001, 0.001, 0.01],
      [{ id: 'A', exposure: [1.1, -0.3], specificVariance: 0.05, whitened: [7, 8] }],
    );
    expect([...given.whitened]).toEqual([7, 8]);
    expect(() => model.whitenedExposure('C')).toThrow(RangeError);
  });

  it('throws for unknown ids and inconsistent dimensions', () => {
    expect(() => model.exposure('C')).toThrow(RangeError);
    expect(() => model.specificVariance('C')).toThrow(RangeError);
    expect(() => createFactorRiskModel(['f'], [1, 0], [])).toThrow(RangeError);
    const row = { id: 'A', exposure: [1, 2], specificVariance: 0 };
    expect(() => createFactorRiskModel(['f'], [1], [row])).toThrow(RangeError);
    const ok = { id: 'A', exposure: [1], specificVariance: 0 };
    expect(() => createFactorRiskModel(['f'], [1], [ok, ok])).toThrow(/twice/);
  });
});
