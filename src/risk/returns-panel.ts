/** Daily returns of many securities over a common calendar, with gaps. */

/** `days × ids.length` returns, row-major by day; `NaN` marks a missing return. */
export interface ReturnsPanel {
  ids: string[];
  days: number;
  values: Float64Array;
}

/**
 * Simple daily returns p_t / p_{t−1} − 1 from adjusted closes (`rows × ids.length`, row-major by
 * date, `NaN` where there is no price). A return exists only where both closes exist and are
 * positive, so one missing close loses two returns; the first row gives none.
 */
export function dailyReturns(ids: string[], closes: Float64Array, rows: number): ReturnsPanel {
  const n = ids.length;
  if (closes.length !== rows * n) {
    throw new RangeError(`expected ${rows * n} closes, found ${closes.length}`);
  }
  const days = Math.max(0, rows - 1);
  const values = new Float64Array(days * n).fill(Number.NaN);
  for (let t = 0; t < days; t++) {
    for (let i = 0; i < n; i++) {
      const before = closes[t * n + i]!;
      const after = closes[(t + 1) * n + i]!;
      if (before > 0 && after > 0) values[t * n + i] = after / before - 1;
    }
  }
  return { ids: [...ids], days, values };
}
