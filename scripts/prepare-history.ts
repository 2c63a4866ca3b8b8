/**
 * Builds the compact 21-year daily history the backtests run on, `data/history/`
 * (`npm run data:history -- <staged-data-folder>`): Alpha Vantage stock and Yahoo ETF adjusted
 * closes, 1999-11-01 … 2021-04-21, as quantised log-returns (data/history/README.md gives the
 * format), and the securities with an estimated market cap. After writing, it decodes the
 * files with the shipped loader and fails unless every source price is within 0.5 bp.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gunzipSync } from 'node:zlib';
import {
  HISTORY_FILES,
  LOG_RETURN_STEPS,
  SECURITY_COLUMNS,
  loadPriceHistory,
} from '../src/backtest/load-history.js';
import { parseCsv, readCsvFile, readCsvRecords, toCsv } from './lib/csv.js';

/** Largest allowed |decoded / source − 1|: 0.5 bp (the encoding bound is tanh(0.5e-4)). */
const MAX_RELATIVE_ERROR = 0.5e-4;
const MAX_TOTAL_BYTES = 4.5e6;
/** Date of the financials snapshot (its README); caps are scaled back from it. */
const SNAPSHOT_DATE = '2026-08-22';
/** Days of dollar volume behind the fallback cap estimate. */
const VOLUME_DAYS = 252;

/** Source faults that are dropped rather than shipped: every date up to `through`. */
const DROPS = [
  {
    id: 'GNRC',
    through: '2010-02-12',
    why: 'bogus pre-IPO segment: a 0.3036 "split" on 2010-02-12 makes the adjusted close fall 68%',
  },
];

/** Multi-class issuers whose financials rows each carry the whole issuer's market cap. */
const SHARED_CAPS = [
  ['GOOGL', 'GOOG'],
  ['FOXA', 'FOX'],
  ['NWSA', 'NWS'],
];

const staged = process.argv[2];
if (staged === undefined) {
  console.error('usage: npm run data:history -- <staged-data-folder>');
  process.exit(2);
}
const src = (relative: string): string => join(staged, relative);
const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'data', 'history');

/** A source column on the stock calendar; `undefined` = no price that day. */
interface SourceSeries {
  id: string;
  values: (number | undefined)[];
}

/** A security's life on the calendar and its prices there, gaps carried forward. */
interface Life {
  first: number;
  last: number;
  prices: number[];
  carried: number;
}

function lifeOf(values: readonly (number | undefined)[]): Life | undefined {
  const first = values.findIndex((v) => v !== undefined);
  if (first < 0) return undefined;
  let last = values.length - 1;
  while (values[last] === undefined) last--;
  const prices: number[] = [];
  let carried = 0;
  for (let t = first; t <= last; t++) {
    const v = values[t];
    if (v === undefined) carried++;
    prices.push(v ?? prices[prices.length - 1]!);
  }
  return { first, last, prices, carried };
}

/** `x` with 8 significant digits, without trailing zeros. */
function sig8(x: number): string {
  return String(Number(x.toPrecision(8)));
}

/** One price line: id, first date, first price, then the error-fed quantised log-returns. */
function encodeLine(id: string, firstDate: string, prices: readonly number[]): string {
  const head = sig8(prices[0]!);
  const p0 = Number(head);
  const fields = [id, firstDate, head];
  let steps = 0;
  const distance = (k: number, price: number) =>
    Math.abs(p0 * Math.exp(k / LOG_RETURN_STEPS) - price);
  for (let i = 1; i < prices.length; i++) {
    // The step from the reconstructed previous price p0·exp(steps/1e4) to the decodable price
    // nearest the source's (error feedback: no drift), which is within tanh(0.5e-4) < 0.5 bp.
    const price = prices[i]!;
    const below = Math.floor(Math.log(price / p0) * LOG_RETURN_STEPS);
    const next = distance(below + 1, price) < distance(below, price) ? below + 1 : below;
    fields.push(String(next - steps));
    steps = next;
  }
  return fields.join(',');
}

