import { describe, expect, it } from 'vitest';
import { cutBuys } from './cash-repair.js';
import { CashBook, cashAfter } from './discrete-plan.js';
import { discretizeHousehold } from './discretize.js';
import { householdLotLines } from './lot-lines.js';
import { proposedTrades } from './proposed-trades.js';
import { acct, handPlan, household, lot, prepare, sec } from './test-support/household.js';

const securities = [sec('X', 100), sec('Y', 100), sec('Z', 100)];

describe('cash repair', () => {
  it('cuts the buy rounded up the most until the cash rule holds', () => {
    const { ctx, form } = prepare(household(securities, { X: 0.5, Y: 0.5 }, [acct('A', 940, [])]));
    const [plan] = discretizeHousehold(ctx, [handPlan(ctx, form, 'A', {}, { X: 4.6, Y: 4.8 })]);
    // Rounded: 5 + 5 shares = 1000 > 940; X was rounded up by 0.4 share, Y by 0.2.
    expect(Array.from(plan!.buy)).toEqual([4, 5, 0]);
    expect(cashAfter(ctx, plan!).toNumber()).toBe(40);
  });

  it('shares a cut the optimum itself must give up in one round, also in a fractional account', () => {
    // Fractional: nothing is rounded up, so the 260 short comes out of the optimum's buys; a
    // step at a time (1e-6 share) that was 2.6 million rounds.
    const fractional = acct('A', 1300, [], { trading: { allowFractional: true } });
    const { ctx, form } = prepare(household(securities, { X: 0.5, Y: 0.5 }, [fractional]));
    const [plan] = discretizeHousehold(ctx, [handPlan(ctx, form, 'A', {}, { X: 6, Y: 6.5 })]);
    expect(Array.from(plan!.buy)).toEqual([6, 6.5, 0]);
    let rounds = 0;
    const need = (): number => {
      rounds++;
      return 310 - cashAfter(ctx, plan!).toNumber();
    };
    cutBuys(ctx, plan!, new CashBook(ctx, plan!), need);
    expect(rounds).toBeLessThanOrEqual(3);
    // Cash after the buys is 50, 260 short of 310. Both buys sit exactly at their optimum, so
    // water-filling takes the same value, 130, from each.
    expect(plan!.buy[0]).toBeCloseTo(4.7, 6);
    expect(plan!.buy[1]).toBeCloseTo(5.2, 6);
    expect(cashAfter(ctx, plan!).toNumber()).toBeGreaterThanOrEqual(310);
  });

  it('leaves buys alone when rounding keeps the cash rule', () => {
    const { ctx, form } = prepare(household(securities, { X: 0.5, Y: 0.5 }, [acct('A', 1000, [])]));
    const [plan] = discretizeHousehold(ctx, [handPlan(ctx, form, 'A', {}, { X: 4.6, Y: 4.8 })]);
    expect(Array.from(plan!.buy)).toEqual([5, 5, 0]);
  });

  it('adds sales, the cheapest tax per currency unit first, when rounding sells down breaks it', () => {
    // V = 2100, W = 1000, cash.min 1% of 1100 = 11: the optimum sells 9.11 shares, 9 are too few.
    const lots = [lot('G', 'X', 10, 200), lot('L', 'X', 10, 1500)];
    const settings = { cash: { withdrawal: 1000, min: 0.01 } };
    const { ctx, form } = prepare(
      household(securities, { X: 0.9 }, [acct('A', 100, lots, settings)]),
    );
    const [plan] = discretizeHousehold(ctx, [handPlan(ctx, form, 'A', { L: 9.11 }, {})]);
    expect(Array.from(plan!.sell)).toEqual([0, 10]);
    expect(cashAfter(ctx, plan!).toNumber()).toBe(100);
  });
});

describe('gain budget trim', () => {
  // 20 long-term shares with a gain of 105 each; the household may realize 1000 long-term.
  const request = household([sec('X', 205)], { X: 0.5 }, [
    acct('A', 0, [lot('L1', 'X', 20, 2000)], {
      tax: { gainBudget: { shortTerm: 0, longTerm: 1000 } },
    }),
  ]);

  it('trims a gain sale rounded over a budget the optimum met', () => {
    const { ctx, form } = prepare(request);
    // 9.5 shares realize 997.50; 10 would realize 1050.
    const [plan] = discretizeHousehold(ctx, [handPlan(ctx, form, 'A', { L1: 9.5 }, {})]);
    expect(Array.from(plan!.sell)).toEqual([9]);
  });

  it('trims a fractional account by the shares the excess needs, to the millionth of a share', () => {
    // Short-term lots: X gains 5 a share; Y0…Y9 each lose 10 a share. The optimum sells 2.008 X
    // (+10.04) and 0.1004 of each Y (−1.004 each): net 0, within the budget of 0. Each loss line
    // rounds to −1.00, so the trades realize +0.04 and X's sale must fall below 2.001 shares
    // (5 × 2.000999 = 10.004995 rounds to 10.00): 7,001 steps of a millionth, taken in one pick.
    const recent = '2026-09-01';
    const ys = Array.from({ length: 10 }, (_, i) => `Y${i}`);
    const fractional = household([sec('X', 100), ...ys.map((id) => sec(id, 100))], { X: 0.5 }, [
      acct(
        'A',
        0,
        [lot('LX', 'X', 3, 285, recent), ...ys.map((id) => lot(`L${id}`, id, 1, 110, recent))],
        {
          trading: { allowFractional: true },
          tax: { gainBudget: { shortTerm: 0, longTerm: 1_000_000 } },
        },
      ),
    ]);
    const { ctx, form } = prepare(fractional);
    const sells = Object.fromEntries([['LX', 2.008], ...ys.map((id) => [`L${id}`, 0.1004])]);
    const [plan] = discretizeHousehold(ctx, [handPlan(ctx, form, 'A', sells, {})]);
    expect(Array.from(plan!.sell)).toEqual([2.000999, ...ys.map(() => 0.1004)]);
  });

  it('trims a gain sale whose optimum is over the budget by solver noise only', () => {
    // A $1M household: the QP's budget row holds to ~1e-7 of that, so an optimum 0.8 cents over
    // the budget met it. 9.5238857 short-term shares realize 1000.008; rounded to 10, 1050.
    const big = household([sec('X', 205)], { X: 0.5 }, [
      acct('A', 1_000_000, [lot('L1', 'X', 20, 2000, '2026-09-01')], {
        tax: { gainBudget: { shortTerm: 1000, longTerm: 0 } },
      }),
    ]);
    const { ctx, form } = prepare(big);
    const [plan] = discretizeHousehold(ctx, [handPlan(ctx, form, 'A', { L1: 9.5238857 }, {})]);
    expect(Array.from(plan!.sell)).toEqual([9]);
  });

  it('leaves a budget the optimum itself exceeded to the report (a relaxation)', () => {
    const { ctx, form } = prepare(request);
    const [plan] = discretizeHousehold(ctx, [handPlan(ctx, form, 'A', { L1: 10 }, {})]);
    expect(Array.from(plan!.sell)).toEqual([10]);
  });
});

