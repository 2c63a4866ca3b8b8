/**
 * How a transition plan's figures read in tables, the chart and the report: whole dollars,
 * percentages with two decimals, budgets by name.
 */
import type { BudgetPlan, TransitionPlan } from './types.js';

const dollars = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const twoDecimals = new Intl.NumberFormat('en-US', {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});

/** USD in whole dollars: `$1,234`, `-$56` (never `-$0`). */
export function formatUsd(amount: number): string {
  const rounded = Math.round(amount);
  return rounded < 0 ? `-$${dollars.format(-rounded)}` : `$${dollars.format(rounded)}`;
}

/** A fraction as a percentage: `0.00491` → `0.49%`. */
export function formatPercent(fraction: number): string {
  return `${twoDecimals.format(fraction * 100)}%`;
}

/** A budget's name: `$50,000` or `unlimited`. */
export function budgetLabel(budgetUsd: number | null): string {
  return budgetUsd === null ? 'unlimited' : formatUsd(budgetUsd);
}

/** A budget as a heading: `$50,000 a year`, or `unlimited`. */
export function budgetName(budgetUsd: number | null): string {
  return budgetUsd === null ? 'unlimited' : `${formatUsd(budgetUsd)} a year`;
}

/** Years to converge as a cell: `3`, or `not within 10`. */
export function yearsToConvergeLabel(budget: BudgetPlan, plan: TransitionPlan): string {
  return budget.yearsToConverge !== null
    ? String(budget.yearsToConverge)
    : `not within ${plan.years}`;
}

/** When a budget arrives, as a phrase: `converges in year 3`, or `not within 10 years`. */
export function convergenceLabel(budget: BudgetPlan, plan: TransitionPlan): string {
  if (budget.yearsToConverge !== null) return `converges in year ${budget.yearsToConverge}`;
  return `not within ${plan.years} year${plan.years === 1 ? '' : 's'}`;
}
