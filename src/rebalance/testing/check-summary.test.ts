import { describe, expect, it } from 'vitest';
import { checkSummary } from './check-summary.js';
import { proposalOf, rulesOf, scenario } from './proposal-fixture.js';

describe('checkSummary', () => {
  it('passes the valid proposal', () => {
    expect(rulesOf(checkSummary, scenario())).toEqual([]);
  });

  it.each([
    [
      'summary.realized',
      (p: ReturnType<typeof proposalOf>) => (p.summary.realized.shortTerm = -199),
    ],
    ['summary.estimatedTax', (p: ReturnType<typeof proposalOf>) => (p.summary.estimatedTax = -40)],
    ['summary.turnover', (p: ReturnType<typeof proposalOf>) => (p.summary.turnover = 0.2376)],
    [
      'summary.driftBefore',
      (p: ReturnType<typeof proposalOf>) => (p.summary.before.maxDrift = 0.05),
    ],
    ['summary.driftAfter', (p: ReturnType<typeof proposalOf>) => (p.summary.after.maxDrift = 0.5)],
    [
      'summary.trackingErrorBefore',
      (p: ReturnType<typeof proposalOf>) => (p.summary.before.trackingError += 1e-5),
    ],
    [
      'summary.trackingErrorAfter',
      (p: ReturnType<typeof proposalOf>) => (p.summary.after.trackingError = 0),
    ],
  ])('catches a wrong %s', (rule, breakIt) => {
    const s = scenario();
    breakIt(proposalOf(s, 'A1'));
    expect(rulesOf(checkSummary, s)).toEqual([`A1:${rule}`]);
  });

  it('realizes after disallowance, and nothing in deferred accounts', () => {
    const s = scenario();
    const a1 = proposalOf(s, 'A1');
    a1.trades[0]!.lots![0]!.washSaleDisallowed = 50;
    expect(rulesOf(checkSummary, s)).toEqual([
      'A1:summary.estimatedTax',
      'A1:summary.realized',
      'A1:summary.realized',
    ]);
    a1.summary.realized = { shortTerm: -150, longTerm: 0, washSaleDisallowed: 50 };
    a1.summary.estimatedTax = -60;
    expect(rulesOf(checkSummary, s)).toEqual([]);
    const a2 = proposalOf(s, 'A2');
    a2.trades.push({
      security: 'DDD',
      side: 'sell',
      quantity: 10,
      price: 10,
      value: 100,
      reasons: ['drift'],
      lots: [{ lot: 'M1', quantity: 10, costBasis: 120, gain: -20, term: 'short' }],
    });
    a2.summary.turnover = 100 / 3000;
    a2.summary.after.maxDrift = 100 / 1500; // DDD 900 / 1500 against its own 1000 / 1500
    a2.summary.after.trackingError = Math.sqrt(
      0.04 * (1.2 * (100 / 1500)) ** 2 + 0.01 * (100 / 1500) ** 2,
    );
    expect(rulesOf(checkSummary, s)).toEqual([]);
    a2.summary.realized.shortTerm = -20;
    expect(rulesOf(checkSummary, s)).toEqual(['A2:summary.realized']);
  });

  it('checks tracking error only against a risk model that covers the active weights', () => {
    const s = scenario();
    delete s.request.riskModel;
    proposalOf(s, 'A1').summary.before.trackingError = 0.5;
    expect(rulesOf(checkSummary, s)).toEqual([]);
    const t = scenario();
    delete t.request.riskModel!.exposures.AAA;
    proposalOf(t, 'A1').summary.before.trackingError = 0.5;
    expect(rulesOf(checkSummary, t)).toEqual([]);
  });
});
