/**
 * Termination tests (Clarabel conventions), on unscaled quantities of the de-homogenised iterate
 * x = D v/τ, y = E y/(cτ):
 *   optimal:   κ/τ ≤ 1,  ‖r_p‖∞ ≤ tolFeas·max(1, ‖b‖ + ‖x‖ + ‖s‖),
 *              ‖r_d‖∞ ≤ tolFeas·max(1, ‖q‖ + ‖x‖ + ‖z‖),
 *              |pobj − dobj| ≤ tolGapAbs  or  ≤ tolGapRel·max(1, min(|pobj|, |dobj|)).
 *   infeasible: support −b_cᵀz > 0 and ‖J̃ᵀy − zl + zu‖∞ ≤ tolInfeas·(−b_cᵀz).
 *   unbounded:  descent −q̃ᵀv > 0, curvature vᵀP̃v ≤ tolInfeas·(−q̃ᵀv)·‖v‖∞, and ‖J̃v‖∞ and
 *               bound-recession violations ≤ tolInfeas·(−q̃ᵀv).
 * The certificate tests are homogeneous in the iterate and run in the equilibrated space.
 */
import type { IpmState } from './ipm-state.js';
import type { ResolvedQpOptions } from './options.js';
import type { ResidualDots } from './residuals.js';
import type { ScaledProblem } from './scaled-problem.js';

export interface Progress {
  resPrimal: number;
  resDual: number;
  gapAbs: number;
  pobj: number;
  dobj: number;
  /** max(resPrimal, resDual, relative gap) when κ/τ ≤ 1, else Infinity. */
  merit: number;
}

export type Verdict = 'optimal' | 'infeasible' | 'unbounded' | null;

/** Norms of the unscaled data, computed once per solve. */
export interface DataNorms {
  b: number;
  q: number;
}

export function evaluate(
  sp: ScaledProblem,
  st: IpmState,
  dots: ResidualDots,
  norms: DataNorms,
  opts: ResolvedQpOptions,
  out: Progress,
): Verdict {
  const { c } = sp.scaling;
  const it = 1 / st.tau;
  // Unscaled ∞-norms gathered by computeResiduals in its passes.
  const { rp, rd, nx, ns, nz } = dots;
  const half = (0.5 * dots.vPv * it * it) / c;
  out.pobj = (dots.qv * it) / c + half + sp.offset;
  out.dobj = (-dots.bz * it) / c - half + sp.offset;
  out.gapAbs = Math.abs(out.pobj - out.dobj);
  out.resPrimal = (rp * it) / Math.max(1, norms.b + (nx + ns) * it);
  out.resDual = (rd * it) / c / Math.max(1, norms.q + nx * it + (nz * it) / c);
  out.merit = Infinity;
  if (st.kappa * it <= 1) {
    const gapRel = out.gapAbs / Math.max(1, Math.min(Math.abs(out.pobj), Math.abs(out.dobj)));
    out.merit = Math.max(out.resPrimal, out.resDual, Math.min(gapRel, out.gapAbs));
    const gapOk = out.gapAbs < opts.tolGapAbs || gapRel < opts.tolGapRel;
    if (gapOk && out.resPrimal < opts.tolFeas && out.resDual < opts.tolFeas) return 'optimal';
  }
  // The certificate tests are proofs up to tolerance whatever κ/τ is, so they run every
  // iteration (they exit at the first violated entry). A rank-deficient, inconsistent equality
  // system yields a certificate already at the starting point.
  if (isPrimalInfeasible(sp, st, dots, opts.tolInfeas)) return 'infeasible';
  if (isDualInfeasible(sp, st, dots, opts.tolInfeas)) return 'unbounded';
  return null;
}

/**
 * Last-chance test when the iteration stalls (numerical trouble or the iteration limit): the
 * certificate tests at tolInfeas × REDUCED_FACTOR. Near the end of an infeasible run the
 * iterate's ray is clear but conditions such as J̃v ≈ b̃τ only fall with τ, which can stall
 * around 1e-7 (Clarabel's "almost infeasible" statuses serve the same purpose).
 */
export function evaluateReduced(
  sp: ScaledProblem,
  st: IpmState,
  dots: ResidualDots,
  opts: ResolvedQpOptions,
): Verdict {
  const tol = opts.tolInfeas * REDUCED_FACTOR;
  if (isPrimalInfeasible(sp, st, dots, tol)) return 'infeasible';
  if (isDualInfeasible(sp, st, dots, tol)) return 'unbounded';
  return null;
}

const REDUCED_FACTOR = 1e3;

/** Relative size below which a certificate's support or descent counts as cancellation noise. */
const CANCELLATION = 1e-11;

function isPrimalInfeasible(
  sp: ScaledProblem,
  st: IpmState,
  dots: ResidualDots,
  tol: number,
): boolean {
  const support = -dots.bz;
  // A support that is rounding noise of its own terms proves nothing: with redundant but
  // consistent rows, a y in the null space of J̃ᵀ has J̃ᵀy = 0 and b_cᵀz = 0 up to round-off.
  if (!(support > CANCELLATION * dots.bzAbs)) return false;
  const { n, N, q } = sp;
  const { rx, Pv, tau } = st;
  const limit = tol * support;
  for (let i = 0; i < N; i++) {
    // J̃ᵀy − zl + zu = rx − P̃v − q̃τ (zero for pinned entries).
    const a = rx[i]! - (i < n ? Pv[i]! + q[i]! * tau : 0);
    if (!(Math.abs(a) <= limit)) return false;
  }
  return true;
}

function isDualInfeasible(
  sp: ScaledProblem,
  st: IpmState,
  dots: ResidualDots,
  tol: number,
): boolean {
  const descent = -dots.qv;
  if (!(descent > CANCELLATION * dots.qvAbs)) return false;
  const { N, m, b, mlo, mhi } = sp;
  const { v, ry, tau } = st;
  const limit = tol * descent;
  // Curvature vᵀP̃v (not ‖P̃v‖, which only decays like √τ in the embedding) must be small
  // against descent·‖v‖∞; the other conditions are homogeneous of degree one.
  let vmax = 0;
  for (let i = 0; i < N; i++) vmax = Math.max(vmax, Math.abs(v[i]!));
  if (!(dots.vPv <= limit * vmax)) return false;
  // J̃v = ry + b̃τ (zero for free rows).
  for (let r = 0; r < m; r++) if (!(Math.abs(ry[r]! + b[r]! * tau) <= limit)) return false;
  // Recession cone of the bounds: v ≥ 0 where a lower bound exists, v ≤ 0 where an upper one.
  for (let i = 0; i < N; i++)
    if (!(mlo[i]! * -v[i]! <= limit && mhi[i]! * v[i]! <= limit)) return false;
  return true;
}
