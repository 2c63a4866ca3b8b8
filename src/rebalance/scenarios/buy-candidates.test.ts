/**
 * Buy candidates (docs/optimization.md §3): an account buys only what its benchmark names, what it
 * holds and what no account's benchmark names. Beside a direct index, an ETF account keeps to its
 * funds (before the rule, it bought the index's stocks as proxies), but still buys a replacement
 * fund that the request lists outside every model; and the rule is never presented as a
 * restriction.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { RebalanceRequest, RebalanceResponse } from '../../domain/index.js';
import { rebalance } from '../index.js';
import { checkProposal } from '../testing/check-proposal.js';
import { directIndexBesideEtf } from '../test-support/direct-index-beside-etf.js';
import { tradesOf } from './scenario-support.js';

const STOCKS = ['AAA', 'BBB', 'CCC', 'DDD'];

/** The stocks account `id` buys. */
function stocksBought(response: RebalanceResponse, id: string): string[] {
  const proposal = response.accounts.find((a) => a.id === id)!;
  return STOCKS.filter((s) => tradesOf(proposal, s, 'buy').length > 0);
}

describe('an ETF account beside a direct index, with VOO and one stock under noBuy', () => {
  let request: RebalanceRequest;
  let response: RebalanceResponse;
  beforeAll(() => {
    request = directIndexBesideEtf({
      etf: {
        settings: {
          restrictions: [
            { security: 'VOO', rule: 'noBuy' },
            { security: 'BBB', rule: 'noBuy' },
          ],
        },
      },
    });
    response = rebalance(request);
  });

  it('breaks no rule of the spec', () => {
    expect(checkProposal(request, response)).toEqual([]);
  });

  it('buys none of the stocks only the index names, though they stand in for VOO', () => {
    const etf = response.accounts.find((a) => a.id === 'etf')!;
    expect(stocksBought(response, 'etf')).toEqual([]);
    expect(tradesOf(etf, 'BND', 'buy')).toHaveLength(1);
  });

  it('does not present the rule as a restriction: noBuy on a stock it may not buy costs nothing', () => {
    const etf = response.accounts.find((a) => a.id === 'etf')!;
    expect(etf.summary.binding).toEqual([]);
    const [voo, bbb] = etf.summary.customizationCost ?? [];
    expect(voo?.customization).toBe('restrictions[0] security VOO noBuy');
    expect(voo!.trackingError).toBeGreaterThan(0.01);
    expect(bbb).toEqual({
      customization: 'restrictions[1] security BBB noBuy',
      trackingError: 0,
      tax: 0,
    });
  });
});

describe('a harvest beside a direct index, with SCHX listed outside every model', () => {
  let request: RebalanceRequest;
  let response: RebalanceResponse;
  beforeAll(() => {
    request = directIndexBesideEtf({
      alternative: true,
      etf: {
        taxStatus: 'taxable',
        cash: 2000,
        lots: [
          { id: 'E1', security: 'VOO', quantity: 100, costBasis: 60_000, acquired: '2025-11-03' },
          { id: 'E2', security: 'BND', quantity: 500, costBasis: 37_500, acquired: '2021-01-04' },
        ],
        settings: { tax: { harvestLosses: true, minHarvest: 500 } },
      },
    });
    response = rebalance(request);
  });

  it('breaks no rule of the spec', () => {
    expect(checkProposal(request, response)).toEqual([]);
  });

  it('harvests VOO and buys SCHX as the replacement, and no stock of the index', () => {
    const etf = response.accounts.find((a) => a.id === 'etf')!;
    expect(tradesOf(etf, 'VOO', 'sell')[0]?.reasons).toContain('taxLossHarvest');
    const [schx] = tradesOf(etf, 'SCHX', 'buy');
    expect(schx?.reasons).toContain('replacement');
    expect(schx!.value).toBeGreaterThan(40_000);
    expect(stocksBought(response, 'etf')).toEqual([]);
  });
});
