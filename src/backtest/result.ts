/**
 * What a backtest produces: the settings it ran with, a summary whose names the JSON output
 * promises (`taxAlphaAnnual`, `trackingError`, `turnover`: annualised fractions), figures per
 * year and per day for both arms. The harvest arm and the no-harvest arm run the same rules,
 * prices and cash flows; only `tax.harvestLosses` differs.
 */

/** The stories a backtest can tell. */
export type BacktestScenario = 'direct-index' | 'etf-model' | 'household-ira';

/** `monthly`: rebalance at each month end. `daily`: also scan every day for losses to harvest. */
export type BacktestSchedule = 'monthly' | 'daily';

/** The settings of one backtest (every field is in the output, so a figure can be reproduced). */
export interface BacktestConfig {
  scenario: BacktestScenario;
  /** First and last trading date simulated (YYYY-MM-DD). */
  start: string;
  end: string;
  schedule: BacktestSchedule;
  /** Taxable account's value on `start`, USD (the IRA of `household-ira` starts at half this). */
  initialValueUsd: number;
  /** Added each month end to the taxable account, USD; negative withdraws. */
  monthlyFlowUsd: number;
  shortTermRate: number;
  longTermRate: number;
  /** Smallest loss per lot worth harvesting, USD. */
  minHarvestUsd: number;
  /** Risk aversion λ on annualised TE² (docs/optimization.md). */
  riskAversion: number;
  /** Trading cost per side, as a fraction of value. */
  spread: number;
  /** Whole shares (false) or fractional (true). */
  fractional: boolean;
  /** Securities in the benchmark (stocks for direct-index, funds for the ETF model). */
  universe: string[];
}

/** One arm's figures for one calendar year (or the part of it simulated). */
export interface YearFigures {
  year: number;
  /** Value on the year's last simulated day, after that year's tax is settled, USD. */
  endValueUsd: number;
  /** Time-weighted return of the year after tax, fraction. */
  afterTaxReturn: number;
  /** Before tax (tax settlements are not counted as losses or gains). */
  preTaxReturn: number;
  realizedShortTermUsd: number;
  realizedLongTermUsd: number;
  /** Losses sold (negative gains of loss lots), USD, ≥ 0. */
  harvestedLossUsd: number;
  /** Tax paid (positive) or refunded (negative) for the year, USD. */
  taxUsd: number;
  washSaleDisallowedUsd: number;
  /** min(Σ buys, Σ sells) over the year, divided by the year's mean value (flows are not turnover). */
  turnover: number;
  /** Realized tracking error of the year vs the benchmark, annualised. */
  trackingError: number;
  /** Number of engine calls that proposed trades. */
  rebalances: number;
}

/** One arm's totals. */
export interface ArmSummary {
  /** Annualised time-weighted return, before tax. */
  preTaxReturnAnnual: number;
  /** Annualised, after the yearly taxes (refunds reinvested), no liquidation at the end. */
  afterTaxReturnAnnual: number;
  /** The same, after paying tax on every unrealized gain on the last day. */
  afterTaxReturnAnnualLiquidated: number;
  endValueUsd: number;
  /** Tax due if everything were sold on the last day (negative: a refund), USD. */
  liquidationTaxUsd: number;
  realizedShortTermUsd: number;
  realizedLongTermUsd: number;
  harvestedLossUsd: number;
  taxPaidUsd: number;
  trackingError: number;
  turnover: number;
  /** Engine calls, and how many proposed trades. */
  engineCalls: number;
  rebalances: number;
  /** Lots open on the last day. */
  openLots: number;
}

/** The headline figures. */
export interface BacktestSummary {
  years: number;
  /** After-tax return with harvesting minus without, annualised, no liquidation. */
  taxAlphaAnnual: number;
  /** The same when both arms liquidate on the last day. */
  taxAlphaAnnualLiquidated: number;
  /**
   * Pre-tax return with harvesting minus without, annualised: the part of `taxAlphaAnnual` that
   * is luck of tracking error, not tax (the literature's tax alpha includes it).
   */
  preTaxDifferenceAnnual: number;
  /** Realized tracking error of the harvesting account vs its benchmark, annualised. */
  trackingError: number;
  /** Turnover of the harvesting account per year. */
  turnover: number;
  /** Annualised pre-tax return of the benchmark itself. */
  benchmarkReturnAnnual: number;
  washSales: {
    /** Buys the wash-sale rule kept the engine from (security-days barred while underweight). */
    avoided: number;
    /** Loss sales the ledger found washed, and the loss disallowed, USD. */
    incurred: number;
    disallowedUsd: number;
  };
  harvest: ArmSummary;
  noHarvest: ArmSummary;
}

/** One day of both arms. */
export interface DailyPoint {
  date: string;
  harvestValueUsd: number;
  noHarvestValueUsd: number;
  /** The benchmark grown from the same start with the same flows and no tax, USD. */
  benchmarkValueUsd: number;
  /** Losses harvested so far by the harvest arm, USD, ≥ 0. */
  cumulativeHarvestedLossUsd: number;
}

/** Everything one backtest produces. */
export interface BacktestResult {
  config: BacktestConfig;
  summary: BacktestSummary;
  years: { year: number; harvest: YearFigures; noHarvest: YearFigures; taxAlpha: number }[];
  daily: DailyPoint[];
  /** Assumptions a reader must know (survivorship, dividends, rates, …), as sentences. */
  assumptions: string[];
  /** Days the engine answered `error` for an account (nothing traded there that day). */
  warnings: string[];
  /** Seconds the run took (engine and all). */
  elapsedSeconds: number;
}
