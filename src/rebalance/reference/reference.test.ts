/**
 * Evidence that the rebalance is right, on real data: S&P 500 stocks with their sectors and
 * market caps (data/securities), the engine's shipped default risk model, and an independent
 * reference optimizer (./min-tracking-error.ts) that shares no code with the engine.
 *
 * (a)–(c) An all-cash IRA following a cap-weighted model of the 4 largest stocks of every sector,
 * screened in different ways: the engine's tracking error must lie within 5 bps of the certified
 * reference optimum, and no screened stock may be bought. (d) A clear loss harvest. (e) Random
 * two-account households on real tickers must pass the independent spec checker.
 */
import { describe, expect, it } from 'vitest';
import type { Restriction } from '../../domain/index.js';
import { loadDefaultRiskModel } from '../../risk/index.js';
import { rebalance } from '../index.js';
import { checkProposal } from '../testing/check-proposal.js';
import {
  cashAccountReference,
  cashIraRequest,
  engineWeights,
  referenceTrackingError,
  solveReference,
  unbuyable,
} from './cash-account.js';
import { harvestCase } from './harvest-request.js';
import { randomRealHousehold } from './random-real-household.js';
import { capWeightedModel, largestPerSector, loadRealStocks, toSecurities } from './real-data.js';

/** The tolerance of the comparison: 5 bps of annualised tracking error. */
const TOLERANCE = 0.0005;

const riskModel = loadDefaultRiskModel();
const universe = loadRealStocks(riskModel);
const stocks = largestPerSector(universe, 4);
const securities = toSecurities(stocks);
const model = capWeightedModel('sp500-top4-cap', stocks);
const largestOf = (sector: string): string => stocks.find((s) => s.sector === sector)!.id;

interface ScreenCase {
  name: string;
  restrictions: Restriction[];
  /** The reference optimum must be at least this (the screen really costs something). */
  atLeast: number;
}

const SCREENS: ScreenCase[] = [
  { name: '(a) no screen', restrictions: [], atLeast: 0 },
  {
    name: '(b) noHold Energy',
    restrictions: [{ sector: 'Energy', rule: 'noHold' }],
    atLeast: 0.001,
  },
  {
    name: '(b) noHold Information Technology',
    restrictions: [{ sector: 'Information Technology', rule: 'noHold' }],
    atLeast: 0.01,
  },
  {
    name: '(c) noBuy on three single stocks',
    restrictions: ['Information Technology', 'Financials', 'Health Care'].map((sector) => ({
      security: largestOf(sector),
      rule: 'noBuy' as const,
    })),
    atLeast: 0.01,
  },
];

describe('rebalance against an independent reference, on real S&P 500 data', () => {
  it('uses ~40 covered stocks across every sector', () => {
    expect(stocks.length).toBe(44);
    expect(new Set(stocks.map((s) => s.sector)).size).toBe(11);
  });

  it.each(SCREENS)('$name: engine TE within 5 bps of the reference optimum', (screen) => {
    const request = cashIraRequest(securities, model, screen.restrictions);
    const response = rebalance(request);
    expect(checkProposal(request, response)).toEqual([]);
    const proposal = response.accounts[0]!;
    expect(proposal.status).toBe('ok');

    const reference = cashAccountReference(request, riskModel);
    const withCash = solveReference(reference, 'atMost');
    const invested = solveReference(reference, 'equal');
    expect(withCash.converged && invested.converged).toBe(true);
    expect(withCash.trackingError).toBeGreaterThanOrEqual(screen.atLeast);
    if (screen.restrictions.length === 0) expect(withCash.trackingError).toBeLessThan(1e-6);

    const engineTe = referenceTrackingError(
      reference,
      engineWeights(request, proposal, reference.ids),
    );
    // The engine reports the tracking error of its own trades as the reference computes it.
    expect(proposal.summary.after.trackingError).toBeCloseTo(engineTe, 9);
    // No feasible portfolio beats the certified bound; the engine is within 5 bps of the optimum.
    expect(engineTe).toBeGreaterThanOrEqual(withCash.trackingErrorLowerBound - 1e-9);
    expect(Math.abs(engineTe - withCash.trackingError)).toBeLessThanOrEqual(TOLERANCE);
    expect(Math.abs(engineTe - invested.trackingError)).toBeLessThanOrEqual(TOLERANCE);

    const blocked = unbuyable(securities, screen.restrictions);
    expect(proposal.trades.every((t) => t.side === 'buy')).toBe(true);
    expect(proposal.trades.filter((t) => blocked.has(t.security))).toEqual([]);
  });

  it('(d) harvests a 40% short-term loss and buys no member of its wash set', () => {
    const harvest = harvestCase(securities, model, 'GOOGL', 'GOOG');
    const response = rebalance(harvest.request);
    expect(checkProposal(harvest.request, response)).toEqual([]);
    const proposal = response.accounts[0]!;
    const lot = harvest.request.accounts[0]!.lots.find((l) => l.id === harvest.lot)!;
    const sold = proposal.trades
      .flatMap((t) => (t.side === 'sell' ? (t.lots ?? []) : []))
      .filter((line) => line.lot === harvest.lot)
      .reduce((q, line) => q + line.quantity, 0);
    expect(sold).toBeCloseTo(lot.quantity, 6);
    expect(proposal.summary.realized.shortTerm).toBeLessThanOrEqual(-0.4 * lot.costBasis + 0.01);
    const washBuys = proposal.trades.filter(
      (t) => t.side === 'buy' && harvest.washSet.includes(t.security),
    );
    expect(washBuys).toEqual([]);
  });

  it('(e) 50 random real-ticker households keep every rule of the spec', () => {
    let answered = 0;
    for (let seed = 1; seed <= 50; seed++) {
      const request = randomRealHousehold(seed, universe);
      const response = rebalance(request, { explain: false });
      const violations = checkProposal(request, response);
      expect(violations, `seed ${seed}: ${JSON.stringify(violations)}`).toEqual([]);
      answered += response.accounts.filter((a) => a.status !== 'error').length;
    }
    expect(answered).toBeGreaterThanOrEqual(95);
  });
});
