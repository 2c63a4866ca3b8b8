/**
 * A real, small backtest for the API's tests: the ETF model over the first half of 2020 (the
 * crash gives it losses to harvest), run once per test file (about a second) so the contract is
 * checked against what `runBacktest` actually produces.
 */
import { loadPriceHistory, runBacktest, type BacktestResult } from '../../backtest/index.js';

let memo: BacktestResult | undefined;

/** The result (the same object on every call: do not change it). */
export function smallBacktest(): BacktestResult {
  if (memo) return memo;
  const outcome = runBacktest(loadPriceHistory(), {
    scenario: 'etf-model',
    start: '2020-01-02',
    end: '2020-06-30',
    schedule: 'monthly',
  });
  if (!outcome.ok) throw new Error(`the test backtest failed: ${outcome.problems.join('; ')}`);
  memo = outcome.result;
  return memo;
}
