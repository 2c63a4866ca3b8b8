import { describe, expect, it } from 'vitest';
import { toDay } from '../../tax/index.js';
import { checkTrades } from './check-trades.js';
import { termOf } from './money-checks.js';
import { accountOf, proposalOf, rulesOf, scenario, type Scenario } from './proposal-fixture.js';

function sellLine(s: Scenario) {
  return proposalOf(s, 'A1').trades[0]!.lots![0]!;
}

describe('checkTrades', () => {
  it('passes the valid proposal, and a partial sale with its basis pro rata', () => {
    expect(rulesOf(checkTrades, scenario())).toEqual([]);
    const s = scenario();
    // 7 of 50 CCC: basis 1500 × 7 / 50 = 210, gain 140 − 210 = −70.
    proposalOf(s, 'A1').trades.push({
      security: 'CCC',
      side: 'sell',
      quantity: 7,
      price: 20,
      value: 140,
      reasons: ['drift'],
      lots: [{ lot: 'L3', quantity: 7, costBasis: 210, gain: -70, term: 'long' }],
    });
    expect(rulesOf(checkTrades, s)).toEqual([]);
  });

  it.each([
    ['trade.price', (s: Scenario) => (proposalOf(s, 'A1').trades[1]!.price = 101)],
    ['trade.value', (s: Scenario) => (proposalOf(s, 'A1').trades[1]!.value = 900.01)],
    ['trade.value', (s: Scenario) => (proposalOf(s, 'A1').trades[1]!.value = 900.004)],
    ['trade.buyLots', (s: Scenario) => (proposalOf(s, 'A1').trades[1]!.lots = [])],
    ['trade.lot', (s: Scenario) => (sellLine(s).lot = 'L9')],
    ['trade.lot', (s: Scenario) => (sellLine(s).lot = 'L1')],
    ['trade.lotQuantities', (s: Scenario) => (proposalOf(s, 'A1').trades[0]!.quantity = 19)],
    ['trade.lotBasis', (s: Scenario) => (sellLine(s).costBasis = 1200.02)],
    ['trade.lotGain', (s: Scenario) => (sellLine(s).gain = -199.98)],
    ['trade.lotTerm', (s: Scenario) => (sellLine(s).term = 'long')],
    ['trade.security', (s: Scenario) => (proposalOf(s, 'A1').trades[1]!.security = 'ZZZ')],
  ])('catches %s', (rule, breakIt) => {
    const s = scenario();
    breakIt(s);
    expect(rulesOf(checkTrades, s)).toContain(`A1:${rule}`);
  });

  it('catches a lot sold beyond its quantity across two trades', () => {
    const s = scenario();
    proposalOf(s, 'A1').trades.push({
      security: 'BBB',
      side: 'sell',
      quantity: 1,
      price: 50,
      value: 50,
      reasons: ['drift'],
      lots: [{ lot: 'L2', quantity: 1, costBasis: 60, gain: -10, term: 'short' }],
    });
    expect(rulesOf(checkTrades, s)).toEqual(['A1:trade.oversold']);
  });

  it('dates a Feb 29 lot from Feb 28 of the next year', () => {
    expect(termOf('2024-02-29', toDay('2025-02-28'))).toBe('short');
    expect(termOf('2024-02-29', toDay('2025-03-01'))).toBe('long');
    expect(termOf('2025-03-01', toDay('2026-03-01'))).toBe('short');
    expect(termOf('2025-03-01', toDay('2026-03-02'))).toBe('long');
    const s = scenario();
    s.request.asOf = '2025-02-28';
    s.response.asOf = '2025-02-28';
    accountOf(s, 'A1').lots[1]!.acquired = '2024-02-29';
    sellLine(s).term = 'short';
    expect(rulesOf(checkTrades, s)).toEqual([]);
    sellLine(s).term = 'long';
    expect(rulesOf(checkTrades, s)).toEqual(['A1:trade.lotTerm']);
  });
});
