/**
 * Scenarios about taxes: a harvest with its replacement, a gain budget that binds, a harvest an
 * IRA purchase blocks, and a short-term gain worth waiting for. See docs/scenarios.md.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { ScenarioRun } from './scenario-support.js';
import { reasonsOf, runScenario, soldFromLot, tradesOf } from './scenario-support.js';

describe('harvest-with-replacement: a VOO lot $5,000 under water in the joint account', () => {
  let run: ScenarioRun;
  beforeAll(() => {
    run = runScenario('harvest-with-replacement');
  });

  it('breaks no rule of the spec', () => {
    expect(run.violations).toEqual([]);
  });

  it('sells lot L2 at its short-term loss and leaves the gain lot L1 alone', () => {
    const joint = run.account('joint');
    const line = joint.trades.flatMap((t) => t.lots ?? []).find((l) => l.lot === 'L2');
    expect(line).toMatchObject({ quantity: 50, costBasis: 30_000, gain: -5000, term: 'short' });
    const sale = tradesOf(joint, 'VOO', 'sell')[0];
    expect(sale?.reasons).toContain('taxLossHarvest');
    expect(soldFromLot(joint, 'L1')).toBe(0);
  });

  it("buys SCHX, VOO's non-identical replacement, as the replacement", () => {
    const [buy] = tradesOf(run.account('joint'), 'SCHX', 'buy');
    expect(buy?.reasons).toContain('replacement');
  });

  it('never buys VOO or IVV in any account, the IRA included', () => {
    for (const account of run.response.accounts) {
      expect(tradesOf(account, 'VOO', 'buy')).toEqual([]);
      expect(tradesOf(account, 'IVV', 'buy')).toEqual([]);
    }
  });

  it('realizes the loss and saves tax', () => {
    const { summary } = run.account('joint');
    expect(summary.realized.shortTerm).toBeLessThanOrEqual(-5000 + 0.005);
    expect(summary.estimatedTax).toBeLessThan(0);
  });
});

describe('gain-budget-binding: $40,000 of legacy AAPL and $5,000 of long-term gain allowed', () => {
  let run: ScenarioRun;
  beforeAll(() => {
    run = runScenario('gain-budget-binding');
  });

  it('breaks no rule of the spec', () => {
    expect(run.violations).toEqual([]);
  });

  it('uses the budget but never exceeds it, so nothing is relaxed', () => {
    const joint = run.account('joint');
    expect(joint.status).toBe('ok');
    expect(joint.summary.relaxed).toEqual([]);
    expect(joint.summary.realized.longTerm).toBeGreaterThanOrEqual(4000);
    expect(joint.summary.realized.longTerm).toBeLessThanOrEqual(5000 + 0.005);
    expect(joint.summary.realized.shortTerm).toBeLessThanOrEqual(0.005);
  });

  it('sells the high-basis lot A2 first, so the budget buys the most shares', () => {
    const joint = run.account('joint');
    expect(soldFromLot(joint, 'A2')).toBeGreaterThan(0);
    if (soldFromLot(joint, 'A1') > 0) expect(soldFromLot(joint, 'A2')).toBe(100);
  });

  it('keeps the rest of the AAPL for a later year', () => {
    expect(run.heldAfter('joint', 'AAPL')).toBeGreaterThan(0);
  });
});

describe('ira-purchase-blocks-harvest: the IRA bought IVV ten days ago', () => {
  let run: ScenarioRun;
  beforeAll(() => {
    run = runScenario('ira-purchase-blocks-harvest');
  });

  it('breaks no rule of the spec', () => {
    expect(run.violations).toEqual([]);
  });

  it('does not harvest the VOO loss in the joint account: the IRA purchase would wash it', () => {
    const joint = run.account('joint');
    expect(soldFromLot(joint, 'L2')).toBe(0);
    expect(reasonsOf(joint).has('taxLossHarvest')).toBe(false);
    expect(reasonsOf(joint).has('replacement')).toBe(false);
    const losses = joint.trades.flatMap((t) => t.lots ?? []).filter((l) => l.gain < 0);
    expect(losses).toEqual([]);
    expect(joint.summary.realized.shortTerm).toBeGreaterThanOrEqual(0);
  });
});

describe('short-term-gain-deferred: an AAPL lot turns long-term in 18 days', () => {
  let run: ScenarioRun;
  beforeAll(() => {
    run = runScenario('short-term-gain-deferred');
  });

  it('breaks no rule of the spec', () => {
    expect(run.violations).toEqual([]);
  });

  it('holds the short-term lot S1 back and sells the long-term lot L1 instead', () => {
    const joint = run.account('joint');
    expect(soldFromLot(joint, 'S1')).toBe(0);
    expect(soldFromLot(joint, 'L1')).toBeGreaterThan(0);
    expect(joint.summary.realized.shortTerm).toBeCloseTo(0, 2);
  });
});
