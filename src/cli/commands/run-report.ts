/** The summary people read at the end of `tailor run`. */
import type { RunReport } from '../../batch/index.js';

const count = (n: number): string => n.toLocaleString('en-US');
const usd = (x: number): string =>
  `${x < 0 ? '-' : ''}$${Math.abs(Math.round(x)).toLocaleString('en-US')}`;
const pct = (x: number): string => `${(x * 100).toFixed(2)}%`;

/** The run's counts, the book's figures (trades, tax, drift and tracking error) and what next. */
export function runReportText(r: RunReport): string {
  const b = r.book;
  const lines = [
    `run ${r.runId}  (as of ${r.asOf})`,
    `  households selected   ${count(r.householdsSelected)}`,
    `  proposals written     ${count(r.proposalsWritten)}`,
    `    with trades         ${count(r.proposed)}  (${count(r.trades)} trades)`,
    `    no trade needed     ${count(r.noTrade)}`,
    `    gated (bad data)    ${count(r.gated)}`,
    `    errors              ${count(r.errors)}`,
  ];
  if (b.accounts + b.accountsInError > 0) {
    lines.push(
      `  accounts              ${count(b.accounts)} rebalanced, ${count(b.accountsTraded)} trade, ` +
        `${count(b.accountsRelaxed)} with a limit relaxed, ${count(b.accountsInError)} in error`,
      `  trades                buy ${usd(b.buysUsd)}, sell ${usd(b.sellsUsd)}`,
      `  realized gains        ${usd(b.realizedGainsUsd)}  (estimated tax ${usd(b.estimatedTaxUsd)})`,
      `  mean largest drift    ${pct(b.meanMaxDriftBefore)} -> ${pct(b.meanMaxDriftAfter)}`,
      `  mean tracking error   ${pct(b.meanTrackingErrorBefore)} -> ${pct(b.meanTrackingErrorAfter)}`,
    );
  }
  lines.push(
    `  time                  ${(r.elapsedMs / 1000).toFixed(1)} s  (${r.householdsPerSecond.toFixed(1)} households/s)`,
  );
  if (r.gated > 0) lines.push(`  gated: tailor proposals --run ${r.runId} --status gated`);
  if (r.errors > 0) lines.push(`  errors: tailor proposals --run ${r.runId} --status error`);
  if (r.proposed > 0)
    lines.push(`\nnext: review with tailor proposals --run ${r.runId}, then tailor approve`);
  return lines.join('\n');
}
