import { describe, expect, it } from 'vitest';
import type { RiskModel, Security } from '../domain/index.js';
import { CASH_EQUIVALENT_SPECIFIC_VARIANCE, resolveRiskModel } from './resolve-risk-model.js';
import { EMPTY_MODEL_SPECIFIC_VARIANCE } from './proxy-groups.js';
import { factorSquareRoot, whitenedExposure } from './factor-square-root.js';

const riskModel: RiskModel = {
  factors: ['mkt', 'rates'],
  exposures: {
    XOM: [1.2, 0.1],
    CVX: [1.0, 0.3],
    SLB: [1.4, 0.2],
    AAPL: [1.1, -0.2],
    AGG: [0.0, 1.0],
  },
  factorCovariance: [
    [0.04, 0],
    [0, 0.002],
  ],
  specificVariance: { XOM: 0.03, CVX: 0.02, SLB: 0.05, AAPL: 0.04, AGG: 0.001 },
};

const security = (id: string, extra: Partial<Security> = {}): Security => ({
  id,
  price: 100,
  ...extra,
});
const securities: Security[] = [
  security('XOM', { sector: 'Energy', assetClass: 'equity' }),
  security('CVX', { sector: 'Energy', assetClass: 'equity' }),
  security('SLB', { sector: 'Energy', assetClass: 'equity' }),
  security('AAPL', { sector: 'Tech', assetClass: 'equity' }),
  security('AGG', { assetClass: 'bond' }),
  security('NEWOIL', { sector: 'Energy', assetClass: 'equity' }),
  security('NEWBANK', { sector: 'Financials', assetClass: 'equity' }),
  security('NEWFUND'),
  security('MMF', { cashEquivalent: true, assetClass: 'cash' }),
];

describe('resolveRiskModel with a request model', () => {
  const { model, proxied } = resolveRiskModel(riskModel, securities);

  it('keeps covered rows and the request order', () => {
    expect(model.ids).toEqual(securities.map((s) => s.id));
    expect([...model.exposure('CVX')]).toEqual([1.0, 0.3]);
    expect(model.specificVariance('AGG')).toBe(0.001);
    expect([...model.covariance]).toEqual([0.04, 0, 0, 0.002]);
  });

  it('proxies by sector, then asset class, then the universe; cash equivalents get no risk', () => {
    expect(proxied.map((p) => [p.security, p.basis])).toEqual([
      ['NEWOIL', 'sector'],
      ['NEWBANK', 'assetClass'],
      ['NEWFUND', 'universe'],
      ['MMF', 'cashEquivalent'],
    ]);
    expect([...model.exposure('NEWOIL')].map((x) => +x.toFixed(12))).toEqual([1.2, 0.2]);
    expect(model.specificVariance('NEWOIL')).toBe(0.03); // median of 0.03, 0.02, 0.05
    expect([...model.exposure('NEWBANK')].map((x) => +x.toFixed(12))).toEqual([1.175, 0.1]);
    expect(model.specificVariance('NEWBANK')).toBeCloseTo(0.035, 12);
    expect([...model.exposure('NEWFUND')].map((x) => +x.toFixed(12))).toEqual([0.94, 0.28]);
    expect(model.specificVariance('NEWFUND')).toBe(0.03);
    expect([...model.exposure('MMF')]).toEqual([0, 0]);
    expect(model.specificVariance('MMF')).toBe(CASH_EQUIVALENT_SPECIFIC_VARIANCE);
    expect(proxied[0]!.proxy).toBe('sector Energy (average of 3 covered securities)');
  });

  it('never throws for uncovered securities, even when nothing is covered', () => {
    const empty: RiskModel = {
      factors: ['f'],
      exposures: {},
      factorCovariance: [[0.01]],
      specificVariance: {},
    };
    const resolved = resolveRiskModel(empty, [security('X', { sector: 'Energy' })]);
    expect(resolved.proxied).toEqual([
      { security: 'X', proxy: 'no covered securities: no factor exposure', basis: 'universe' },
    ]);
    expect(resolved.model.specificVariance('X')).toBe(EMPTY_MODEL_SPECIFIC_VARIANCE);
  });

  it('rejects a model with inconsistent dimensions', () => {
    const bad = { ...riskModel, factorCovariance: [[0.04]] };
    expect(() => resolveRiskModel(bad, securities)).toThrow(RangeError);
    const badRow = { ...riskModel, exposures: { ...riskModel.exposures, XOM: [1] } };
    expect(() => resolveRiskModel(badRow, securities)).toThrow(/XOM/);
  });
});

describe('resolveRiskModel with the default model', () => {
  it('covers S&P 500 stocks and ETFs and proxies others by the shipped classification', () => {
    const { model, proxied } = resolveRiskModel(undefined, [
      security('AAPL'),
      security('SPY'),
      security('NEWCHIP', { sector: 'Information Technology' }),
      security('CASHX', { cashEquivalent: true }),
    ]);
    expect(model.k).toBeGreaterThanOrEqual(20);
    expect(model.indexOf('NEWCHIP')).toBe(2);
    expect(proxied.map((p) => [p.security, p.basis])).toEqual([
      ['NEWCHIP', 'sector'],
      ['CASHX', 'cashEquivalent'],
    ]);
    expect(proxied[0]!.proxy).toMatch(/^sector Information Technology \(average of \d+ covered/);
  });

  it('whitens covered and proxied rows alike: the same rows as whitening them afresh', () => {
    const { model } = resolveRiskModel(undefined, [
      security('AAPL'),
      security('NEWCHIP', { sector: 'Information Technology' }),
    ]);
    // Twice: the second call reads the covered rows the first one whitened and kept.
    const again = resolveRiskModel(undefined, [security('AAPL')]).model;
    const root = factorSquareRoot(model.covariance, model.k);
    for (const id of ['AAPL', 'NEWCHIP']) {
      const afresh = whitenedExposure(model.exposure(id), root, new Float64Array(model.k));
      expect([...model.whitenedExposure(id)]).toEqual([...afresh]);
    }
    expect([...again.whitenedExposure('AAPL')]).toEqual([...model.whitenedExposure('AAPL')]);
  });
});

describe('resolveRiskModel with inconsistent dimensions', () => {
  it('names the exposure row of the wrong length', () => {
    const ragged: RiskModel = { ...riskModel, exposures: { ...riskModel.exposures, CVX: [1.0] } };
    expect(() => resolveRiskModel(ragged, securities)).toThrow(
      /exposures of CVX must have 2 entries/,
    );
  });

  it('checks each model object, not only the first one it saw', () => {
    expect(() => resolveRiskModel(riskModel, securities)).not.toThrow();
    const wrongCovariance: RiskModel = { ...riskModel, factorCovariance: [[0.04, 0]] };
    expect(() => resolveRiskModel(wrongCovariance, securities)).toThrow(RangeError);
  });
});