describe('turnover trim', () => {
  it('cuts a buy rounded up over a maxTurnover the optimum met', () => {
    // V = 10000; maxTurnover 0.098 allows 1960 of buys, exactly what the optimum buys (19.6 shares).
    const settings = { trading: { maxTurnover: 0.098 } };
    const { ctx, form } = prepare(
      household(securities, { X: 1 }, [acct('A', 10_000, [], settings)]),
    );
    const [plan] = discretizeHousehold(ctx, [handPlan(ctx, form, 'A', {}, { X: 19.6 })]);
    expect(Array.from(plan!.buy)).toEqual([19, 0, 0]);
  });
});

describe('minTradeValue', () => {
  const settings = { trading: { minTradeValue: 250 } };

  it('drops a small buy', () => {
    const { ctx, form } = prepare(
      household(securities, { X: 0.5, Y: 0.5 }, [acct('A', 5000, [], settings)]),
    );
    const [plan] = discretizeHousehold(ctx, [handPlan(ctx, form, 'A', {}, { X: 2, Y: 30 })]);
    expect(Array.from(plan!.buy)).toEqual([0, 30, 0]);
    expect(plan!.relaxed).toEqual([]);
  });

  it('drops a small sale and cuts the buy it funded rather than give way', () => {
    const lots = [lot('L1', 'X', 10, 500)];
    const { ctx, form } = prepare(
      household(securities, { Z: 1 }, [acct('A', 2800, lots, settings)]),
    );
    const [plan] = discretizeHousehold(ctx, [handPlan(ctx, form, 'A', { L1: 2 }, { Z: 30 })]);
    expect(Array.from(plan!.sell)).toEqual([0]);
    expect(Array.from(plan!.buy)).toEqual([0, 0, 28]);
    expect(plan!.relaxed).toEqual([]);
  });

  it('keeps a small sale the cash need forces, with a warning instead of a relaxation', () => {
    const lots = [lot('L1', 'X', 10, 500)];
    const cash = { ...settings, cash: { withdrawal: 200 } };
    const { ctx, form } = prepare(household(securities, { X: 1 }, [acct('A', 0, lots, cash)]));
    const [plan] = discretizeHousehold(ctx, [handPlan(ctx, form, 'A', { L1: 2 }, {})]);
    expect(Array.from(plan!.sell)).toEqual([2]);
    expect(plan!.relaxed).toEqual([]);
    expect(plan!.warnings).toEqual([
      'sell of X worth 200.00 is below minTradeValue 250: the cash need forces the sale',
    ]);
  });

  it('exempts a small sale the cash repair adds, and says it raises cash', () => {
    // The optimum sells 9.11 shares of X for a 1,000 withdrawal; 9 whole shares leave it 89
    // short, and the repair sells one share of Z (a loss: the cheapest tax) to cover it.
    const lots = [lot('LX', 'X', 10, 200), lot('LZ', 'Z', 10, 1500)];
    const cash = { ...settings, cash: { withdrawal: 1000 } };
    const request = household(securities, { X: 0.9 }, [acct('A', 11, lots, cash)]);
    const { ctx, form } = prepare(request);
    const plans = discretizeHousehold(ctx, [handPlan(ctx, form, 'A', { LX: 9.11 }, {})]);
    const plan = plans[0]!;
    expect(Array.from(plan.sell)).toEqual([9, 1]);
    expect(plan.relaxed).toEqual([]);
    expect(plan.warnings).toEqual([
      'sell of Z worth 100.00 is below minTradeValue 250: the cash need forces the sale',
    ]);
    const trades = proposedTrades(ctx, plan, householdLotLines(ctx, plans)[0]!);
    expect(trades.map((t) => [t.side, t.security, t.quantity, t.reasons])).toEqual([
      ['sell', 'X', 9, ['cashNeed']],
      ['sell', 'Z', 1, ['cashNeed']],
    ]);
  });
});
