/**
 * The transition plan as one self-contained HTML page: what was planned, the comparison of the
 * budgets, the tracking-error chart (inline SVG) and each budget's years. No script, no external
 * style or font; every text from the plan is escaped.
 */
import { escapeXml } from '../report/index.js';
import { budgetName, convergenceLabel, formatPercent, formatUsd } from './plan-format.js';
import { comparisonTable, yearTable, type PlanTable } from './plan-rows.js';
import { planSvg } from './plan-svg.js';
import type { TransitionPlan } from './types.js';

const STYLE = `
body { font-family: system-ui, sans-serif; margin: 2rem; color: #1a1a1a; max-width: 70rem; }
h1 { font-size: 1.4rem; } h2 { font-size: 1.1rem; margin-top: 2rem; }
table { border-collapse: collapse; margin: 0.5rem 0 1rem; font-variant-numeric: tabular-nums; }
th, td { padding: 0.25rem 0.6rem; border-bottom: 1px solid #e5e5e5; text-align: left; }
th { border-bottom: 2px solid #999; }
td.num, th.num { text-align: right; }
p.note { color: #555; }
`;

function htmlTable(table: PlanTable): string {
  const cls = (numeric: boolean | undefined): string => (numeric ? ' class="num"' : '');
  const head = table.columns.map((c) => `<th${cls(c.numeric)}>${escapeXml(c.heading)}</th>`);
  const rows = table.rows.map(
    (row) =>
      `<tr>${row.map((cell, i) => `<td${cls(table.columns[i]?.numeric)}>${escapeXml(cell)}</td>`).join('')}</tr>`,
  );
  return `<table>\n<thead><tr>${head.join('')}</tr></thead>\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>`;
}

/** The report page. */
export function planHtml(plan: TransitionPlan): string {
  const title = `Transition plan: household ${plan.householdId} from ${plan.asOf}`;
  const intro =
    `Each budget caps the household's net realized gains per year across its taxable accounts. ` +
    `Before the first year: value ${formatUsd(plan.before.valueUsd)}, tracking error ` +
    `${formatPercent(plan.before.trackingError)}, largest drift ${formatPercent(plan.before.maxDrift)}. ` +
    `Target: tracking error at most ${formatPercent(plan.targetTrackingError)} in every tradable ` +
    `account, within ${plan.years} year${plan.years === 1 ? '' : 's'}.`;
  const note =
    `Every year is priced at the request's prices: this is a schedule under today's prices, ` +
    `to be re-planned as prices move. Tracking error is weighted by account value after trading.`;
  const budgets = plan.budgets.map(
    (b) =>
      `<h2>${escapeXml(`${budgetName(b.budgetUsd)}: ${convergenceLabel(b, plan)}, total tax ${formatUsd(b.totalTaxUsd)}`)}</h2>\n${htmlTable(yearTable(b))}`,
  );
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<title>${escapeXml(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    `<h1>${escapeXml(title)}</h1>`,
    `<p>${escapeXml(intro)}</p>`,
    `<p class="note">${escapeXml(note)}</p>`,
    '<h2>Comparison</h2>',
    htmlTable(comparisonTable(plan)),
    planSvg(plan),
    ...budgets,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
