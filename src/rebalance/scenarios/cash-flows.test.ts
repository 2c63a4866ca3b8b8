/**
 * Scenarios about moving money: an account that drifted, one with new cash to invest, one that
 * must raise a withdrawal. See docs/scenarios.md.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { ScenarioRun } from './scenario-support.js';
import {
  quantityTraded,
  runScenario,
  soldFromLot,
  tradesOf,
  valueTraded,
} from './scenario-support.js';

describe('pure-drift: an IRA 80/15 against a 60/38 model', () => {
  let run: ScenarioRun;
  beforeAll(() => {
    run = runScenario('pure-drift');
  });

  it('breaks no rule of the spec', () => {
    expect(run.violations).toEqual([]);
  });

  it('measures the drift before: BND is 15% against 38%', () => {
    expect(run.account('ira').summary.before.maxDrift).toBeCloseTo(0.23, 6);
  });

  it('sells the overweight VOO, buys the underweight BND, and nothing else', () => {
    const ira = run.account('ira');
    expect(ira.status).toBe('ok');
    expect(ira.trades).toHaveLength(2);
    expect(quantityTraded(ira, 'VOO', 'sell')).toBeGreaterThanOrEqual(36);
    expect(quantityTraded(ira, 'VOO', 'sell')).toBeLessThanOrEqual(44);
    expect(quantityTraded(ira, 'BND', 'buy')).toBeGreaterThanOrEqual(290);
    expect(quantityTraded(ira, 'BND', 'buy')).toBeLessThanOrEqual(320);
  });

  it('ends on model, with no tax in a deferred account', () => {
    const { summary } = run.account('ira');
    expect(summary.after.maxDrift).toBeLessThanOrEqual(0.01);
    expect(summary.after.trackingError).toBeLessThan(summary.before.trackingError);
    expect(summary.realized).toEqual({ shortTerm: 0, longTerm: 0, washSaleDisallowed: 0 });
    expect(summary.estimatedTax).toBe(0);
  });
});

describe('new-cash: half the account arrived as cash', () => {
  let run: ScenarioRun;
  beforeAll(() => {
    run = runScenario('new-cash');
  });

  it('breaks no rule of the spec', () => {
    expect(run.violations).toEqual([]);
  });

  it('invests the cash with buys alone, selling nothing that holds a gain', () => {
    const joint = run.account('joint');
    expect(tradesOf(joint, undefined, 'sell')).toEqual([]);
    expect(quantityTraded(joint, 'VOO', 'buy')).toBeGreaterThanOrEqual(55);
    expect(quantityTraded(joint, 'VOO', 'buy')).toBeLessThanOrEqual(62);
    expect(quantityTraded(joint, 'BND', 'buy')).toBeGreaterThanOrEqual(230);
    expect(quantityTraded(joint, 'BND', 'buy')).toBeLessThanOrEqual(250);
  });

  it("keeps about the model's 2% in cash and ends on model", () => {
    const { summary } = run.account('joint');
    expect(summary.after.cash).toBeGreaterThanOrEqual(500);
    expect(summary.after.cash).toBeLessThanOrEqual(3500);
    expect(summary.after.maxDrift).toBeLessThanOrEqual(0.01);
    expect(summary.realized.shortTerm + summary.realized.longTerm).toBe(0);
  });
});

describe('withdrawal: raise $20,000 plus a 1% cash minimum', () => {
  let run: ScenarioRun;
  beforeAll(() => {
    run = runScenario('withdrawal');
  });

  it('breaks no rule of the spec', () => {
    expect(run.violations).toEqual([]);
  });

  it('lets the withdrawal leave and keeps the cash minimum of V − W', () => {
    const { summary } = run.account('joint');
    expect(summary.after.value).toBeCloseTo(80_000, 2);
    expect(summary.after.cash).toBeGreaterThanOrEqual(800 - 0.005);
  });

  it('raises the cash by selling, each sale for the cash need, and buys nothing', () => {
    const joint = run.account('joint');
    expect(tradesOf(joint, undefined, 'buy')).toEqual([]);
    const sells = tradesOf(joint, undefined, 'sell');
    expect(sells.reduce((sum, t) => sum + t.value, 0)).toBeGreaterThanOrEqual(18_750 - 0.005);
    for (const t of sells) expect(t.reasons).toContain('cashNeed');
  });

  it('sells pro rata, staying on model', () => {
    const joint = run.account('joint');
    expect(valueTraded(joint, 'VOO', 'sell')).toBeGreaterThan(0);
    expect(valueTraded(joint, 'BND', 'sell')).toBeGreaterThan(0);
    expect(joint.summary.after.maxDrift).toBeLessThanOrEqual(0.02);
  });

  it('relieves the high-basis VOO lot W2 and leaves the low-basis W1 alone', () => {
    const joint = run.account('joint');
    expect(soldFromLot(joint, 'W2')).toBeGreaterThan(0);
    expect(soldFromLot(joint, 'W1')).toBe(0);
  });
});
