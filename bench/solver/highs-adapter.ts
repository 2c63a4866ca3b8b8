/**
 * Runs a Tailor QpProblem through npm `highs` (HiGHS compiled to WebAssembly) via its persistent
 * model API with CSC input, so only `model.run()` is timed (no LP-text parsing).
 */
import * as highsModule from 'highs';
import type { Highs } from 'highs';
import type { CscMatrix, QpProblem } from '../../src/solver/index.js';

export interface HighsRun {
  readonly optimal: boolean;
  readonly status: string;
  readonly x: Float64Array;
  readonly ms: number;
}

// `highs` ships CommonJS-style typings but an ESM build whose default export is the loader.
const loadHighs = (highsModule as unknown as { default: () => Promise<Highs> }).default;
let instance: Highs | undefined;

export async function highsInstance(): Promise<Highs> {
  instance ??= await loadHighs();
  return instance;
}

/** Lower triangle (CSC) of a symmetric matrix given by its upper triangle (CSC) = transpose. */
function transpose(m: CscMatrix): {
  starts: Int32Array;
  indices: Int32Array;
  values: Float64Array;
} {
  const nz = m.colPtr[m.ncols]!;
  const starts = new Int32Array(m.nrows + 1);
  for (let p = 0; p < nz; p++) starts[m.rowIdx[p]! + 1]!++;
  for (let i = 0; i < m.nrows; i++) starts[i + 1]! += starts[i]!;
  const next = starts.slice(0, m.nrows);
  const indices = new Int32Array(nz);
  const values = new Float64Array(nz);
  for (let j = 0; j < m.ncols; j++) {
    for (let p = m.colPtr[j]!; p < m.colPtr[j + 1]!; p++) {
      const slot = next[m.rowIdx[p]!]!++;
      indices[slot] = j;
      values[slot] = m.values[p]!;
    }
  }
  return { starts, indices, values };
}

/** Stacks A (equality) and C (ranged) into HiGHS's row form  rowLower ≤ [A; C] x ≤ rowUpper. */
function stackRows(p: QpProblem) {
  const me = p.A?.nrows ?? 0;
  const mi = p.C?.nrows ?? 0;
  const starts = new Int32Array(p.n + 1);
  const indices: number[] = [];
  const values: number[] = [];
  for (let j = 0; j < p.n; j++) {
    for (const [M, off] of [
      [p.A, 0],
      [p.C, me],
    ] as const) {
      if (!M) continue;
      for (let k = M.colPtr[j]!; k < M.colPtr[j + 1]!; k++) {
        indices.push(off + M.rowIdx[k]!);
        values.push(M.values[k]!);
      }
    }
    starts[j + 1] = indices.length;
  }
  const rowLower = new Float64Array(me + mi);
  const rowUpper = new Float64Array(me + mi);
  for (let r = 0; r < me; r++) rowLower[r] = rowUpper[r] = p.b![r]!;
  for (let r = 0; r < mi; r++) {
    rowLower[me + r] = p.cl?.[r] ?? -Infinity;
    rowUpper[me + r] = p.cu?.[r] ?? Infinity;
  }
  return {
    m: me + mi,
    starts,
    indices: Int32Array.from(indices),
    values: Float64Array.from(values),
    rowLower,
    rowUpper,
  };
}

/**
 * HiGHS's `user_bound_scale` exponent for rebalance QPs: bounds and row sides ×2¹⁰ inside HiGHS.
 *
 * Why: the variables are portfolio weights, so bounds and row sides are 1e-6 to 1e-2, which
 * HiGHS warns are "excessively small" (its docs ask for order-unity bounds). Unscaled, its
 * active-set QP method stops with "QP solver claims optimality, but with … primal
 * infeasibilities" (model status: solve error) on every 500-security instance of bench:solver
 * and on the 500-stock household of bench:rebalance. With ×2¹⁰ it solves all 50 instances of
 * each bench:solver size to a feasible optimum. The answer comes back in the model's own units.
 */
export const HIGHS_BOUND_SCALE = 10;

/** p as a HiGHS model (the caller disposes it): rows [A; C], the Hessian's lower triangle. */
function highsModel(highs: Highs, p: QpProblem) {
  const rows = stackRows(p);
  const hasP = p.P !== undefined && p.P.colPtr[p.n]! > 0;
  const hess = hasP ? transpose(p.P!) : undefined;
  return highs.createModel({
    numCols: p.n,
    numRows: rows.m,
    colCost: p.q,
    colLower: p.lb ?? new Float64Array(p.n).fill(-Infinity),
    colUpper: p.ub ?? new Float64Array(p.n).fill(Infinity),
    rowLower: rows.rowLower,
    rowUpper: rows.rowUpper,
    matrix: {
      format: 'csc',
      numRows: rows.m,
      numCols: p.n,
      starts: rows.starts,
      indices: rows.indices,
      values: rows.values,
    },
    ...(hess ? { hessian: { format: 'triangular' as const, dimension: p.n, ...hess } } : {}),
  });
}

/**
 * p as a free-format MPS file (HiGHS's writer; a QP's Hessian in a QUADOBJ section), for solvers
 * outside this repository (OSQP, Clarabel, Gurobi and others read it) to be run on the same
 * instances. The model as posed: no bound scaling.
 */
export function mpsOf(highs: Highs, p: QpProblem): Uint8Array {
  const model = highsModel(highs, p);
  try {
    return model.exportModel('mps');
  } finally {
    model.dispose();
  }
}

/**
 * Builds a HiGHS model for p, times model.run(), and disposes the model. `boundScale` is the
 * `user_bound_scale` exponent (default {@link HIGHS_BOUND_SCALE}; 0 is HiGHS's own default).
 */
export function runHighs(highs: Highs, p: QpProblem, boundScale = HIGHS_BOUND_SCALE): HighsRun {
  const model = highsModel(highs, p);
  try {
    // A stalled HiGHS run counts as a failure after 20 s instead of hanging the benchmark.
    model.options.set({ output_flag: false, time_limit: 20, user_bound_scale: boundScale });
    const t0 = performance.now();
    let threw = false;
    try {
      model.run();
    } catch {
      // HiGHS reports solver errors (e.g. "QP solver claims optimality, but with primal
      // infeasibilities") by throwing from run(); that is a failed solve.
      threw = true;
    }
    const ms = performance.now() - t0;
    if (threw) return { optimal: false, status: 'error', x: new Float64Array(p.n), ms };
    const code = model.getModelStatus();
    const optimal = code === highs.constants.modelStatus.optimal;
    const x = optimal ? Float64Array.from(model.getSolution().colValue) : new Float64Array(p.n);
    return { optimal, status: String(code), x, ms };
  } finally {
    model.dispose();
  }
}
