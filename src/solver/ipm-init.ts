/**
 * Barrier weights and the starting point.
 *
 * Start (Clarabel's symmetric-cone initialisation): with unit barrier weights Σl = Σu = 1 solve
 *   QP:  K [v; y] = [−q̃ + lo + hi; b̃]  and take bound duals z = −s from the same solve
 *        (zl = lo − v, zu = v − hi, sl = v − lo, su = hi − v);
 *   LP:  the primal from K [v; ·] = [lo + hi; b̃] and the duals from K [v'; y] = [−q̃; 0]
 *        (zl = −v', zu = v').
 * Then slacks and duals are each shifted into the interior by one common amount so that the
 * smallest is at least max(floor, 0.1·Σ(positive entries)/ν), floor = 1 (the lean path of
 * ipm-lean.ts passes a smaller one). τ = κ = 1. Absent bounds get the
 * neutral entries s = 1, z = 0.
 */
import type { IpmState } from './ipm-state.js';
import type { KktSystem } from './kkt.js';
import { solveNewton } from './newton.js';
import type { ResolvedQpOptions } from './options.js';
import { PINNED, ROW_EQUALITY, ROW_RANGED, type ScaledProblem } from './scaled-problem.js';

/**
 * Refinement steps for the next solves: refinement costs a KKT product per solve and is only
 * needed when pivots were perturbed or the regularisation raised (dynamic regularisation), or in
 * robust mode (the retry after a failed fast attempt).
 */
export function refinementFor(kkt: KktSystem, opts: ResolvedQpOptions, robust: boolean): number {
  return robust || kkt.escalated || kkt.factor.regularizedPivots > 0 ? opts.refinementSteps : 0;
}

/** The KKT diagonal h from Σ = st.sig, and a refactorisation. */
export function updateBarrier(
  sp: ScaledProblem,
  kkt: KktSystem,
  st: IpmState,
  opts: ResolvedQpOptions,
): void {
  const { n, me, mi, rowKind, flags } = sp;
  const { sig } = st;
  const h = kkt.h;
  // Pinned x keep an identity row (their Newton step is zero).
  for (let j = 0; j < n; j++) h[j] = flags[j] === PINNED ? 1 : sig[j]!;
  for (let r = 0; r < me; r++) h[n + r] = 0;
  for (let r = 0; r < mi; r++) {
    const kind = rowKind[r]!;
    h[n + me + r] = kind === ROW_RANGED ? -1 / sig[n + r]! : kind === ROW_EQUALITY ? 0 : -1;
  }
  kkt.refactor(
    opts.staticRegularization,
    opts.dynamicRegularizationEps,
    opts.dynamicRegularization,
  );
}

/** Shifts the present entries of (a, b) by one common amount so that min ≥ max(floor, …). */
function shiftInterior(sp: ScaledProblem, a: Float64Array, b: Float64Array, floor = 1): void {
  const { N, mlo, mhi, nu } = sp;
  if (nu === 0) return;
  let minMargin = Infinity;
  let posMargin = 0;
  for (let i = 0; i < N; i++) {
    if (mlo[i]) {
      minMargin = Math.min(minMargin, a[i]!);
      posMargin += Math.max(0, a[i]!);
    }
    if (mhi[i]) {
      minMargin = Math.min(minMargin, b[i]!);
      posMargin += Math.max(0, b[i]!);
    }
  }
  const target = Math.max(floor, (0.1 * posMargin) / nu);
  let shift = 0;
  if (minMargin <= 0) shift = -minMargin + target;
  else if (minMargin < target) shift = target - minMargin;
  for (let i = 0; i < N; i++) {
    a[i]! += mlo[i]! * shift;
    b[i]! += mhi[i]! * shift;
  }
}

/** Computes the starting point. Returns false if the initial KKT solve is not finite. */
export function initialPoint(
  sp: ScaledProblem,
  kkt: KktSystem,
  st: IpmState,
  opts: ResolvedQpOptions,
  hasQuadratic: boolean,
  robust: boolean,
  floor = 1,
): boolean {
  const { n, N, m, q, b, mlo, mhi, loB, hiB } = sp;
  const { v, y, sl, zl, su, zu, sig, rv, rr, tmpN } = st;
  for (let i = 0; i < N; i++) {
    sig[i] = mlo[i]! + mhi[i]!;
    rv[i] = (hasQuadratic && i < n ? -q[i]! : 0) + loB[i]! + hiB[i]!;
  }
  updateBarrier(sp, kkt, st, opts);
  for (let r = 0; r < m; r++) rr[r] = b[r]!;
  const refine = refinementFor(kkt, opts, robust);
  let ok = solveNewton(sp, kkt, st, rv, rr, v, y, refine);
  if (!hasQuadratic) {
    for (let i = 0; i < N; i++) rv[i] = i < n ? -q[i]! : 0;
    rr.fill(0);
    ok = solveNewton(sp, kkt, st, rv, rr, tmpN, y, refine) && ok;
  }
  // QP: z = −s from one solve; LP: z from the dual solve (tmpN). Absent bounds: s = 1, z = 0.
  for (let i = 0; i < N; i++) {
    const l = mlo[i]!;
    const u = mhi[i]!;
    sl[i] = l ? v[i]! - loB[i]! : 1;
    su[i] = u ? hiB[i]! - v[i]! : 1;
    zl[i] = l ? (hasQuadratic ? -sl[i]! : -tmpN[i]!) : 0;
    zu[i] = u ? (hasQuadratic ? -su[i]! : tmpN[i]!) : 0;
  }
  shiftInterior(sp, sl, su, floor);
  shiftInterior(sp, zl, zu, floor);
  st.tau = 1;
  st.kappa = 1;
  st.clearDirection();
  return ok;
}
