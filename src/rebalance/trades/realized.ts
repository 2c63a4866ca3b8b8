/**
 * Net realized gain of lot lines (spec Definitions, "Realized" and "Gain budget"): per term the
 * Σ of gains plus the Σ of disallowed losses — a disallowed loss does not offset anything.
 * Exact sums (money.ts), so the sums of cents stay cents.
 */
import type { TradeLotLine } from '../../domain/index.js';
import { ExactSum } from './money.js';

/** Net realized per term and the disallowed total. */
export interface RealizedTotals {
  shortTerm: ExactSum;
  longTerm: ExactSum;
  washSaleDisallowed: ExactSum;
}

/** Zero totals. */
export function noRealized(): RealizedTotals {
  return {
    shortTerm: new ExactSum(),
    longTerm: new ExactSum(),
    washSaleDisallowed: new ExactSum(),
  };
}

/** Adds the lines to `into` (mutated and returned). */
export function addRealized(into: RealizedTotals, lines: Iterable<TradeLotLine>): RealizedTotals {
  for (const line of lines) {
    const disallowed = line.washSaleDisallowed ?? 0;
    const term = line.term === 'short' ? into.shortTerm : into.longTerm;
    term.add(line.gain).add(disallowed);
    into.washSaleDisallowed.add(disallowed);
  }
  return into;
}

/** The gain-budget figure of a budget key: one term, or both for `total`. */
export function budgetFigure(
  totals: RealizedTotals,
  key: 'shortTerm' | 'longTerm' | 'total',
): ExactSum {
  return key === 'total' ? totals.shortTerm.clone().addSum(totals.longTerm) : totals[key];
}
