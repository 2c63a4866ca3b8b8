/**
 * Real securities for the reference tests: the S&P 500 constituents (sector) joined with the
 * financials snapshot (price, market cap), kept only where the shipped default risk model covers
 * the ticker, so that no proxy enters a comparison. Share classes of one company (Alphabet A/C,
 * Fox, News Corp) each carry the company's total market cap in the source (data/README.md), so
 * the cap is split evenly among them.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Model, RiskModel, Security } from '../../domain/index.js';
import { parseCsvRecords } from './csv.js';

/** One S&P 500 stock with what the tests need. */
export interface RealStock {
  id: string;
  name: string;
  sector: string;
  /** Snapshot price, > 0. */
  price: number;
  /** Market cap in USD, share classes split evenly. */
  marketCap: number;
}

const SECURITIES = new URL('../../../data/securities/', import.meta.url);

function readRecords(file: string): Record<string, string>[] {
  return parseCsvRecords(readFileSync(fileURLToPath(new URL(file, SECURITIES)), 'utf8'));
}

/** The company behind a share class: the name without its `(Class X)` suffix. */
function companyOf(name: string): string {
  return name.replace(/\s*\(Class [A-Z]\)\s*$/, '');
}

/**
 * Every constituent with a price and a market cap that `riskModel` covers (exposures and
 * specific variance), in the constituents file's order.
 */
export function loadRealStocks(riskModel: RiskModel): RealStock[] {
  const financials = new Map(readRecords('sp500-financials.csv').map((r) => [r.symbol!, r]));
  const stocks: RealStock[] = [];
  for (const row of readRecords('sp500-constituents.csv')) {
    const id = row.symbol!;
    const f = financials.get(id);
    const price = Number(f?.price);
    const marketCap = Number(f?.market_cap_usd);
    const covered =
      Object.hasOwn(riskModel.exposures, id) && Object.hasOwn(riskModel.specificVariance, id);
    if (!covered || !(price > 0) || !(marketCap > 0)) continue;
    stocks.push({ id, name: row.security!, sector: row.gics_sector!, price, marketCap });
  }
  const classes = new Map<string, number>();
  for (const s of stocks) classes.set(companyOf(s.name), (classes.get(companyOf(s.name)) ?? 0) + 1);
  return stocks.map((s) => ({ ...s, marketCap: s.marketCap / classes.get(companyOf(s.name))! }));
}

/** The `perSector` largest stocks by market cap of every sector, sectors and ranks in order. */
export function largestPerSector(stocks: readonly RealStock[], perSector: number): RealStock[] {
  const sectors = [...new Set(stocks.map((s) => s.sector))].sort();
  return sectors.flatMap((sector) =>
    stocks
      .filter((s) => s.sector === sector)
      .sort((a, b) => b.marketCap - a.marketCap || (a.id < b.id ? -1 : 1))
      .slice(0, perSector),
  );
}

/** A model holding `stocks` in proportion to market cap, fully invested. */
export function capWeightedModel(id: string, stocks: readonly RealStock[]): Model {
  const total = stocks.reduce((t, s) => t + s.marketCap, 0);
  return { id, targets: stocks.map((s) => ({ security: s.id, weight: s.marketCap / total })) };
}

/** The request's `securities` entries for `stocks` (price, sector, US Equity). */
export function toSecurities(stocks: readonly RealStock[]): Security[] {
  return stocks.map((s) => ({
    id: s.id,
    price: s.price,
    assetClass: 'US Equity',
    sector: s.sector,
  }));
}
