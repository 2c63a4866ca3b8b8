import { describe, expect, it } from 'vitest';
import { seededRandom } from '../domain/random.js';
import { estimateFactorModel } from './estimate-factor-model.js';

/** Normal deviates by Box–Muller from a seeded uniform source. */
function normals(seed: number): () => number {
  const uniform = seededRandom(seed);
  return () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
}

/**
 * T days of returns for N securities from two factors (market and a ±1 style) with daily
 * volatilities 1% and 0.5% and specific volatility 1%; securities 0 and 1 share an extra common
 * residual (near-identical funds), security N − 1 has only its last 50 days.
 */
function simulate(n: number, days: number) {
  const draw = normals(7);
  const beta = Array.from({ length: n }, (_, i) => [0.6 + (0.8 * i) / n, i % 2 === 0 ? 1 : -1]);
  const values = new Float64Array(days * n);
  for (let t = 0; t < days; t++) {
    const f = [0.01 * draw(), 0.005 * draw()];
    const shared = 0.008 * draw();
    for (let i = 0; i < n; i++) {
      const own = 0.01 * draw() + (i < 2 ? shared : 0);
      const r = beta[i]![0]! * f[0]! + beta[i]![1]! * f[1]! + own;
      values[t * n + i] = i === n - 1 && t < days - 50 ? Number.NaN : r;
    }
  }
  const ids = Array.from({ length: n }, (_, i) => `S${i}`);
  return { panel: { ids, days, values }, beta };
}

describe('estimateFactorModel', () => {
  const n = 40;
  const days = 3000;
  const { panel, beta } = simulate(n, days);
  const model = estimateFactorModel(panel, {
    factors: 2,
    minObservations: 100,
    periodsPerYear: 252,
    groups: new Map([
      ['S0', 'TWINS'],
      ['S1', 'TWINS'],
    ]),
  });
  const covariance = (i: number, j: number) => {
    let c = 0;
    model.factors.forEach((_, f) => {
      c += model.exposures[i]![f]! * model.factorVariance[f]! * model.exposures[j]![f]!;
    });
    return c + (i === j ? model.specificVariance[i]! : 0);
  };

  it('covers the securities with enough history and names the factors', () => {
    expect(model.ids).toHaveLength(n - 1);
    expect(model.excluded).toEqual([{ id: `S${n - 1}`, observations: 50 }]);
    expect(model.factors).toEqual(['pc01', 'pc02', 'group:TWINS']);
  });

  it('recovers the true annualised covariance within sampling error', () => {
    const truth = (i: number, j: number) =>
      252 *
      (beta[i]![0]! * beta[j]![0]! * 1e-4 +
        beta[i]![1]! * beta[j]![1]! * 2.5e-5 +
        (i === j ? 1e-4 : 0) +
        (i < 2 && j < 2 ? 6.4e-5 : 0));
    let error = 0;
    let size = 0;
    for (let i = 0; i < n - 1; i++) {
      for (let j = 0; j < n - 1; j++) {
        error += (covariance(i, j) - truth(i, j)) ** 2;
        size += truth(i, j) ** 2;
      }
    }
    expect(Math.sqrt(error / size)).toBeLessThan(0.08);
    // First-factor exposures are beta-like: positive and increasing with the market beta.
    expect(model.exposures[0]![0]!).toBeGreaterThan(0);
    expect(model.exposures[n - 2]![0]!).toBeGreaterThan(model.exposures[0]![0]!);
  });

  it('keeps each total variance and links the near-identical pair through its group factor', () => {
    for (const i of [0, 5, 20]) {
      const sample = panel.values.filter((_, c) => c % n === i);
      const mean = sample.reduce((a, b) => a + b) / days;
      const variance = sample.reduce((a, r) => a + (r - mean) ** 2, 0) / (days - 1);
      expect(covariance(i, i)).toBeCloseTo(252 * variance, 10);
    }
    const correlation = covariance(0, 1) / Math.sqrt(covariance(0, 0) * covariance(1, 1));
    // True correlation of the twins: shared residual 0.64e-4 over total ≈ 2.5e-4.
    expect(correlation).toBeGreaterThan(0.2);
    expect(model.specificVariance.every((s) => s >= 0)).toBe(true);
  });

  it('is deterministic and refuses more factors than securities', () => {
    const again = estimateFactorModel(panel, { factors: 2, minObservations: 100 });
    expect(again.factorVariance).toEqual(
      estimateFactorModel(panel, { factors: 2, minObservations: 100 }).factorVariance,
    );
    expect(() => estimateFactorModel(panel, { factors: n, minObservations: 100 })).toThrow(
      RangeError,
    );
  });
});
