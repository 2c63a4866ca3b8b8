import { describe, expect, it } from 'vitest';
import { checkRiskModelFile } from '../../src/risk/index.js';
import type { RiskModelFile } from '../../src/risk/index.js';
import { renderRiskModelFile, roundSignificant } from './render-risk-model.js';

describe('roundSignificant', () => {
  it('keeps 5 significant digits', () => {
    expect(roundSignificant(0.000123456789)).toBe(0.00012346);
    expect(roundSignificant(-98765.4321)).toBe(-98765);
    expect(roundSignificant(0)).toBe(0);
  });
});

describe('renderRiskModelFile', () => {
  it('writes valid, rounded JSON with sorted securities', () => {
    const file: RiskModelFile = {
      version: 'default-2021-04-21-r1',
      window: { start: '2018-04-19', end: '2021-04-21', returns: 756 },
      method: {
        revision: 1,
        returns: 'simple',
        factorModel: 'pca',
        shrinkage: 'spiked',
        minObservations: 504,
        periodsPerYear: 252,
        explained: 0.7012345,
      },
      sources: ['data/prices/x.csv.gz'],
      factors: ['pc01'],
      factorCovariance: [[0.0512345678]],
      exposures: { B: [1.23456789], A: [-0.5] },
      specificVariance: { B: 0.0412345, A: 0.02 },
      classification: { A: { sector: 'Energy', assetClass: 'equity' }, B: {} },
    };
    const text = renderRiskModelFile(file);
    const parsed = checkRiskModelFile(JSON.parse(text), 'rendered');
    expect(Object.keys(parsed.exposures)).toEqual(['A', 'B']);
    expect(parsed.exposures.B).toEqual([1.2346]);
    expect(parsed.factorCovariance).toEqual([[0.051235]]);
    expect(parsed.method.explained).toBe(0.70123);
    expect(text.split('\n').filter((line) => line.includes('"A": [-0.5]'))).toHaveLength(1);
  });
});
