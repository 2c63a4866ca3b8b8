import { describe, expect, it } from 'vitest';
import { newArm } from './arm-state.js';
import { harvestCandidates, shouldScan, washBarredUnderweight } from './harvest-trigger.js';

function account(taxStatus: 'taxable' | 'deferred' = 'taxable') {
  const arm = newArm(true, [{ id: 'T', taxStatus, model: 'm', initialFraction: 1 }], 0);
  const a = arm.accounts[0]!;
  a.lots = [
    { id: 'A1', security: 'A', quantity: 10, costBasis: 1000, acquired: '2020-01-02' }, // −500
    { id: 'B1', security: 'B', quantity: 10, costBasis: 1000, acquired: '2020-01-02' }, // −50
    { id: 'C1', security: 'C', quantity: 10, costBasis: 1000, acquired: '2020-01-02' }, // −400, bought lately
    { id: 'D1', security: 'D', quantity: 10, costBasis: 1000, acquired: '2020-01-02' }, // +1000
  ];
  a.positions = new Map([
    ['A', 10],
    ['B', 10],
    ['C', 10],
    ['D', 10],
  ]);
  a.recent = [{ date: '2020-05-20', security: 'C', side: 'buy', quantity: 1, price: 60 }];
  return a;
}
const prices: Record<string, number> = { A: 50, B: 95, C: 60, D: 200 };
const p = (id: string): number => prices[id]!;

describe('harvestCandidates', () => {
  it('keeps losses of at least minHarvest whose security was not bought in the last 30 days', () => {
    const c = harvestCandidates(account(), '2020-06-01', p, 100);
    expect([...c.lots]).toEqual(['A1']);
    expect(c.lossUsd).toBe(500);
  });

  it('lets a buy older than 30 days pass, and finds nothing in a deferred account', () => {
    expect([...harvestCandidates(account(), '2020-06-25', p, 100).lots]).toEqual(['A1', 'C1']);
    expect(harvestCandidates(account('deferred'), '2020-06-25', p, 100).lots.size).toBe(0);
  });
});

describe('shouldScan', () => {
  const candidates = { lots: new Set(['A1']), lossUsd: 500 };
  it('asks when the losses reach the trigger and a lot is new', () => {
    expect(shouldScan(candidates, 50_000, new Set())).toBe(true);
  });
  it('does not ask about losses too small for the account', () => {
    expect(shouldScan(candidates, 200_000, new Set())).toBe(false);
  });
  it('does not ask again about the same lots', () => {
    expect(shouldScan(candidates, 50_000, new Set(['A1']))).toBe(false);
  });
});

describe('washBarredUnderweight', () => {
  it('counts securities sold at a loss in 30 days that the account holds less of than its target', () => {
    const a = account();
    a.recent.push(
      { date: '2020-05-25', security: 'B', side: 'sell', quantity: 1, price: 95, realizedGain: -5 },
      {
        date: '2020-05-25',
        security: 'D',
        side: 'sell',
        quantity: 1,
        price: 200,
        realizedGain: 100,
      },
      {
        date: '2020-03-01',
        security: 'A',
        side: 'sell',
        quantity: 1,
        price: 50,
        realizedGain: -50,
      },
    );
    const targets = new Map([
      ['A', 0.5],
      ['B', 0.5],
      ['D', 0.5],
    ]);
    // B: 950 of 4,000 < 50% → barred and underweight. D sold at a gain; A's sale is too old.
    expect(washBarredUnderweight(a, '2020-06-01', p, targets, 4000)).toBe(1);
    expect(washBarredUnderweight(a, '2020-06-01', p, new Map([['B', 0.1]]), 4000)).toBe(0);
  });
});
