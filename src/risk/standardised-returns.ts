/**
 * Standardised, gap-filled returns for a correlation-based PCA. Each security's returns are
 * demeaned over its observed days, missing days are set to 0 (its mean), and the column is scaled
 * so that S = YᵀY / T has a unit diagonal. S = D^{-1/2} XᵀX D^{-1/2} (a congruence of a Gram
 * matrix) is positive semi-definite; pairs with partial overlap are biased slightly toward 0.
 */
import type { ReturnsPanel } from './returns-panel.js';

/** The standardised panel Y (`days × ids.length`, row-major) and each security's statistics. */
export interface StandardisedReturns {
  ids: string[];
  days: number;
  y: Float64Array;
  /** Daily return volatility over observed days (sample, n − 1). */
  volatility: Float64Array;
  observations: Int32Array;
}

/**
 * Standardises the securities of `panel` with at least `minObservations` returns and a non-zero
 * volatility; the others are returned in `excluded`.
 */
export function standardiseReturns(
  panel: ReturnsPanel,
  minObservations: number,
): { standardised: StandardisedReturns; excluded: { id: string; observations: number }[] } {
  const n = panel.ids.length;
  const { days, values } = panel;
  const kept: number[] = [];
  const excluded: { id: string; observations: number }[] = [];
  const stats: { mean: number; sumSquares: number; count: number }[] = [];
  for (let i = 0; i < n; i++) {
    let count = 0;
    let sum = 0;
    for (let t = 0; t < days; t++) {
      const r = values[t * n + i]!;
      if (!Number.isNaN(r)) {
        count++;
        sum += r;
      }
    }
    const mean = count > 0 ? sum / count : 0;
    let sumSquares = 0;
    for (let t = 0; t < days; t++) {
      const r = values[t * n + i]!;
      if (!Number.isNaN(r)) sumSquares += (r - mean) ** 2;
    }
    if (count >= Math.max(2, minObservations) && sumSquares > 0) {
      kept.push(i);
      stats.push({ mean, sumSquares, count });
    } else excluded.push({ id: panel.ids[i]!, observations: count });
  }
  const m = kept.length;
  const y = new Float64Array(days * m);
  kept.forEach((i, c) => {
    const { mean, sumSquares } = stats[c]!;
    const scale = Math.sqrt(days / sumSquares);
    for (let t = 0; t < days; t++) {
      const r = values[t * n + i]!;
      y[t * m + c] = Number.isNaN(r) ? 0 : (r - mean) * scale;
    }
  });
  return {
    standardised: {
      ids: kept.map((i) => panel.ids[i]!),
      days,
      y,
      volatility: Float64Array.from(stats, (s) => Math.sqrt(s.sumSquares / (s.count - 1))),
      observations: Int32Array.from(stats, (s) => s.count),
    },
    excluded,
  };
}

/** S = YᵀY / T, the (gap-filled) sample correlation matrix, `m × m` row-major. */
export function correlationMatrix(s: StandardisedReturns): Float64Array {
  const m = s.ids.length;
  const out = new Float64Array(m * m);
  for (let t = 0; t < s.days; t++) {
    const row = t * m;
    for (let i = 0; i < m; i++) {
      const yi = s.y[row + i]!;
      if (yi === 0) continue;
      const base = i * m;
      for (let j = i; j < m; j++) out[base + j]! += yi * s.y[row + j]!;
    }
  }
  for (let i = 0; i < m; i++) {
    for (let j = i; j < m; j++) out[i * m + j] = out[j * m + i] = out[i * m + j]! / s.days;
  }
  return out;
}
