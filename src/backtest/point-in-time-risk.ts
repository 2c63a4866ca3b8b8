/**
 * Risk models a backtest could have had on the day: re-estimated each January from the three
 * years of returns before it (at least one), by the method of the shipped default model
 * (docs/risk-model.md), over the securities the story trades. No look-ahead.
 */
import type { RiskModel } from '../domain/index.js';
import { dailyReturns, estimateFactorModel } from '../risk/index.js';
import type { PriceHistory } from './history.js';

const WINDOW_DAYS = 756;
const MIN_OBSERVATIONS = 200;
const FACTORS = 20;

/** The model estimated from the returns up to (not including) day `t`. */
export function riskModelBefore(
  history: PriceHistory,
  tradable: readonly number[],
  groups: ReadonlyMap<string, string>,
  t: number,
): RiskModel {
  const n = history.securities.length;
  const from = Math.max(0, t - WINDOW_DAYS - 1);
  const rows = t - from;
  const ids = tradable.map((j) => history.securities[j]!.id);
  const closes = new Float64Array(rows * tradable.length);
  for (let r = 0; r < rows; r++) {
    tradable.forEach((j, c) => {
      closes[r * tradable.length + c] = history.prices[(from + r) * n + j]!;
    });
  }
  const estimated = estimateFactorModel(dailyReturns(ids, closes, rows), {
    // A fund story has a dozen securities: a few statistical factors plus the group factors.
    factors: Math.min(FACTORS, Math.max(2, Math.floor(tradable.length / 4))),
    groups,
    minObservations: Math.min(MIN_OBSERVATIONS, rows - 2),
    periodsPerYear: 252,
  });
  return {
    factors: estimated.factors,
    factorCovariance: estimated.factors.map((_, i) =>
      estimated.factors.map((__, k) => (i === k ? estimated.factorVariance[i]! : 0)),
    ),
    exposures: Object.fromEntries(estimated.ids.map((id, i) => [id, [...estimated.exposures[i]!]])),
    specificVariance: Object.fromEntries(
      estimated.ids.map((id, i) => [id, estimated.specificVariance[i]!]),
    ),
  };
}
