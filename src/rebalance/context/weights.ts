/**
 * Weight arithmetic shared by the benchmark and the drift: weights are fractions of an account's
 * (or the household's) value, one entry per security index.
 */
import type { SecurityFacts } from './types.js';

/** Σ weights. */
export function sumOf(weights: Float64Array): number {
  let total = 0;
  for (const w of weights) total += w;
  return total;
}

/**
 * `weights` scaled pro rata so that they sum to `total`. Weights that sum to zero stay zero: there
 * is nothing to scale, and dividing would turn an empty portfolio into NaN.
 */
export function scaledTo(weights: Float64Array, total: number): Float64Array {
  const current = sumOf(weights);
  const out = new Float64Array(weights.length);
  if (current <= 0) return out;
  const factor = total / current;
  for (let i = 0; i < weights.length; i++) out[i] = weights[i]! * factor;
  return out;
}

/** Before-weights q × p / V of held shares; all zero when V is zero (an empty account). */
export function holdingWeights(
  heldQuantity: Float64Array,
  securities: readonly SecurityFacts[],
  valueUsd: number,
): Float64Array {
  const out = new Float64Array(heldQuantity.length);
  if (valueUsd <= 0) return out;
  for (let i = 0; i < heldQuantity.length; i++) {
    out[i] = (heldQuantity[i]! * securities[i]!.priceUsd) / valueUsd;
  }
  return out;
}
