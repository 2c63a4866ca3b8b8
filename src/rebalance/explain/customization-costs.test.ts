import { describe, expect, it } from 'vitest';
import type { RebalanceRequest, RebalanceResponse } from '../../domain/index.js';
import { rebalance } from '../rebalance.js';
import { customizationCosts } from './customization-costs.js';
import { household } from './test-support/household.js';

/** The cost entry of `label` on A1. */
function costOf(request: RebalanceRequest, label: string) {
  const costs = customizationCosts(request, 'A1', rebalance);
  const cost = costs.find((c) => c.customization === label);
  expect(cost, `${label} in ${JSON.stringify(costs)}`).toBeDefined();
  return cost!;
}

describe('customizationCosts (with the rebalance)', () => {
  it('a sector screen costs tracking error', () => {
    const request = household({ restrictions: [{ sector: 'Energy', rule: 'noHold' }] });
    expect(costOf(request, 'restrictions[0] sector Energy noHold').trackingError).toBeGreaterThan(
      0.001,
    );
  });

  it('a customization that changes nothing costs nothing', () => {
    // DDD is outside the model and the optimum sells it: never buying it changes nothing.
    const request = household({ restrictions: [{ security: 'DDD', rule: 'noBuy' }] });
    const cost = costOf(request, 'restrictions[0] security DDD noBuy');
    expect(Math.abs(cost.trackingError)).toBeLessThan(1e-6);
    expect(Math.abs(cost.tax)).toBeLessThan(0.01);
  });

  it('a binding gain budget saves tax and costs tracking error', () => {
    const request = household({ tax: { gainBudget: { shortTerm: 0, longTerm: 2000 } } });
    const cost = costOf(request, 'tax.gainBudget shortTerm 0, longTerm 2000');
    expect(cost.trackingError).toBeGreaterThan(0);
    expect(cost.tax).toBeLessThan(0);
  });
});

describe('customizationCosts (arithmetic)', () => {
  /** A fake engine: TE and tax follow the number of restrictions left on A1. */
  function fake(request: RebalanceRequest): RebalanceResponse {
    const n = request.accounts[0]!.settings?.restrictions?.length ?? 0;
    const summary = {
      before: { value: 0, cash: 0, trackingError: 0, maxDrift: 0 },
      after: { value: 0, cash: 0, trackingError: 0.01 * n, maxDrift: 0 },
      realized: { shortTerm: 0, longTerm: 0, washSaleDisallowed: 0 },
      estimatedTax: 100 * n,
      turnover: 0,
      relaxed: [],
      warnings: [],
    };
    return {
      asOf: request.asOf,
      accounts: request.accounts.map((a) => ({
        id: a.id,
        status: 'ok',
        trades: [],
        summary,
        error: null,
      })),
    };
  }

  it('reports with − without, once per customization', () => {
    const calls: RebalanceRequest[] = [];
    const core = (r: RebalanceRequest) => (calls.push(r), fake(r));
    const request = household({
      restrictions: [
        { sector: 'Energy', rule: 'noHold' },
        { security: 'CCC', rule: 'noBuy' },
      ],
    });
    const costs = customizationCosts(request, 'A1', core);
    expect(calls).toHaveLength(3);
    expect(costs).toEqual([
      { customization: 'restrictions[0] sector Energy noHold', trackingError: 0.01, tax: 100 },
      { customization: 'restrictions[1] security CCC noBuy', trackingError: 0.01, tax: 100 },
    ]);
    expect(request.accounts[0]!.settings?.restrictions).toHaveLength(2);
  });

  it('uses a given base response and skips unknown or held-away accounts', () => {
    const request = household({ cash: { min: 0.01 } });
    let calls = 0;
    const core = (r: RebalanceRequest) => (calls++, fake(r));
    expect(customizationCosts(request, 'A1', core, fake(request))).toHaveLength(1);
    expect(calls).toBe(1);
    expect(customizationCosts(request, 'nope', core)).toEqual([]);
    const away = { ...request, accounts: [{ ...request.accounts[0]!, tradable: false }] };
    expect(customizationCosts(away, 'A1', core)).toEqual([]);
  });
});
