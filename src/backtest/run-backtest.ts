/**
 * `runBacktest`: a household simulated day by day on the shipped history, twice — harvesting
 * losses and not — through the production engine (`rebalance`, the same call a nightly run
 * makes) and the production ledger (`replayLedger`, for every tax figure). Month ends
 * rebalance; with the `daily` schedule the harvest arm also scans every day. Each year's tax is
 * paid (or refunded) on the next year's first trading day.
 */
import type { AccountProposal, RiskModel, Security } from '../domain/index.js';
import { newArm } from './arm-state.js';
import { BenchmarkBook } from './benchmark-book.js';
import { checkConfig, withDefaults, type BacktestOptions } from './config.js';
import type { PriceHistory } from './history.js';
import { NavTracker } from './nav.js';
import { riskModelBefore } from './point-in-time-risk.js';
import type { BacktestConfig, BacktestResult, DailyPoint } from './result.js';
import { buildScenario, type Scenario } from './scenario.js';
import { stepArm, type MarketDay } from './step-arm.js';
import { summarise, type ArmRecord } from './summarise.js';

/** Progress of a running backtest. */
export interface BacktestProgress {
  date: string;
  /** Fraction of the window simulated, in [0, 1]. */
  fraction: number;
  engineCalls: number;
}

/** What a caller may listen to while a backtest runs. */
export interface BacktestListeners {
  /** Every simulated month. */
  onProgress?: (p: BacktestProgress) => void;
  /** Every engine answer that trades, per account (to audit or debug a backtest). */
  onProposal?: (date: string, arm: 'harvest' | 'noHarvest', proposal: AccountProposal) => void;
}

/** A backtest's outcome: the result, or what to change in the settings. */
export type BacktestOutcome =
  { ok: true; result: BacktestResult } | { ok: false; problems: string[] };

const year = (date: string): number => Number(date.slice(0, 4));

/** Runs a backtest. */
export function runBacktest(
  history: PriceHistory,
  options: BacktestOptions,
  listeners: BacktestListeners = {},
): BacktestOutcome {
  const { onProgress, onProposal } = listeners;
  const started = performance.now();
  const base = withDefaults(options);
  const dates = history.dates;
  const problems = checkConfig(base, { first: dates[0]!, last: dates[dates.length - 1]! });
  if (problems.length > 0) return { ok: false, problems };
  const startIndex = dates.findIndex((d) => d >= base.start);
  const endIndex = dates.findLastIndex((d) => d <= base.end);
  let scenario: Scenario;
  try {
    scenario = buildScenario(history, base, startIndex, endIndex);
  } catch (cause) {
    return { ok: false, problems: [(cause as Error).message] };
  }
  const config: BacktestConfig = {
    ...base,
    start: dates[startIndex]!,
    end: dates[endIndex]!,
    universe: scenario.universe.map((j) => history.securities[j]!.id),
  };
  const n = history.securities.length;
  const column = new Map(history.securities.map((s, j) => [s.id, j]));
  const totalFraction = scenario.accounts.reduce((s, a) => s + a.initialFraction, 0);
  const records: ArmRecord[] = [true, false].map((harvest) => ({
    arm: newArm(harvest, scenario.accounts, config.initialValueUsd),
    nav: new NavTracker(config.initialValueUsd * totalFraction),
    years: [],
    calls: 0,
    washAvoided: 0,
    asked: new Set<string>(),
    harvestedCumulativeUsd: 0,
    taxableValueUsd: config.initialValueUsd,
    warnings: [],
  }));
  const daily: DailyPoint[] = [];
  let benchmarkUsd = config.initialValueUsd * totalFraction;
  let benchmarkNav = 1;
  let riskModel: RiskModel | undefined;
  let riskYear = -1;
  const benchmarks = new BenchmarkBook(scenario.models(startIndex));
  let lastProgress = '';

  for (let t = startIndex; t <= endIndex; t++) {
    const date = dates[t]!;
    const p = (id: string): number => history.prices[t * n + column.get(id)!]!;
    if (year(date) !== riskYear) {
      riskModel = riskModelBefore(history, scenario.tradable, scenario.groups, t);
      riskYear = year(date);
    }
    const monthEnd = t === endIndex || dates[t + 1]!.slice(0, 7) !== date.slice(0, 7);
    const yearEnd = t === endIndex || year(dates[t + 1]!) !== year(date);
    const newYear = t > startIndex && year(dates[t - 1]!) !== year(date);
    const modelsToday = scenario.models(t);
    const securities: Security[] = scenario.securities.map((s) => ({
      ...s,
      price: Math.max(0.0001, Number(p(s.id).toPrecision(8))),
    }));
    const contributionUsd = monthEnd && t > startIndex ? config.monthlyFlowUsd : 0;
    const modelReturns =
      t === startIndex
        ? new Map<string, number>()
        : benchmarks.step((id) => {
            const j = column.get(id)!;
            return history.prices[t * n + j]! / history.prices[(t - 1) * n + j]! - 1;
          });
    if (monthEnd) benchmarks.reset(modelsToday);
    const benchmarkReturn = modelReturns.get(scenario.accounts[0]!.model) ?? 0;
    const householdBenchmarkReturn = scenario.accounts.reduce(
      (s, a) => s + (a.initialFraction / totalFraction) * (modelReturns.get(a.model) ?? 0),
      0,
    );
    benchmarkUsd = (benchmarkUsd + contributionUsd) * (1 + householdBenchmarkReturn);
    benchmarkNav *= 1 + householdBenchmarkReturn;

    const day: MarketDay = {
      date,
      price: p,
      securities,
      models: modelsToday,
      riskModel: riskModel!,
      first: t === startIndex,
      last: t === endIndex,
      monthEnd,
      yearEnd,
      newYear,
      contributionUsd,
      benchmarkReturn,
    };
    for (const record of records) stepArm(record, day, config, onProposal);
    daily.push({
      date,
      harvestValueUsd: records[0]!.lastValueUsd!,
      noHarvestValueUsd: records[1]!.lastValueUsd!,
      benchmarkValueUsd: benchmarkUsd,
      cumulativeHarvestedLossUsd:
        records[0]!.harvestedCumulativeUsd + records[0]!.arm.tally.harvestedLossUsd,
    });
    if (onProgress && (monthEnd || t === startIndex) && date.slice(0, 7) !== lastProgress) {
      lastProgress = date.slice(0, 7);
      onProgress({
        date,
        fraction: (t - startIndex + 1) / (endIndex - startIndex + 1),
        engineCalls: records[0]!.calls + records[1]!.calls,
      });
    }
  }
  const result = summarise(
    config,
    records,
    daily,
    benchmarkNav,
    (performance.now() - started) / 1000,
  );
  return { ok: true, result };
}
