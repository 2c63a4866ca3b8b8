/**
 * Transition plans: a legacy household moved to its models over several years under annual gain
 * budgets (docs/optimization.md, "Transition plans"), and the plan as CSV, SVG and HTML. Pure: no
 * file system. Importing this module loads the rebalance engine.
 */
export { applyProposal } from './apply-proposal.js';
export { addYears } from './calendar.js';
export { planCsv } from './plan-csv.js';
export {
  budgetLabel,
  budgetName,
  convergenceLabel,
  formatPercent,
  formatUsd,
  yearsToConvergeLabel,
} from './plan-format.js';
export { planHtml } from './plan-html.js';
export { comparisonTable, yearTable } from './plan-rows.js';
export type { PlanColumn, PlanTable } from './plan-rows.js';
export { planSvg } from './plan-svg.js';
export { planTransition } from './plan-transition.js';
export type * from './types.js';
export { withGainBudget } from './with-budget.js';
