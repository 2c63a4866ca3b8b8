/**
 * A transition plan as CSV: one row per budget and year, numbers unformatted (USD to the cent,
 * fractions in full) so that a spreadsheet can redo any sum. Budget `unlimited` names no cap.
 */
import type { TransitionPlan } from './types.js';

const HEADER = [
  'budget_usd',
  'year',
  'as_of',
  'trades',
  'buys_usd',
  'sells_usd',
  'realized_short_term_usd',
  'realized_long_term_usd',
  'estimated_tax_usd',
  'tracking_error_after',
  'max_drift_after',
  'converged',
];

/** The plan's CSV text (RFC 4180, header first, `\n` line ends). Cells never need quoting. */
export function planCsv(plan: TransitionPlan): string {
  const rows = plan.budgets.flatMap((b) =>
    b.years.map((y) => [
      b.budgetUsd === null ? 'unlimited' : String(b.budgetUsd),
      String(y.year),
      y.asOf,
      String(y.trades),
      String(y.buysUsd),
      String(y.sellsUsd),
      String(y.realizedShortTermUsd),
      String(y.realizedLongTermUsd),
      String(y.estimatedTaxUsd),
      String(y.trackingErrorAfter),
      String(y.maxDriftAfter),
      String(y.converged),
    ]),
  );
  return [HEADER, ...rows].map((r) => r.join(',')).join('\n') + '\n';
}
