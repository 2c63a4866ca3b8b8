/**
 * Reshapes the staged public data sets into the compact copies shipped in `data/`
 * (`npm run data:prepare -- <staged-data-folder>`). Values are copied verbatim; only rows
 * (the window) and columns are selected. See data/README.md for provenance and licenses.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { readCsvFile, readCsvRecords, toCsv } from './lib/csv.js';

/** Prices kept: the last 3 × 252 daily returns of the openly licensed stock set. */
const WINDOW_PRICES = 3 * 252 + 1;

const staged = process.argv[2];
if (staged === undefined) {
  console.error('usage: npm run data:prepare -- <staged-data-folder>');
  process.exit(2);
}
const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'data');

function write(relative: string, text: string): void {
  const path = join(out, relative);
  mkdirSync(dirname(path), { recursive: true });
  const bytes = relative.endsWith('.gz') ? gzipSync(text, { level: 9 }) : Buffer.from(text);
  writeFileSync(path, bytes);
  console.log(`wrote data/${relative} (${(bytes.length / 1024).toFixed(0)} KiB)`);
}

/** Keeps the rows of a wide price file whose date is in [start, end] and the non-empty columns. */
function sliceWide(header: string[], rows: string[][], start: string, end: string): string[][] {
  const kept = rows.filter((row) => (row[0] ?? '') >= start && (row[0] ?? '') <= end);
  const columns = header
    .map((_, j) => j)
    .filter((j) => j === 0 || kept.some((row) => (row[j] ?? '') !== ''));
  return [header, ...kept].map((row) => columns.map((j) => row[j] ?? ''));
}

// Stocks: Alpha Vantage adjusted closes (MIT), the last WINDOW_PRICES dates.
const stocks = readCsvFile(
  join(staged, 'sp500_daily_ohlcv_alphavantage_1999_2021/adj_close_wide.csv.gz'),
);
const stockRows = stocks.rows.slice(-WINDOW_PRICES);
const start = stockRows[0]?.[0] ?? '';
const end = stockRows[stockRows.length - 1]?.[0] ?? '';
const stockWide = sliceWide(stocks.header, stockRows, start, end);
write('prices/sp500-adj-close.csv.gz', toCsv(stockWide));
const stockTickers = new Set(stockWide[0]?.slice(1));
const tickerRows = readCsvRecords(
  join(staged, 'sp500_daily_ohlcv_alphavantage_1999_2021/tickers.csv'),
)
  .filter((r) => stockTickers.has(r.ticker ?? ''))
  .map((r) => [r.ticker ?? '', r.name ?? '', r.sector ?? '']);
write('prices/sp500-tickers.csv', toCsv([['ticker', 'name', 'gics_sector'], ...tickerRows]));

// ETFs: Yahoo adjusted closes, the same window.
const etfs = readCsvFile(join(staged, 'etf_adjclose_yahoo/etf_adj_close_wide.csv'));
const etfWide = sliceWide(etfs.header, etfs.rows, start, end);
write('prices/etf-adj-close.csv.gz', toCsv(etfWide));
const stockDates = new Set(stockWide.slice(1).map((r) => r[0]));
const etfDates = new Set(etfWide.slice(1).map((r) => r[0]));
const onlyStocks = [...stockDates].filter((d) => !etfDates.has(d));
const onlyEtfs = [...etfDates].filter((d) => !stockDates.has(d));
console.log(`window ${start} … ${end}: ${stockDates.size} stock dates, ${etfDates.size} ETF dates`);
if (onlyStocks.length + onlyEtfs.length > 0) {
  console.warn(
    `dates only in stocks: ${onlyStocks.join(' ')}; only in ETFs: ${onlyEtfs.join(' ')}`,
  );
}

const universe = readCsvRecords(join(staged, 'etf_adjclose_yahoo/etf_universe.csv'));
const universeColumns = ['ticker', 'name', 'asset_class', 'category', 'substitute_group'];
write(
  'securities/etf-universe.csv',
  toCsv([universeColumns, ...universe.map((r) => universeColumns.map((c) => r[c] ?? ''))]),
);

const constituents = readCsvRecords(join(staged, 'sp500_constituents/constituents.csv'));
write(
  'securities/sp500-constituents.csv',
  toCsv([
    ['symbol', 'security', 'gics_sector', 'gics_sub_industry'],
    ...constituents.map((r) => [
      r.Symbol ?? '',
      r.Security ?? '',
      r['GICS Sector'] ?? '',
      r['GICS Sub-Industry'] ?? '',
    ]),
  ]),
);

const financials = readCsvRecords(
  join(staged, 'sp500_constituents_financials/constituents-financials.csv'),
);
write(
  'securities/sp500-financials.csv',
  toCsv([
    ['symbol', 'name', 'price', 'market_cap_usd', 'dividend_yield'],
    ...financials.map((r) => [
      r.Symbol ?? '',
      r.Name ?? '',
      r.Price ?? '',
      r['Market Cap'] ?? '',
      r['Dividend Yield'] ?? '',
    ]),
  ]),
);
