import { describe, expect, it } from 'vitest';
import { checkLimits } from './check-limits.js';
import { proposalOf, rulesOf, scenario, settingsOf } from './proposal-fixture.js';

describe('checkLimits', () => {
  it('passes the valid proposal', () => {
    expect(rulesOf(checkLimits, scenario())).toEqual([]);
  });

  it('catches turnover above maxTurnover unless relaxed', () => {
    const s = scenario();
    settingsOf(s, 'A1').trading = { maxTurnover: 0.2 }; // turnover 0.2375
    expect(rulesOf(checkLimits, s)).toEqual(['A1:limit.trading.maxTurnover']);
    proposalOf(s, 'A1').summary.relaxed.push({
      setting: 'trading.maxTurnover',
      limit: 0.2,
      actual: 0.2375,
    });
    expect(rulesOf(checkLimits, s)).toEqual([]);
    settingsOf(s, 'A1').trading = { maxTurnover: 0.25 };
    expect(rulesOf(checkLimits, s)).toEqual(['A1:relaxed.limit']);
    proposalOf(s, 'A1').summary.relaxed[0] = {
      setting: 'trading.maxTurnover',
      limit: 0.25,
      actual: 0.2375,
    };
    expect(rulesOf(checkLimits, s)).toEqual(['A1:relaxed.actual']);
  });

  it('holds the household to the strictest gain budget of its tradable accounts', () => {
    const s = scenario();
    settingsOf(s, 'A1').tax = { gainBudget: { shortTerm: -100, longTerm: 0 } }; // realized ST −200
    settingsOf(s, 'A3').tax = { gainBudget: { shortTerm: -1000, longTerm: 0 } }; // held away: ignored
    expect(rulesOf(checkLimits, s)).toEqual([]);
    settingsOf(s, 'A2').tax = { gainBudget: { shortTerm: -300, longTerm: 0 } };
    expect(rulesOf(checkLimits, s)).toEqual([
      'A1:limit.tax.gainBudget.shortTerm',
      'A2:limit.tax.gainBudget.shortTerm',
    ]);
    const t = scenario();
    settingsOf(t, 'A1').tax = { gainBudget: { shortTerm: 0, longTerm: 0, total: -250 } };
    expect(rulesOf(checkLimits, t)).toEqual(['A1:limit.tax.gainBudget.total']);
  });

  it('counts disallowed losses against the gain budget', () => {
    const s = scenario();
    settingsOf(s, 'A1').tax = { gainBudget: { shortTerm: -150, longTerm: 0 } };
    expect(rulesOf(checkLimits, s)).toEqual([]);
    proposalOf(s, 'A1').trades[0]!.lots![0]!.washSaleDisallowed = 100; // net ST −100
    expect(rulesOf(checkLimits, s)).toEqual(['A1:limit.tax.gainBudget.shortTerm']);
  });

  it('catches tracking error above its limit, household-wide in household mode', () => {
    const s = scenario();
    settingsOf(s, 'A1').risk = { maxTrackingError: 0.005 }; // after ≈ 0.0096
    expect(rulesOf(checkLimits, s)).toEqual(['A1:limit.risk.maxTrackingError']);
    const h = scenario();
    h.request.household.model = 'M1';
    settingsOf(h, 'A1').risk = { maxTrackingError: 0.05 };
    settingsOf(h, 'A2').risk = { maxTrackingError: 0.001 };
    for (const p of h.response.accounts) p.summary.after.trackingError = 0.003;
    expect(rulesOf(checkLimits, h)).toEqual([
      'A1:limit.risk.maxTrackingError',
      'A2:limit.risk.maxTrackingError',
    ]);
  });

  it('catches a small trade unless it closes a position or is forced', () => {
    const s = scenario();
    settingsOf(s, 'A1').trading = { minTradeValue: 1200 }; // the noHold sale of 1000 is exempt
    expect(rulesOf(checkLimits, s)).toEqual(['A1:limit.trading.minTradeValue']);
    proposalOf(s, 'A1').trades[1] = {
      security: 'AAA',
      side: 'sell',
      quantity: 10,
      price: 100,
      value: 1000,
      reasons: ['drift'],
      lots: [{ lot: 'L1', quantity: 10, costBasis: 800, gain: 200, term: 'long' }],
    };
    expect(rulesOf(checkLimits, s)).toEqual([]);
  });

  it('catches relaxations of settings the account does not have', () => {
    const s = scenario();
    const relaxed = proposalOf(s, 'A1').summary.relaxed;
    relaxed.push({ setting: 'trading.maxTurnover', limit: 0.1, actual: 0.2 });
    relaxed.push({ setting: 'cash.min', limit: 0.01, actual: 0 });
    expect(rulesOf(checkLimits, s)).toEqual(['A1:relaxed.setting', 'A1:relaxed.setting']);
  });
});
