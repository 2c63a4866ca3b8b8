import { describe, expect, it } from 'vitest';
import type { AccountProposal } from '../domain/index.js';
import { newArm } from './arm-state.js';
import { applyProposal } from './apply-proposal.js';

function armWithLots() {
  const arm = newArm(
    true,
    [{ id: 'T', taxStatus: 'taxable', model: 'm', initialFraction: 1 }],
    1000,
  );
  const account = arm.accounts[0]!;
  account.lots = [
    { id: 'A1', security: 'A', quantity: 10, costBasis: 1200, acquired: '2020-01-02' },
    { id: 'A2', security: 'A', quantity: 5, costBasis: 300, acquired: '2020-02-03' },
  ];
  account.positions.set('A', 15);
  return arm;
}

const summary = {} as AccountProposal['summary'];

describe('applyProposal', () => {
  it('relieves the named lots, opens a lot per buy, moves cash by fills net of the spread', () => {
    const arm = armWithLots();
    applyProposal(
      arm,
      {
        id: 'T',
        status: 'ok',
        error: null,
        summary,
        trades: [
          {
            security: 'B',
            side: 'buy',
            quantity: 20,
            price: 50,
            value: 1000,
            reasons: ['replacement'],
          },
          {
            security: 'A',
            side: 'sell',
            quantity: 12,
            price: 100,
            value: 1200,
            reasons: ['taxLossHarvest'],
            lots: [
              { lot: 'A1', quantity: 10, costBasis: 1200, gain: -200, term: 'short' },
              { lot: 'A2', quantity: 2, costBasis: 120, gain: 80, term: 'short' },
            ],
          },
        ],
      },
      '2020-06-01',
      0.001,
    );
    const account = arm.accounts[0]!;
    expect(account.lots.map((l) => [l.id, l.quantity])).toEqual([
      ['A2', 3],
      ['B@2020-06-01#1', 20],
    ]);
    expect(account.lots[0]!.costBasis).toBeCloseTo(180, 9);
    expect(account.lots[1]!.costBasis).toBeCloseTo(1001, 9);
    expect(account.positions.get('A')).toBe(3);
    expect(account.cashUsd).toBeCloseTo(1000 + 1200 - 1.2 - 1000 - 1, 9);
    // Sells first, one ledger sell per lot line, each with its share of the fee.
    expect(arm.transactions.map((t) => [t.side, t.quantity, t.fee])).toEqual([
      ['sell', 10, 1],
      ['sell', 2, 0.2],
      ['buy', 20, 1],
    ]);
    // One recent sell: its net gain after fees, and the loss lot's part for the wash-sale rule.
    const sells = account.recent.filter((r) => r.side === 'sell');
    expect(sells.map((r) => [r.realizedGain, r.realizedLoss])).toEqual([[-121.2, -201]]);
    expect(arm.tally.buysUsd).toBe(1000);
    expect(arm.tally.sellsUsd).toBe(1200);
  });

  it('refuses a lot the account does not hold (the engine and the arm disagree: a bug)', () => {
    const arm = armWithLots();
    expect(() =>
      applyProposal(
        arm,
        {
          id: 'T',
          status: 'ok',
          error: null,
          summary,
          trades: [
            {
              security: 'A',
              side: 'sell',
              quantity: 1,
              price: 100,
              value: 100,
              reasons: ['model'],
              lots: [{ lot: 'nope', quantity: 1, costBasis: 1, gain: 99, term: 'short' }],
            },
          ],
        },
        '2020-06-01',
        0,
      ),
    ).toThrow(/lot nope/);
  });
});
