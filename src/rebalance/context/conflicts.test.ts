import { describe, expect, it } from 'vitest';
import {
  accountConflict,
  restrictionConflict,
  withdrawalConflict,
  type ConflictInputs,
} from './conflicts.js';
import type { Restriction } from '../../domain/index.js';
import { accountRules } from './restrictions.js';
import { security, table } from './test-support/request.js';

const { securities, securityIndex } = table(
  security('AAPL', 200, { sector: 'Information Technology' }),
  security('T', 20),
);
const inputs = (
  restrictions: Restriction[],
  held: [number, number],
  cash: { cashUsd: number; withdrawalUsd?: number; cashMinWeight?: number } = { cashUsd: 0 },
): ConflictInputs => {
  const heldQuantity = Float64Array.from(held);
  const { rules, sources } = accountRules({
    restrictions,
    substitutions: [],
    washBuyBlocked: new Set(),
    securities,
    securityIndex,
  });
  return {
    securities,
    heldQuantity,
    rules,
    sources,
    cashUsd: cash.cashUsd,
    valueUsd: cash.cashUsd + held[0] * 200 + held[1] * 20,
    withdrawalUsd: cash.withdrawalUsd ?? 0,
    cashMinWeight: cash.cashMinWeight ?? 0,
  };
};
const bothRules: Restriction[] = [
  { sector: 'Information Technology', rule: 'noHold' },
  { security: 'AAPL', rule: 'noSell' },
];

describe('noHold against noSell', () => {
  it('is a conflict on a held security, naming both rules and where they come from', () => {
    expect(restrictionConflict(inputs(bothRules, [10, 0]))).toEqual({
      code: 'restriction_conflict',
      message:
        'AAPL is under noHold (sector Information Technology) and noSell (security AAPL): it ' +
        'must be sold and may not be; remove one of the two restrictions',
    });
  });

  it('is no conflict when the security is not held: there is nothing to sell', () => {
    expect(restrictionConflict(inputs(bothRules, [0, 5]))).toBeNull();
  });
});

describe('a withdrawal that cannot be raised', () => {
  it('is a conflict when frozen lots leave too little to sell, with the amounts and the fixes', () => {
    const frozen = inputs([{ security: 'AAPL', rule: 'noSell' }], [10, 10], {
      cashUsd: 100,
      withdrawalUsd: 400,
      cashMinWeight: 0.1,
    });
    // V = 2300, W = 400, need = 400 + 0.1 × 1900 = 590 > 100 + 200 = 300.
    expect(withdrawalConflict(frozen)).toEqual({
      code: 'withdrawal_unraisable',
      message:
        'the withdrawal (400.00) plus cash.min 10% of V − W (190.00) needs 590.00, but cash ' +
        '(100.00) and the positions that may be sold (200.00) raise at most 300.00; lower ' +
        'cash.withdrawal to at most 77.78, or lower cash.min, or lift noSell on AAPL',
    });
  });

  it('is no conflict when selling everything sellable just covers it', () => {
    const exact = inputs([], [10, 10], { cashUsd: 100, withdrawalUsd: 400, cashMinWeight: 1 });
    expect(withdrawalConflict(exact)).toBeNull();
  });

  it('is a conflict when the withdrawal is larger than the whole account', () => {
    const tooLarge = inputs([], [1, 0], { cashUsd: 0, withdrawalUsd: 500 });
    expect(withdrawalConflict(tooLarge)?.code).toBe('withdrawal_unraisable');
  });
});

describe('the account conflict', () => {
  it('reports the restriction conflict first when both occur', () => {
    const both = inputs(bothRules, [10, 0], { cashUsd: 0, withdrawalUsd: 100 });
    expect(accountConflict(both)?.code).toBe('restriction_conflict');
  });

  it('is null for consistent rules', () => {
    expect(accountConflict(inputs([{ security: 'T', rule: 'noSell' }], [1, 1]))).toBeNull();
  });
});
