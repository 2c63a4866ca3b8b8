/**
 * A presolve test for infeasibility that needs no iteration: a row whose right-hand side lies
 * outside the values the row can take over the variable bounds alone. With
 *
 *   lo_r = Σ_{a_rj > 0} a_rj·lb_j + Σ_{a_rj < 0} a_rj·ub_j,   hi_r likewise with lb and ub swapped,
 *
 * a C row with lo_r > cu_r (or hi_r < cl_r) and an A row with lo_r > b_r (or hi_r < b_r) cannot
 * hold. The row itself is the Farkas certificate: for lo_r > cu_r take z_r = −1 and zx = a_r, so
 * Cᵀz + zx = 0 and the support is −cu_r + Σ support(a_rj; lb_j, ub_j) = lo_r − cu_r > 0.
 *
 * Why: a household whose gain budget its forced sales already exceed is such a row, and the
 * interior-point method takes ≈ 45 iterations to prove it (the violation is small against the
 * household's value, so the iterate creeps towards the certificate); this test proves it in one
 * pass over the matrix. A violation within tolFeas of the row's scale is not reported: the
 * iteration may accept such a row as satisfied to tolerance.
 */
import type { LoadedProblem } from './scaled-problem.js';
import type { CscMatrix, InfeasibilityCertificate } from './types.js';
import { Slab } from './slab.js';

/** |v| ≥ 1e20 counts as infinite, as everywhere in the solver. */
const bound = (v: number | undefined, inf: number): number =>
  v === undefined || Math.abs(v) >= 1e20 ? inf : v;

/**
 * Per-row sums over one matrix, reused from solve to solve (a solver allocates nothing per solve
 * but its result): the first nrows entries of each array are the current matrix's.
 */
export interface RowActivityWork {
  lo: Float64Array;
  hi: Float64Array;
  /** Σ |a_rj · bound_j| over the finite bounds used: the row's rounding scale. */
  scale: Float64Array;
}

/** Workspace for matrices of at most `rows` rows. */
export function rowActivityWork(rows: number): RowActivityWork {
  const slab = new Slab(24 * rows);
  return { lo: slab.f64(rows), hi: slab.f64(rows), scale: slab.f64(rows) };
}

function activity(
  M: CscMatrix,
  lb: LoadedProblem['lb'],
  ub: LoadedProblem['ub'],
  work: RowActivityWork,
): void {
  const { lo, hi, scale } = work;
  lo.fill(0, 0, M.nrows);
  hi.fill(0, 0, M.nrows);
  scale.fill(0, 0, M.nrows);
  const { colPtr, rowIdx, values, ncols } = M;
  for (let j = 0; j < ncols; j++) {
    const l = bound(lb?.[j], -Infinity);
    const u = bound(ub?.[j], Infinity);
    for (let p = colPtr[j]!, end = colPtr[j + 1]!; p < end; p++) {
      const a = values[p]!;
      if (a === 0) continue;
      const r = rowIdx[p]!;
      const low = a > 0 ? a * l : a * u;
      const high = a > 0 ? a * u : a * l;
      lo[r]! += low;
      hi[r]! += high;
      scale[r]! +=
        (Number.isFinite(low) ? Math.abs(low) : 0) + (Number.isFinite(high) ? Math.abs(high) : 0);
    }
  }
}

/** A row that cannot hold: which, on which side (−1: above its upper bound), by how much. */
interface Violation {
  matrix: 'A' | 'C';
  index: number;
  sign: number;
  amount: number;
  /** amount / tolerance: rows are compared by this. */
  rel: number;
}

/**
 * The row of M violated by most against its tolerance, or null. A rows must equal b; C row r
 * lies in [cl[r], cu[r]] (an absent array or a value of magnitude ≥ 1e20: no bound that side).
 */
function worstRow(
  M: CscMatrix,
  matrix: 'A' | 'C',
  p: LoadedProblem,
  tolFeas: number,
  work: RowActivityWork,
): Violation | null {
  if (M.nrows === 0) return null;
  activity(M, p.lb, p.ub, work);
  const { lo, hi, scale } = work;
  const { b, cl: cls, cu: cus } = p;
  let worst: Violation | null = null;
  for (let r = 0; r < M.nrows; r++) {
    const cl = matrix === 'A' ? b![r]! : cls ? bound(cls[r], -Infinity) : -Infinity;
    const cu = matrix === 'A' ? b![r]! : cus ? bound(cus[r], Infinity) : Infinity;
    const tol =
      tolFeas *
      Math.max(1, scale[r]!, cl > -Infinity ? Math.abs(cl) : 0, cu < Infinity ? Math.abs(cu) : 0);
    // lo sums only finite terms or −∞, hi only finite terms or +∞: no ∞ − ∞ here, and an
    // infinite bound on either side makes its difference −∞ (no claim).
    const over = lo[r]! - cu;
    const under = cl - hi[r]!;
    const amount = over > under ? over : under;
    if (!(amount > tol) || !Number.isFinite(amount)) continue;
    const rel = amount / tol;
    if (worst === null || rel > worst.rel) {
      worst = { matrix, index: r, sign: over >= under ? -1 : 1, amount, rel };
    }
  }
  return worst;
}

/**
 * The certificate of the row violated by most against its tolerance, or null when every row
 * can hold. y, z, zx are normalised to unit ∞-norm. `work` holds at least max(rows of A, rows
 * of C) entries.
 */
export function rowActivityCertificate(
  p: LoadedProblem,
  tolFeas: number,
  work: RowActivityWork,
): InfeasibilityCertificate | null {
  const inA = worstRow(p.A, 'A', p, tolFeas, work);
  const inC = worstRow(p.C, 'C', p, tolFeas, work);
  const worst = inA === null ? inC : inC === null || inA.rel >= inC.rel ? inA : inC;
  if (worst === null) return null;
  const { matrix, index, sign, amount } = worst;
  const M = matrix === 'A' ? p.A : p.C;
  const y = new Float64Array(p.A.nrows);
  const z = new Float64Array(p.C.nrows);
  const zx = new Float64Array(p.n);
  let norm = 1;
  for (let j = 0; j < p.n; j++) {
    for (let q = M.colPtr[j]!, end = M.colPtr[j + 1]!; q < end; q++) {
      if (M.rowIdx[q] !== index) continue;
      zx[j] = -sign * M.values[q]!;
      norm = Math.max(norm, Math.abs(zx[j]!));
    }
  }
  for (let j = 0; j < p.n; j++) zx[j]! /= norm;
  (matrix === 'A' ? y : z)[index] = sign / norm;
  return {
    kind: 'infeasible',
    y,
    z,
    zx,
    support: amount / norm,
    residual: 0,
    rowActivity: { matrix, index },
  };
}
