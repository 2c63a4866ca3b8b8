import { describe, expect, it } from 'vitest';
import { discretizeHousehold } from './discretize.js';
import type { LotFacts } from '../context/index.js';
import { preferenceOrder, roundPlan } from './round-plan.js';
import { acct, handPlan, household, lot, prepare, sec } from './test-support/household.js';

const byLot = (ids: string[], sell: Float64Array) =>
  Object.fromEntries(ids.map((id, k) => [id, sell[k]]));

describe('roundPlan: buys', () => {
  const request = (fractional: boolean) =>
    household([sec('X', 100, { lotSize: 10 }), sec('Y', 50)], { X: 0.5, Y: 0.5 }, [
      acct('A', 100_000, [], { trading: { allowFractional: fractional } }),
    ]);

  it('rounds to the nearest lotSize multiple in a whole-share account', () => {
    const { ctx, form } = prepare(request(false));
    expect(
      Array.from(roundPlan(ctx, handPlan(ctx, form, 'A', {}, { X: 14.9, Y: 16.4 })).buy),
    ).toEqual([10, 16]);
    expect(
      Array.from(roundPlan(ctx, handPlan(ctx, form, 'A', {}, { X: 15.1, Y: 16.6 })).buy),
    ).toEqual([20, 17]);
  });

  it('rounds to 6 decimals in a fractional account, ignoring lotSize, and drops dust', () => {
    const { ctx, form } = prepare(request(true));
    const plan = roundPlan(ctx, handPlan(ctx, form, 'A', {}, { X: 3.1234567, Y: 4e-7 }));
    expect(Array.from(plan.buy)).toEqual([3.123457, 0]);
  });
});

describe('roundPlan: sells', () => {
  // L1 gains 50 a share, L2 loses 50 a share; harvesting is off, so both are ordinary lots.
  const lots = [lot('L1', 'X', 10, 500), lot('L2', 'X', 10, 1500)];
  const request = household([sec('X', 100)], { X: 0.9 }, [acct('A', 0, lots)]);

  it('spreads the rounded total over lots in the optimizer order: larger fraction first', () => {
    const { ctx, form } = prepare(request);
    const plan = roundPlan(ctx, handPlan(ctx, form, 'A', { L1: 6, L2: 0.7 }, {}));
    expect(byLot(['L1', 'L2'], plan.sell)).toEqual({ L1: 7, L2: 0 });
  });

  it('breaks ties in fraction by the lower gain per share', () => {
    const { ctx, form } = prepare(request);
    const plan = roundPlan(ctx, handPlan(ctx, form, 'A', { L1: 2.3, L2: 2.3 }, {}));
    expect(byLot(['L1', 'L2'], plan.sell)).toEqual({ L1: 0, L2: 5 });
  });

  it('never sells a frozen lot', () => {
    const frozen = household([sec('X', 100)], { X: 0.9 }, [
      acct('A', 0, lots, { restrictions: [{ security: 'X', rule: 'noSell' }] }),
    ]);
    const { ctx, form } = prepare(frozen);
    const plan = roundPlan(ctx, handPlan(ctx, form, 'A', { L1: 9.8, L2: 9.9 }, {}));
    expect(Array.from(plan.sell)).toEqual([0, 0]);
  });
});

describe('closing a position', () => {
  const request = household([sec('X', 100)], { X: 0.5 }, [
    acct('A', 0, [lot('L1', 'X', 6, 300), lot('L2', 'X', 4.4, 300)]),
  ]);

  it('sells every share, fractional lot included, when the optimum nearly empties it', () => {
    const { ctx, form } = prepare(request);
    const [plan] = discretizeHousehold(ctx, [handPlan(ctx, form, 'A', { L1: 6, L2: 4.1 }, {})]);
    expect(Array.from(plan!.sell)).toEqual([6, 4.4]);
    expect(plan!.warnings).toEqual([
      'sell of 10.4 X is not a multiple of its lotSize 1: it closes the position',
    ]);
  });

  it('rounds to whole shares when the optimum keeps more than half a share', () => {
    const { ctx, form } = prepare(request);
    const [plan] = discretizeHousehold(ctx, [handPlan(ctx, form, 'A', { L1: 6, L2: 3.8 }, {})]);
    expect(Array.from(plan!.sell)).toEqual([6, 4]);
    expect(plan!.warnings).toEqual([]);
  });
});

describe('inside the drift threshold', () => {
  // L1 gains, L2 (0.6 shares) is a harvest; the drift trigger caps every other sale.
  const request = (threshold: number) =>
    household([sec('X', 100)], { X: 0.9 }, [
      acct('A', 0, [lot('L1', 'X', 10, 500), lot('L2', 'X', 0.6, 90)], {
        tax: { harvestLosses: true },
        drift: { threshold },
      }),
    ]);

  it('rounds a harvest down rather than up into a gain lot the optimum left alone', () => {
    const { ctx, form } = prepare(request(1));
    expect(ctx.accounts[0]!.withinDrift).toBe(true);
    const plan = roundPlan(ctx, handPlan(ctx, form, 'A', { L2: 0.6 }, {}));
    expect(byLot(['L1', 'L2'], plan.sell)).toEqual({ L1: 0, L2: 0 });
  });

  it('rounds up as usual once the trigger has fired', () => {
    const { ctx, form } = prepare(request(0));
    expect(ctx.accounts[0]!.withinDrift).toBe(false);
    const plan = roundPlan(ctx, handPlan(ctx, form, 'A', { L2: 0.6 }, {}));
    expect(byLot(['L1', 'L2'], plan.sell)).toEqual({ L1: 0.4, L2: 0.6 });
  });
});

describe('preferenceOrder', () => {
  it('ranks by sold fraction, then lower gain per share, then lot index, whatever the input order', () => {
    const f = (quantity: number, gainUsd: number) => ({ quantity, gainUsd }) as LotFacts;
    const facts = [f(10, 50), f(10, 50), f(20, -100), f(5, 0)];
    const sold = Float64Array.of(5, 5, 10, 5); // fractions 0.5, 0.5, 0.5, 1
    expect(preferenceOrder([0, 1, 2, 3], facts, sold)).toEqual([3, 2, 0, 1]);
    expect(preferenceOrder([1, 0, 3, 2], facts, sold)).toEqual([3, 2, 0, 1]);
    expect(preferenceOrder([2], facts, sold)).toEqual([2]);
  });

  it('gives the same order by insertion (up to 32 lots) and by Array.prototype.sort (more)', () => {
    const f = (quantity: number, gainUsd: number) => ({ quantity, gainUsd }) as LotFacts;
    // 40 lots: fractions from 4 values and gains from 3, so every key ties somewhere.
    const facts = Array.from({ length: 40 }, (_, l) => f(10, 10 * ((l * 7) % 3)));
    const sold = Float64Array.from({ length: 40 }, (_, l) => (l * 5) % 4);
    const expected = (lots: number[]) =>
      [...lots].sort(
        (a, b) => sold[b]! / 10 - sold[a]! / 10 || facts[a]!.gainUsd - facts[b]!.gainUsd || a - b,
      );
    const all = Array.from({ length: 40 }, (_, l) => 39 - l);
    expect(preferenceOrder(all, facts, sold)).toEqual(expected(all));
    const some = all.filter((l) => l % 3 !== 0).slice(0, 20);
    expect(preferenceOrder(some, facts, sold)).toEqual(expected(some));
  });
});
