/**
 * Saved backtests (`/v1/backtests`): the evidence that loss harvesting pays, as `tailor backtest
 * --save` (or the demo) stored it — headline figures for a list; settings, summary, years,
 * assumptions and warnings for one; its charts (SVG) and its report (HTML) by URL. The shapes
 * mirror src/backtest's `BacktestResult` (docs/evidence.md); fractions are fractions (`0.01`
 * is 1%), money is USD.
 */
import { z } from 'zod';
import { DateSchema, listOf, PageQueryShape, TimestampSchema } from './common.js';

/** The story a backtest tells. */
export const BacktestScenarioSchema = z.enum(['direct-index', 'etf-model', 'household-ira']);
export type BacktestScenarioName = z.infer<typeof BacktestScenarioSchema>;

/** `monthly`: rebalance at each month end; `daily`: also scan every day for losses. */
export const BacktestScheduleSchema = z.enum(['monthly', 'daily']);

/** The settings a backtest ran with (every one, so a figure can be reproduced). */
export const BacktestConfigSchema = z.strictObject({
  scenario: BacktestScenarioSchema,
  /** First and last trading date simulated. */
  start: DateSchema,
  end: DateSchema,
  schedule: BacktestScheduleSchema,
  /** The taxable account's value on `start`, USD. */
  initialValueUsd: z.number(),
  /** Added at each month end, USD; negative withdraws. */
  monthlyFlowUsd: z.number(),
  shortTermRate: z.number(),
  longTermRate: z.number(),
  /** Smallest loss per lot worth harvesting, USD. */
  minHarvestUsd: z.number(),
  /** Risk aversion λ on annualised tracking error². */
  riskAversion: z.number(),
  /** Trading cost per side, a fraction of value. */
  spread: z.number(),
  /** Fractional shares (true) or whole shares. */
  fractional: z.boolean(),
  /** The benchmark's securities. */
  universe: z.array(z.string()),
});
export type BacktestSettings = z.infer<typeof BacktestConfigSchema>;

/** One arm's figures for one calendar year (or the part of it simulated). */
export const BacktestYearFiguresSchema = z.strictObject({
  year: z.number().int(),
  /** Value on the year's last day, after that year's tax, USD. */
  endValueUsd: z.number(),
  afterTaxReturn: z.number(),
  preTaxReturn: z.number(),
  realizedShortTermUsd: z.number(),
  realizedLongTermUsd: z.number(),
  /** Losses sold, USD, ≥ 0. */
  harvestedLossUsd: z.number(),
  /** Tax paid (positive) or refunded (negative), USD. */
  taxUsd: z.number(),
  washSaleDisallowedUsd: z.number(),
  turnover: z.number(),
  /** Realized tracking error of the year, annualised. */
  trackingError: z.number(),
  /** Engine calls that proposed trades. */
  rebalances: z.number().int(),
});
export type BacktestYearFigures = z.infer<typeof BacktestYearFiguresSchema>;

/** One arm's totals (annualised fractions, USD amounts, counts). */
export const BacktestArmSummarySchema = z.strictObject({
  preTaxReturnAnnual: z.number(),
  afterTaxReturnAnnual: z.number(),
  /** After paying tax on every unrealized gain on the last day. */
  afterTaxReturnAnnualLiquidated: z.number(),
  endValueUsd: z.number(),
  liquidationTaxUsd: z.number(),
  realizedShortTermUsd: z.number(),
  realizedLongTermUsd: z.number(),
  harvestedLossUsd: z.number(),
  taxPaidUsd: z.number(),
  trackingError: z.number(),
  turnover: z.number(),
  engineCalls: z.number().int(),
  rebalances: z.number().int(),
  openLots: z.number().int(),
});
export type BacktestArmSummary = z.infer<typeof BacktestArmSummarySchema>;

/** The headline figures and both arms' totals. */
export const BacktestSummarySchema = z.strictObject({
  years: z.number(),
  /** After-tax return with harvesting minus without, a year (no liquidation). */
  taxAlphaAnnual: z.number(),
  /** The same when both arms liquidate on the last day. */
  taxAlphaAnnualLiquidated: z.number(),
  /** Pre-tax return with harvesting minus without, a year: luck of tracking error, not tax. */
  preTaxDifferenceAnnual: z.number(),
  /** Realized tracking error of the harvesting account, annualised. */
  trackingError: z.number(),
  /** Turnover of the harvesting account, a year. */
  turnover: z.number(),
  benchmarkReturnAnnual: z.number(),
  washSales: z.strictObject({
    avoided: z.number().int(),
    incurred: z.number().int(),
    disallowedUsd: z.number(),
  }),
  harvest: BacktestArmSummarySchema,
  noHarvest: BacktestArmSummarySchema,
});
export type BacktestSummaryView = z.infer<typeof BacktestSummarySchema>;

/** One calendar year of both arms, and its tax alpha. */
export const BacktestYearSchema = z.strictObject({
  year: z.number().int(),
  harvest: BacktestYearFiguresSchema,
  noHarvest: BacktestYearFiguresSchema,
  /** After-tax return with harvesting minus without, that year. */
  taxAlpha: z.number(),
});
export type BacktestYear = z.infer<typeof BacktestYearSchema>;

/** `GET /v1/backtests` query. */
export const BacktestListQuerySchema = z.strictObject({ ...PageQueryShape });
export type BacktestListQuery = z.input<typeof BacktestListQuerySchema>;

/** A saved backtest in the list: what ran, when, who saved it, and the headline figures. */
export const BacktestListItemSchema = z.strictObject({
  id: z.string(),
  scenario: BacktestScenarioSchema,
  /** The window simulated. */
  start: DateSchema,
  end: DateSchema,
  schedule: BacktestScheduleSchema,
  createdAt: TimestampSchema,
  createdBy: z.string(),
  years: z.number(),
  taxAlphaAnnual: z.number(),
  taxAlphaAnnualLiquidated: z.number(),
  trackingError: z.number(),
  turnover: z.number(),
});
export type BacktestListItem = z.infer<typeof BacktestListItemSchema>;

export const BacktestListSchema = listOf(BacktestListItemSchema);
export type BacktestList = z.infer<typeof BacktestListSchema>;

/** One chart of a backtest: its file name, title and where to fetch it (SVG). */
export const BacktestChartSchema = z.strictObject({
  file: z.string(),
  title: z.string(),
  /** `/v1/backtests/:id/charts/:file`. */
  url: z.string(),
});
export type BacktestChart = z.infer<typeof BacktestChartSchema>;

/** `GET /v1/backtests/:id`: everything but the daily series (which the charts draw). */
export const BacktestDetailSchema = z.strictObject({
  id: z.string(),
  createdAt: TimestampSchema,
  createdBy: z.string(),
  config: BacktestConfigSchema,
  summary: BacktestSummarySchema,
  years: z.array(BacktestYearSchema),
  /** Assumptions a reader must know, as sentences. */
  assumptions: z.array(z.string()),
  /** Days the engine answered `error` for an account (nothing traded there that day). */
  warnings: z.array(z.string()),
  /** Seconds the simulation took. */
  elapsedSeconds: z.number(),
  charts: z.array(BacktestChartSchema),
  /** `/v1/backtests/:id/report`: the self-contained HTML report. */
  reportUrl: z.string(),
});
export type BacktestDetail = z.infer<typeof BacktestDetailSchema>;
