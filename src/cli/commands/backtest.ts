/**
 * `tailor backtest`: a household simulated on the shipped history (data/history), with and
 * without loss harvesting, through the production engine and ledger; prints the headline figures
 * and, with `--out`, writes every figure as JSON and CSV, charts and an HTML report; with
 * `--save`, keeps the result in the store for the API and the dashboard's Evidence page.
 */
import { Option, type Command } from 'commander';
import type { BacktestOptions, BacktestResult } from '../../backtest/index.js';
import { CliError } from '../cli-error.js';
import { progressBar } from '../progress-bar.js';
import { defaultActor, withStore } from './lifecycle-store.js';

interface BacktestCliOptions {
  scenario?: BacktestOptions['scenario'];
  start?: string;
  end?: string;
  schedule?: BacktestOptions['schedule'];
  initial?: string;
  monthlyFlow?: string;
  stRate?: string;
  ltRate?: string;
  minHarvest?: string;
  riskAversion?: string;
  spread?: string;
  wholeShares?: boolean;
  out?: string;
  json?: boolean;
  save?: boolean;
  as: string;
}

/** A number option, or a message naming it. */
function numberOption(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text.replace(/_/g, ''));
  if (text.trim() === '' || !Number.isFinite(value)) {
    throw new CliError(`${name} must be a number, got "${text}"`, 2);
  }
  return value;
}

function toOptions(o: BacktestCliOptions): BacktestOptions {
  const entries: [keyof BacktestOptions, unknown][] = [
    ['scenario', o.scenario],
    ['start', o.start],
    ['end', o.end],
    ['schedule', o.schedule],
    ['initialValueUsd', numberOption('--initial', o.initial)],
    ['monthlyFlowUsd', numberOption('--monthly-flow', o.monthlyFlow)],
    ['shortTermRate', numberOption('--st-rate', o.stRate)],
    ['longTermRate', numberOption('--lt-rate', o.ltRate)],
    ['minHarvestUsd', numberOption('--min-harvest', o.minHarvest)],
    ['riskAversion', numberOption('--risk-aversion', o.riskAversion)],
    ['spread', numberOption('--spread', o.spread)],
    ['fractional', o.wholeShares ? false : undefined],
  ];
  return Object.fromEntries(entries.filter(([, v]) => v !== undefined)) as BacktestOptions;
}

const pct = (x: number): string => `${(100 * x).toFixed(2)}%`;
const usd = (x: number): string => `$${Math.round(x).toLocaleString('en-US')}`;

/** The headline figures as a few aligned lines. */
export function backtestTable(result: BacktestResult): string {
  const { summary: s, config: c } = result;
  const row = (label: string, h: string, n: string): string =>
    `  ${label.padEnd(34)}${h.padStart(16)}${n.padStart(16)}`;
  return [
    `${c.scenario}, ${c.start} … ${c.end} (${s.years.toFixed(1)} years), ${c.schedule}, ${c.universe.length} securities in the benchmark`,
    `tax alpha ${pct(s.taxAlphaAnnual)} a year (${pct(s.taxAlphaAnnualLiquidated)} if liquidated at the end); tracking error ${pct(s.trackingError)}; turnover ${pct(s.turnover)} a year`,
    '',
    row('', 'harvesting', 'not harvesting'),
    row(
      'return before tax, a year',
      pct(s.harvest.preTaxReturnAnnual),
      pct(s.noHarvest.preTaxReturnAnnual),
    ),
    row(
      'return after tax, a year',
      pct(s.harvest.afterTaxReturnAnnual),
      pct(s.noHarvest.afterTaxReturnAnnual),
    ),
    row(
      '  … liquidated at the end',
      pct(s.harvest.afterTaxReturnAnnualLiquidated),
      pct(s.noHarvest.afterTaxReturnAnnualLiquidated),
    ),
    row(
      'value at the end (after tax due)',
      usd(s.harvest.endValueUsd),
      usd(s.noHarvest.endValueUsd),
    ),
    row('losses harvested', usd(s.harvest.harvestedLossUsd), usd(s.noHarvest.harvestedLossUsd)),
    row(
      'net short-term realized',
      usd(s.harvest.realizedShortTermUsd),
      usd(s.noHarvest.realizedShortTermUsd),
    ),
    row(
      'net long-term realized',
      usd(s.harvest.realizedLongTermUsd),
      usd(s.noHarvest.realizedLongTermUsd),
    ),
    row('tax paid (negative: saved)', usd(s.harvest.taxPaidUsd), usd(s.noHarvest.taxPaidUsd)),
    row(
      'tax due if liquidated',
      usd(s.harvest.liquidationTaxUsd),
      usd(s.noHarvest.liquidationTaxUsd),
    ),
    row('tracking error', pct(s.harvest.trackingError), pct(s.noHarvest.trackingError)),
    row('turnover, a year', pct(s.harvest.turnover), pct(s.noHarvest.turnover)),
    row(
      'engine calls (proposals that traded)',
      `${s.harvest.engineCalls} (${s.harvest.rebalances})`,
      `${s.noHarvest.engineCalls} (${s.noHarvest.rebalances})`,
    ),
    '',
    `  benchmark return ${pct(s.benchmarkReturnAnnual)} a year; wash sales: ${s.washSales.avoided} buys avoided, ${s.washSales.incurred} incurred`,
    `  ${result.elapsedSeconds.toFixed(1)} s`,
  ].join('\n');
}

