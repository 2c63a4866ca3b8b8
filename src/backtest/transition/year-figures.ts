/**
 * One year of a transition plan from that year's rebalance response: the household's trades,
 * realized gains and tax summed over its accounts, and its tracking error and drift after trading.
 */
import type {
  AccountProposal,
  PortfolioSnapshot,
  RebalanceRequest,
  RebalanceResponse,
} from '../../domain/index.js';
import type { TransitionAccountYear, TransitionStart, TransitionYear } from './types.js';

/** Sums amounts in whole cents, so that $0.10 + $0.20 is $0.30. */
export function sumCents(amounts: Iterable<number>): number {
  let cents = 0;
  for (const a of amounts) cents += Math.round(a * 100);
  return cents === 0 ? 0 : cents / 100;
}

/** The proposals of the request's tradable accounts (held-away accounts never trade). */
export function tradableProposals(
  request: RebalanceRequest,
  response: RebalanceResponse,
): AccountProposal[] {
  const tradable = new Set(request.accounts.filter((a) => a.tradable !== false).map((a) => a.id));
  return response.accounts.filter((p) => tradable.has(p.id));
}

/**
 * Tracking error weighted by value (the household's figure when it has several accounts), and the
 * largest drift of any account; an equal weight each when no account has value.
 */
export function householdFigures(snapshots: readonly PortfolioSnapshot[]): TransitionStart {
  const value = snapshots.reduce((t, s) => t + Math.max(0, s.value), 0);
  const weight = (s: PortfolioSnapshot): number =>
    value > 0 ? Math.max(0, s.value) / value : 1 / snapshots.length;
  return {
    valueUsd: sumCents(snapshots.map((s) => s.value)),
    trackingError: snapshots.reduce((t, s) => t + weight(s) * s.trackingError, 0),
    maxDrift: snapshots.reduce((m, s) => Math.max(m, s.maxDrift), 0),
  };
}

/** The household before year 1's trades. */
export function startFigures(
  request: RebalanceRequest,
  response: RebalanceResponse,
): TransitionStart {
  return householdFigures(tradableProposals(request, response).map((p) => p.summary.before));
}

/** Year `year`'s figures; converged when every tradable account is within `target`. */
export function yearFigures(
  year: number,
  request: RebalanceRequest,
  response: RebalanceResponse,
  target: number,
): TransitionYear {
  const proposals = tradableProposals(request, response);
  const all = response.accounts;
  const trades = all.flatMap((p) => p.trades);
  const value = (side: 'buy' | 'sell'): number =>
    sumCents(trades.filter((t) => t.side === side).map((t) => t.value));
  const after = householdFigures(proposals.map((p) => p.summary.after));
  const accounts: TransitionAccountYear[] = proposals.map((p) => ({
    id: p.id,
    status: p.status,
    valueAfterUsd: p.summary.after.value,
    trackingErrorAfter: p.summary.after.trackingError,
    maxDriftAfter: p.summary.after.maxDrift,
    relaxed: p.summary.relaxed,
  }));
  return {
    year,
    asOf: request.asOf,
    trades: trades.length,
    buysUsd: value('buy'),
    sellsUsd: value('sell'),
    realizedShortTermUsd: sumCents(all.map((p) => p.summary.realized.shortTerm)),
    realizedLongTermUsd: sumCents(all.map((p) => p.summary.realized.longTerm)),
    estimatedTaxUsd: sumCents(all.map((p) => p.summary.estimatedTax)),
    trackingErrorAfter: after.trackingError,
    maxDriftAfter: after.maxDrift,
    // An account in error was not rebalanced, so the household has not arrived.
    converged:
      proposals.length > 0 &&
      proposals.every((p) => p.status !== 'error' && p.summary.after.trackingError <= target),
    accounts,
  };
}
