/**
 * The tracking-error chart of a transition plan, as hand-written SVG: tracking error after each
 * year, one line per budget from the household's starting point (year 0), the target as a dashed
 * line, a legend naming each budget and when it arrives. Every text is escaped; no scripts, no
 * external references, so the file is safe to open and to inline in the HTML report.
 */
import { escapeMarkup } from './escape-markup.js';
import { budgetLabel, budgetName, convergenceLabel, formatPercent } from './plan-format.js';
import type { TransitionPlan } from './types.js';

const WIDTH = 760;
const HEIGHT = 420;
const LEFT = 64;
const RIGHT = 230;
const TOP = 48;
const BOTTOM = 52;
const TICKS = 5;
/** Distinguishable in colour and in greyscale (Okabe–Ito). */
const COLOURS = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#e69f00', '#56b4e9', '#000000'];

/** The smallest "round" axis top (1, 2, 2.5 or 5 × 10^k per tick) at or above `value`. */
function axisTop(value: number): number {
  if (!(value > 0)) return 0.01;
  const raw = value / TICKS;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw)!;
  return step * TICKS;
}

const fixed = (n: number): string => n.toFixed(1);

/** The chart as an SVG document (no XML declaration, so it can also be inlined in HTML). */
export function planSvg(plan: TransitionPlan): string {
  const plotWidth = WIDTH - LEFT - RIGHT;
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const values = plan.budgets.flatMap((b) => b.years.map((y) => y.trackingErrorAfter));
  const top = axisTop(Math.max(plan.before.trackingError, plan.targetTrackingError, ...values));
  const x = (year: number): number => LEFT + (plotWidth * year) / Math.max(1, plan.years);
  const y = (te: number): number => TOP + plotHeight * (1 - Math.min(te, top) / top);
  const title = `Tracking error by year: household ${plan.householdId} from ${plan.asOf}`;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${escapeMarkup(title)}" font-family="system-ui, sans-serif" font-size="12">`,
    `<title>${escapeMarkup(title)}</title>`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#ffffff"/>`,
    `<text x="${LEFT}" y="24" font-size="15" font-weight="600">${escapeMarkup(title)}</text>`,
  ];
  for (let i = 0; i <= TICKS; i++) {
    const te = (top * i) / TICKS;
    parts.push(
      `<line x1="${LEFT}" x2="${LEFT + plotWidth}" y1="${fixed(y(te))}" y2="${fixed(y(te))}" stroke="#e5e5e5"/>`,
      `<text x="${LEFT - 8}" y="${fixed(y(te) + 4)}" text-anchor="end">${escapeMarkup(formatPercent(te))}</text>`,
    );
  }
  // At most about a dozen year labels, however long the plan.
  const every = Math.ceil(plan.years / 12);
  for (let year = 0; year <= plan.years; year += every) {
    parts.push(
      `<text x="${fixed(x(year))}" y="${TOP + plotHeight + 18}" text-anchor="middle">${year}</text>`,
    );
  }
  parts.push(
    `<line x1="${LEFT}" x2="${LEFT}" y1="${TOP}" y2="${TOP + plotHeight}" stroke="#333333"/>`,
    `<line x1="${LEFT}" x2="${LEFT + plotWidth}" y1="${TOP + plotHeight}" y2="${TOP + plotHeight}" stroke="#333333"/>`,
    `<text x="${LEFT + plotWidth / 2}" y="${HEIGHT - 12}" text-anchor="middle">year (0 = before the first year's trades)</text>`,
    `<line x1="${LEFT}" x2="${LEFT + plotWidth}" y1="${fixed(y(plan.targetTrackingError))}" y2="${fixed(y(plan.targetTrackingError))}" stroke="#666666" stroke-dasharray="6 4"/>`,
    `<text x="${LEFT + plotWidth + 6}" y="${fixed(y(plan.targetTrackingError) + 4)}" fill="#666666">${escapeMarkup(`target ${formatPercent(plan.targetTrackingError)}`)}</text>`,
  );
  plan.budgets.forEach((budget, i) => {
    const colour = COLOURS[i % COLOURS.length]!;
    const points = [
      { year: 0, te: plan.before.trackingError },
      ...budget.years.map((yr) => ({ year: yr.year, te: yr.trackingErrorAfter })),
    ];
    const name = budgetName(budget.budgetUsd);
    const arrives = convergenceLabel(budget, plan);
    const label = `${name}: ${arrives}`;
    parts.push(
      `<g><title>${escapeMarkup(label)}</title>`,
      `<polyline fill="none" stroke="${colour}" stroke-width="2" points="${points.map((p) => `${fixed(x(p.year))},${fixed(y(p.te))}`).join(' ')}"/>`,
      ...points.map(
        (p) =>
          `<circle cx="${fixed(x(p.year))}" cy="${fixed(y(p.te))}" r="3" fill="${colour}"><title>${escapeMarkup(`${budgetLabel(budget.budgetUsd)}, year ${p.year}: ${formatPercent(p.te)}`)}</title></circle>`,
      ),
      '</g>',
    );
    const legendY = TOP + 8 + i * 36;
    const legendX = WIDTH - RIGHT + 20;
    parts.push(
      `<line x1="${legendX}" x2="${legendX + 22}" y1="${legendY}" y2="${legendY}" stroke="${colour}" stroke-width="3"/>`,
      `<text x="${legendX + 30}" y="${legendY + 4}">${escapeMarkup(name)}</text>`,
      `<text x="${legendX + 30}" y="${legendY + 18}" fill="#666666">${escapeMarkup(arrives)}</text>`,
    );
  });
  parts.push('</svg>');
  return parts.join('\n') + '\n';
}
