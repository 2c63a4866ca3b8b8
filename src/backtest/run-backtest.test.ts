import { describe, expect, it } from 'vitest';
import { loadPriceHistory } from './load-history.js';
import { runBacktest } from './run-backtest.js';

const history = loadPriceHistory();

describe('runBacktest on the shipped history', () => {
  // The 2008 crash in a balanced ETF account: losses to harvest from the first months.
  const outcome = runBacktest(history, {
    scenario: 'etf-model',
    start: '2008-06-02',
    end: '2009-03-31',
    initialValueUsd: 500_000,
  });
  if (!outcome.ok) throw new Error(outcome.problems.join('\n'));
  const { result } = outcome;
  const { harvest, noHarvest } = result.summary;

  it('harvests losses in the harvest arm only, and saves tax there', () => {
    expect(harvest.harvestedLossUsd).toBeGreaterThan(20_000);
    expect(noHarvest.harvestedLossUsd).toBeLessThan(harvest.harvestedLossUsd / 10);
    expect(result.years[0]!.harvest.taxUsd).toBeLessThan(0);
    expect(result.summary.taxAlphaAnnual).toBeGreaterThan(0);
  });

  it('never incurs a wash sale, and buys a different fund while the sold one is barred', () => {
    expect(result.summary.washSales.incurred).toBe(0);
    expect(result.summary.washSales.disallowedUsd).toBe(0);
    expect(result.summary.washSales.avoided).toBeGreaterThan(0);
  });

  it('reports one point per trading day and one row per calendar year', () => {
    expect(result.daily[0]!.date).toBe('2008-06-02');
    expect(result.daily.at(-1)!.date).toBe('2009-03-31');
    expect(result.years.map((y) => y.year)).toEqual([2008, 2009]);
    expect(result.config.universe).toEqual(['VTI', 'EFA', 'EEM', 'AGG', 'IYR']);
    expect(result.assumptions.length).toBeGreaterThan(4);
    expect(result.warnings).toEqual([]);
  });

  it('keeps both arms’ values close to the benchmark before tax (tracking error under 5% in the crash)', () => {
    expect(harvest.trackingError).toBeLessThan(0.05);
    expect(noHarvest.trackingError).toBeLessThan(0.01);
    const last = result.daily.at(-1)!;
    expect(Math.abs(last.noHarvestValueUsd / last.benchmarkValueUsd - 1)).toBeLessThan(0.02);
  });
});

describe('runBacktest refusals', () => {
  it('names the option to change', () => {
    const outcome = runBacktest(history, { start: '1990-01-02', riskAversion: -1 });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.problems.join('\n')).toMatch(/--start and --end inside/);
    expect(outcome.problems.join('\n')).toMatch(/--risk-aversion must be > 0/);
  });

  it('refuses a window that starts before the story’s funds trade', () => {
    const outcome = runBacktest(history, {
      scenario: 'etf-model',
      start: '2003-01-02',
      end: '2004-01-02',
    });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.problems[0]).toMatch(/start trading after .*--start/);
  });
});

describe('the engine and the ledger agree', () => {
  it('books, year by year, the realized gains the engine proposed (no trading cost: to the cent per lot)', () => {
    const proposed = new Map<number, { shortTerm: number; longTerm: number; lines: number }>();
    const outcome = runBacktest(
      history,
      { scenario: 'etf-model', start: '2008-09-02', end: '2009-06-30', spread: 0 },
      {
        onProposal: (date, arm, proposal) => {
          if (arm !== 'harvest') return;
          const year = Number(date.slice(0, 4));
          const sum = proposed.get(year) ?? { shortTerm: 0, longTerm: 0, lines: 0 };
          sum.shortTerm += proposal.summary.realized.shortTerm;
          sum.longTerm += proposal.summary.realized.longTerm;
          sum.lines += proposal.trades.reduce((n, t) => n + (t.lots?.length ?? 0), 0);
          proposed.set(year, sum);
        },
      },
    );
    if (!outcome.ok) throw new Error(outcome.problems.join('\n'));
    expect(outcome.result.summary.washSales.incurred).toBe(0);
    for (const { year, harvest } of outcome.result.years) {
      const engine = proposed.get(year)!;
      const tolerance = 0.01 * engine.lines + 0.01;
      expect(
        Math.abs(harvest.realizedShortTermUsd - engine.shortTerm),
        `${year}`,
      ).toBeLessThanOrEqual(tolerance);
      expect(
        Math.abs(harvest.realizedLongTermUsd - engine.longTerm),
        `${year}`,
      ).toBeLessThanOrEqual(tolerance);
    }
    expect(outcome.result.years[0]!.harvest.realizedShortTermUsd).toBeLessThan(-10_000);
  });
});
