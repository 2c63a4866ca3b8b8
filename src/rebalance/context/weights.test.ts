import { describe, expect, it } from 'vitest';
import { security, table } from './test-support/request.js';
import { holdingWeights, scaledTo, sumOf } from './weights.js';

describe('weights', () => {
  it('scales weights pro rata to a new total', () => {
    expect([...scaledTo(Float64Array.of(0.2, 0.6), 0.4)]).toEqual([0.1, 0.3]);
  });

  it('leaves all-zero weights at zero instead of dividing by zero', () => {
    const out = scaledTo(new Float64Array(2), 0.98);
    expect([...out]).toEqual([0, 0]);
    expect(sumOf(out)).toBe(0);
  });

  it('weighs holdings by q × p / V', () => {
    const { securities } = table(security('VTI', 200), security('AGG', 100));
    expect([...holdingWeights(Float64Array.of(3, 2), securities, 1000)]).toEqual([0.6, 0.2]);
  });

  it('gives an empty account (V = 0) zero weights, not NaN', () => {
    const { securities } = table(security('VTI', 200));
    expect([...holdingWeights(Float64Array.of(0), securities, 0)]).toEqual([0]);
  });
});
