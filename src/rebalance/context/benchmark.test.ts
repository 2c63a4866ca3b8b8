import { describe, expect, it } from 'vitest';
import {
  applySubstitutions,
  flattenModel,
  householdBenchmark,
  modelBenchmark,
  ownCashShare,
  ownPortfolioBenchmark,
  type BenchmarkSources,
} from './benchmark.js';
import { byId, model, security, table } from './test-support/request.js';
import { sumOf } from './weights.js';

const { securities, securityIndex } = table(
  security('VTI', 1),
  security('ITOT', 1),
  security('AGG', 1),
  security('AAPL', 1),
);
const sources: BenchmarkSources = {
  securityIndex,
  models: new Map(
    [
      model('us-core', ['VTI', 0.6], ['AGG', 0.38]),
      model('tech', ['AAPL', 1]),
      model('growth-blend', ['model:us-core', 0.5], ['model:tech', 0.5]),
      model('all-cash'),
    ].map((m) => [m.id, m]),
  ),
};
const view = (weights: Float64Array) => byId(securities, weights);

describe('flattening a model', () => {
  it('multiplies weights down a model of models: 0.5 × (0.6 VTI) = 0.3 VTI', () => {
    const flat = flattenModel('growth-blend', sources);
    expect(view(flat)).toEqual({ VTI: 0.3, AGG: 0.19, AAPL: 0.5 });
    expect(ownCashShare(flat)).toBeCloseTo(0.01, 12);
  });

  it('gives a model with no securities no weights: it is all cash', () => {
    const flat = flattenModel('all-cash', sources);
    expect(view(flat)).toEqual({});
    expect(ownCashShare(flat)).toBe(1);
  });

  it('never reports negative cash for weights that sum to 1 within the 1e-9 tolerance', () => {
    expect(ownCashShare(Float64Array.of(0.5, 0.5 + 1e-10))).toBe(0);
  });
});

describe('substitutions', () => {
  it('moves the whole weight of `from` to `to`', () => {
    const flat = flattenModel('us-core', sources);
    const out = applySubstitutions(flat, [{ from: 'VTI', to: 'ITOT' }], securityIndex);
    expect(view(out)).toEqual({ ITOT: 0.6, AGG: 0.38 });
  });

  it('applies all moves at once: VTI→ITOT and ITOT→AGG do not chain VTI on to AGG', () => {
    const start = Float64Array.of(0.5, 0.2, 0.1, 0);
    const out = applySubstitutions(
      start,
      [
        { from: 'VTI', to: 'ITOT' },
        { from: 'ITOT', to: 'AGG' },
      ],
      securityIndex,
    );
    expect(view(out)).toEqual({ ITOT: 0.5, AGG: 0.3 });
  });
});

describe('an account benchmark from a model', () => {
  it('keeps the model’s own cash when no cash target is given', () => {
    expect(sumOf(modelBenchmark('us-core', [], undefined, sources))).toBeCloseTo(0.98, 12);
  });

  it('scales the securities pro rata to fill 1 − cash.target', () => {
    const out = modelBenchmark('us-core', [], 0.1, sources);
    expect(view(out)).toEqual({
      VTI: Number(((0.6 / 0.98) * 0.9).toFixed(9)),
      AGG: Number(((0.38 / 0.98) * 0.9).toFixed(9)),
    });
    expect(sumOf(out)).toBeCloseTo(0.9, 12);
  });

  it('applies substitutions before scaling to the cash target', () => {
    const out = modelBenchmark('us-core', [{ from: 'VTI', to: 'ITOT' }], 0.02, sources);
    expect(view(out)).toEqual({ ITOT: 0.6, AGG: 0.38 });
  });

  it('cannot scale an all-cash model to a cash target: it stays all cash, no NaN', () => {
    const out = modelBenchmark('all-cash', [], 0.05, sources);
    expect([...out].every((w) => w === 0)).toBe(true);
  });
});

describe('an account benchmark of its own portfolio (model: null)', () => {
  const current = Float64Array.of(0.5, 0, 0.3, 0);

  it('is the current weights, leaving cash / V in cash, without a cash target', () => {
    expect(view(ownPortfolioBenchmark(current, [], undefined, securityIndex))).toEqual({
      VTI: 0.5,
      AGG: 0.3,
    });
  });

  it('fills 1 − cash.target pro rata and applies substitutions', () => {
    const out = ownPortfolioBenchmark(current, [{ from: 'VTI', to: 'ITOT' }], 0, securityIndex);
    expect(view(out)).toEqual({ ITOT: 0.625, AGG: 0.375 });
  });

  it('stays all zero for an empty account (V = 0) even with a cash target', () => {
    const out = ownPortfolioBenchmark(new Float64Array(4), [], 0.02, securityIndex);
    expect([...out]).toEqual([0, 0, 0, 0]);
  });
});

describe('the household benchmark', () => {
  it('applies every tradable account’s substitutions once, keeping the model’s own cash', () => {
    const out = householdBenchmark(
      'growth-blend',
      [[{ from: 'VTI', to: 'ITOT' }], [{ from: 'VTI', to: 'ITOT' }], [{ from: 'AAPL', to: 'AGG' }]],
      sources,
    );
    expect(view(out)).toEqual({ ITOT: 0.3, AGG: 0.69 });
  });
});
