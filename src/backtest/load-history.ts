/**
 * Reads the shipped 21-year daily history (data/history/README.md) into a `PriceHistory`.
 *
 * Why a custom format: 597 securities × 5,402 dates as wide CSV is about 12 MB gzipped, too
 * much to ship. Each price line instead holds a first price and the daily log-returns in
 * integer units of 1e-4, quantised against the reconstructed price (error feedback), which
 * brotli packs to 3.7 MB while every price stays within 0.5 bp of the source. The encoder is
 * scripts/prepare-history.ts; it verifies its output through this loader.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync } from 'node:zlib';
import { parseCsvRecords } from '../rebalance/reference/csv.js';
import type { HistorySecurity, PriceHistory } from './history.js';

/** One quantisation step of a log-return: price_t = p0 · exp(K_t / LOG_RETURN_STEPS). */
export const LOG_RETURN_STEPS = 10_000;

/** The shipped files, relative to data/history/. */
export const HISTORY_FILES = {
  securities: 'securities.csv',
  stockPrices: 'stock-prices.txt.br',
  etfPrices: 'etf-prices.txt.br',
} as const;

const DIR = new URL('../../data/history/', import.meta.url);

/** One decoded price line: prices on the calendar dates `first … first + prices.length - 1`. */
interface Series {
  first: number;
  prices: Float64Array;
}

function readFile(file: string): Buffer {
  return readFileSync(fileURLToPath(new URL(file, DIR)));
}

/** Reads the integer steps of `text[from, to)`, comma-separated, into `steps`. */
function readSteps(text: string, from: number, to: number, steps: Int32Array): number {
  let count = 0;
  let value = 0;
  let sign = 1;
  let digits = 0;
  for (let i = from; i <= to; i++) {
    const c = i < to ? text.charCodeAt(i) : 44;
    if (c === 44) {
      if (digits === 0) throw new Error('price file: empty step');
      steps[count++] = sign * value;
      value = 0;
      sign = 1;
      digits = 0;
    } else if (c === 45 && digits === 0 && sign === 1) sign = -1;
    else if (c >= 48 && c <= 57) {
      value = value * 10 + (c - 48);
      digits++;
    } else throw new Error(`price file: bad character at ${i}`);
  }
  return count;
}

/**
 * Decodes a price file: the line `date,<d1>,…` (the calendar), then per security
 * `<id>,<first date>,<first price>,<k1>,<k2>,…` with price_i = p0 · exp((k1 + … + ki) / 1e4).
 */
export function decodePriceFile(text: string): { dates: string[]; series: Map<string, Series> } {
  const headEnd = text.includes('\n') ? text.indexOf('\n') : text.length;
  const calendar = text.slice(0, headEnd).split(',');
  if (calendar[0] !== 'date') throw new Error('price file: the first line must be the calendar');
  const dates = calendar.slice(1);
  const dateIndex = new Map(dates.map((d, t) => [d, t]));
  const steps = new Int32Array(dates.length);
  const series = new Map<string, Series>();
  for (let at = headEnd + 1; at < text.length;) {
    const newline = text.indexOf('\n', at);
    const lineEnd = newline < 0 ? text.length : newline;
    const [id = '', firstDate = '', head = ''] = text
      .slice(at, Math.min(lineEnd, at + 64))
      .split(',', 3);
    const first = dateIndex.get(firstDate);
    const p0 = Number(head);
    const stepsAt = at + id.length + firstDate.length + head.length + 3;
    const count = stepsAt > lineEnd ? 1 : 1 + readSteps(text, stepsAt, lineEnd, steps);
    if (first === undefined || !(p0 > 0) || first + count > dates.length || series.has(id))
      throw new Error(`price file: bad line for ${id}`);
    const prices = new Float64Array(count);
    prices[0] = p0;
    let sum = 0;
    for (let i = 1; i < count; i++) {
      sum += steps[i - 1]!;
      prices[i] = p0 * Math.exp(sum / LOG_RETURN_STEPS);
    }
    series.set(id, { first, prices });
    at = lineEnd + 1;
  }
  return { dates, series };
}

function securityOf(r: Record<string, string>, first: number, last: number): HistorySecurity {
  const kind = r.kind === 'etf' ? 'etf' : 'stock';
  const security: HistorySecurity = {
    id: r.id ?? '',
    name: r.name ?? '',
    kind,
    assetClass: r.asset_class ?? '',
    first,
    last,
  };
  if (r.sector) security.sector = r.sector;
  if (r.substitute_group) security.substituteGroup = r.substitute_group;
  if (r.cap_usd) security.capUsd = Number(r.cap_usd);
  return security;
}

let cached: PriceHistory | undefined;

/**
 * The shipped history (stocks, then ETFs, in the order of data/history/securities.csv), read
 * and decoded once per process. Prices are NaN outside each security's [first, last].
 * Throws if the files disagree with each other (calendars, ids, first and last dates).
 */
export function loadPriceHistory(): PriceHistory {
  if (cached) return cached;
  const stocks = decodePriceFile(
    brotliDecompressSync(readFile(HISTORY_FILES.stockPrices)).toString('latin1'),
  );
  const etfs = decodePriceFile(
    brotliDecompressSync(readFile(HISTORY_FILES.etfPrices)).toString('latin1'),
  );
  const dates = stocks.dates;
  if (etfs.dates.join() !== dates.join())
    throw new Error('the shipped stock and ETF price files have different calendars');
  const rows = parseCsvRecords(readFile(HISTORY_FILES.securities).toString());
  const n = rows.length;
  const prices = new Float64Array(dates.length * n).fill(Number.NaN);
  const securities = rows.map((r, j) => {
    const series = (r.kind === 'etf' ? etfs : stocks).series.get(r.id ?? '');
    if (series === undefined) throw new Error(`no shipped prices for ${r.id}`);
    const last = series.first + series.prices.length - 1;
    if (dates[series.first] !== r.first_date || dates[last] !== r.last_date)
      throw new Error(`${r.id}: securities.csv dates disagree with the price file`);
    for (let i = 0; i < series.prices.length; i++)
      prices[(series.first + i) * n + j] = series.prices[i]!;
    return securityOf(r, series.first, last);
  });
  if (securities.length !== stocks.series.size + etfs.series.size)
    throw new Error('the price files hold securities that securities.csv does not list');
  cached = { dates, securities, prices };
  return cached;
}

/** Column of each security id in `history.prices` (`prices[t * securities.length + j]`). */
export function securityIndex(history: PriceHistory): Map<string, number> {
  return new Map(history.securities.map((s, j) => [s.id, j]));
}

/** The header of data/history/securities.csv, in order (`cap_method`: how the cap was estimated). */
export const SECURITY_COLUMNS = [
  'id',
  'name',
  'kind',
  'sector',
  'asset_class',
  'substitute_group',
  'cap_usd',
  'first_date',
  'last_date',
  'cap_method',
] as const;
