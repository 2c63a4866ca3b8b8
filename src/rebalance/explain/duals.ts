/**
 * Reads the final solve's multipliers as sensitivities. With the solver's convention
 * P x + q = Aᵀy + Cᵀz + zx (docs/solver.md), the optimal objective changes by z_r per unit of
 * a row's active bound and by zx_j per unit of a variable's active bound. So relaxing an active
 * upper row bound (z_r < 0) by one unit improves the objective by −z_r, and lowering an active
 * lower variable bound (zx_j > 0) by one unit improves it by zx_j. Rows and variables are in
 * value / S, so these improvements are currency of objective per currency of limit.
 */
import type { QpResult } from '../../solver/index.js';
import type { Formulation } from '../problem/index.js';

/** |multiplier| below which a constraint is not binding (currency per currency). */
export const DUAL_TOLERANCE = 1e-6;
/** Distance (value / S) within which a row or variable counts as at its bound. */
export const ACTIVE_TOLERANCE = 1e-6;

/** Sensitivities of one solution. */
export interface DualProbe {
  /**
   * Objective improvement per unit (value / S) of raising the upper bound of C row `row`;
   * 0 when the row is absent (−1), not at its upper bound or its multiplier is negligible.
   */
  upperRow(row: number): number;
  /** Objective improvement per unit of lowering variable `j`'s lower bound; 0 when not binding. */
  lowerBound(j: number): number;
}

/** Row activities C x of the solution. */
function rowActivities(form: Formulation, x: Float64Array): Float64Array {
  const C = form.problem.C;
  const out = new Float64Array(C?.nrows ?? 0);
  if (C === undefined) return out;
  for (let j = 0; j < C.ncols; j++) {
    const xj = x[j]!;
    for (let p = C.colPtr[j]!; p < C.colPtr[j + 1]!; p++) out[C.rowIdx[p]!]! += C.values[p]! * xj;
  }
  return out;
}

/**
 * The sensitivities of `result`, solved from `form` (bounds as they stood in that solve).
 *
 * @example
 * const probe = dualProbe(form, solution.result);
 * probe.upperRow(form.gainRows.longTerm); // objective (× S: currency) saved per currency of budget
 */
export function dualProbe(form: Formulation, result: QpResult): DualProbe {
  const activity = rowActivities(form, result.x);
  const { cu, lb } = form.problem;
  return {
    upperRow(row) {
      if (row < 0) return 0;
      const z = result.z[row]!;
      const gap = cu[row]! - activity[row]!;
      return z < -DUAL_TOLERANCE && gap <= ACTIVE_TOLERANCE ? -z : 0;
    },
    lowerBound(j) {
      const zx = result.zx[j]!;
      const gap = result.x[j]! - lb[j]!;
      return zx > DUAL_TOLERANCE && gap <= ACTIVE_TOLERANCE ? zx : 0;
    },
  };
}
