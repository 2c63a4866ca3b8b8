/**
 * The CSV outputs of a backtest: figures per year for both arms, the daily values, and the
 * summary as metric/value pairs.
 */
import type { BacktestResult, DailyPoint, YearFigures } from '../result.js';
import { csvDocument, type CsvCell } from './csv-format.js';

/**
 * Column names of the year figures. A Record over the type's keys, so a field added to
 * `YearFigures` fails to compile here instead of silently missing from the CSV.
 */
const YEAR_COLUMNS: Record<Exclude<keyof YearFigures, 'year'>, string> = {
  endValueUsd: 'end_value_usd',
  afterTaxReturn: 'after_tax_return',
  preTaxReturn: 'pre_tax_return',
  realizedShortTermUsd: 'realized_short_term_usd',
  realizedLongTermUsd: 'realized_long_term_usd',
  harvestedLossUsd: 'harvested_loss_usd',
  taxUsd: 'tax_usd',
  washSaleDisallowedUsd: 'wash_sale_disallowed_usd',
  turnover: 'turnover',
  trackingError: 'tracking_error',
  rebalances: 'rebalances',
};

/** The same for the daily points (checked against `DailyPoint` the same way). */
const DAILY_COLUMNS: Record<keyof DailyPoint, string> = {
  date: 'date',
  harvestValueUsd: 'harvest_value_usd',
  noHarvestValueUsd: 'no_harvest_value_usd',
  benchmarkValueUsd: 'benchmark_value_usd',
  cumulativeHarvestedLossUsd: 'cumulative_harvested_loss_usd',
};

const YEAR_FIELDS = Object.keys(YEAR_COLUMNS) as (keyof typeof YEAR_COLUMNS)[];
const DAILY_FIELDS = Object.keys(DAILY_COLUMNS) as (keyof DailyPoint)[];

/**
 * One row per year: `year`, every `YearFigures` field of the harvest arm (`harvest_…`) and of
 * the no-harvest arm (`no_harvest_…`), then `tax_alpha`. Fractions stay fractions.
 */
export function yearlyCsv(result: BacktestResult): string {
  const header = [
    'year',
    ...YEAR_FIELDS.map((f) => `harvest_${YEAR_COLUMNS[f]}`),
    ...YEAR_FIELDS.map((f) => `no_harvest_${YEAR_COLUMNS[f]}`),
    'tax_alpha',
  ];
  const rows = result.years.map((y): CsvCell[] => [
    y.year,
    ...YEAR_FIELDS.map((f) => y.harvest[f]),
    ...YEAR_FIELDS.map((f) => y.noHarvest[f]),
    y.taxAlpha,
  ]);
  return csvDocument(header, rows);
}

/** One row per simulated day: date, both arms' values, the benchmark, losses harvested so far. */
export function dailyCsv(result: BacktestResult): string {
  const header = DAILY_FIELDS.map((f) => DAILY_COLUMNS[f]);
  return csvDocument(
    header,
    result.daily.map((d) => DAILY_FIELDS.map((f) => d[f])),
  );
}

/** `[path, value]` for every leaf of `value`, paths joined by dots (`harvest.turnover`). */
function flatten(value: unknown, path: string, out: [string, CsvCell][]): void {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, inner] of Object.entries(value)) {
      flatten(inner, path ? `${path}.${key}` : key, out);
    }
  } else if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') {
    out.push([path, value]);
  } else {
    // Arrays and nulls have no single cell; JSON keeps them (summary has none today).
    out.push([path, value === null ? null : JSON.stringify(value)]);
  }
}

/**
 * `metric,value` rows flattening `summary`, nested names joined by dots
 * (`taxAlphaAnnual`, `washSales.avoided`, `harvest.afterTaxReturnAnnual`).
 */
export function summaryCsv(result: BacktestResult): string {
  const rows: [string, CsvCell][] = [];
  flatten(result.summary, '', rows);
  return csvDocument(['metric', 'value'], rows);
}
