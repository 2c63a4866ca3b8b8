import { describe, expect, it } from 'vitest';
import { discretizeHousehold } from './discretize.js';
import { acct, handPlan, household, lot, prepare, sec } from './test-support/household.js';

describe('rules checked on the discrete trades', () => {
  const securities = [
    sec('X', 100, { washGroup: 'x' }),
    sec('X2', 50, { washGroup: 'x' }),
    sec('Y', 100),
  ];
  const lots = [lot('L1', 'X', 10, 1500)];

  it('drops a buy, in any account, of a wash set sold at a loss in a taxable account', () => {
    const request = household(securities, { X: 0.5, Y: 0.5 }, [
      acct('A', 0, lots),
      acct('B', 1000, [], {}, { taxStatus: 'exempt' }),
    ]);
    const { ctx, form } = prepare(request);
    const plans = discretizeHousehold(ctx, [
      handPlan(ctx, form, 'A', { L1: 10 }, { Y: 10 }),
      handPlan(ctx, form, 'B', {}, { X2: 10, Y: 5 }),
    ]);
    expect(Array.from(plans[0]!.buy)).toEqual([0, 0, 10]);
    expect(Array.from(plans[1]!.buy)).toEqual([0, 0, 5]);
  });

  it('keeps the same buy when the sale is at a loss only in a deferred account', () => {
    const request = household(securities, { X: 0.5, Y: 0.5 }, [
      acct('A', 0, lots, {}, { taxStatus: 'deferred' }),
      acct('B', 1000, [], {}, { taxStatus: 'exempt' }),
    ]);
    const { ctx, form } = prepare(request);
    const plans = discretizeHousehold(ctx, [
      handPlan(ctx, form, 'A', { L1: 10 }, { Y: 10 }),
      handPlan(ctx, form, 'B', {}, { X2: 10, Y: 5 }),
    ]);
    expect(Array.from(plans[1]!.buy)).toEqual([0, 10, 5]);
  });

  it('never buys a noBuy security, whatever the continuous plan says', () => {
    const settings = { restrictions: [{ security: 'Y', rule: 'noBuy' as const }] };
    const { ctx, form } = prepare(household(securities, { Y: 1 }, [acct('A', 1000, [], settings)]));
    const plan = handPlan(ctx, form, 'A', {}, {});
    plan.buyQuantity[2] = 10;
    expect(Array.from(discretizeHousehold(ctx, [plan])[0]!.buy)).toEqual([0, 0, 0]);
  });
});
