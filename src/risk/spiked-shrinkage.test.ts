import { describe, expect, it } from 'vitest';
import { shrinkSpikedEigenvalues } from './spiked-shrinkage.js';

describe('shrinkSpikedEigenvalues', () => {
  it('inverts λ = ℓ + γσ²ℓ/(ℓ − σ²) for a detectable spike', () => {
    // n = 100, T = 400 (γ = 0.25), k = 1; a spike y = ℓ/σ² = 5 shows as x = 5 + 0.25 · 5/4.
    const x = 5 + (0.25 * 5) / 4;
    const lambda = (100 * x) / (99 + x); // so that σ² = (100 − λ) / 99 = λ / x
    const [shrunk] = shrinkSpikedEigenvalues(Float64Array.of(lambda), 100, 400);
    expect(shrunk).toBeCloseTo((5 * lambda) / x, 10);
  });

  it('never raises an eigenvalue and sends undetectable ones to the noise level', () => {
    const top = Float64Array.of(40, 3, 1.3);
    const shrunk = shrinkSpikedEigenvalues(top, 100, 100);
    const noise = (100 - 44.3) / 97;
    shrunk.forEach((l, j) => expect(l).toBeLessThanOrEqual(top[j]!));
    expect(shrunk[0]).toBeGreaterThan(38);
    expect(shrunk[0]).toBeLessThan(40);
    expect(shrunk[2]).toBeCloseTo(noise, 12); // 1.3 / 0.574 < (1 + 1)²
  });
});
