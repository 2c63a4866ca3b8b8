/**
 * The assumptions behind a backtest's figures, in words, written into every output so a figure
 * never travels without them.
 */
import { CASH_TARGET } from './build-request.js';
import { HARVEST_TRIGGER } from './harvest-trigger.js';
import type { BacktestConfig } from './result.js';

const pct = (x: number): string => `${(100 * x).toFixed(2).replace(/\.?0+$/, '')}%`;

/** Sentences a reader of the figures must know. */
export function backtestAssumptions(config: BacktestConfig): string[] {
  const list = [
    `Prices are total-return adjusted closes (dividends reinvested on the ex-date, splits adjusted); dividends are not paid out or taxed separately, in both arms alike.`,
    `Tax: ${pct(config.shortTermRate)} on net short-term and ${pct(config.longTermRate)} on net long-term gains, each term's net at its own rate; a net loss saves tax at that rate against gains the investor has elsewhere (no $3,000 limit, no carry-forward). A year's tax is paid, or its saving received and reinvested, on the next year's first trading day.`,
    `Tax alpha is the annualised after-tax return with loss harvesting minus the same account without it; both arms follow the same rules, prices and cash flows. "Liquidated" also pays the tax on every unrealized gain on the last day; the plain figure assumes the gains are never realized (held for life or given away).`,
    `Trades fill at the day's adjusted close; each side costs ${pct(config.spread)} of its value, added to the basis of buys and taken from sale proceeds. ${config.fractional ? 'Fractional shares.' : 'Whole shares.'} The model keeps ${pct(CASH_TARGET)} in cash.`,
    `Rebalancing at each month end${config.schedule === 'daily' ? `; the harvesting account is also scanned every day and the engine is asked when losses of at least $${config.minHarvestUsd} per lot add up to ${pct(HARVEST_TRIGGER)} of its value` : ''}. Lots are chosen by the optimizer (specific identification); wash-sale rules span the household.`,
    `Risk model: re-estimated each January from the up to three years of daily returns before it (20 statistical factors, the method of docs/risk-model.md); no look-ahead. Risk aversion λ = ${config.riskAversion}.`,
  ];
  if (config.scenario !== 'etf-model') {
    list.push(
      `Survivorship bias: the direct index holds the ${config.universe.length} stocks of the April 2021 S&P 500 that traded throughout the window, cap-weighted with constant shares (weights drift with prices). Stocks that left the index, often after losses, are missing; harvesting opportunities are understated and returns overstated.`,
    );
  }
  if (config.monthlyFlowUsd !== 0) {
    list.push(`A flow of $${config.monthlyFlowUsd} at every month end (negative: a withdrawal).`);
  }
  return list;
}
