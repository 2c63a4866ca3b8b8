import { describe, expect, it } from 'vitest';
import { lotLine } from './lot-lines.js';

const facts = {
  id: 'L1',
  account: 0,
  security: 0,
  quantity: 3,
  costBasisUsd: 100,
  acquired: '2026-06-01',
  valueUsd: 30.03,
  gainUsd: -69.97,
  term: 'short' as const,
  turnsLongSoon: false,
};

describe('lotLine', () => {
  it('takes the basis pro rata and rounds basis and gain once each, to the cent', () => {
    // Basis 100 × 1/3 = 33.333…; gain 10.01 − 33.333… = −23.3233… → −23.32.
    expect(lotLine(facts, 1, 10.01)).toEqual({
      lot: 'L1',
      quantity: 1,
      costBasis: 33.33,
      gain: -23.32,
      term: 'short',
    });
  });

  it('uses the whole basis for the whole lot, and rounds half away from zero', () => {
    expect(lotLine({ ...facts, costBasisUsd: 0.015 }, 3, 0)).toMatchObject({
      costBasis: 0.02,
      gain: -0.02,
    });
  });
});
