/**
 * The lean path: a standard infeasible-start Mehrotra predictor–corrector on the internal problem
 * itself (τ = 1, κ = 0 fixed; no homogeneous embedding, so no Δτ system, no τ-equation and its
 * second-order term, one right-hand side per solve).
 *
 * It reuses the KKT factorisation, the scaled problem, the starting point (with a lower floor),
 * the residuals and the optimality test of the homogeneous method (ipm.ts), which stays the
 * fallback: the lean path only ever reports `optimal`, and hands over whenever it does not
 * converge within its iteration budget or sees trouble (a non-finite solve or residual, an
 * escalated regularisation, a vanishing step, a run of short steps, long steps that leave a
 * residual in place, a diverging iterate, or an iterate that passes a certificate test —
 * infeasibility and unboundedness are only reported by the homogeneous method). Centrality
 * correctors (an option of the homogeneous method) are not used here.
 */
import { initialPoint, refinementFor, updateBarrier } from './ipm-init.js';
import { affineStep, correctorRhs, predictorRhs, stepAndPrepare } from './ipm-lean-kernels.js';
import type { IpmState } from './ipm-state.js';
import type { KktSystem } from './kkt.js';
import { packRows, unpackInto, updateDirection } from './newton.js';
import type { ResolvedQpOptions } from './options.js';
import { computeResiduals, newDots, type ResidualDots } from './residuals.js';
import type { ScaledProblem } from './scaled-problem.js';
import { evaluate, type DataNorms, type Progress } from './termination.js';
import type { QpStart } from './types.js';
import { warmPoint } from './warm-start.js';

export interface LeanOutcome {
  optimal: boolean;
  iterations: number;
}

const handOver = (iterations: number): LeanOutcome => ({ optimal: false, iterations });

/** Iteration budget of the lean path (rebalance problems take 9–15). */
export const LEAN_BUDGET = 30;

/**
 * Floor of the initial slacks and duals (the homogeneous method uses 1). Without τ to rescale
 * the iterate, a start far from the solution's scale costs the lean path iterations: with 1,
 * rebalance problems (weights of ~1/N) took ≈ 3 more iterations than the homogeneous method;
 * with 0.01 they take about as many.
 */
const LEAN_FLOOR = 0.01;

/**
 * Hand over once the iterate (max of ‖x‖∞, ‖s‖∞, ‖z‖∞, unscaled) has grown this much beyond
 * max(1, its starting size): infeasible and unbounded problems diverge, and only the
 * homogeneous method turns that into a certificate.
 */
const GROWTH = 1e3;

/**
 * Hand over after SHORT_RUN consecutive steps shorter than SHORT_STEP: near an infeasible
 * problem's limit the lean iteration stalls with μ almost constant (no converging run of the
 * rebalance benchmark family triggers this).
 */
const SHORT_STEP = 0.25;
const SHORT_RUN = 2;

/**
 * Hand over after STALL_RUN consecutive long steps (α ≥ STALL_STEP of the way to the boundary)
 * after which a residual above tolFeas did not fall below STALL_RATIO of itself. A Newton step
 * of length α scales the linear residuals by 1 − α, so only an inconsistent system keeps them:
 * on an infeasible problem μ then collapses (to 1e-44 in one random case) while the primal
 * residual stays put until the iterate is large enough to pass the certificate test.
 */
const STALL_STEP = 0.9;
const STALL_RATIO = 0.5;
const STALL_RUN = 2;

/** A residual above `tol` that a long step left at more than STALL_RATIO of its size. */
function kept(now: number, before: number, tol: number): boolean {
  return now > tol && now > STALL_RATIO * before;
}

/** Solves the reduced system for the x part already in st.kp and rows −η·ry, into (outV, outY). */
function leanSolve(
  sp: ScaledProblem,
  kkt: KktSystem,
  st: IpmState,
  eta: number,
  refine: number,
  outV: Float64Array,
  outY: Float64Array,
): boolean {
  const { pinv } = kkt.pat.sym;
  const { rr, ry } = st;
  for (let r = 0; r < sp.m; r++) rr[r] = -eta * ry[r]!;
  packRows(sp, st, pinv, st.rv, st.rr, st.kp);
  const ok = kkt.solvePermuted(st.kp, refine);
  unpackInto(sp, st, kkt, st.kp, outV, outY);
  return ok;
}

/**
 * The predictor (affine scaling): its Δv, Δy go to st.v2, st.y2 (unused by the lean path
 * otherwise). Returns its step to the boundary (NaN on failure).
 */
