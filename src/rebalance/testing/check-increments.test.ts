import { describe, expect, it } from 'vitest';
import { checkIncrements, isMultiple } from './check-increments.js';
import { accountOf, proposalOf, rulesOf, scenario, settingsOf } from './proposal-fixture.js';

describe('checkIncrements', () => {
  it('passes the valid proposal', () => {
    expect(rulesOf(checkIncrements, scenario())).toEqual([]);
    expect(isMultiple(0.3, 0.1)).toBe(true);
    expect(isMultiple(25, 10)).toBe(false);
  });

  it('catches a fractional buy unless the account allows fractions', () => {
    const s = scenario();
    proposalOf(s, 'A1').trades[1]!.quantity = 9.5;
    expect(rulesOf(checkIncrements, s)).toEqual(['A1:shares.increment']);
    settingsOf(s, 'A1').trading = { allowFractional: true };
    expect(rulesOf(checkIncrements, s)).toEqual([]);
  });

  it('catches a quantity off the lot size', () => {
    const s = scenario();
    s.request.securities[0]!.lotSize = 10;
    expect(rulesOf(checkIncrements, s)).toEqual(['A1:shares.increment']);
    proposalOf(s, 'A1').trades[1]!.quantity = 10;
    expect(rulesOf(checkIncrements, s)).toEqual([]);
  });

  it('exempts a sale that closes a fractional position, not a partial one', () => {
    const s = scenario();
    accountOf(s, 'A1').lots[2]!.quantity = 7.5;
    const sale = {
      security: 'CCC',
      side: 'sell' as const,
      quantity: 7.5,
      price: 20,
      value: 150,
      reasons: ['drift' as const],
      lots: [{ lot: 'L3', quantity: 7.5, costBasis: 1500, gain: -1350, term: 'long' as const }],
    };
    proposalOf(s, 'A1').trades.push(sale);
    expect(rulesOf(checkIncrements, s)).toEqual([]);
    sale.quantity = 6.5;
    sale.lots[0]!.quantity = 6.5;
    expect(rulesOf(checkIncrements, s)).toEqual(['A1:shares.increment']);
  });
});
