/**
 * Presolve, per solve, back: the caller's solution, multipliers and certificates from the reduced
 * problem's (presolve-reduce.ts). x_j = (b_r − Σ_{i≠j} a_ri x_i)/a_rj, and row r's multiplier
 * from x_j's stationarity P_jj x_j + q_j = a_rj y_r (x_j is free and in no other row), so that
 * every kept variable's stationarity in the reduced problem is its stationarity in the caller's:
 *   (P̂x + q̂)_i = (Px + q)_i − u_i (P_jj x_j + q_j) = (Px + q)_i − a_ri y_r.
 * An infeasibility certificate extends by zeros (row r can always be met by x_j); a ray d by
 * d_j = −Σ_{i≠j} a_ri d_i / a_rj.
 */
import { rayCertificate } from './certificates.js';
import type { PresolvePlan } from './presolve-plan.js';
import { curvature, type PresolveWork } from './presolve-reduce.js';
import { quadraticObjective } from './solution.js';
import type { CscMatrix, QpProblem, QpResult } from './types.js';

/** Kept entries of `v` in full length (zeros elsewhere). */
function expand(kept: Int32Array, v: Float64Array, size: number): Float64Array {
  const out = new Float64Array(size);
  for (let i = 0; i < kept.length; i++) out[kept[i]!] = v[i]!;
  return out;
}

/** x_j of each substituted variable from its row (direction: b taken as 0). */
function fillSubstituted(
  plan: PresolvePlan,
  A: CscMatrix,
  b: Float64Array | null,
  x: Float64Array,
  reducedX: Float64Array,
): void {
  const { elimCol, elimRow, elimEntry, otherPtr, otherCol, otherEntry } = plan;
  for (let t = 0; t < elimCol.length; t++) {
    let s = b === null ? 0 : b[elimRow[t]!]!;
    for (let k = otherPtr[t]!; k < otherPtr[t + 1]!; k++)
      s -= A.values[otherEntry[k]!]! * reducedX[otherCol[k]!]!;
    x[elimCol[t]!] = s / A.values[elimEntry[t]!]!;
  }
}

/**
 * The caller's result from the reduced problem's. The objective is evaluated on p; the residuals
 * are the reduced problem's, which are p's up to rounding: the substituted rows hold and the
 * substituted variables are stationary by construction, and the kept variables' stationarity is
 * the same equation (module comment).
 */
export function expandResult(work: PresolveWork, p: QpProblem, inner: QpResult): QpResult {
  const { plan } = work;
  const { full, keptCols, keptRows, elimCol, elimRow, elimEntry } = plan;
  const P = p.P ?? full.P;
  const A = p.A ?? full.A;
  const x = expand(keptCols, inner.x, full.n);
  const zx = expand(keptCols, inner.zx, full.n);
  const y = expand(keptRows, inner.y, full.A.nrows);
  fillSubstituted(plan, A, p.b!, x, inner.x);
  for (let t = 0; t < elimCol.length; t++) {
    const j = elimCol[t]!;
    y[elimRow[t]!] = (curvature(plan, P, t) * x[j]! + p.q[j]!) / A.values[elimEntry[t]!]!;
  }
  const { certificate } = inner;
  let mapped: QpResult['certificate'];
  if (certificate?.kind === 'infeasible') {
    const { crossed, rowActivity } = certificate;
    mapped = {
      ...certificate,
      y: expand(keptRows, certificate.y, full.A.nrows),
      zx: expand(keptCols, certificate.zx, full.n),
      ...(crossed?.kind === 'variable'
        ? { crossed: { kind: 'variable', index: keptCols[crossed.index]! } }
        : {}),
      ...(rowActivity?.matrix === 'A'
        ? { rowActivity: { matrix: 'A', index: keptRows[rowActivity.index]! } }
        : {}),
    };
  } else if (certificate?.kind === 'unbounded') {
    const d = expand(keptCols, certificate.d, full.n);
    fillSubstituted(plan, A, null, d, certificate.d);
    mapped = rayCertificate(p, d);
  }
  return {
    ...inner,
    x,
    y,
    zx,
    // The residuals are the reduced problem's: equal to p's up to rounding (see above).
    objective: quadraticObjective(p, x),
    ...(mapped ? { certificate: mapped } : {}),
  };
}
