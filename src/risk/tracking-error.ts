/**
 * Tracking error under a factor model: with active weights a (portfolio − benchmark),
 * σ²_TE = aᵀ(X F Xᵀ + diag(s))a = yᵀ F y + Σ_i s_i a_i², y = Xᵀa, computed in O(n k + k²).
 * Annualised because the model is.
 */
import type { FactorRiskModel } from './factor-risk-model.js';

/** aᵀ(X F Xᵀ + diag(s))a for active weights by security id (absent ids weigh 0). */
export function trackingErrorVariance(
  model: FactorRiskModel,
  active: ReadonlyMap<string, number>,
): number;
/** aᵀ(X F Xᵀ + diag(s))a for `weights[i]` on security `ids[i]` (ids distinct). */
export function trackingErrorVariance(
  model: FactorRiskModel,
  ids: readonly string[],
  weights: Float64Array,
): number;
export function trackingErrorVariance(
  model: FactorRiskModel,
  idsOrActive: ReadonlyMap<string, number> | readonly string[],
  weights?: Float64Array,
): number {
  const entries: Iterable<readonly [string, number]> = Array.isArray(idsOrActive)
    ? idsOrActive.map((id, i) => [id, weights?.[i] ?? Number.NaN] as const)
    : (idsOrActive as ReadonlyMap<string, number>).entries();
  if (Array.isArray(idsOrActive) && weights?.length !== idsOrActive.length) {
    throw new RangeError(`expected ${idsOrActive.length} weights, found ${weights?.length ?? 0}`);
  }
  const { k, covariance } = model;
  const y = new Float64Array(k);
  let specific = 0;
  for (const [id, a] of entries) {
    if (a === 0) continue;
    const x = model.exposure(id);
    for (let j = 0; j < k; j++) y[j]! += x[j]! * a;
    specific += model.specificVariance(id) * a * a;
  }
  return Math.max(0, quadraticForm(covariance, y, k) + specific);
}

/**
 * aᵀ(X F Xᵀ + diag(s))a for `weights[r]` on the model's row r (`weights.length` = rows): the same
 * sums as {@link trackingErrorVariance} over `model.ids`, without looking up ids.
 */
export function trackingErrorVarianceByRow(model: FactorRiskModel, weights: Float64Array): number {
  const { k, covariance, exposures, specific } = model;
  if (weights.length !== model.ids.length) {
    throw new RangeError(`expected ${model.ids.length} weights, found ${weights.length}`);
  }
  const y = new Float64Array(k);
  let spec = 0;
  for (let r = 0; r < weights.length; r++) {
    const a = weights[r]!;
    if (a === 0) continue;
    const row = r * k;
    for (let j = 0; j < k; j++) y[j]! += exposures[row + j]! * a;
    spec += specific[r]! * a * a;
  }
  return Math.max(0, quadraticForm(covariance, y, k) + spec);
}

/** yᵀ F y, F k × k row-major. */
function quadraticForm(covariance: Float64Array, y: Float64Array, k: number): number {
  let factor = 0;
  for (let i = 0; i < k; i++) {
    let row = 0;
    for (let j = 0; j < k; j++) row += covariance[i * k + j]! * y[j]!;
    factor += y[i]! * row;
  }
  return factor;
}

/** √{@link trackingErrorVariance}: the annualised tracking error for active weights by id. */
export function trackingError(model: FactorRiskModel, active: ReadonlyMap<string, number>): number;
/** √{@link trackingErrorVariance}: the annualised tracking error for `weights[i]` on `ids[i]`. */
export function trackingError(
  model: FactorRiskModel,
  ids: readonly string[],
  weights: Float64Array,
): number;
export function trackingError(
  model: FactorRiskModel,
  idsOrActive: ReadonlyMap<string, number> | readonly string[],
  weights?: Float64Array,
): number {
  return Math.sqrt(
    Array.isArray(idsOrActive)
      ? trackingErrorVariance(model, idsOrActive, weights ?? new Float64Array(0))
      : trackingErrorVariance(model, idsOrActive as ReadonlyMap<string, number>),
  );
}
