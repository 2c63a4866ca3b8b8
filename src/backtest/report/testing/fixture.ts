/**
 * A small synthetic backtest result for the report's tests: three calendar years, 30 daily
 * points, a negative year of tax alpha (to exercise bars below zero) and text that needs
 * escaping or quoting. The numbers are made up but consistent in sign and scale.
 */
import type { BacktestResult, YearFigures } from '../../result.js';

function year(y: number, seed: number, harvest: boolean): YearFigures {
  return {
    year: y,
    endValueUsd: 1_000_000 * (1 + 0.08 * seed) + (harvest ? 9_000 * seed : 0),
    afterTaxReturn: 0.07 + 0.01 * seed - (harvest ? 0 : 0.008),
    preTaxReturn: 0.08 + 0.01 * seed,
    realizedShortTermUsd: harvest ? -12_000 * seed : 1_500,
    realizedLongTermUsd: harvest ? 4_000 : 6_000 * seed,
    harvestedLossUsd: harvest ? 20_000 * seed : 0,
    taxUsd: harvest ? -3_000 * seed : 1_800 * seed,
    washSaleDisallowedUsd: harvest ? 250.5 : 0,
    turnover: harvest ? 0.12 + 0.01 * seed : 0.05,
    trackingError: harvest ? 0.009 + 0.001 * seed : 0.006,
    rebalances: 12,
  };
}

/** A fresh fixture (tests may mutate it). */
export function makeResult(): BacktestResult {
  const taxAlphas = [0.012, -0.004, 0.0085];
  const years = [2020, 2021, 2022].map((y, i) => ({
    year: y,
    harvest: year(y, i + 1, true),
    noHarvest: year(y, i + 1, false),
    taxAlpha: taxAlphas[i]!,
  }));
  const start = Date.UTC(2020, 0, 2);
  const daily = Array.from({ length: 30 }, (_, i) => {
    const growth = 1_000_000 * (1 + 0.006 * i + 0.02 * Math.sin(i / 3));
    return {
      date: new Date(start + i * 37 * 86_400_000).toISOString().slice(0, 10),
      harvestValueUsd: growth * 1.01,
      noHarvestValueUsd: growth,
      benchmarkValueUsd: growth * 1.015,
      cumulativeHarvestedLossUsd: 2_000 * i,
    };
  });
  const arm = (harvest: boolean) => ({
    preTaxReturnAnnual: 0.09,
    afterTaxReturnAnnual: harvest ? 0.081 : 0.075,
    afterTaxReturnAnnualLiquidated: harvest ? 0.07 : 0.066,
    endValueUsd: harvest ? 1_300_000.25 : 1_280_000,
    liquidationTaxUsd: harvest ? 45_000 : 30_000,
    realizedShortTermUsd: harvest ? -72_000 : 4_500,
    realizedLongTermUsd: harvest ? 12_000 : 36_000,
    harvestedLossUsd: harvest ? 120_000 : 0,
    taxPaidUsd: harvest ? -18_000 : 10_800,
    trackingError: harvest ? 0.011 : 0.006,
    turnover: harvest ? 0.14 : 0.05,
    engineCalls: 36,
    rebalances: harvest ? 30 : 12,
    openLots: harvest ? 480 : 350,
  });
  return {
    config: {
      scenario: 'direct-index',
      start: '2020-01-02',
      end: daily[daily.length - 1]!.date,
      schedule: 'daily',
      initialValueUsd: 1_000_000,
      monthlyFlowUsd: 0,
      shortTermRate: 0.37,
      longTermRate: 0.2,
      minHarvestUsd: 100,
      riskAversion: 50,
      spread: 0.0005,
      fractional: false,
      universe: ['AAPL', 'MSFT', 'BRK.B', 'AT&T <T>'],
    },
    summary: {
      years: 3,
      taxAlphaAnnual: 0.006,
      taxAlphaAnnualLiquidated: 0.004,
      preTaxDifferenceAnnual: 0.001,
      trackingError: 0.011,
      turnover: 0.14,
      benchmarkReturnAnnual: 0.092,
      washSales: { avoided: 14, incurred: 2, disallowedUsd: 751.5 },
      harvest: arm(true),
      noHarvest: arm(false),
    },
    years,
    daily,
    assumptions: [
      'Prices are total returns, dividends reinvested, with no survivorship adjustment.',
      'Tax rates are flat: 37% short term & 20% long term.',
    ],
    warnings: ['2021-03-15 account harvest: engine error <timeout> & retry'],
    elapsedSeconds: 12.34,
  };
}