function leanPredictor(sp: ScaledProblem, kkt: KktSystem, st: IpmState, refine: number): number {
  const { pinv } = kkt.pat.sym;
  predictorRhs(sp, st, pinv);
  const ok = leanSolve(sp, kkt, st, 1, refine, st.v2, st.y2);
  const alpha = affineStep(sp, st, st.v2);
  return ok && Number.isFinite(alpha) ? alpha : NaN;
}

/**
 * The corrector for centring weight η = 1 − σ, target σμ and second-order weight w; the
 * direction goes to st.dv, st.dy, st.dsl, … Returns its step to the boundary (NaN on failure).
 */
function leanCorrector(
  sp: ScaledProblem,
  kkt: KktSystem,
  st: IpmState,
  eta: number,
  sigmaMu: number,
  w: number,
  refine: number,
): number {
  const { pinv } = kkt.pat.sym;
  correctorRhs(sp, st, pinv, eta, sigmaMu, w, st.v2);
  const ok = leanSolve(sp, kkt, st, eta, refine, st.dv, st.dy);
  // The homogeneous method's update with Δτ = 0 (Δv = v₂ = st.dv): Δz and Δs from Δv.
  const alpha = updateDirection(sp, st, 0, eta, st.dv, st.dv);
  return ok && Number.isFinite(alpha) ? alpha : NaN;
}

function leanStep(sp: ScaledProblem, st: IpmState, alpha: number): void {
  stepAndPrepare(sp, st, alpha);
  const { y, dy } = st;
  for (let r = 0; r < y.length; r++) y[r]! += alpha * dy[r]!;
}

/**
 * Runs the lean path. `optimal`: the iterate in `st` (τ = 1, κ = 0) passed the same test as the
 * homogeneous method's; otherwise hand over to the homogeneous method.
 */
export function runLeanIpm(
  sp: ScaledProblem,
  kkt: KktSystem,
  st: IpmState,
  opts: ResolvedQpOptions,
  norms: DataNorms,
  progress: Progress,
  hasQuadratic: boolean,
  start?: QpStart,
): LeanOutcome {
  const dots: ResidualDots = newDots();
  if (start) warmPoint(sp, st, start, norms, dots);
  else if (!initialPoint(sp, kkt, st, opts, hasQuadratic, false, LEAN_FLOOR)) return handOver(0);
  st.kappa = 0;
  // Σ and inverses at the start: a step of 0 (both starts zero the direction arrays).
  stepAndPrepare(sp, st, 0);
  const budget = Math.min(LEAN_BUDGET, opts.maxIterations);
  let size0 = 0;
  let short = 0;
  let stalled = 0;
  let longStep = false;
  let primal = Infinity;
  let dual = Infinity;
  for (let iter = 0; ; iter++) {
    computeResiduals(sp, st, dots);
    if (!Number.isFinite(dots.mu)) return handOver(iter);
    const verdict = evaluate(sp, st, dots, norms, opts, progress);
    if (verdict === 'optimal') return { optimal: true, iterations: iter };
    if (verdict !== null || iter >= budget) return handOver(iter);
    const stuck =
      longStep &&
      (kept(progress.resPrimal, primal, opts.tolFeas) ||
        kept(progress.resDual, dual, opts.tolFeas));
    stalled = stuck ? stalled + 1 : 0;
    if (stalled >= STALL_RUN) return handOver(iter);
    primal = progress.resPrimal;
    dual = progress.resDual;
    const size = Math.max(dots.nx, dots.nz, dots.ns);
    if (iter === 0) size0 = Math.max(1, size);
    else if (size > GROWTH * size0) return handOver(iter);
    updateBarrier(sp, kkt, st, opts);
    if (kkt.escalated) return handOver(iter + 1);
    const refine = refinementFor(kkt, opts, false);

    // Predictor (affine scaling).
    const alphaAff = leanPredictor(sp, kkt, st, refine);
    if (!(alphaAff >= 0)) return handOver(iter + 1);
    const sigma = (1 - alphaAff) ** 3;
    // Corrector: centring plus Mehrotra's second-order term (damped by α_a in iteration 0).
    const w = iter === 0 ? alphaAff : 1;
    const alphaMax = leanCorrector(sp, kkt, st, 1 - sigma, sigma * dots.mu, w, refine);
    if (!(alphaMax >= 0)) return handOver(iter + 1);
    const alpha = opts.stepFraction * alphaMax;
    if (!(alpha > 1e-8)) return handOver(iter + 1);
    short = alphaMax < SHORT_STEP ? short + 1 : 0;
    longStep = alphaMax >= STALL_STEP;
    if (short >= SHORT_RUN) return handOver(iter + 1);
    leanStep(sp, st, alpha);
  }
}
