import { describe, expect, it } from 'vitest';
import { decodePriceFile, loadPriceHistory, securityIndex } from './load-history.js';

const history = loadPriceHistory();
const index = securityIndex(history);
const n = history.securities.length;

function price(id: string, date: string): number {
  const j = index.get(id);
  const t = history.dates.indexOf(date);
  if (j === undefined || t < 0) throw new Error(`no ${id} or no ${date}`);
  return history.prices[t * n + j]!;
}

/** |decoded / source − 1| in basis points. */
const errorBp = (decoded: number, source: number): number => Math.abs(decoded / source - 1) * 1e4;

describe('decodePriceFile', () => {
  it('rebuilds prices from the first price and the summed log-return steps', () => {
    const { dates, series } = decodePriceFile('date,d1,d2,d3\nX,d2,10,-100\nY,d1,2.5\n');
    expect(dates).toEqual(['d1', 'd2', 'd3']);
    expect(series.get('X')?.first).toBe(1);
    expect([...series.get('X')!.prices]).toEqual([10, 10 * Math.exp(-0.01)]);
    expect([...series.get('Y')!.prices]).toEqual([2.5]);
  });

  it('rejects a line that runs past the calendar or holds a non-integer step', () => {
    expect(() => decodePriceFile('date,d1,d2\nX,d2,10,5\n')).toThrow(/X/);
    expect(() => decodePriceFile('date,d1,d2\nX,d1,10,1.5\n')).toThrow();
  });
});

describe('loadPriceHistory', () => {
  it('has the 5,402-date calendar of the Alpha Vantage set', () => {
    expect(history.dates).toHaveLength(5402);
    expect(history.dates[0]).toBe('1999-11-01');
    expect(history.dates.at(-1)).toBe('2021-04-21');
    expect(history.prices).toHaveLength(5402 * n);
    expect(loadPriceHistory()).toBe(history);
  });

  it('holds 504 stocks and 93 ETFs with unique ids', () => {
    expect(history.securities.filter((s) => s.kind === 'stock')).toHaveLength(504);
    expect(history.securities.filter((s) => s.kind === 'etf')).toHaveLength(93);
    expect(index.size).toBe(n);
  });

  it("reproduces AAPL's source adjusted closes within 0.5 bp", () => {
    // adj_close_wide.csv.gz of sp500_daily_ohlcv_alphavantage_1999_2021.
    expect(errorBp(price('AAPL', '2000-01-03'), 0.86079112)).toBeLessThanOrEqual(0.5);
    expect(errorBp(price('AAPL', '2008-10-10'), 2.9774729)).toBeLessThanOrEqual(0.5);
    expect(errorBp(price('AAPL', '2021-04-21'), 133.5)).toBeLessThanOrEqual(0.5);
  });

  it('has a price on every date of a life and NaN outside it', () => {
    const bad: string[] = [];
    history.securities.forEach((s, j) => {
      for (let t = 0; t < history.dates.length; t++) {
        const p = history.prices[t * n + j]!;
        const inLife = t >= s.first && t <= s.last;
        if (inLife ? !(p > 0 && Number.isFinite(p)) : !Number.isNaN(p))
          bad.push(`${s.id} ${history.dates[t]}: ${p}`);
      }
    });
    expect(bad.slice(0, 5)).toEqual([]);
  });

  it('starts a late listing on its first close', () => {
    const carr = history.securities[index.get('CARR')!]!;
    expect(history.dates[carr.first]).toBe('2020-03-19');
    expect(price('CARR', '2020-03-18')).toBeNaN();
    expect(errorBp(price('CARR', '2020-03-19'), 11.890031)).toBeLessThanOrEqual(0.5);
    expect(history.dates[history.securities[index.get('VAR')!]!.last]).toBe('2021-04-16');
  });

  it("drops GNRC's bogus pre-IPO segment", () => {
    const gnrc = history.securities[index.get('GNRC')!]!;
    expect(history.dates[gnrc.first]! > '2010-02-12').toBe(true);
    expect(price('GNRC', '2010-02-12')).toBeNaN();
  });

  it('has SPY from the first date, as an ETF with its substitute group', () => {
    const spy = history.securities[index.get('SPY')!]!;
    expect(spy).toMatchObject({ kind: 'etf', first: 0, substituteGroup: 'US_SP500' });
    expect(spy.capUsd).toBeUndefined();
    expect(errorBp(price('SPY', '1999-11-01'), 84.736923)).toBeLessThanOrEqual(0.5);
    expect(errorBp(price('SPY', '2021-04-21'), 387.6037)).toBeLessThanOrEqual(0.5);
  });

  it('gives every stock a positive cap and a sector, and AAPL a plausible cap', () => {
    for (const s of history.securities.filter((x) => x.kind === 'stock')) {
      expect(s.capUsd, s.id).toBeGreaterThan(0);
      expect(s.sector, s.id).toBeTruthy();
      expect(s.assetClass).toBe('equity');
    }
    const aapl = history.securities[index.get('AAPL')!]!.capUsd!;
    expect(aapl).toBeGreaterThan(1.5e12);
    expect(aapl).toBeLessThan(3e12);
  });
});
