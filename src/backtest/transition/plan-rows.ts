/**
 * A transition plan as tables of text cells, shared by the command's table output and the HTML
 * report: one table per budget (its years), and the comparison (one row per budget).
 */
import { budgetLabel, formatPercent, formatUsd, yearsToConvergeLabel } from './plan-format.js';
import type { BudgetPlan, TransitionPlan, TransitionYear } from './types.js';

/** A column: its heading and whether its cells are numbers (right-aligned). */
export interface PlanColumn {
  heading: string;
  numeric?: boolean;
}

/** Headings and rows of text cells. */
export interface PlanTable {
  columns: PlanColumn[];
  rows: string[][];
}

const YEAR_COLUMNS: PlanColumn[] = [
  { heading: 'year', numeric: true },
  { heading: 'as of' },
  { heading: 'trades', numeric: true },
  { heading: 'buys', numeric: true },
  { heading: 'sells', numeric: true },
  { heading: 'realized ST', numeric: true },
  { heading: 'realized LT', numeric: true },
  { heading: 'est. tax', numeric: true },
  { heading: 'TE after', numeric: true },
  { heading: 'max drift', numeric: true },
  { heading: 'relaxed' },
];

/** What gave way in a year, by setting (a gain budget broken by a forced sale, say). */
function relaxedCell(year: TransitionYear): string {
  const settings = new Set(year.accounts.flatMap((a) => a.relaxed.map((r) => r.setting)));
  return [...settings].join(', ');
}

/** One budget's years, one row each. */
export function yearTable(budget: BudgetPlan): PlanTable {
  return {
    columns: YEAR_COLUMNS,
    rows: budget.years.map((y) => [
      String(y.year),
      y.asOf,
      String(y.trades),
      formatUsd(y.buysUsd),
      formatUsd(y.sellsUsd),
      formatUsd(y.realizedShortTermUsd),
      formatUsd(y.realizedLongTermUsd),
      formatUsd(y.estimatedTaxUsd),
      formatPercent(y.trackingErrorAfter),
      formatPercent(y.maxDriftAfter),
      relaxedCell(y),
    ]),
  };
}

/**
 * The comparison: per budget, when it arrives, its total tax and its tracking error after each
 * year (blank after the year it arrived, since a budget stops stepping then).
 */
export function comparisonTable(plan: TransitionPlan): PlanTable {
  const stepped = Math.max(0, ...plan.budgets.map((b) => b.years.length));
  const years = Array.from({ length: stepped }, (_, i) => i + 1);
  return {
    columns: [
      { heading: 'budget' },
      { heading: 'years to converge' },
      { heading: 'total tax', numeric: true },
      ...years.map((y) => ({ heading: `TE y${y}`, numeric: true })),
    ],
    rows: plan.budgets.map((b) => [
      budgetLabel(b.budgetUsd),
      yearsToConvergeLabel(b, plan),
      formatUsd(b.totalTaxUsd),
      ...years.map((y) => {
        const year = b.years[y - 1];
        return year ? formatPercent(year.trackingErrorAfter) : '';
      }),
    ]),
  };
}
