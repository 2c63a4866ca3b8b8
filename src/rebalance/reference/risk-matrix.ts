/**
 * The dense covariance Σ = X F Xᵀ + diag(s) of a factor risk model over a list of securities,
 * and quadratic forms in it — written out entry by entry, with no shortcut, so that it is easy to
 * check by eye. Every security must be covered by the model (no proxies here).
 */
import type { RiskModel } from '../../domain/index.js';

/** A symmetric n × n matrix, row-major. */
export interface DenseMatrix {
  n: number;
  values: Float64Array;
}

/** Σ_ij = Σ_kl X_ik F_kl X_jl + [i = j] s_i for `ids` in order; throws for an uncovered id. */
export function denseCovariance(model: RiskModel, ids: readonly string[]): DenseMatrix {
  const k = model.factors.length;
  const rows = ids.map((id) => {
    const x = model.exposures[id];
    const s = model.specificVariance[id];
    if (x === undefined || s === undefined || x.length !== k) {
      throw new RangeError(`${id} is not covered by the risk model`);
    }
    return { x, s };
  });
  const n = ids.length;
  const values = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      let v = 0;
      for (let a = 0; a < k; a++) {
        for (let b = 0; b < k; b++) {
          v += rows[i]!.x[a]! * model.factorCovariance[a]![b]! * rows[j]!.x[b]!;
        }
      }
      if (i === j) v += rows[i]!.s;
      values[i * n + j] = v;
      values[j * n + i] = v;
    }
  }
  return { n, values };
}

/** M v. */
export function multiply(m: DenseMatrix, v: Float64Array): Float64Array {
  const out = new Float64Array(m.n);
  for (let i = 0; i < m.n; i++) {
    let t = 0;
    for (let j = 0; j < m.n; j++) t += m.values[i * m.n + j]! * v[j]!;
    out[i] = t;
  }
  return out;
}

/** vᵀ M v. */
export function quadraticForm(m: DenseMatrix, v: Float64Array): number {
  const mv = multiply(m, v);
  let t = 0;
  for (let i = 0; i < m.n; i++) t += v[i]! * mv[i]!;
  return t;
}

/** √(aᵀ Σ a) for active weights `a` (clamped at 0 against rounding). */
export function trackingErrorOf(covariance: DenseMatrix, active: Float64Array): number {
  return Math.sqrt(Math.max(0, quadraticForm(covariance, active)));
}
