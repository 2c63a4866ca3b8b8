/**
 * Presolve, per solve, forward: the reduced problem's values from the caller's problem (see
 * presolve-plan.ts). For each substituted x_j defined by row r (u_i = a_ri/a_rj, c₀ = b_r/a_rj):
 *   P̂ = P_kept + Σ P_jj u uᵀ,   q̂ = q_kept − Σ (P_jj c₀ + q_j) u,   rows and bounds kept.
 * presolve-expand.ts maps the answer back.
 */
import type { PresolvePlan } from './presolve-plan.js';
import type { CscMatrix, QpProblem, QpStart } from './types.js';

/**
 * Smallest |a_rj| relative to the row's largest other entry for which x_j is substituted (the
 * threshold of threshold pivoting): a smaller pivot would put entries ~1/a_rj² into P̂.
 */
const PIVOT_THRESHOLD = 0.01;

/** Buffers for one pattern's reduced values. */
export class PresolveWork {
  readonly P: CscMatrix;
  readonly A: CscMatrix;
  readonly q: Float64Array;
  readonly b: Float64Array;
  readonly lb: Float64Array;
  readonly ub: Float64Array;
  /** Room for the largest component's scaled rows (addCurvature). */
  readonly V: Float64Array;

  constructor(readonly plan: PresolvePlan) {
    const { reduced } = plan;
    this.P = { ...reduced.P, values: new Float64Array(reduced.P.values.length) };
    this.A = { ...reduced.A, values: new Float64Array(reduced.A.values.length) };
    this.q = new Float64Array(reduced.n);
    this.b = new Float64Array(reduced.A.nrows);
    this.lb = new Float64Array(reduced.n);
    this.ub = new Float64Array(reduced.n);
    let room = 0;
    for (let c = 0; c < plan.compWidth.length; c++) {
      room = Math.max(room, plan.compWidth[c]! * (plan.compRowPtr[c + 1]! - plan.compRowPtr[c]!));
    }
    this.V = new Float64Array(room);
  }
}

/** P_jj of substituted variable t (0 when P has no such entry). */
export function curvature(plan: PresolvePlan, P: CscMatrix, t: number): number {
  const e = plan.elimDiag[t]!;
  return e >= 0 ? P.values[e]! : 0;
}

/**
 * The reduced problem of `p` (a validated problem with the plan's full pattern), written into
 * `work`; null when p's values rule the substitution out: a finite bound on a substituted
 * variable, negative curvature, or a pivot below PIVOT_THRESHOLD.
 */
export function reduceProblem(work: PresolveWork, p: QpProblem): QpProblem | null {
  const { plan } = work;
  const { full, reduced, keptCols, keptRows, elimCol, elimRow, elimEntry } = plan;
  const { otherPtr, otherCol, otherEntry } = plan;
  const P = p.P ?? full.P;
  const A = p.A ?? full.A;
  const b = p.b!;
  for (let t = 0; t < elimCol.length; t++) {
    const j = elimCol[t]!;
    if (
      (p.lb !== undefined && p.lb[j] !== -Infinity) ||
      (p.ub !== undefined && p.ub[j] !== Infinity)
    )
      return null;
    if (!(curvature(plan, P, t) >= 0)) return null;
    let largest = 0;
    for (let k = otherPtr[t]!; k < otherPtr[t + 1]!; k++)
      largest = Math.max(largest, Math.abs(A.values[otherEntry[k]!]!));
    const pivot = Math.abs(A.values[elimEntry[t]!]!);
    if (!(pivot > 0 && pivot >= PIVOT_THRESHOLD * largest)) return null;
  }
  const pv = work.P.values;
  pv.fill(0);
  const pFromFull = plan.pFromFull;
  for (let e = 0; e < pFromFull.length; e++) {
    const k = pFromFull[e]!;
    if (k >= 0) pv[k]! += P.values[e]!;
  }
  const av = work.A.values;
  const aFromFull = plan.aFromFull;
  for (let e = 0; e < aFromFull.length; e++) {
    const k = aFromFull[e]!;
    if (k >= 0) av[k] = A.values[e]!;
  }
  const { q, lb, ub } = work;
  for (let c = 0; c < keptCols.length; c++) {
    const j = keptCols[c]!;
    q[c] = p.q[j]!;
    lb[c] = p.lb?.[j] ?? -Infinity;
    ub[c] = p.ub?.[j] ?? Infinity;
  }
  for (let r = 0; r < keptRows.length; r++) work.b[r] = b[keptRows[r]!]!;
  for (let t = 0; t < elimCol.length; t++) {
    const a = A.values[elimEntry[t]!]!;
    const shift = (curvature(plan, P, t) * b[elimRow[t]!]!) / a + p.q[elimCol[t]!]!;
    for (let k = otherPtr[t]!; k < otherPtr[t + 1]!; k++) {
      q[otherCol[k]!]! -= (shift * A.values[otherEntry[k]!]!) / a;
    }
  }
  addCurvature(work, P, A);
  const C = p.C ?? full.C;
  return {
    n: reduced.n,
    P: work.P,
    q,
    A: work.A,
    b: work.b,
    C: { ...reduced.C, values: C.values },
    ...(p.cl ? { cl: p.cl } : {}),
    ...(p.cu ? { cu: p.cu } : {}),
    lb,
    ub,
  };
}

/**
 * P̂ += Σ_t P_jj u_t u_tᵀ, component by component: with V the |U| × R matrix of the scaled rows
 * v_t = √P_jj · u_t (slot-major, so each slot's R entries are contiguous), the component adds
 * VVᵀ, one contiguous dot product per pair of its columns.
 */
function addCurvature(work: PresolveWork, P: CscMatrix, A: CscMatrix): void {
  const { plan, V } = work;
  const { compRowPtr, compRows, compWidth, compPairPtr, pairEntry } = plan;
  const { otherPtr, otherEntry, otherSlot, elimEntry } = plan;
  const pv = work.P.values;
  for (let c = 0; c < compWidth.length; c++) {
    const width = compWidth[c]!;
    const r0 = compRowPtr[c]!;
    const R = compRowPtr[c + 1]! - r0;
    V.fill(0, 0, width * R);
    for (let i = 0; i < R; i++) {
      const t = compRows[r0 + i]!;
      const scale = Math.sqrt(curvature(plan, P, t)) / A.values[elimEntry[t]!]!;
      for (let k = otherPtr[t]!; k < otherPtr[t + 1]!; k++) {
        V[otherSlot[k]! * R + i] = scale * A.values[otherEntry[k]!]!;
      }
    }
    let e = compPairPtr[c]!;
    for (let bs = 0; bs < width; bs++) {
      const vb = bs * R;
      for (let as = 0; as <= bs; as++) {
        const va = as * R;
        let dot = 0;
        for (let i = 0; i < R; i++) dot += V[va + i]! * V[vb + i]!;
        pv[pairEntry[e++]!]! += dot;
      }
    }
  }
}

/** A warm start for the reduced problem: the kept variables' and rows' entries. */
export function reduceStart(plan: PresolvePlan, start: QpStart): QpStart {
  return {
    x: gather(plan.keptCols, start.x),
    y: gather(plan.keptRows, start.y),
    z: start.z,
    zx: gather(plan.keptCols, start.zx),
  };
}

/** v at the kept indices. */
function gather(kept: Int32Array, v: Float64Array): Float64Array {
  const out = new Float64Array(kept.length);
  for (let i = 0; i < kept.length; i++) out[i] = v[kept[i]!]!;
  return out;
}
