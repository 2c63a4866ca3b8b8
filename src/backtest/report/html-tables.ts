/**
 * The report's tables: both arms' totals side by side, the figures per year, and the settings.
 * Every text goes through escapeXml; only markup written here is trusted.
 */
import type { ArmSummary, BacktestConfig, BacktestResult } from '../result.js';
import { escapeXml as esc } from './escape.js';
import { count, exactPercent, percent, usd } from './html-format.js';

/** A cell: text, and whether it is a number (right-aligned). */
type Cell = { text: string; num?: boolean };

const num = (text: string): Cell => ({ text, num: true });

function row(cells: Cell[], tag: 'td' | 'th' = 'td'): string {
  const inner = cells.map((c) => `<${tag}${c.num ? ' class="num"' : ''}>${esc(c.text)}</${tag}>`);
  return `<tr>${inner.join('')}</tr>`;
}

function table(head: string, rows: string[], className = ''): string {
  const cls = className ? ` class="${className}"` : '';
  return `<div class="scroll"><table${cls}>${head ? `<thead>${head}</thead>` : ''}<tbody>\n${rows.join('\n')}\n</tbody></table></div>`;
}

/** Labels and formats of the arm totals; a Record so a new `ArmSummary` field must be listed. */
const ARM_ROWS: Record<keyof ArmSummary, [string, (v: number) => string]> = {
  preTaxReturnAnnual: ['Return before tax, a year', percent],
  afterTaxReturnAnnual: ['Return after tax, a year', percent],
  afterTaxReturnAnnualLiquidated: ['Return after tax, a year, liquidated at the end', percent],
  endValueUsd: ['Value at the end', usd],
  liquidationTaxUsd: ['Tax due on liquidation (negative: refund)', usd],
  realizedShortTermUsd: ['Realized short-term gains', usd],
  realizedLongTermUsd: ['Realized long-term gains', usd],
  harvestedLossUsd: ['Losses harvested', usd],
  taxPaidUsd: ['Tax paid (negative: refunded)', usd],
  trackingError: ['Tracking error, annualised', percent],
  turnover: ['Turnover, a year', percent],
  engineCalls: ['Engine calls', count],
  rebalances: ['Engine calls that proposed trades', count],
  openLots: ['Lots open at the end', count],
};

/** Both arms' totals side by side, then the figures that belong to the comparison itself. */
export function summaryTable(result: BacktestResult): string {
  const { summary } = result;
  const head = row([{ text: '' }, num('With harvesting'), num('Without harvesting')], 'th');
  const keys = Object.keys(ARM_ROWS) as (keyof ArmSummary)[];
  const arms = keys.map((key) => {
    const [label, format] = ARM_ROWS[key];
    return row([
      { text: label },
      num(format(summary.harvest[key])),
      num(format(summary.noHarvest[key])),
    ]);
  });
  const figures: [string, string][] = [
    ['Tax alpha, a year', percent(summary.taxAlphaAnnual)],
    ['Tax alpha, a year, both liquidated at the end', percent(summary.taxAlphaAnnualLiquidated)],
    [
      'Return before tax, harvest minus no harvest, a year',
      percent(summary.preTaxDifferenceAnnual),
    ],
    ['Benchmark return before tax, a year', percent(summary.benchmarkReturnAnnual)],
    ['Wash-sale buys avoided (security-days)', count(summary.washSales.avoided)],
    ['Wash sales incurred', count(summary.washSales.incurred)],
    ['Loss disallowed by wash sales', usd(summary.washSales.disallowedUsd)],
  ];
  const comparison = figures.map(([label, value]) => row([{ text: label }, num(value)]));
  return `${table(head, arms)}\n${table('', comparison)}`;
}

/** A compact table per year; yearly.csv carries every field. */
export function yearlyTable(result: BacktestResult): string {
  const groups = ['Return after tax', 'Return before tax', 'Tax', 'Tracking error', 'Turnover'];
  const head =
    `<tr><th rowspan="2">Year</th><th rowspan="2" class="num">Tax alpha</th>` +
    `<th rowspan="2" class="num">Losses harvested</th>` +
    groups.map((g) => `<th colspan="2" class="num">${esc(g)}</th>`).join('') +
    `</tr>\n` +
    row(
      groups.flatMap(() => [num('Harvest'), num('No harvest')]),
      'th',
    );
  const rows = result.years.map((y) =>
    row([
      { text: String(y.year) },
      num(percent(y.taxAlpha)),
      num(usd(y.harvest.harvestedLossUsd)),
      num(percent(y.harvest.afterTaxReturn)),
      num(percent(y.noHarvest.afterTaxReturn)),
      num(percent(y.harvest.preTaxReturn)),
      num(percent(y.noHarvest.preTaxReturn)),
      num(usd(y.harvest.taxUsd)),
      num(usd(y.noHarvest.taxUsd)),
      num(percent(y.harvest.trackingError)),
      num(percent(y.noHarvest.trackingError)),
      num(percent(y.harvest.turnover)),
      num(percent(y.noHarvest.turnover)),
    ]),
  );
  return table(head, rows, 'years');
}

/** Labels and formats of the settings; a Record so a new `BacktestConfig` field must be listed. */
const SETTING_ROWS: Record<
  Exclude<keyof BacktestConfig, 'universe'>,
  [string, (c: BacktestConfig) => string]
> = {
  scenario: ['Scenario', (c) => c.scenario],
  start: ['First day', (c) => c.start],
  end: ['Last day', (c) => c.end],
  schedule: ['Schedule', (c) => (c.schedule === 'daily' ? 'daily loss scan' : 'monthly')],
  initialValueUsd: ['Initial value of the taxable account', (c) => usd(c.initialValueUsd)],
  monthlyFlowUsd: ['Monthly flow (negative: withdrawal)', (c) => usd(c.monthlyFlowUsd)],
  shortTermRate: ['Short-term tax rate', (c) => exactPercent(c.shortTermRate)],
  longTermRate: ['Long-term tax rate', (c) => exactPercent(c.longTermRate)],
  minHarvestUsd: ['Smallest loss harvested per lot', (c) => usd(c.minHarvestUsd)],
  riskAversion: ['Risk aversion', (c) => String(c.riskAversion)],
  spread: ['Trading cost per side', (c) => exactPercent(c.spread)],
  fractional: ['Shares', (c) => (c.fractional ? 'fractional' : 'whole')],
};

/** The settings, with the universe as a count and a collapsed list. */
export function settingsTable(config: BacktestConfig): string {
  const keys = Object.keys(SETTING_ROWS) as (keyof typeof SETTING_ROWS)[];
  const rows = keys.map((key) => {
    const [label, format] = SETTING_ROWS[key];
    return row([{ text: label }, { text: format(config) }]);
  });
  const n = config.universe.length;
  const universe =
    `<tr><td>Universe</td><td>${esc(`${count(n)} ${n === 1 ? 'security' : 'securities'}`)}` +
    `<details><summary>List</summary><p>${esc(config.universe.join(', '))}</p></details></td></tr>`;
  return table('', [...rows, universe]);
}