function num(text: string | undefined): number | undefined {
  return text === undefined || text === '' ? undefined : Number(text);
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function round4(x: number): string {
  return String(Number(x.toPrecision(4)));
}

// ---- Stocks: Alpha Vantage adjusted closes (MIT repository). ----
const av = readCsvFile(src('sp500_daily_ohlcv_alphavantage_1999_2021/adj_close_wide.csv.gz'));
const dates = av.rows.map((r) => r[0] ?? '');
const start = dates[0]!;
const end = dates[dates.length - 1]!;
const dateIndex = new Map(dates.map((d, t) => [d, t]));
const stocks: SourceSeries[] = av.header.slice(1).map((id, c) => {
  const drop = DROPS.find((d) => d.id === id);
  const values = av.rows.map((r) =>
    drop && (r[0] ?? '') <= drop.through ? undefined : num(r[c + 1]),
  );
  return { id, values };
});
for (const d of DROPS) console.log(`dropped ${d.id} through ${d.through}: ${d.why}`);

// ---- ETFs: Yahoo adjusted closes on the stock calendar. ----
const etfWide = readCsvFile(src('etf_adjclose_yahoo/etf_adj_close_wide.csv'));
const etfRows = etfWide.rows.filter((r) => (r[0] ?? '') >= start && (r[0] ?? '') <= end);
const etfOnly = etfRows.filter((r) => !dateIndex.has(r[0] ?? '')).map((r) => r[0]);
const etfByDate = new Map(etfRows.map((r) => [r[0] ?? '', r]));
const etfs: SourceSeries[] = etfWide.header
  .slice(1)
  .map((id, c) => ({ id, values: dates.map((d) => num(etfByDate.get(d)?.[c + 1])) }))
  .filter((s) => s.values.some((v) => v !== undefined));
console.log(
  `calendar ${start} … ${end}: ${dates.length} dates; ${etfs.length} ETFs with data; ` +
    `ETF-only dates dropped: ${etfOnly.length ? etfOnly.join(' ') : 'none'}`,
);

// ---- Market caps on the last date. ----
const yahooLines = gunzipSync(
  readFileSync(src('sp500_adjclose_yahoo_1976_2026/adj_close_wide.csv.gz')),
)
  .toString('utf8')
  .split('\n')
  .filter((l) => l.length > 0);
const yahooHeader = parseCsv(yahooLines[0]!)[0]!;
const yahooRow = (date: string) => yahooLines.find((l) => l.startsWith(`${date},`))?.split(',');
const yahooAtEnd = yahooRow(end);
/** Yahoo's last adjusted close on or before the snapshot date, per ticker column. */
function yahooAtSnapshot(c: number): { date: string; value: number } | undefined {
  for (let i = yahooLines.length - 1; i > 0; i--) {
    const line = yahooLines[i]!;
    if (line.slice(0, 10) > SNAPSHOT_DATE) continue;
    if (line.slice(0, 10) <= end) return undefined;
    const value = num(line.split(',')[c]);
    if (value !== undefined) return { date: line.slice(0, 10), value };
  }
  return undefined;
}

const financials = readCsvRecords(src('sp500_constituents_financials/constituents-financials.csv'));
const capOf = new Map(
  financials.filter((r) => r['Market Cap']).map((r) => [r.Symbol ?? '', Number(r['Market Cap'])]),
);
for (const pair of SHARED_CAPS) {
  const shares = pair.map((id) => {
    const row = financials.find((r) => r.Symbol === id);
    return Number(row?.['Market Cap']) / Number(row?.Price);
  });
  if (!(Math.abs(shares[0]! / shares[1]! - 1) < 0.01))
    throw new Error(`${pair.join('/')}: the financials rows no longer carry the same share count`);
  for (const id of pair) capOf.set(id, capOf.get(id)! / 2);
  console.log(`${pair.join(' and ')} each carry the issuer's total cap: each gets half`);
}

interface CapEstimate {
  cap: number;
  method: 'financials' | 'dollar_volume';
}
const caps = new Map<string, CapEstimate>();
const snapshotDates = new Map<string, number>();
const noCap: Record<string, string[]> = {
  'not in financials': [],
  'empty cap': [],
  'no Yahoo': [],
};
for (const s of stocks) {
  const cap2026 = capOf.get(s.id);
  const c = yahooHeader.indexOf(s.id);
  const atEnd = num(yahooAtEnd?.[c]);
  const atSnapshot = c > 0 ? yahooAtSnapshot(c) : undefined;
  if (cap2026 === undefined || atEnd === undefined || atSnapshot === undefined) {
    const listed = financials.some((r) => r.Symbol === s.id);
    const why = !listed ? 'not in financials' : cap2026 === undefined ? 'empty cap' : 'no Yahoo';
    noCap[why]!.push(s.id);
    continue;
  }
  caps.set(s.id, { cap: (cap2026 * atEnd) / atSnapshot.value, method: 'financials' });
  snapshotDates.set(atSnapshot.date, (snapshotDates.get(atSnapshot.date) ?? 0) + 1);
}
console.log(
  `caps from the financials snapshot for ${caps.size} stocks; Yahoo dates used: ` +
    [...snapshotDates].map(([d, n]) => `${d} (${n})`).join(', '),
);

// Fallback: mean daily dollar volume over the last VOLUME_DAYS rows × the median cap/volume.
const dollarVolumes = new Map<string, number[]>();
{
  const text = gunzipSync(
    readFileSync(src('sp500_daily_ohlcv_alphavantage_1999_2021/prices_daily_2010_2021.csv.gz')),
  ).toString('utf8');
  const header = text.slice(0, text.indexOf('\n')).split(',');
  const [iDate, iTicker, iClose, iVolume] = ['date', 'ticker', 'close', 'volume'].map((c) =>
    header.indexOf(c),
  );
  const rows = new Map<string, [string, number][]>();
  for (let at = text.indexOf('\n') + 1; at < text.length;) {
    const next = text.indexOf('\n', at);
    const f = text.slice(at, next < 0 ? text.length : next).split(',');
    at = next < 0 ? text.length : next + 1;
    const id = f[iTicker!];
    if (id === undefined || f.length < header.length) continue;
    const list = rows.get(id) ?? [];
    list.push([f[iDate!]!, Number(f[iClose!]) * Number(f[iVolume!])]);
    rows.set(id, list);
  }
  for (const [id, list] of rows) {
    list.sort((a, b) => (a[0] < b[0] ? -1 : 1));
    dollarVolumes.set(
      id,
      list.slice(-VOLUME_DAYS).map((x) => x[1]),
    );
  }
}
const meanDollarVolume = (id: string): number => {
  const v = dollarVolumes.get(id) ?? [];
  return v.reduce((a, b) => a + b, 0) / v.length;
};
const ratios = [...caps].map(([id, c]) => c.cap / meanDollarVolume(id)).sort((a, b) => a - b);
const ratio = median(ratios);
const decile = (q: number) => ratios[Math.floor(q * (ratios.length - 1))]!.toFixed(0);
console.log(`cap / dollar volume: 10th percentile ${decile(0.1)}, 90th ${decile(0.9)}`);
const estimated: string[] = [];
for (const s of stocks) {
  if (caps.has(s.id)) continue;
  const cap = meanDollarVolume(s.id) * ratio;
  if (!(cap > 0)) throw new Error(`${s.id}: no market cap and no dollar volume`);
  caps.set(s.id, { cap, method: 'dollar_volume' });
  estimated.push(s.id);
}
console.log(
  `median cap / mean daily dollar volume: ${ratio.toFixed(1)}; ${estimated.length} caps ` +
    `estimated from it. ${Object.entries(noCap)
      .map(([why, list]) => `${why} (${list.length}): ${list.join(' ')}`)
      .join('; ')}`,
);

const ids = [...stocks, ...etfs].map((s) => s.id);
if (new Set(ids).size !== ids.length) throw new Error('a stock and an ETF share an id');

// ---- Write. ----
mkdirSync(out, { recursive: true });
let totalBytes = 0;
function write(file: string, text: string): void {
  const bytes = file.endsWith('.br')
    ? brotliCompressSync(text, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })
    : Buffer.from(text);
  writeFileSync(join(out, file), bytes);
  totalBytes += bytes.length;
  console.log(`wrote data/history/${file} (${(bytes.length / 1024).toFixed(0)} KiB)`);
}

