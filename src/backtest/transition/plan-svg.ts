/**
 * The tracking-error chart of a transition plan: the report's line chart over plan years, one
 * line per budget from the household's starting point (year 0, before trading), the target as a
 * dashed reference line, and a legend naming each budget and when it arrives.
 */
import { lineChart } from '../report/index.js';
import { budgetName, convergenceLabel, formatPercent } from './plan-format.js';
import type { TransitionPlan } from './types.js';

/** The chart as an SVG document (no XML declaration, so it can also be inlined in HTML). */
export function planSvg(plan: TransitionPlan): string {
  return lineChart({
    title: `Tracking error by year: household ${plan.householdId} from ${plan.asOf}`,
    yLabel: 'Tracking error after trading',
    xLabel: "year (0 = before the first year's trades)",
    format: 'percent',
    series: plan.budgets.map((budget) => ({
      name: `${budgetName(budget.budgetUsd)}: ${convergenceLabel(budget, plan)}`,
      points: [
        { x: 0, y: plan.before.trackingError },
        ...budget.years.map((year) => ({ x: year.year, y: year.trackingErrorAfter })),
      ],
    })),
    reference: {
      value: plan.targetTrackingError,
      label: `target ${formatPercent(plan.targetTrackingError)}`,
    },
  });
}
