/**
 * The book-level figures of a run, summed over the households' responses as they arrive: what
 * the central team reads first (how much trades, what it costs in tax, how far the book was
 * from its targets before and after).
 */
import type { RebalanceResponse } from '../domain/index.js';

/** Sums over the accounts this process rebalanced (on a resumed run: only those). */
export interface BookTally {
  accounts: number;
  accountsTraded: number;
  /** Accounts where a soft limit gave way (spec §2 relaxation). */
  accountsRelaxed: number;
  accountsInError: number;
  buysUsd: number;
  sellsUsd: number;
  /** Net realized gains (short and long term) in taxable accounts; negative: net losses harvested. */
  realizedGainsUsd: number;
  estimatedTaxUsd: number;
  /** Mean over accounts of the largest absolute drift from target, before and after. */
  meanMaxDriftBefore: number;
  meanMaxDriftAfter: number;
  /** Mean over accounts of the tracking error to target, before and after. */
  meanTrackingErrorBefore: number;
  meanTrackingErrorAfter: number;
}

/** An empty tally. */
export function emptyTally(): BookTally {
  return {
    accounts: 0,
    accountsTraded: 0,
    accountsRelaxed: 0,
    accountsInError: 0,
    buysUsd: 0,
    sellsUsd: 0,
    realizedGainsUsd: 0,
    estimatedTaxUsd: 0,
    meanMaxDriftBefore: 0,
    meanMaxDriftAfter: 0,
    meanTrackingErrorBefore: 0,
    meanTrackingErrorAfter: 0,
  };
}

/** Adds one household's response to `t` (in place); means are kept as running means. */
export function addToTally(t: BookTally, response: RebalanceResponse): void {
  for (const a of response.accounts) {
    if (a.status === 'error') {
      t.accountsInError++;
      continue;
    }
    const n = ++t.accounts;
    if (a.trades.length > 0) t.accountsTraded++;
    if (a.status === 'relaxed') t.accountsRelaxed++;
    for (const trade of a.trades) {
      if (trade.side === 'buy') t.buysUsd += trade.value;
      else t.sellsUsd += trade.value;
    }
    const s = a.summary;
    t.realizedGainsUsd += s.realized.shortTerm + s.realized.longTerm;
    t.estimatedTaxUsd += s.estimatedTax;
    const mean = (m: number, x: number): number => m + (x - m) / n;
    t.meanMaxDriftBefore = mean(t.meanMaxDriftBefore, s.before.maxDrift);
    t.meanMaxDriftAfter = mean(t.meanMaxDriftAfter, s.after.maxDrift);
    t.meanTrackingErrorBefore = mean(t.meanTrackingErrorBefore, s.before.trackingError);
    t.meanTrackingErrorAfter = mean(t.meanTrackingErrorAfter, s.after.trackingError);
  }
}
