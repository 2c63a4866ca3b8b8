import { describe, expect, it } from 'vitest';
import { checkShape } from './check-shape.js';
import { proposalOf, rulesOf, scenario } from './proposal-fixture.js';

describe('checkShape', () => {
  it('passes the valid proposal', () => {
    expect(rulesOf(checkShape, scenario())).toEqual([]);
  });

  it('catches a wrong asOf, and accounts missing or out of order', () => {
    const s = scenario();
    s.response.asOf = '2026-11-25';
    expect(rulesOf(checkShape, s)).toEqual([':shape.asOf']);
    const reordered = scenario();
    reordered.response.accounts.reverse();
    expect(rulesOf(checkShape, reordered)).toEqual([':shape.accounts']);
    const missing = scenario();
    missing.response.accounts.pop();
    expect(rulesOf(checkShape, missing)).toEqual([':shape.accounts']);
  });

  it('catches an error on a non-error status, and an error status without one', () => {
    const s = scenario();
    proposalOf(s, 'A1').error = { code: 'x', message: 'y' };
    expect(rulesOf(checkShape, s)).toContain('A1:shape.error');
    const t = scenario();
    proposalOf(t, 'A2').status = 'error';
    expect(rulesOf(checkShape, t)).toContain('A2:shape.error');
  });

  it('catches statuses that disagree with trades and relaxations', () => {
    const ok = scenario();
    proposalOf(ok, 'A2').status = 'ok';
    expect(rulesOf(checkShape, ok)).toContain('A2:shape.status');
    const noTrade = scenario();
    proposalOf(noTrade, 'A1').status = 'noTrade';
    expect(rulesOf(checkShape, noTrade)).toContain('A1:shape.status');
    const relaxed = scenario();
    proposalOf(relaxed, 'A1').status = 'relaxed';
    expect(rulesOf(checkShape, relaxed)).toContain('A1:shape.status');
    const listed = scenario();
    proposalOf(listed, 'A1').summary.relaxed.push({
      setting: 'trading.maxTurnover',
      limit: 0.1,
      actual: 0.2,
    });
    expect(rulesOf(checkShape, listed)).toContain('A1:shape.status');
    proposalOf(listed, 'A1').status = 'relaxed';
    expect(rulesOf(checkShape, listed)).toEqual([]);
  });

  it('catches a held-away account that trades or relaxes', () => {
    const s = scenario();
    const a3 = proposalOf(s, 'A3');
    a3.status = 'ok';
    a3.trades.push({
      security: 'AAA',
      side: 'buy',
      quantity: 1,
      price: 100,
      value: 100,
      reasons: ['model'],
    });
    expect(rulesOf(checkShape, s)).toEqual(['A3:shape.heldAway']);
  });

  it('catches what the interchange schema rejects', () => {
    const s = scenario();
    proposalOf(s, 'A1').trades[1]!.reasons = [];
    expect(rulesOf(checkShape, s)).toEqual([':shape.schema']);
  });
});
