/**
 * Net realized gain of lot lines (spec Definitions, "Realized" and "Gain budget"): per term the
 * Σ of gains plus the Σ of disallowed losses — a disallowed loss does not offset anything.
 * Exact decimals, so the sums of cents stay cents.
 */
import type { TradeLotLine } from '../../domain/index.js';
import { exact, ZERO, type Exact } from '../../tax/index.js';

/** Net realized per term and the disallowed total. */
export interface RealizedTotals {
  shortTerm: Exact;
  longTerm: Exact;
  washSaleDisallowed: Exact;
}

/** Zero totals. */
export function noRealized(): RealizedTotals {
  return { shortTerm: ZERO, longTerm: ZERO, washSaleDisallowed: ZERO };
}

/** Adds the lines to `into` (mutated and returned). */
export function addRealized(into: RealizedTotals, lines: Iterable<TradeLotLine>): RealizedTotals {
  for (const line of lines) {
    const disallowed = exact(line.washSaleDisallowed ?? 0);
    const net = exact(line.gain).plus(disallowed);
    if (line.term === 'short') into.shortTerm = into.shortTerm.plus(net);
    else into.longTerm = into.longTerm.plus(net);
    into.washSaleDisallowed = into.washSaleDisallowed.plus(disallowed);
  }
  return into;
}

/** The gain-budget figure of a budget key: one term, or both for `total`. */
export function budgetFigure(
  totals: RealizedTotals,
  key: 'shortTerm' | 'longTerm' | 'total',
): Exact {
  return key === 'total' ? totals.shortTerm.plus(totals.longTerm) : totals[key];
}
