/**
 * The settings of a backtest: defaults per scenario, so `tailor backtest` with no options tells
 * the headline story, and the checks that turn a bad option into a message naming it.
 */
import { DEFAULT_SPREAD } from '../rebalance/index.js';
import type { BacktestConfig, BacktestScenario, BacktestSchedule } from './result.js';

/** What a caller may set; everything else has a default. */
export type BacktestOptions = Partial<Omit<BacktestConfig, 'universe'>>;

/**
 * Default windows: each starts once every fund of its story trades and a year of history feeds
 * the first risk model; each ends on the last full year of the shipped history.
 */
const WINDOWS: Record<BacktestScenario, { start: string; end: string }> = {
  'direct-index': { start: '2001-01-02', end: '2020-12-31' },
  'etf-model': { start: '2008-01-02', end: '2020-12-31' },
  'household-ira': { start: '2005-01-03', end: '2020-12-31' },
};

/** The literature's rates (Chaudhuri, Burnham & Lo 2020): 35% short-term, 15% long-term. */
export const DEFAULT_RATES = { shortTermRate: 0.35, longTermRate: 0.15 } as const;

/** The settings with defaults filled in (universe is chosen later, from the data). */
export function withDefaults(options: BacktestOptions): Omit<BacktestConfig, 'universe'> {
  const scenario = options.scenario ?? 'direct-index';
  const window = WINDOWS[scenario];
  const schedule: BacktestSchedule = options.schedule ?? 'monthly';
  return {
    scenario,
    start: options.start ?? window.start,
    end: options.end ?? window.end,
    schedule,
    initialValueUsd: options.initialValueUsd ?? 1_000_000,
    monthlyFlowUsd: options.monthlyFlowUsd ?? 0,
    shortTermRate: options.shortTermRate ?? DEFAULT_RATES.shortTermRate,
    longTermRate: options.longTermRate ?? DEFAULT_RATES.longTermRate,
    minHarvestUsd: options.minHarvestUsd ?? 100,
    riskAversion: options.riskAversion ?? 50,
    spread: options.spread ?? DEFAULT_SPREAD,
    fractional: options.fractional ?? true,
  };
}

/** Problems with settings, each naming the option to change; empty when all is well. */
export function checkConfig(
  config: Omit<BacktestConfig, 'universe'>,
  calendar: { first: string; last: string },
): string[] {
  const problems: string[] = [];
  const iso = /^\d{4}-\d{2}-\d{2}$/;
  for (const key of ['start', 'end'] as const) {
    if (!iso.test(config[key]))
      problems.push(`--${key} must be a date YYYY-MM-DD, got "${config[key]}"`);
  }
  if (problems.length > 0) return problems;
  if (config.start < calendar.first || config.end > calendar.last) {
    problems.push(
      `the history covers ${calendar.first} … ${calendar.last}; choose --start and --end inside it`,
    );
  }
  if (config.end <= config.start) problems.push('--end must come after --start');
  if (!(config.initialValueUsd >= 1000)) problems.push('--initial must be at least 1000 (USD)');
  for (const key of ['shortTermRate', 'longTermRate'] as const) {
    const v = config[key];
    if (!(v >= 0 && v < 1))
      problems.push(
        `--${key === 'shortTermRate' ? 'st-rate' : 'lt-rate'} must be in [0, 1), got ${v}`,
      );
  }
  if (!(config.minHarvestUsd >= 0)) problems.push('--min-harvest must be ≥ 0 (USD)');
  if (!(config.riskAversion > 0)) problems.push('--risk-aversion must be > 0');
  if (!(config.spread >= 0 && config.spread < 0.05)) problems.push('--spread must be in [0, 0.05)');
  if (!Number.isFinite(config.monthlyFlowUsd))
    problems.push('--monthly-flow must be a number (USD)');
  return problems;
}
