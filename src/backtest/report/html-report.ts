/**
 * The backtest report as one self-contained HTML page: inline CSS and SVG, no scripts, no
 * external resources, so it opens from disk, mails as one file and prints.
 */
import type { BacktestResult, BacktestSummary } from '../result.js';
import type { ReportChart } from './charts.js';
import { escapeXml as esc } from './escape.js';
import { percent, yearsText } from './html-format.js';
import { REPORT_CSS } from './html-style.js';
import { settingsTable, summaryTable, yearlyTable } from './html-tables.js';

/**
 * The one sentence a reader takes away, e.g. "Harvesting losses added 1.10% a year after tax over
 * 3 years (0.85% if the account is liquidated at the end)." A negative alpha says "cost".
 */
export function headline(summary: BacktestSummary): string {
  const alpha = summary.taxAlphaAnnual;
  const liquidated = summary.taxAlphaAnnualLiquidated;
  const verb = alpha < 0 ? 'cost' : 'added';
  // When liquidation flips the sign, say so in words rather than with a bare minus sign.
  const flipped = liquidated < 0 !== alpha < 0 && liquidated !== 0;
  const liquidatedText = `${flipped ? `${liquidated < 0 ? 'cost' : 'added'} ` : ''}${percent(Math.abs(liquidated))}`;
  return (
    `Harvesting losses ${verb} ${percent(Math.abs(alpha))} a year after tax over ` +
    `${yearsText(summary.years)} (${liquidatedText} if the account is liquidated at the end).`
  );
}

/**
 * How much of the alpha is a pre-tax difference (the arms' holdings drift apart, and with them
 * their pre-tax returns): luck of tracking error rather than tax, which a reader should see.
 */
export function preTaxNote(summary: BacktestSummary): string {
  const diff = summary.preTaxDifferenceAnnual;
  if (!Number.isFinite(diff)) return '';
  return (
    `That figure includes a difference in pre-tax return of ${percent(diff)} a year between ` +
    `the two accounts (tracking error, not tax).`
  );
}

/**
 * The engine's errors, if any: they mean some account-days traded nothing, so the figures above
 * understate what the engine would do. A long list starts collapsed.
 */
function warningsSection(warnings: readonly string[]): string {
  if (warnings.length === 0) return '';
  const items = warnings.map((w) => `<li>${esc(w)}</li>`).join('\n');
  const count = `${warnings.length} ${warnings.length === 1 ? 'warning' : 'warnings'}`;
  return `<h2>Warnings</h2>
<p>${esc(`${count}: on these days the engine answered with an error and nothing was traded in that account.`)}</p>
<details${warnings.length <= 10 ? ' open' : ''}><summary>${esc(count)}</summary>
<ul class="warnings">
${items}
</ul>
</details>
`;
}

/** The whole page. `charts` are inlined as given (they come from `backtestCharts`). */
export function htmlReport(result: BacktestResult, charts: readonly ReportChart[]): string {
  const { config, summary } = result;
  const title = `Backtest: ${config.scenario}, ${config.start} to ${config.end}`;
  const figures = charts.map((c) => `<figure>\n${c.svg.trim()}\n</figure>`);
  const assumptions = result.assumptions.map((a) => `<li>${esc(a)}</li>`);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${esc(title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<h1>${esc(title)}</h1>
<p class="headline">${esc(headline(summary))}</p>
<p class="note">${esc(preTaxNote(summary))}</p>
<h2>Summary</h2>
${summaryTable(result)}
${warningsSection(result.warnings)}<h2>Charts</h2>
${figures.join('\n')}
<h2>By year</h2>
${yearlyTable(result)}
<p class="note">Every figure of every year, for both arms, is in yearly.csv.</p>
<h2>Settings</h2>
${settingsTable(config)}
<h2>Assumptions</h2>
<ul class="assumptions">
${assumptions.join('\n')}
</ul>
<footer>${esc(`Simulated in ${result.elapsedSeconds.toFixed(1)} s.`)}</footer>
</body>
</html>
`;
}
