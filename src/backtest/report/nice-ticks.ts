/**
 * Axis ticks at round numbers (1, 2, 2.5 or 5 times a power of ten), about `target` of them,
 * with the axis widened to the outer ticks so every value sits inside the plot.
 */

/** An axis: its ends (the outer ticks) and the ticks, ascending. */
export interface NiceScale {
  min: number;
  max: number;
  step: number;
  ticks: number[];
}

const MULTIPLIERS = [1, 2, 2.5, 5, 10];

/** The smallest round step that splits `span` into at most about `target` intervals. */
function niceStep(span: number, target: number): number {
  const raw = span / Math.max(1, target);
  const power = 10 ** Math.floor(Math.log10(raw));
  for (const m of MULTIPLIERS) if (m * power >= raw - 1e-12 * raw) return m * power;
  return 10 * power;
}

/**
 * Round ticks covering [min, max]. An empty or degenerate range (min = max, or non-finite
 * ends) is widened so the axis still has ticks.
 */
export function niceScale(min: number, max: number, target = 5): NiceScale {
  let lo = Number.isFinite(min) ? min : 0;
  let hi = Number.isFinite(max) ? max : lo + 1;
  if (lo > hi) [lo, hi] = [hi, lo];
  if (hi === lo) {
    const pad = lo === 0 ? 1 : Math.abs(lo) * 0.1;
    lo -= pad;
    hi += pad;
  }
  const step = niceStep(hi - lo, target);
  const first = Math.floor(lo / step + 1e-9);
  const last = Math.ceil(hi / step - 1e-9);
  const ticks: number[] = [];
  // Multiplying integers by the step (not adding repeatedly) keeps 0.1 + 0.2 drift out of labels.
  for (let i = first; i <= last; i++) ticks.push(Number((i * step).toPrecision(12)));
  return { min: ticks[0] ?? lo, max: ticks[ticks.length - 1] ?? hi, step, ticks };
}
