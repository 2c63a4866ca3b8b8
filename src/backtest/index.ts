/**
 * Evidence on real history: backtests of loss harvesting through the production engine and
 * ledger (docs/evidence.md), and multi-year transition plans.
 */
export type {
  ArmSummary,
  BacktestConfig,
  BacktestResult,
  BacktestScenario,
  BacktestSchedule,
  BacktestSummary,
  DailyPoint,
  YearFigures,
} from './result.js';
export type { HistorySecurity, PriceHistory } from './history.js';
export { loadPriceHistory } from './load-history.js';
export { withDefaults, type BacktestOptions } from './config.js';
export {
  runBacktest,
  type BacktestListeners,
  type BacktestOutcome,
  type BacktestProgress,
} from './run-backtest.js';
