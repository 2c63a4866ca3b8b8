import { describe, expect, it } from 'vitest';
import { newArm } from './arm-state.js';
import { liquidationTaxUsd, settleYear } from './settle-year.js';

const rates = { shortTermRate: 0.35, longTermRate: 0.15 };

function armWithHistory() {
  const arm = newArm(true, [{ id: 'T', taxStatus: 'taxable', model: 'm', initialFraction: 1 }], 0);
  arm.opening = [
    {
      account: 'T',
      security: 'A',
      lot: 'A1',
      quantity: 10,
      costBasis: 1000,
      acquired: '2018-01-02',
    },
    {
      account: 'T',
      security: 'B',
      lot: 'B1',
      quantity: 10,
      costBasis: 1000,
      acquired: '2020-03-02',
    },
  ];
  arm.transactions = [
    // A: 500 long-term gain. B: 400 short-term loss. C bought.
    {
      date: '2020-06-01',
      account: 'T',
      security: 'A',
      side: 'sell',
      quantity: 5,
      price: 200,
      lots: [{ lot: 'A1', quantity: 5 }],
    },
    {
      date: '2020-06-01',
      account: 'T',
      security: 'B',
      side: 'sell',
      quantity: 10,
      price: 60,
      lots: [{ lot: 'B1', quantity: 10 }],
    },
    {
      date: '2020-06-01',
      account: 'T',
      security: 'C',
      side: 'buy',
      quantity: 3,
      price: 100,
      lot: 'C1',
    },
  ];
  return arm;
}

describe('settleYear', () => {
  it('takes every figure from the ledger and values each term at its rate', () => {
    const arm = armWithHistory();
    const tax = settleYear(arm, rates);
    expect(tax.realizedLongTermUsd).toBe(500);
    expect(tax.realizedShortTermUsd).toBe(-400);
    expect(tax.harvestedLossUsd).toBe(400);
    expect(tax.taxUsd).toBeCloseTo(0.15 * 500 - 0.35 * 400, 9);
    expect(tax.washSalesIncurred).toBe(0);
  });

  it('carries the ledger’s open lots into the next year and clears the year', () => {
    const arm = armWithHistory();
    settleYear(arm, rates);
    expect(arm.transactions).toEqual([]);
    expect(arm.opening.map((l) => [l.lot, l.quantity, l.costBasis])).toEqual([
      ['A1', 5, 500],
      ['C1', 3, 300],
    ]);
    expect(arm.accounts[0]!.positions).toEqual(
      new Map([
        ['A', 5],
        ['C', 3],
      ]),
    );
  });

  it('finds a wash sale the ledger disallows (a loss sold and bought back within 30 days)', () => {
    const arm = armWithHistory();
    arm.transactions.push({
      date: '2020-06-20',
      account: 'T',
      security: 'B',
      side: 'buy',
      quantity: 10,
      price: 55,
      lot: 'B2',
    });
    const tax = settleYear(arm, rates);
    expect(tax.washSalesIncurred).toBe(1);
    expect(tax.washSaleDisallowedUsd).toBe(400);
    expect(tax.realizedShortTermUsd).toBe(0);
    // The disallowed loss moves into the replacement's basis.
    expect(arm.opening.find((l) => l.lot === 'B2')?.costBasis).toBe(950);
  });
});

describe('liquidationTaxUsd', () => {
  it('is the tax on selling every lot at the given prices, by term', () => {
    const arm = armWithHistory();
    settleYear(arm, rates);
    const prices: Record<string, number> = { A: 300, C: 50 };
    // A1: 5 × 300 − 500 = 1000 long-term (acquired 2018); C1: 150 − 300 = −150 short-term.
    const tax = liquidationTaxUsd(arm, '2020-12-31', (id) => prices[id]!, rates);
    expect(tax).toBeCloseTo(0.15 * 1000 - 0.35 * 150, 9);
    expect(arm.transactions).toEqual([]);
  });
});
