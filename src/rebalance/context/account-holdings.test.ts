import { describe, expect, it } from 'vitest';
import { toDay } from '../../tax/index.js';
import { accountHoldings } from './account-holdings.js';
import { account, lot, security, table } from './test-support/request.js';

const { securities, securityIndex } = table(security('VTI', 200), security('AGG', 100));
const asOf = toDay('2026-11-24');

describe('account holdings', () => {
  it('add the lots of a security into shares held, and cash plus positions into V', () => {
    const held = accountHoldings(
      account('A1', {
        cash: 500,
        lots: [lot('L1', 'VTI', 3, 400), lot('L2', 'VTI', 1.5, 300), lot('L3', 'AGG', 2, 250)],
      }),
      1,
      securities,
      securityIndex,
      asOf,
    );
    expect([...held.heldQuantity]).toEqual([4.5, 2]);
    expect(held.valueUsd).toBe(500 + 900 + 200);
    expect(held.lots.map((l) => [l.id, l.account, l.security, l.valueUsd])).toEqual([
      ['L1', 1, 0, 600],
      ['L2', 1, 0, 300],
      ['L3', 1, 1, 200],
    ]);
  });

  it('of an empty account are nothing: V is its cash, here zero', () => {
    const held = accountHoldings(account('A1'), 0, securities, securityIndex, asOf);
    expect(held).toEqual({ lots: [], heldQuantity: new Float64Array(2), valueUsd: 0 });
  });
});
