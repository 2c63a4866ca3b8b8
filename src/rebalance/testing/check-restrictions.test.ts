import { describe, expect, it } from 'vitest';
import { checkRestrictions } from './check-restrictions.js';
import { proposalOf, rulesOf, scenario, settingsOf } from './proposal-fixture.js';

describe('checkRestrictions', () => {
  it('passes the valid proposal', () => {
    expect(rulesOf(checkRestrictions, scenario())).toEqual([]);
  });

  it('catches a buy of a noHold security (by sector)', () => {
    const s = scenario();
    proposalOf(s, 'A1').trades.push({
      security: 'BBB',
      side: 'buy',
      quantity: 1,
      price: 50,
      value: 50,
      reasons: ['model'],
    });
    expect(rulesOf(checkRestrictions, s)).toEqual([
      'A1:restriction.noHold',
      'A1:restriction.noHoldLeft',
    ]);
  });

  it('catches a buy of a noBuy security (by security) and of a substituted one', () => {
    const s = scenario();
    settingsOf(s, 'A1').restrictions!.push({ security: 'AAA', rule: 'noBuy' });
    expect(rulesOf(checkRestrictions, s)).toEqual(['A1:restriction.noBuy']);
    const t = scenario();
    settingsOf(t, 'A1').substitutions = [{ from: 'AAA', to: 'CCC' }];
    expect(rulesOf(checkRestrictions, t)).toEqual(['A1:substitution.from']);
  });

  it('catches a sale of a noSell security (by tag)', () => {
    const s = scenario();
    s.request.securities[0]!.tags = ['frozen'];
    settingsOf(s, 'A1').restrictions!.push({ tag: 'frozen', rule: 'noSell' });
    expect(rulesOf(checkRestrictions, s)).toEqual([]);
    proposalOf(s, 'A1').trades.push({
      security: 'AAA',
      side: 'sell',
      quantity: 1,
      price: 100,
      value: 100,
      reasons: ['drift'],
      lots: [{ lot: 'L1', quantity: 1, costBasis: 80, gain: 20, term: 'long' }],
    });
    expect(rulesOf(checkRestrictions, s)).toEqual(['A1:restriction.noSell']);
  });

  it('catches a noHold position left after the trades, unless the account is in error', () => {
    const s = scenario();
    const sell = proposalOf(s, 'A1').trades[0]!;
    sell.quantity = 10;
    sell.lots![0]!.quantity = 10;
    expect(rulesOf(checkRestrictions, s)).toEqual(['A1:restriction.noHoldLeft']);
    proposalOf(s, 'A1').status = 'error';
    expect(rulesOf(checkRestrictions, s)).toEqual([]);
  });
});