const lives = new Map<string, Life>();
function priceFile(series: SourceSeries[]): string {
  const lines = [['date', ...dates].join(',')];
  for (const s of series) {
    const life = lifeOf(s.values);
    if (life === undefined) throw new Error(`${s.id}: no price`);
    lives.set(s.id, life);
    lines.push(encodeLine(s.id, dates[life.first]!, life.prices));
  }
  return lines.join('\n') + '\n';
}
write(HISTORY_FILES.stockPrices, priceFile(stocks));
write(HISTORY_FILES.etfPrices, priceFile(etfs));
const carried = [...lives].filter(([, l]) => l.carried > 0);
console.log(`carried forward: ${carried.map(([id, l]) => `${id} ${l.carried}`).join(', ')}`);

const tickers = new Map(
  readCsvRecords(src('sp500_daily_ohlcv_alphavantage_1999_2021/tickers.csv')).map((r) => [
    r.ticker ?? '',
    r,
  ]),
);
const universe = new Map(
  readCsvRecords(src('etf_adjclose_yahoo/etf_universe.csv')).map((r) => [r.ticker ?? '', r]),
);
const span = (id: string): string[] => {
  const life = lives.get(id)!;
  return [dates[life.first]!, dates[life.last]!];
};
const securityRows = [
  ...stocks.map((s) => {
    const t = tickers.get(s.id);
    const cap = caps.get(s.id)!;
    return [s.id, t?.name ?? '', 'stock', t?.sector ?? '', 'equity', '', round4(cap.cap)]
      .concat(span(s.id))
      .concat(cap.method);
  }),
  ...etfs.map((s) => {
    const u = universe.get(s.id);
    return [s.id, u?.name ?? '', 'etf', '', u?.asset_class ?? '', u?.substitute_group ?? '', '']
      .concat(span(s.id))
      .concat('');
  }),
];
write(HISTORY_FILES.securities, toCsv([[...SECURITY_COLUMNS], ...securityRows]));
if (totalBytes > MAX_TOTAL_BYTES)
  throw new Error(`data/history/ is ${totalBytes} bytes, over ${MAX_TOTAL_BYTES}`);
