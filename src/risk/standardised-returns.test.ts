import { describe, expect, it } from 'vitest';
import { dailyReturns } from './returns-panel.js';
import { correlationMatrix, standardiseReturns } from './standardised-returns.js';

const panelOf = (ids: string[], columns: number[][]) => {
  const days = columns[0]!.length;
  const values = new Float64Array(days * ids.length);
  columns.forEach((col, i) => col.forEach((r, t) => (values[t * ids.length + i] = r)));
  return { ids, days, values };
};

describe('standardiseReturns', () => {
  it('leaves out securities with too few returns or no variation', () => {
    const nan = Number.NaN;
    const panel = panelOf(
      ['A', 'SHORT', 'FLAT'],
      [
        [0.01, -0.02, 0.03, 0],
        [nan, nan, 0.01, 0.02],
        [0.001, 0.001, 0.001, 0.001],
      ],
    );
    const { standardised, excluded } = standardiseReturns(panel, 3);
    expect(standardised.ids).toEqual(['A']);
    expect(excluded).toEqual([
      { id: 'SHORT', observations: 2 },
      { id: 'FLAT', observations: 4 },
    ]);
  });

  it('gives a unit-diagonal correlation matrix and daily volatilities over observed days', () => {
    const closes = Float64Array.from([100, 50, 101, 50.5, 99, 49.5, 103, Number.NaN, 102, 51]);
    const panel = dailyReturns(['A', 'B'], closes, 5);
    const { standardised } = standardiseReturns(panel, 2);
    const s = correlationMatrix(standardised);
    expect(s[0]).toBeCloseTo(1, 12);
    expect(s[3]).toBeCloseTo(1, 12);
    expect(Math.abs(s[1]!)).toBeLessThanOrEqual(1);
    const a = [0.01, 99 / 101 - 1, 103 / 99 - 1, 102 / 103 - 1];
    const mean = a.reduce((x, y) => x + y) / 4;
    const sd = Math.sqrt(a.reduce((x, r) => x + (r - mean) ** 2, 0) / 3);
    expect(standardised.volatility[0]).toBeCloseTo(sd, 12);
    expect([...standardised.observations]).toEqual([4, 2]);
  });
});
