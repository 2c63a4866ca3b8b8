import { describe, expect, it } from 'vitest';
import { toDay } from '../../tax/index.js';
import { checkTaxRules, daysToLongTerm } from './check-tax-rules.js';
import {
  accountOf,
  proposalOf,
  rulesOf,
  scenario,
  settingsOf,
  type Scenario,
} from './proposal-fixture.js';

/** Adds lot L4 (5 AAA, basis 400) acquired on `acquired` and a sale of it at a gain of 100. */
function sellNewLot(s: Scenario, acquired: string, term: 'short' | 'long'): void {
  accountOf(s, 'A1').lots.push({
    id: 'L4',
    security: 'AAA',
    quantity: 5,
    costBasis: 400,
    acquired,
  });
  proposalOf(s, 'A1').trades.push({
    security: 'AAA',
    side: 'sell',
    quantity: 5,
    price: 100,
    value: 500,
    reasons: ['drift'],
    lots: [{ lot: 'L4', quantity: 5, costBasis: 400, gain: 100, term }],
  });
}

describe('checkTaxRules', () => {
  it('passes the valid proposal', () => {
    expect(rulesOf(checkTaxRules, scenario())).toEqual([]);
  });

  it('counts the days to long-term from the day after the anniversary (Feb 29 → Feb 28)', () => {
    expect(daysToLongTerm('2025-12-01', toDay('2026-11-24'))).toBe(8);
    expect(daysToLongTerm('2024-02-29', toDay('2025-02-28'))).toBe(1);
  });

  it('catches a short-term gain on a lot turning long within 31 days', () => {
    const s = scenario();
    settingsOf(s, 'A1').tax = { avoidShortTermGains: true };
    sellNewLot(s, '2025-12-01', 'short'); // long-term from 2026-12-02, 8 days away
    expect(rulesOf(checkTaxRules, s)).toEqual(['A1:tax.avoidShortTermGains']);
    const far = scenario();
    settingsOf(far, 'A1').tax = { avoidShortTermGains: true };
    sellNewLot(far, '2026-01-01', 'short'); // 39 days away
    expect(rulesOf(checkTaxRules, far)).toEqual([]);
    const off = scenario();
    sellNewLot(off, '2025-12-01', 'short');
    expect(rulesOf(checkTaxRules, off)).toEqual([]);
  });

  it('catches a taxLossHarvest trade when harvesting is off', () => {
    const s = scenario();
    proposalOf(s, 'A1').trades[0]!.reasons.push('taxLossHarvest');
    expect(rulesOf(checkTaxRules, s)).toEqual(['A1:tax.harvestLosses']);
    settingsOf(s, 'A1').tax = { harvestLosses: true };
    expect(rulesOf(checkTaxRules, s)).toEqual([]);
  });
});
