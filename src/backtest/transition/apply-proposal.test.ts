import { describe, expect, it } from 'vitest';
import type {
  AccountProposal,
  ProposedTrade,
  RebalanceRequest,
  RebalanceResponse,
} from '../../domain/index.js';
import { formatProblems } from '../../domain/index.js';
import { parseRebalanceRequest } from '../../io/index.js';
import { rebalance } from '../../rebalance/index.js';
import { applyProposal } from './apply-proposal.js';
import { loadLegacyHousehold } from './testing/legacy-household.js';
import { withGainBudget } from './with-budget.js';

const SUMMARY: AccountProposal['summary'] = {
  before: { value: 0, cash: 0, trackingError: 0, maxDrift: 0 },
  after: { value: 0, cash: 0, trackingError: 0, maxDrift: 0 },
  realized: { shortTerm: 0, longTerm: 0, washSaleDisallowed: 0 },
  estimatedTax: 0,
  turnover: 0,
  relaxed: [],
  warnings: [],
};

function request(): RebalanceRequest {
  return {
    asOf: '2026-08-03',
    securities: [
      { id: 'AAA', price: 10.1 },
      { id: 'BBB', price: 33.3 },
    ],
    models: [{ id: 'm', targets: [{ security: 'BBB', weight: 1 }] }],
    household: { id: 'H', shortTermRate: 0.4, longTermRate: 0.2 },
    accounts: [
      {
        id: 'T',
        taxStatus: 'taxable',
        model: 'm',
        cash: 100.1,
        lots: [
          { id: 'A1', security: 'AAA', quantity: 30, costBasis: 100, acquired: '2010-01-04' },
          { id: 'A2', security: 'AAA', quantity: 10, costBasis: 50.01, acquired: '2020-01-02' },
          {
            id: '2026-08-03-BBB',
            security: 'BBB',
            quantity: 1,
            costBasis: 33,
            acquired: '2026-01-05',
          },
        ],
        recentTrades: [],
        settings: { cash: { min: 0.01, withdrawal: 20 } },
      },
    ],
  };
}

const sell: ProposedTrade = {
  security: 'AAA',
  side: 'sell',
  quantity: 35,
  price: 10.1,
  value: 353.5,
  lots: [
    { lot: 'A1', quantity: 30, costBasis: 100, gain: 203, term: 'long' },
    { lot: 'A2', quantity: 5, costBasis: 25.01, gain: 25.49, term: 'long' },
  ],
  reasons: ['model'],
};
const buy: ProposedTrade = {
  security: 'BBB',
  side: 'buy',
  quantity: 12,
  price: 33.3,
  value: 399.6,
  reasons: ['model'],
};

function response(status: AccountProposal['status'] = 'ok'): RebalanceResponse {
  return {
    asOf: '2026-08-03',
    accounts: [{ id: 'T', status, trades: [sell, buy], summary: SUMMARY, error: null }],
  };
}

/** Shares held per security. */
function shares(req: RebalanceRequest): Map<string, number> {
  const held = new Map<string, number>();
  for (const lot of req.accounts.flatMap((a) => a.lots)) {
    held.set(lot.security, (held.get(lot.security) ?? 0) + lot.quantity);
  }
  return held;
}

describe('applyProposal', () => {
  it('removes an emptied lot and leaves a partly sold one its quantity and basis less the line', () => {
    const next = applyProposal(request(), response());
    const lots = next.accounts[0]!.lots;
    expect(lots.find((l) => l.id === 'A1')).toBeUndefined();
    expect(lots.find((l) => l.id === 'A2')).toEqual({
      id: 'A2',
      security: 'AAA',
      quantity: 5,
      costBasis: 25,
      acquired: '2020-01-02',
    });
  });

  it('opens one lot per buy, dated asOf at cost = value, under an id not yet taken', () => {
    const lots = applyProposal(request(), response()).accounts[0]!.lots;
    expect(lots.at(-1)).toEqual({
      id: '2026-08-03-BBB-2',
      security: 'BBB',
      quantity: 12,
      costBasis: 399.6,
      acquired: '2026-08-03',
    });
  });

  it('conserves shares (held + bought − sold) and cash (+ sells − buys − the withdrawal), to the cent', () => {
    const before = request();
    const next = applyProposal(before, response());
    expect(shares(next)).toEqual(
      new Map([
        ['AAA', 40 - 35],
        ['BBB', 1 + 12],
      ]),
    );
    // 100.10 + 353.50 − 399.60 − 20 = 34.00 exactly, with no float residue.
    expect(next.accounts[0]!.cash).toBe(34);
    // The withdrawal left once: it is not paid again next year; the other cash rule stays.
    expect(next.accounts[0]!.settings?.cash).toEqual({ min: 0.01 });
  });

  it('leaves the input untouched and an account in error as it was', () => {
    const before = request();
    const copy = structuredClone(before);
    const next = applyProposal(before, response('error'));
    expect(before).toEqual(copy);
    expect(next.accounts[0]).toEqual(copy.accounts[0]);
  });

  it('refuses a sale of a lot the account does not hold', () => {
    const bad = response();
    bad.accounts[0]!.trades = [{ ...sell, lots: [{ ...sell.lots![0]!, lot: 'NOPE' }] }];
    expect(() => applyProposal(request(), bad)).toThrow(/NOPE/);
  });

  it("books a real proposal on the legacy household: cash is the engine's after.cash", () => {
    const before = withGainBudget(loadLegacyHousehold(), 50_000);
    const answer = rebalance(before, { explain: false });
    const next = applyProposal(before, answer);
    const proposal = answer.accounts[0]!;
    expect(next.accounts[0]!.cash).toBe(proposal.summary.after.cash);
    const expected = shares(before);
    for (const t of proposal.trades) {
      const delta = t.side === 'buy' ? t.quantity : -t.quantity;
      expected.set(t.security, (expected.get(t.security) ?? 0) + delta);
    }
    for (const [security, quantity] of expected) if (quantity === 0) expected.delete(security);
    expect(shares(next)).toEqual(expected);
    // The result is a valid request the engine can answer next year.
    const parsed = parseRebalanceRequest(structuredClone(next));
    expect(parsed.ok ? '' : formatProblems(parsed.problems)).toBe('');
  });
});