async function runCommand(o: BacktestCliOptions): Promise<void> {
  const options = toOptions(o);
  const { loadPriceHistory, runBacktest } = await import('../../backtest/index.js');
  const bar = progressBar('months');
  const history = loadPriceHistory();
  let months = 0;
  const outcome = runBacktest(history, options, {
    onProgress: (p) => {
      months += 1;
      const total = Math.max(months, Math.round(months / Math.max(p.fraction, 1e-9)));
      bar.update(months, total, `${p.date}, ${p.engineCalls} engine calls`);
    },
  });
  bar.done();
  if (!outcome.ok) throw new CliError(outcome.problems.join('\n'), 2);
  const { result } = outcome;
  if (o.out) {
    const { writeBacktestOutputs } = await import('../../backtest/report/index.js');
    const files = writeBacktestOutputs(o.out, result);
    process.stderr.write(`wrote ${files.length} files to ${o.out} (open ${o.out}/report.html)\n`);
  }
  if (o.save) {
    const { saveBacktest } = await import('../../store/index.js');
    const id = await withStore((db) => saveBacktest(db, result, o.as));
    process.stderr.write(`saved backtest ${id} (the dashboard's Evidence page shows it)\n`);
  }
  for (const warning of result.warnings.slice(0, 5)) process.stderr.write(`warning: ${warning}\n`);
  if (o.json) {
    const { config, summary, assumptions } = result;
    process.stdout.write(`${JSON.stringify({ config, summary, assumptions }, null, 2)}\n`);
  } else process.stdout.write(`${backtestTable(result)}\n`);
}

/** Adds `backtest` to the program. */
export function registerBacktest(program: Command): void {
  program
    .command('backtest')
    .summary('simulate tax-loss harvesting on real history and measure its tax alpha')
    .description(
      [
        'Simulates a household day by day on the shipped daily prices (S&P 500 stocks and ETFs,',
        '1999-11 … 2021-04; data/history/README.md) twice: harvesting losses and not. Both arms use',
        'the production engine (`tailor rebalance`) and ledger (`tailor ledger`). Prints tax alpha',
        '(after-tax return with harvesting minus without, a year), tracking error and turnover;',
        'with --out, writes result.json, summary.json, CSV files, SVG charts and report.html.',
        'The assumptions are printed in every output; docs/evidence.md sets the figures beside',
        'the published ones.',
      ].join('\n'),
    )
    .addOption(
      new Option('--scenario <name>', 'the story')
        .choices(['direct-index', 'etf-model', 'household-ira'])
        .default('direct-index'),
    )
    .option('--start <date>', 'first day (default: per scenario)')
    .option('--end <date>', 'last day (default 2020-12-31)')
    .addOption(
      new Option('--schedule <kind>', 'monthly rebalancing, or daily harvest scans too')
        .choices(['monthly', 'daily'])
        .default('monthly'),
    )
    .option('--initial <usd>', 'starting value of the taxable account (default 1000000)')
    .option('--monthly-flow <usd>', 'added at each month end; negative withdraws (default 0)')
    .option('--st-rate <fraction>', 'short-term tax rate (default 0.35)')
    .option('--lt-rate <fraction>', 'long-term tax rate (default 0.15)')
    .option('--min-harvest <usd>', 'smallest loss per lot worth harvesting (default 100)')
    .option('--risk-aversion <lambda>', 'risk aversion on tracking error (default 50)')
    .option('--spread <fraction>', 'trading cost per side (default 0.0005)')
    .option('--whole-shares', 'trade whole shares (default: fractional)')
    .option('--out <dir>', 'write every figure, the charts and report.html there')
    .option('--json', 'print {config, summary, assumptions} as JSON instead of the table')
    .option('--save', 'keep the result in the store ($TAILOR_HOME or DATABASE_URL), print its id')
    .option('--as <name>', 'who saves it (with --save; audit log)', defaultActor())
    .action(async (o: BacktestCliOptions) => runCommand(o));
}
