/**
 * The shipped data the demo firm is made of (data/README.md): the S&P 500 constituents with
 * sectors and sub-industries, the ETF universe, and the daily adjusted closes of both, read once
 * per process. Closes stay strings, exactly as shipped, so cost bases are exact.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { parseCsvLine, parseCsvRecords } from '../rebalance/reference/csv.js';

/** An S&P 500 member with a close on the last shipped date. */
export interface DemoStock {
  id: string;
  name: string;
  sector: string;
  subIndustry: string;
}

/** An ETF of `data/securities/etf-universe.csv`. */
export interface DemoEtf {
  id: string;
  name: string;
  assetClass: string;
  category: string;
  substituteGroup: string;
}

/** The shipped market: one calendar and a close (or none) per security and date. */
export interface DemoMarket {
  /** Trading dates, ascending (YYYY-MM-DD). */
  dates: string[];
  stocks: DemoStock[];
  etfs: DemoEtf[];
  /** Closes per security, aligned with `dates`; `undefined` where there is no close. */
  closes: Map<string, (string | undefined)[]>;
}

const DATA = new URL('../../data/', import.meta.url);

function readText(file: string): string {
  const bytes = readFileSync(fileURLToPath(new URL(file, DATA)));
  return (file.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
}

/** A wide `date,<ticker>…` price file as dates and per-ticker columns. */
function readWide(file: string): { dates: string[]; columns: Map<string, (string | undefined)[]> } {
  const lines = readText(file)
    .split(/\r?\n/)
    .filter((l) => l.length > 0);
  const header = parseCsvLine(lines[0] ?? '').slice(1);
  const rows = lines.slice(1).map(parseCsvLine);
  const columns = new Map(header.map((t, j) => [t, rows.map((r) => r[j + 1] || undefined)]));
  return { dates: rows.map((r) => r[0] ?? ''), columns };
}

let cached: DemoMarket | undefined;

/** Reads (once) the shipped data; only securities with a close on the last date are kept. */
export function loadDemoMarket(): DemoMarket {
  if (cached) return cached;
  const stockPrices = readWide('prices/sp500-adj-close.csv.gz');
  const etfPrices = readWide('prices/etf-adj-close.csv.gz');
  const dates = stockPrices.dates;
  if (etfPrices.dates.join() !== dates.join())
    throw new Error('the shipped stock and ETF price files have different calendars');
  const closes = new Map([...stockPrices.columns, ...etfPrices.columns]);
  const last = dates.length - 1;
  const priced = (id: string): boolean => closes.get(id)?.[last] !== undefined;
  const stocks = parseCsvRecords(readText('securities/sp500-constituents.csv'))
    .map((r) => ({
      id: r.symbol ?? '',
      name: r.security ?? '',
      sector: r.gics_sector ?? '',
      subIndustry: r.gics_sub_industry ?? '',
    }))
    .filter((s) => priced(s.id));
  const etfs = parseCsvRecords(readText('securities/etf-universe.csv'))
    .map((r) => ({
      id: r.ticker ?? '',
      name: r.name ?? '',
      assetClass: r.asset_class ?? '',
      category: r.category ?? '',
      substituteGroup: r.substitute_group ?? '',
    }))
    .filter((e) => priced(e.id));
  cached = { dates, stocks, etfs, closes };
  return cached;
}

/** The demo's run date: the last date of the shipped prices. */
export function demoAsOf(): string {
  const { dates } = loadDemoMarket();
  return dates[dates.length - 1]!;
}

/** The close of `id` on the trading date at `index`, or undefined. */
export function closeAt(market: DemoMarket, id: string, index: number): string | undefined {
  return market.closes.get(id)?.[index];
}
