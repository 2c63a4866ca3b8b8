/**
 * The shipped daily history the backtests run on (data/history/README.md): one trading
 * calendar, and per security a total-return price (dividends reinvested, splits adjusted) on
 * each date, NaN before its first close and after its last.
 */

/** One security of the history. */
export interface HistorySecurity {
  id: string;
  name: string;
  kind: 'stock' | 'etf';
  /** GICS sector (stocks). */
  sector?: string;
  /** equity, fixed_income, real_estate, … (ETFs; stocks are equity). */
  assetClass: string;
  /** ETFs: funds that track the same exposure (candidates to replace each other). */
  substituteGroup?: string;
  /** Estimated market capitalisation on the history's last date, USD (stocks; cap weights). */
  capUsd?: number;
  /** Index of the first and last date with a price. */
  first: number;
  last: number;
}

/** The whole history, read once per process. */
export interface PriceHistory {
  /** Trading dates, ascending, YYYY-MM-DD. */
  dates: string[];
  securities: HistorySecurity[];
  /** Row-major dates × securities: prices[t * securities.length + j]; NaN where there is none. */
  prices: Float64Array;
}
