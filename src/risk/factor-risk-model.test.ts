import { describe, expect, it } from 'vitest';
import { createFactorRiskModel } from './factor-risk-model.js';

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