console.log(`total ${(totalBytes / 1e6).toFixed(2)} MB`);

// ---- Verify through the shipped loader. ----
const started = performance.now();
const history = loadPriceHistory();
console.log(`loaded in ${(performance.now() - started).toFixed(0)} ms`);
if (history.dates.join() !== dates.join()) throw new Error('decoded calendar differs');
const n = history.securities.length;
let maxRelative = 0;
let maxLog = 0;
let worst = '';
let checked = 0;
[...stocks, ...etfs].forEach((s, j) => {
  const sec = history.securities[j]!;
  const life = lives.get(s.id)!;
  if (sec.id !== s.id || sec.first !== life.first || sec.last !== life.last)
    throw new Error(`${s.id}: decoded identity or life differs`);
  const cap = caps.get(s.id);
  if (sec.capUsd !== (cap && Number(round4(cap.cap))))
    throw new Error(`${s.id}: decoded cap differs`);
  for (let t = 0; t < dates.length; t++) {
    const decoded = history.prices[t * n + j]!;
    if (t < life.first || t > life.last) {
      if (!Number.isNaN(decoded)) throw new Error(`${s.id} ${dates[t]}: price outside its life`);
      continue;
    }
    const source = life.prices[t - life.first]!;
    const relative = Math.abs(decoded / source - 1);
    if (!(relative <= maxRelative)) {
      if (Number.isNaN(relative)) throw new Error(`${s.id} ${dates[t]}: decoded ${decoded}`);
      maxRelative = relative;
      worst = `${s.id} ${dates[t]}`;
    }
    maxLog = Math.max(maxLog, Math.abs(Math.log(decoded / source)));
    checked++;
  }
});
console.log(
  `verified ${checked} prices: max relative error ${(maxRelative * 1e4).toFixed(6)} bp ` +
    `(${worst}), max |ln(decoded/source)| ${(maxLog * 1e4).toFixed(6)} bp`,
);
if (maxRelative > MAX_RELATIVE_ERROR) throw new Error('decoding error over 0.5 bp');
