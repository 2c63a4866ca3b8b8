import { describe, expect, it } from 'vitest';
import { discretizeHousehold } from './discretize.js';
import { householdLotLines } from './lot-lines.js';
import { proposedTrades } from './proposed-trades.js';
import { acct, handPlan, household, lot, prepare, sec } from './test-support/household.js';

const securities = [sec('X', 100), sec('X2', 100), sec('Y', 100)];

function reasonsOf(
  request: ReturnType<typeof household>,
  sells: Record<string, number>,
  buys: Record<string, number>,
) {
  const { ctx, form } = prepare(request);
  const plans = discretizeHousehold(ctx, [handPlan(ctx, form, 'A', sells, buys)]);
  const trades = proposedTrades(ctx, plans[0]!, householdLotLines(ctx, plans)[0]!);
  return Object.fromEntries(trades.map((t) => [`${t.side} ${t.security}`, t.reasons]));
}

describe('trade reasons', () => {
  it('a harvest sale and the buy standing in for it', () => {
    const tax = { tax: { harvestLosses: true } };
    const request = household(securities, { X: 0.5, Y: 0.5 }, [
      acct('A', 0, [lot('L1', 'X', 10, 1500)], tax),
    ]);
    expect(reasonsOf(request, { L1: 10 }, { X2: 10 })).toEqual({
      'sell X': ['taxLossHarvest'],
      'buy X2': ['replacement'],
    });
  });

  it('substitutions, and the model for what is left', () => {
    const subs = { substitutions: [{ from: 'X', to: 'X2' }] };
    const request = household(securities, { X: 0.5, Y: 0.5 }, [
      acct('A', 1000, [lot('L1', 'X', 10, 500)], subs),
    ]);
    expect(reasonsOf(request, { L1: 10 }, { X2: 10, Y: 10 })).toEqual({
      'sell X': ['substitution'],
      'buy X2': ['substitution'],
      'buy Y': ['model'],
    });
  });

  it('the cash need, the drift trigger, and an account without a model', () => {
    const drift = { drift: { threshold: 0.01 }, cash: { withdrawal: 500 } };
    const request = household(securities, { Y: 1 }, [
      acct('A', 0, [lot('L1', 'X', 10, 500)], drift),
    ]);
    expect(reasonsOf(request, { L1: 10 }, { Y: 5 })).toEqual({
      'sell X': ['cashNeed'],
      'buy Y': ['drift'],
    });
    const free = household(securities, {}, [
      acct('A', 1000, [lot('L1', 'X', 10, 500)], {}, { model: null }),
    ]);
    expect(reasonsOf(free, { L1: 2 }, { Y: 1 })).toEqual({
      'sell X': ['riskReduction'],
      'buy Y': ['riskReduction'],
    });
  });
});
