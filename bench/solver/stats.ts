/** Small statistics helpers for the solver benchmark. */

/** Quantile by linear interpolation between order statistics (q in [0, 1]). */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo]! + (s[hi]! - s[lo]!) * (pos - lo);
}

export interface Summary {
  readonly median: number;
  readonly p95: number;
  readonly min: number;
  readonly max: number;
}

export function summarize(values: readonly number[]): Summary {
  return {
    median: quantile(values, 0.5),
    p95: quantile(values, 0.95),
    min: values.length ? Math.min(...values) : NaN,
    max: values.length ? Math.max(...values) : NaN,
  };
}

/** Rounds for JSON output (keeps 4 significant digits). */
export function round(v: number): number {
  return Number.isFinite(v) ? Number(v.toPrecision(4)) : v;
}

export function roundSummary(s: Summary): Summary {
  return { median: round(s.median), p95: round(s.p95), min: round(s.min), max: round(s.max) };
}
