/**
 * Scenarios about how accounts follow models: a model of models, an account without a model, a
 * household model with asset location, and a held-away account. See docs/scenarios.md.
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

describe('model-of-models: 60% equity (VOO/VEA 70/30) and 38% bonds (BND/AGG 60/40)', () => {
  let run: ScenarioRun;
  beforeAll(() => {
    run = runScenario('model-of-models');
  });

  it('breaks no rule of the spec', () => {
    expect(run.violations).toEqual([]);
  });

  it('invests the cash at the flattened weights 42/18/22.8/15.2', () => {
    const ira = run.account('ira');
    expect(tradesOf(ira, undefined, 'sell')).toEqual([]);
    const expected: [string, number][] = [
      ['VOO', 84],
      ['VEA', 360],
      ['BND', 304],
      ['AGG', 152],
    ];
    for (const [security, shares] of expected) {
      expect(Math.abs(quantityTraded(ira, security, 'buy') - shares)).toBeLessThanOrEqual(2);
    }
    expect(ira.summary.after.maxDrift).toBeLessThanOrEqual(0.005);
  });
});

describe('model-null-account: no model, a VEA lot $6,000 under water', () => {
  let run: ScenarioRun;
  beforeAll(() => {
    run = runScenario('model-null-account');
  });

  it('breaks no rule of the spec', () => {
    expect(run.violations).toEqual([]);
  });

  it('starts on its own benchmark: no tracking error, no drift', () => {
    const { before } = run.account('joint').summary;
    expect(before.trackingError).toBeCloseTo(0, 6);
    expect(before.maxDrift).toBeCloseTo(0, 6);
  });

  it('harvests VEA and buys IEFA in its place, never VEA', () => {
    const joint = run.account('joint');
    expect(soldFromLot(joint, 'N2')).toBe(400);
    expect(tradesOf(joint, 'VEA', 'sell')[0]?.reasons).toContain('taxLossHarvest');
    const [replacement] = tradesOf(joint, 'IEFA', 'buy');
    expect(replacement?.reasons).toContain('replacement');
    expect(valueTraded(joint, 'IEFA', 'buy')).toBeGreaterThanOrEqual(15_000);
    expect(valueTraded(joint, 'IEFA', 'buy')).toBeLessThanOrEqual(25_000);
    expect(tradesOf(joint, 'VEA', 'buy')).toEqual([]);
    expect(joint.summary.realized.shortTerm).toBeLessThanOrEqual(-6000 + 0.005);
  });

  it('leaves the gain lots alone and stays close to what it held', () => {
    const joint = run.account('joint');
    expect(soldFromLot(joint, 'N1')).toBe(0);
    expect(soldFromLot(joint, 'N3')).toBe(0);
    expect(joint.summary.after.trackingError).toBeLessThan(0.01);
  });
});

describe('household-asset-location: one 60/38 household model over a joint account and an IRA', () => {
  let run: ScenarioRun;
  beforeAll(() => {
    run = runScenario('household-asset-location');
  });

  it('breaks no rule of the spec', () => {
    expect(run.violations).toEqual([]);
  });

  it('moves the bonds, which lose 1.2% a year to tax in a taxable account, to the IRA', () => {
    expect(run.heldAfter('joint', 'BND')).toBeLessThan(run.heldBefore('joint', 'BND') / 2);
    expect(run.heldAfter('ira', 'BND')).toBeGreaterThan(run.heldBefore('ira', 'BND'));
    expect(run.heldAfter('joint', 'VOO')).toBeGreaterThan(run.heldBefore('joint', 'VOO'));
  });

  it("reports the household's combined tracking error and drift on every account", () => {
    const joint = run.account('joint').summary.after;
    const ira = run.account('ira').summary.after;
    expect(joint.trackingError).toBeCloseTo(ira.trackingError, 9);
    expect(joint.maxDrift).toBeCloseTo(ira.maxDrift, 9);
    expect(joint.maxDrift).toBeLessThanOrEqual(0.02);
  });
});

describe('held-away-account: a 401(k) all in VOO and a joint account of new cash', () => {
  let run: ScenarioRun;
  beforeAll(() => {
    run = runScenario('held-away-account');
  });

  it('breaks no rule of the spec', () => {
    expect(run.violations).toEqual([]);
  });

  it('never trades the 401(k), and says its settings are ignored', () => {
    const held = run.account('401k');
    expect(held.status).toBe('noTrade');
    expect(held.trades).toEqual([]);
    expect(held.error).toBeNull();
    expect(held.summary.relaxed).toEqual([]);
    expect(held.summary.warnings.join('\n')).toMatch(/ignored/);
  });

  it("reports the household's combined figures on the 401(k) too", () => {
    const held = run.account('401k').summary.after;
    const joint = run.account('joint').summary.after;
    expect(held.maxDrift).toBeCloseTo(joint.maxDrift, 9);
    expect(held.trackingError).toBeCloseTo(joint.trackingError, 9);
  });

  it('counts the 401(k) in the household target, so the joint account buys mostly bonds', () => {
    const joint = run.account('joint');
    expect(valueTraded(joint, 'BND', 'buy')).toBeGreaterThanOrEqual(70_000);
    expect(valueTraded(joint, 'VOO', 'buy')).toBeLessThanOrEqual(25_000);
    expect(joint.summary.after.maxDrift).toBeLessThanOrEqual(0.02);
  });
});
