/**
 * From the two arms' daily and yearly records to the figures a reader gets: per-year tables,
 * annualised returns before and after tax (time-weighted), the liquidation variant, realized
 * tracking error and turnover, and tax alpha — after-tax return with harvesting minus the same
 * without, as Chaudhuri, Burnham & Lo (2020) and Goldberg, Hand & Cai (2019) define it.
 */
import type { ArmState, YearTally } from './arm-state.js';
import { backtestAssumptions } from './assumptions.js';
import { annualise, annualisedStdev, type NavTracker } from './nav.js';
import type {
  ArmSummary,
  BacktestConfig,
  BacktestResult,
  DailyPoint,
  YearFigures,
} from './result.js';
import type { YearTax } from './settle-year.js';

/** One settled year of an arm. */
export interface YearRecord {
  year: number;
  tax: YearTax;
  tally: YearTally;
  /** Value at the year's close (before the tax is paid), USD. */
  valueUsd: number;
  navPre: number;
  navAfter: number;
  /** The year's daily active returns of the taxable account. */
  active: number[];
}

/** Everything the simulation keeps about one arm. */
export interface ArmRecord {
  arm: ArmState;
  nav: NavTracker;
  years: YearRecord[];
  calls: number;
  washAvoided: number;
  /** Candidate lots already offered to the engine by a scan since the last full rebalance. */
  asked: Set<string>;
  harvestedCumulativeUsd: number;
  taxableValueUsd: number;
  warnings: string[];
  liquidationTaxUsd?: number;
  /** After-tax value at the last close, USD. */
  lastValueUsd?: number;
}

/** Turnover: the smaller of buys and sells (flows in or out are not turnover) over mean value. */
function turnover(tally: YearTally): number {
  const meanUsd = tally.days > 0 ? tally.valueSumUsd / tally.days : 0;
  return meanUsd > 0 ? Math.min(tally.buysUsd, tally.sellsUsd) / meanUsd : 0;
}

function yearFigures(records: YearRecord[]): YearFigures[] {
  return records.map((y, i) => {
    const before = records[i - 1];
    return {
      year: y.year,
      endValueUsd: y.valueUsd - y.tax.taxUsd,
      afterTaxReturn: y.navAfter / (before?.navAfter ?? 1) - 1,
      preTaxReturn: y.navPre / (before?.navPre ?? 1) - 1,
      realizedShortTermUsd: y.tax.realizedShortTermUsd,
      realizedLongTermUsd: y.tax.realizedLongTermUsd,
      harvestedLossUsd: y.tax.harvestedLossUsd,
      taxUsd: y.tax.taxUsd,
      washSaleDisallowedUsd: y.tax.washSaleDisallowedUsd,
      turnover: turnover(y.tally),
      trackingError: annualisedStdev(y.active),
      rebalances: y.tally.rebalances,
    };
  });
}

function armSummary(record: ArmRecord, years: number): ArmSummary {
  const ys = record.years;
  const sum = (f: (y: YearRecord) => number): number => ys.reduce((s, y) => s + f(y), 0);
  const endValueUsd = record.lastValueUsd ?? 0;
  const liquidationTaxUsd = record.liquidationTaxUsd ?? 0;
  const liquidatedFactor = endValueUsd > 0 ? (endValueUsd - liquidationTaxUsd) / endValueUsd : 0;
  const days = sum((y) => y.tally.days);
  const meanUsd = days > 0 ? sum((y) => y.tally.valueSumUsd) / days : 0;
  const traded = sum((y) => Math.min(y.tally.buysUsd, y.tally.sellsUsd));
  return {
    preTaxReturnAnnual: annualise(record.nav.preTax, years),
    afterTaxReturnAnnual: annualise(record.nav.afterTax, years),
    afterTaxReturnAnnualLiquidated: annualise(record.nav.afterTax * liquidatedFactor, years),
    endValueUsd,
    liquidationTaxUsd,
    realizedShortTermUsd: sum((y) => y.tax.realizedShortTermUsd),
    realizedLongTermUsd: sum((y) => y.tax.realizedLongTermUsd),
    harvestedLossUsd: sum((y) => y.tax.harvestedLossUsd),
    taxPaidUsd: sum((y) => y.tax.taxUsd),
    trackingError: annualisedStdev(ys.flatMap((y) => y.active)),
    turnover: meanUsd > 0 ? traded / meanUsd / years : 0,
    engineCalls: record.calls,
    rebalances: sum((y) => y.tally.rebalances),
    openLots: record.arm.accounts.reduce((s, a) => s + a.lots.length, 0),
  };
}

/** The result of a finished simulation. */
export function summarise(
  config: BacktestConfig,
  records: ArmRecord[],
  daily: DailyPoint[],
  benchmarkNav: number,
  elapsedSeconds: number,
): BacktestResult {
  const [harvestRecord, plainRecord] = records as [ArmRecord, ArmRecord];
  const years = (Date.parse(config.end) - Date.parse(config.start)) / (365.25 * 86_400_000);
  const harvest = armSummary(harvestRecord, years);
  const noHarvest = armSummary(plainRecord, years);
  const h = yearFigures(harvestRecord.years);
  const p = yearFigures(plainRecord.years);
  return {
    config,
    summary: {
      years,
      taxAlphaAnnual: harvest.afterTaxReturnAnnual - noHarvest.afterTaxReturnAnnual,
      taxAlphaAnnualLiquidated:
        harvest.afterTaxReturnAnnualLiquidated - noHarvest.afterTaxReturnAnnualLiquidated,
      preTaxDifferenceAnnual: harvest.preTaxReturnAnnual - noHarvest.preTaxReturnAnnual,
      trackingError: harvest.trackingError,
      turnover: harvest.turnover,
      benchmarkReturnAnnual: annualise(benchmarkNav, years),
      washSales: {
        avoided: harvestRecord.washAvoided,
        incurred: harvestRecord.years.reduce((s, y) => s + y.tax.washSalesIncurred, 0),
        disallowedUsd: harvestRecord.years.reduce((s, y) => s + y.tax.washSaleDisallowedUsd, 0),
      },
      harvest,
      noHarvest,
    },
    years: h.map((y, i) => ({
      year: y.year,
      harvest: y,
      noHarvest: p[i]!,
      taxAlpha: y.afterTaxReturn - p[i]!.afterTaxReturn,
    })),
    daily,
    assumptions: backtestAssumptions(config),
    warnings: [
      ...harvestRecord.warnings.map((w) => `harvest arm ${w}`),
      ...plainRecord.warnings.map((w) => `no-harvest arm ${w}`),
    ],
    elapsedSeconds,
  };
}
