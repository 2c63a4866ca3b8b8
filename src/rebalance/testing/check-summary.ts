/**
 * Summary figures recomputed (spec Definitions: Realized, Turnover, Drift, Tracking error):
 * realized per term from the lot lines of taxable accounts after disallowances, estimatedTax,
 * turnover, drift and — with an explicit risk model — tracking error before and after.
 */
import type { AccountPair, Check } from './check-context.js';
import { sideTotal } from './check-context.js';
import { riskFiguresByAccount } from './portfolio-risk.js';
import { fmt, Findings, WEIGHT_EPS } from './violation.js';

/** Tolerance on a sum of cents computed in binary. */
const SUM_EPS = 0.005;
/** Tolerance on tracking error. */
const TE_EPS = 1e-6;

/** Realized gain per term after disallowances, and the disallowed total, from the lot lines. */
export function realizedOf(pair: AccountPair): {
  shortTerm: number;
  longTerm: number;
  washSaleDisallowed: number;
} {
  const out = { shortTerm: 0, longTerm: 0, washSaleDisallowed: 0 };
  if (!pair.facts.taxable) return out;
  for (const line of pair.proposal.trades.flatMap((t) => t.lots ?? [])) {
    const disallowed = line.washSaleDisallowed ?? 0;
    if (line.term === 'short') out.shortTerm += line.gain + disallowed;
    else out.longTerm += line.gain + disallowed;
    out.washSaleDisallowed += disallowed;
  }
  return out;
}

/** (Σ buys + Σ sells) / (2 V); 0 when V ≤ 0. */
export function turnoverOf(pair: AccountPair): number {
  const trades = pair.proposal.trades;
  const value = pair.facts.value;
  return value > 0 ? (sideTotal(trades, 'buy') + sideTotal(trades, 'sell')) / (2 * value) : 0;
}

/** Checks every account's summary figures. */
export const checkSummary: Check = (context) => {
  const f = new Findings();
  const rates = context.facts.request.household;
  const risk = riskFiguresByAccount(context);
  const householdMode = context.facts.householdModel !== undefined;
  const anyError = context.pairs.some((p) => p.proposal.status === 'error');
  const near = (a: number, b: number, eps: number): boolean => Math.abs(a - b) <= eps;
  for (const pair of context.pairs) {
    const id = pair.facts.id;
    const summary = pair.proposal.summary;
    const realized = realizedOf(pair);
    for (const key of ['shortTerm', 'longTerm', 'washSaleDisallowed'] as const) {
      f.expect(near(summary.realized[key], realized[key], SUM_EPS), id, 'summary.realized', () => {
        return `realized.${key} ${fmt(summary.realized[key])}, the lot lines give ${fmt(realized[key])}`;
      });
    }
    const tax = rates.shortTermRate * realized.shortTerm + rates.longTermRate * realized.longTerm;
    f.expect(near(summary.estimatedTax, tax, 0.01 + 1e-9), id, 'summary.estimatedTax', () => {
      return `estimatedTax ${fmt(summary.estimatedTax)}, expected ${fmt(tax)}`;
    });
    const turnover = turnoverOf(pair);
    f.expect(
      near(summary.turnover, turnover, 1e-9 * Math.max(1, turnover)),
      id,
      'summary.turnover',
      () => {
        return `turnover ${fmt(summary.turnover)}, expected ${fmt(turnover)}`;
      },
    );
    const figures = risk.get(id);
    if (!figures) continue;
    // An account in error may not have moved its withdrawal: household figures then prove nothing.
    const afterToo = pair.proposal.status !== 'error' && !(householdMode && anyError);
    f.expect(
      near(summary.before.maxDrift, figures.driftBefore, WEIGHT_EPS),
      id,
      'summary.driftBefore',
      () => {
        return `before.maxDrift ${fmt(summary.before.maxDrift)}, expected ${fmt(figures.driftBefore)}`;
      },
    );
    f.expect(
      !afterToo || near(summary.after.maxDrift, figures.driftAfter, WEIGHT_EPS),
      id,
      'summary.driftAfter',
      () => {
        return `after.maxDrift ${fmt(summary.after.maxDrift)}, expected ${fmt(figures.driftAfter)}`;
      },
    );
    const teBefore = figures.trackingErrorBefore;
    const teAfter = figures.trackingErrorAfter;
    f.expect(
      teBefore === undefined || near(summary.before.trackingError, teBefore, TE_EPS),
      id,
      'summary.trackingErrorBefore',
      () => {
        return `before.trackingError ${fmt(summary.before.trackingError)}, expected ${fmt(teBefore ?? 0)}`;
      },
    );
    f.expect(
      !afterToo || teAfter === undefined || near(summary.after.trackingError, teAfter, TE_EPS),
      id,
      'summary.trackingErrorAfter',
      () => {
        return `after.trackingError ${fmt(summary.after.trackingError)}, expected ${fmt(teAfter ?? 0)}`;
      },
    );
  }
  return f.list;
};
