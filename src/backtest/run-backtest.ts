/**
 * `runBacktest`: a household simulated day by day on the shipped history, twice — harvesting
 * losses and not — through the production engine (`rebalance`, the same call a nightly run
 * makes) and the production ledger (`replayLedger`, for every tax figure). Month ends
 * rebalance; with the `daily` schedule the harvest arm also scans every day. Each year's tax is
 * paid (or refunded) on the next year's first trading day.
 */
import type { AccountProposal, RiskModel, Security } from '../domain/index.js';
import { rebalance } from '../rebalance/index.js';
import { accountValueUsd, emptyTally, newArm } from './arm-state.js';
import { applyProposal } from './apply-proposal.js';
import { BenchmarkBook } from './benchmark-book.js';
import { buildRequest, forgetOldTrades } from './build-request.js';
import { checkConfig, withDefaults, type BacktestOptions } from './config.js';
import { harvestCandidates, shouldScan, washBarredUnderweight } from './harvest-trigger.js';
import type { PriceHistory } from './history.js';
import { NavTracker } from './nav.js';
import { riskModelBefore } from './point-in-time-risk.js';
import type { BacktestConfig, BacktestResult, DailyPoint } from './result.js';
import { buildScenario, type Scenario } from './scenario.js';
import { liquidationTaxUsd, settleYear } from './settle-year.js';
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
  const records: ArmRecord[] = [true, false].map((harvest) => ({
    arm: newArm(harvest, scenario.accounts, config.initialValueUsd),
    nav: new NavTracker(
      config.initialValueUsd * scenario.accounts.reduce((s, a) => s + a.initialFraction, 0),
    ),
    years: [],
    calls: 0,
    washAvoided: 0,
    asked: new Set<string>(),
    harvestedCumulativeUsd: 0,
    taxableValueUsd: config.initialValueUsd,
    warnings: [],
  }));
  const totalFraction = scenario.accounts.reduce((s, a) => s + a.initialFraction, 0);
  const daily: DailyPoint[] = [];
  let benchmarkUsd =
    config.initialValueUsd * scenario.accounts.reduce((s, a) => s + a.initialFraction, 0);
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
    const prices: Security[] = scenario.securities.map((s) => ({
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

    for (const record of records) {
      const arm = record.arm;
      forgetOldTrades(arm, date);
      const taxable = arm.accounts[0]!;
      const withdrawalUsd = new Map<string, number>();
      let taxPaidUsd = 0;
      let call = t === startIndex || monthEnd;
      if (newYear && arm.taxDueUsd !== 0) {
        taxPaidUsd = arm.taxDueUsd;
        if (taxPaidUsd > 0) withdrawalUsd.set(taxable.id, taxPaidUsd);
        else taxable.cashUsd -= taxPaidUsd;
        arm.taxDueUsd = 0;
        call = true;
      }
      if (contributionUsd > 0) taxable.cashUsd += contributionUsd;
      if (contributionUsd < 0)
        withdrawalUsd.set(taxable.id, (withdrawalUsd.get(taxable.id) ?? 0) - contributionUsd);
      const taxableBeforeUsd = record.taxableValueUsd;
      let scan = false;
      if (!call && arm.harvest && config.schedule === 'daily') {
        const candidates = harvestCandidates(taxable, date, p, config.minHarvestUsd);
        scan = shouldScan(candidates, accountValueUsd(taxable, p), record.asked);
        if (scan) for (const id of candidates.lots) record.asked.add(id);
      }
      if (call || scan) {
        if (arm.harvest) {
          const targets = new Map(
            (modelsToday.find((m) => m.id === taxable.model)?.targets ?? []).flatMap((x) =>
              'security' in x ? [[x.security, x.weight] as const] : [],
            ),
          );
          record.washAvoided += washBarredUnderweight(
            taxable,
            date,
            p,
            targets,
            accountValueUsd(taxable, p),
          );
        }
        const request = buildRequest(arm, config, date, prices, riskModel!, modelsToday, {
          scan,
          withdrawalUsd,
        });
        const response = rebalance(request, { explain: false });
        record.calls += 1;
        arm.tally.engineCalls += 1;
        for (const proposal of response.accounts) {
          if (proposal.status === 'error') {
            record.warnings.push(`${date} ${proposal.id}: ${proposal.error?.message ?? 'error'}`);
            continue;
          }
          if (proposal.trades.length > 0) arm.tally.rebalances += 1;
          if (proposal.trades.length > 0)
            onProposal?.(date, arm.harvest ? 'harvest' : 'noHarvest', proposal);
          applyProposal(arm, proposal, date, config.spread);
        }
        for (const [id, usd] of withdrawalUsd)
          arm.accounts.find((a) => a.id === id)!.cashUsd -= usd;
        if (!scan) record.asked.clear();
      }
      const valueUsd = arm.accounts.reduce((s, a) => s + accountValueUsd(a, p), 0);
      const taxableValueUsd = accountValueUsd(taxable, p);
      record.taxableValueUsd = taxableValueUsd;
      if (t > startIndex) {
        const base = taxableBeforeUsd + contributionUsd - taxPaidUsd;
        record.nav.active.push(taxableValueUsd / base - 1 - benchmarkReturn);
      }
      arm.tally.valueSumUsd += valueUsd;
      arm.tally.days += 1;
      let liabilityUsd = 0;
      if (yearEnd) {
        const tax = settleYear(arm, config);
        record.harvestedCumulativeUsd += tax.harvestedLossUsd;
        arm.taxDueUsd = tax.taxUsd;
        liabilityUsd = tax.taxUsd;
        record.nav.day(valueUsd, contributionUsd, taxPaidUsd, liabilityUsd);
        record.years.push({
          year: year(date),
          tax,
          tally: arm.tally,
          valueUsd,
          navPre: record.nav.preTax,
          navAfter: record.nav.afterTax,
          active: record.nav.active.splice(0),
        });
        arm.tally = emptyTally();
        if (t === endIndex) record.liquidationTaxUsd = liquidationTaxUsd(arm, date, p, config);
      } else {
        record.nav.day(valueUsd, contributionUsd, taxPaidUsd, 0);
      }
      record.lastValueUsd = valueUsd - liabilityUsd;
    }
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
