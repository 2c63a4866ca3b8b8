/**
 * Scenarios about the rules an account sets itself: a sector screen, a substitution, a trading
 * mode, and two restrictions that contradict each other. See docs/scenarios.md.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { ScenarioRun } from './scenario-support.js';
import {
  quantityTraded,
  reasonsOf,
  runScenario,
  soldFromLot,
  tradesOf,
  valueTraded,
} from './scenario-support.js';

describe('sector-screen: an Energy screen on a model that holds XOM', () => {
  let run: ScenarioRun;
  beforeAll(() => {
    run = runScenario('sector-screen');
  });

  it('breaks no rule of the spec', () => {
    expect(run.violations).toEqual([]);
  });

  it('sells the whole XOM position for the restriction and never buys it', () => {
    const joint = run.account('joint');
    const [sale, ...more] = tradesOf(joint, 'XOM', 'sell');
    expect(more).toEqual([]);
    expect(sale?.quantity).toBe(100);
    expect(sale?.reasons).toContain('restriction');
    expect(sale?.lots).toEqual([
      { lot: 'S2', quantity: 100, costBasis: 6000, gain: 4000, term: 'long' },
    ]);
    expect(tradesOf(joint, 'XOM', 'buy')).toEqual([]);
    expect(run.heldAfter('joint', 'XOM')).toBe(0);
  });

  it('puts the proceeds into the equity that remains, not into cash', () => {
    const joint = run.account('joint');
    const equityBought = valueTraded(joint, 'VOO', 'buy') + valueTraded(joint, 'AAPL', 'buy');
    expect(equityBought).toBeGreaterThan(5000);
    expect(joint.summary.after.cash).toBeLessThanOrEqual(5000);
  });

  it('still tracks the unscreened model, so the screen costs tracking error', () => {
    // XOM's own risk alone: 10% of the model × √0.04 = 2%.
    expect(run.account('joint').summary.after.trackingError).toBeGreaterThanOrEqual(0.0199);
  });
});

describe('substitution: hold IEFA wherever the model says VEA', () => {
  let run: ScenarioRun;
  beforeAll(() => {
    run = runScenario('substitution');
  });

  it('breaks no rule of the spec', () => {
    expect(run.violations).toEqual([]);
  });

  it('fills the international sleeve with IEFA and never buys VEA', () => {
    const joint = run.account('joint');
    expect(tradesOf(joint, 'VEA', 'buy')).toEqual([]);
    expect(quantityTraded(joint, 'IEFA', 'buy')).toBeGreaterThan(0);
    const sleeve = run.heldAfter('joint', 'IEFA') * 80 + run.heldAfter('joint', 'VEA') * 50;
    expect(sleeve).toBeGreaterThanOrEqual(17_000);
    expect(sleeve).toBeLessThanOrEqual(23_000);
  });

  it('keeps the VEA lot with its gain: the substitution allows holding it', () => {
    expect(soldFromLot(run.account('joint'), 'U2')).toBe(0);
  });
});

describe('buy-only-mode: overweight VOO, a harvestable loss, and no sells allowed', () => {
  let run: ScenarioRun;
  beforeAll(() => {
    run = runScenario('buy-only-mode');
  });

  it('breaks no rule of the spec', () => {
    expect(run.violations).toEqual([]);
  });

  it('sells nothing, not even the loss lot a harvest would take', () => {
    const joint = run.account('joint');
    expect(tradesOf(joint, undefined, 'sell')).toEqual([]);
    expect(soldFromLot(joint, 'B2')).toBe(0);
    expect(reasonsOf(joint).has('taxLossHarvest')).toBe(false);
  });

  it('spends its cash on the underweight BND and drifts less', () => {
    const joint = run.account('joint');
    expect(joint.status).toBe('ok');
    expect(quantityTraded(joint, 'BND', 'buy')).toBeGreaterThan(0);
    expect(tradesOf(joint, 'VOO', 'buy')).toEqual([]);
    expect(valueTraded(joint, 'BND', 'buy')).toBeLessThanOrEqual(5000);
    expect(joint.summary.after.maxDrift).toBeLessThan(joint.summary.before.maxDrift);
  });
});

describe('contradictory-settings: XOM under both noHold and noSell in one account', () => {
  let run: ScenarioRun;
  beforeAll(() => {
    run = runScenario('contradictory-settings');
  });

  it('breaks no rule of the spec', () => {
    expect(run.violations).toEqual([]);
  });

  it('answers that account with an error naming XOM, and no trades', () => {
    const joint = run.account('joint');
    expect(joint.status).toBe('error');
    expect(joint.trades).toEqual([]);
    expect(joint.error?.message).toContain('XOM');
    expect(joint.error?.message).toMatch(/noHold/);
    expect(joint.error?.message).toMatch(/noSell/);
  });

  it('still rebalances the other account of the household', () => {
    const ira = run.account('ira');
    expect(ira.status).toBe('ok');
    expect(ira.error).toBeNull();
    expect(quantityTraded(ira, 'VOO', 'sell')).toBeGreaterThan(0);
    expect(quantityTraded(ira, 'BND', 'buy')).toBeGreaterThan(0);
  });
});
