/**
 * Backtest benchmark: a 10-year daily-scan backtest of the direct-indexed S&P 500 account
 * (2011-01-03 … 2020-12-31, every stock priced throughout: about 470), timed end to end — both
 * arms, every engine call, the yearly ledger replays and risk-model estimates. The peer in the
 * same run is the monthly schedule over the same window, so the ratio shows what daily scans
 * cost. The two run in turn twice (daily, monthly, daily, monthly) and each figure is the faster
 * of its two runs, so neither pays alone for the process warming up. Target: the daily run under
 * 60 s on the reference 2-core machine.
 *
 *   npm run bench:backtest
 *   npm run bench:backtest -- --start 2016-01-04   # shorter
 *
 * Writes bench/results/backtest.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadPriceHistory, runBacktest, type BacktestResult } from '../src/backtest/index.js';

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const start = argValue('start') ?? '2011-01-03';
const end = argValue('end') ?? '2020-12-31';
const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const loadStarted = performance.now();
const history = loadPriceHistory();
const loadSeconds = (performance.now() - loadStarted) / 1000;
console.log(`history loaded in ${loadSeconds.toFixed(2)} s`);

function timed(schedule: 'daily' | 'monthly'): BacktestResult {
  const outcome = runBacktest(
    history,
    { scenario: 'direct-index', start, end, schedule },
    {
      onProgress: (p) =>
        process.stderr.write(`\r${schedule} ${p.date}  ${p.engineCalls} engine calls\x1b[K`),
    },
  );
  process.stderr.write('\n');
  if (!outcome.ok) throw new Error(outcome.problems.join('\n'));
  return outcome.result;
}

const loadBefore = loadavg()[0]!;
const faster = (a: BacktestResult, b: BacktestResult): BacktestResult =>
  a.elapsedSeconds <= b.elapsedSeconds ? a : b;
const [daily1, monthly1] = [timed('daily'), timed('monthly')];
const daily = faster(daily1, timed('daily'));
const monthly = faster(monthly1, timed('monthly'));
const figures = (r: BacktestResult) => ({
  seconds: Number(r.elapsedSeconds.toFixed(2)),
  engineCalls: r.summary.harvest.engineCalls + r.summary.noHarvest.engineCalls,
  msPerEngineCall: Number(
    (
      (1000 * r.elapsedSeconds) /
      (r.summary.harvest.engineCalls + r.summary.noHarvest.engineCalls)
    ).toFixed(1),
  ),
  taxAlphaAnnual: Number(r.summary.taxAlphaAnnual.toFixed(5)),
  taxAlphaAnnualLiquidated: Number(r.summary.taxAlphaAnnualLiquidated.toFixed(5)),
  trackingError: Number(r.summary.trackingError.toFixed(5)),
  turnover: Number(r.summary.turnover.toFixed(4)),
  harvestedLossUsd: Math.round(r.summary.harvest.harvestedLossUsd),
});
const report = {
  date: new Date().toISOString(),
  machine: {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    loadBefore,
    loadAfter: loadavg()[0],
  },
  window: {
    start: daily.config.start,
    end: daily.config.end,
    stocks: daily.config.universe.length,
  },
  historyLoadSeconds: Number(loadSeconds.toFixed(2)),
  daily: figures(daily),
  monthly: figures(monthly),
  dailyOverMonthly: Number((daily.elapsedSeconds / monthly.elapsedSeconds).toFixed(2)),
  targetSeconds: 60,
};
const out = join(root, 'bench', 'results', 'backtest.json');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
console.log(
  `${report.window.stocks} stocks, ${report.window.start} … ${report.window.end}\n` +
    `daily scans: ${report.daily.seconds} s (${report.daily.engineCalls} engine calls, ${report.daily.msPerEngineCall} ms each) — target < 60 s: ${report.daily.seconds < 60 ? 'met' : 'missed'}\n` +
    `monthly:     ${report.monthly.seconds} s (${report.monthly.engineCalls} engine calls); daily / monthly = ${report.dailyOverMonthly}×\n` +
    `wrote bench/results/backtest.json`,
);
