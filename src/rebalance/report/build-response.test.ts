import { describe, expect, it } from 'vitest';
import type { HouseholdSolution } from '../solve/index.js';
import { checkProposal } from '../testing/check-proposal.js';
import { acct, handPlan, household, lot, prepare, sec } from '../trades/test-support/household.js';
import { buildResponse } from './build-response.js';

/** A household selling a noHold loss lot whose wash set a held-away account bought 14 days ago. */
function washHousehold() {
  const noHoldX = { restrictions: [{ security: 'X', rule: 'noHold' as const }] };
  return household([sec('X', 100, { washGroup: 'x' }), sec('Y', 100)], { Y: 1 }, [
    acct('A', 0, [lot('L1', 'X', 10, 1500)], noHoldX),
    acct(
      'B',
      50,
      [lot('B1', 'X', 4, 400, '2026-11-10')],
      {},
      {
        taxStatus: 'deferred',
        tradable: false,
        recentTrades: [{ date: '2026-11-10', security: 'X', side: 'buy', quantity: 4, price: 100 }],
      },
    ),
  ]);
}

describe('buildResponse: a forced loss sale inside the wash-sale window', () => {
  const { ctx, form } = prepare(washHousehold());
  const response = buildResponse(
    ctx,
    form,
    null,
    [handPlan(ctx, form, 'A', {}, { Y: 10 })],
    ['hw'],
  );
  const [a, b] = response.accounts;

  it('reports lot lines with the disallowed part of the loss', () => {
    expect(a!.trades).toEqual([
      {
        security: 'X',
        side: 'sell',
        quantity: 10,
        price: 100,
        value: 1000,
        lots: [
          {
            lot: 'L1',
            quantity: 10,
            costBasis: 1500,
            gain: -500,
            term: 'long',
            washSaleDisallowed: 200,
          },
        ],
        reasons: ['restriction'],
      },
      { security: 'Y', side: 'buy', quantity: 10, price: 100, value: 1000, reasons: ['model'] },
    ]);
  });

  it('counts only the allowed loss as realized, and the tax it saves', () => {
    expect(a!.summary.realized).toEqual({ shortTerm: 0, longTerm: -300, washSaleDisallowed: 200 });
    expect(a!.summary.estimatedTax).toBe(-60);
    expect(a!.summary.turnover).toBe(1);
    expect(a!.status).toBe('ok');
  });

  it('re-evaluates tracking error and drift on the discrete holdings', () => {
    // One factor (variance 0.04), specific 0.01: before X 100% vs Y 100%, after on target.
    expect(a!.summary.before).toEqual({
      value: 1000,
      cash: 0,
      trackingError: Math.sqrt(0.02),
      maxDrift: 1,
    });
    expect(a!.summary.after).toEqual({ value: 1000, cash: 0, trackingError: 0, maxDrift: 0 });
    expect(a!.summary.warnings).toEqual(['hw']);
  });

  it('passes the independent proposal checker', () => {
    expect(checkProposal(washHousehold(), response)).toEqual([]);
  });

  it('reports the held-away account unchanged', () => {
    expect(b!.status).toBe('noTrade');
    expect(b!.trades).toEqual([]);
    expect(b!.error).toBeNull();
    expect(b!.summary.after).toEqual(b!.summary.before);
    expect(b!.summary.before.value).toBe(450);
    expect(b!.summary.relaxed).toEqual([]);
    expect(b!.summary.warnings).toEqual(['hw']);
  });
});

describe('buildResponse: limits and statuses', () => {
  const budget = { tax: { gainBudget: { shortTerm: 0, longTerm: 1000 } } };
  const gainRequest = household([sec('X', 205)], { X: 0.5 }, [
    acct('A', 0, [lot('L1', 'X', 20, 2000)], budget),
  ]);

  it('names a gain budget the proposal exceeds and marks the account relaxed', () => {
    const { ctx, form } = prepare(gainRequest);
    const [a] = buildResponse(
      ctx,
      form,
      null,
      [handPlan(ctx, form, 'A', { L1: 10 }, {})],
      [],
    ).accounts;
    expect(a!.summary.realized.longTerm).toBe(1050);
    expect(a!.summary.estimatedTax).toBe(210);
    expect(a!.summary.relaxed).toEqual([
      { setting: 'tax.gainBudget.longTerm', limit: 1000, actual: 1050 },
    ]);
    expect(a!.status).toBe('relaxed');
  });

  it('is ok, with nothing relaxed, when the rounded trades are trimmed back under the budget', () => {
    const { ctx, form } = prepare(gainRequest);
    const [a] = buildResponse(
      ctx,
      form,
      null,
      [handPlan(ctx, form, 'A', { L1: 9.5 }, {})],
      [],
    ).accounts;
    expect(a!.summary.realized.longTerm).toBe(945);
    expect(a!.status).toBe('ok');
  });

  it('is noTrade without trades', () => {
    const { ctx, form } = prepare(gainRequest);
    const [a] = buildResponse(ctx, form, null, [handPlan(ctx, form, 'A', {}, {})], []).accounts;
    expect(a!.status).toBe('noTrade');
    expect(a!.summary.after.cash).toBe(0);
  });

  it('answers an account whose hard rules conflict with its error and unchanged figures', () => {
    const rules = {
      restrictions: [
        { security: 'X', rule: 'noHold' as const },
        { security: 'X', rule: 'noSell' as const },
      ],
    };
    const request = household([sec('X', 205)], { X: 0.5 }, [
      acct('A', 10, [lot('L1', 'X', 20, 2000)], rules),
    ]);
    const { ctx } = prepare(request);
    const [a] = buildResponse(ctx, null, null, [], []).accounts;
    expect(a!.status).toBe('error');
    expect(a!.error?.code).toBe('restriction_conflict');
    expect(a!.trades).toEqual([]);
    expect(a!.summary.before.value).toBe(4110);
    expect(a!.summary.after).toEqual(a!.summary.before);
  });

  it('turns a failed solve into an error on every optimized account, not on held-away ones', () => {
    const { ctx, form } = prepare(washHousehold());
    const solution: HouseholdSolution = {
      status: 'infeasible',
      result: null,
      aversion: new Float64Array(0),
      trackingError: new Float64Array(0),
      elastic: 1,
      wash: { blockBuys: new Set(), blockLossSales: new Set() },
      solves: 2,
    };
    const [a, b] = buildResponse(ctx, form, solution, [], []).accounts;
    expect(a!.status).toBe('error');
    expect(a!.error?.code).toBe('solver_infeasible');
    expect(b!.status).toBe('noTrade');
    expect(b!.error).toBeNull();
  });
});
