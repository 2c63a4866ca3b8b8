/**
 * The lean path: a standard infeasible-start Mehrotra predictor–corrector on the internal problem
 * itself (τ = 1, κ = 0 fixed; no homogeneous embedding, so no Δτ system, no τ-equation and its
 * second-order term, one right-hand side per solve).
 *
 * It reuses the KKT factorisation, the scaled problem, the starting point (with a lower floor),
 * the residuals and the optimality test of the homogeneous method (ipm.ts), which stays the
 * fallback: the lean path only ever reports `optimal`, and hands over whenever it does not
 * converge within its iteration budget or sees trouble (a non-finite solve or residual, an
 * escalated regularisation, a vanishing step, a run of short steps, a diverging iterate, or an
 * iterate that passes a certificate test — infeasibility and unboundedness are only reported by
 * the homogeneous method). Centrality correctors (an option of the homogeneous method) are not used here.
 */
import { initialPoint, refinementFor, updateBarrier } from './ipm-init.js';
import type { IpmState } from './ipm-state.js';
import type { KktSystem } from './kkt.js';
import { directionRhs, packRows, unpackInto } from './newton.js';
import type { ResolvedQpOptions } from './options.js';
import { computeResiduals, newDots, type ResidualDots } from './residuals.js';
import type { ScaledProblem } from './scaled-problem.js';
import { evaluate, type DataNorms, type Progress } from './termination.js';

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

/** Σ = z/s and the inverse slacks/duals (τ = 1: no Δτ right-hand side, g or hv). */
// prettier-ignore
function leanPrepareKernel(
  N: number, mlo: Float64Array, mhi: Float64Array, sl: Float64Array, zl: Float64Array,
  su: Float64Array, zu: Float64Array, isl: Float64Array, isu: Float64Array, izl: Float64Array,
  izu: Float64Array, sigL: Float64Array, sigU: Float64Array, sig: Float64Array,
): void {
  for (let i = 0; i < N; i++) {
    const il = 1 / sl[i]!;
    const iu = 1 / su[i]!;
    isl[i] = il;
    isu[i] = iu;
    izl[i] = 1 / (zl[i]! + 1 - mlo[i]!);
    izu[i] = 1 / (zu[i]! + 1 - mhi[i]!);
    const a = zl[i]! * il;
    const c = zu[i]! * iu;
    sigL[i] = a;
    sigU[i] = c;
    sig[i] = a + c;
  }
}

/**
 * Completes a direction from Δv (already in dv): the bound duals
 * Δzl = Σl(η rl − Δv) − dl/sl, Δzu = Σu(Δv + η ru) − du/su and the slacks Δs = −(d + s∘Δz)/z.
 * Returns the largest step α ≤ 1 keeping s, z nonnegative.
 */
// prettier-ignore
function leanUpdateKernel(
  N: number, eta: number, dv: Float64Array, izl: Float64Array, izu: Float64Array,
  rl: Float64Array, ru: Float64Array, sigL: Float64Array, sigU: Float64Array, dl: Float64Array,
  du: Float64Array, isl: Float64Array, isu: Float64Array, sl: Float64Array, zl: Float64Array,
  su: Float64Array, zu: Float64Array, dzl: Float64Array, dzu: Float64Array, dsl: Float64Array,
  dsu: Float64Array,
): number {
  let alpha = 1;
  for (let i = 0; i < N; i++) {
    const d = dv[i]!;
    const a = sigL[i]! * (eta * rl[i]! - d) - dl[i]! * isl[i]!;
    const c = sigU[i]! * (d + eta * ru[i]!) - du[i]! * isu[i]!;
    const s1 = -(dl[i]! + sl[i]! * a) * izl[i]!;
    const s2 = -(du[i]! + su[i]! * c) * izu[i]!;
    dzl[i] = a;
    dzu[i] = c;
    dsl[i] = s1;
    dsu[i] = s2;
    if (s1 < 0 && -sl[i]! > alpha * s1) alpha = -sl[i]! / s1;
    if (a < 0 && -zl[i]! > alpha * a) alpha = -zl[i]! / a;
    if (s2 < 0 && -su[i]! > alpha * s2) alpha = -su[i]! / s2;
    if (c < 0 && -zu[i]! > alpha * c) alpha = -zu[i]! / c;
  }
  return alpha;
}

/** One direction for centring weight η; returns its step to the boundary (NaN on failure). */
function leanDirection(
  sp: ScaledProblem,
  kkt: KktSystem,
  st: IpmState,
  eta: number,
  sigmaMu: number,
  w: number,
  refine: number,
): number {
  const { pinv } = kkt.pat.sym;
  directionRhs(sp, st, pinv, eta, sigmaMu, w);
  packRows(sp, st, pinv, st.rv, st.rr, st.kp);
  const ok = kkt.solvePermuted(st.kp, refine);
  // Δv, Δy straight into the direction (the previous Δv is no longer needed: d was formed).
  unpackInto(sp, st, kkt, st.kp, st.dv, st.dy);
  // prettier-ignore
  const alpha = leanUpdateKernel(
    sp.N, eta, st.dv, st.izl, st.izu, st.rl, st.ru, st.sigL, st.sigU, st.dl, st.du, st.isl,
    st.isu, st.sl, st.zl, st.su, st.zu, st.dzl, st.dzu, st.dsl, st.dsu,
  );
  return ok && Number.isFinite(alpha) ? alpha : NaN;
}

function leanStep(st: IpmState, alpha: number): void {
  const { v, y, sl, zl, su, zu, dv, dy, dsl, dzl, dsu, dzu } = st;
  for (let i = 0; i < v.length; i++) {
    v[i]! += alpha * dv[i]!;
    sl[i]! += alpha * dsl[i]!;
    zl[i]! += alpha * dzl[i]!;
    su[i]! += alpha * dsu[i]!;
    zu[i]! += alpha * dzu[i]!;
  }
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
): LeanOutcome {
  const dots: ResidualDots = newDots();
  if (!initialPoint(sp, kkt, st, opts, hasQuadratic, false, LEAN_FLOOR)) return handOver(0);
  st.kappa = 0;
  // Scalars of the embedding that directionRhs reads; kept at their neutral values.
  st.dkappa = 0;
  st.tauCorrection = 0;
  const budget = Math.min(LEAN_BUDGET, opts.maxIterations);
  const { N, mlo, mhi } = sp;
  let size0 = 0;
  let short = 0;
  for (let iter = 0; ; iter++) {
    computeResiduals(sp, st, dots);
    if (!Number.isFinite(dots.mu)) return handOver(iter);
    const verdict = evaluate(sp, st, dots, norms, opts, progress);
    if (verdict === 'optimal') return { optimal: true, iterations: iter };
    if (verdict !== null || iter >= budget) return handOver(iter);
    const size = Math.max(dots.nx, dots.nz, dots.ns);
    if (iter === 0) size0 = Math.max(1, size);
    else if (size > GROWTH * size0) return handOver(iter);
    // prettier-ignore
    leanPrepareKernel(
      N, mlo, mhi, st.sl, st.zl, st.su, st.zu, st.isl, st.isu, st.izl, st.izu, st.sigL, st.sigU,
      st.sig,
    );
    updateBarrier(sp, kkt, st, opts);
    if (kkt.escalated) return handOver(iter + 1);
    const refine = refinementFor(kkt, opts, false);

    // Predictor (affine scaling).
    const alphaAff = leanDirection(sp, kkt, st, 1, 0, 0, refine);
    if (!(alphaAff >= 0)) return handOver(iter + 1);
    const sigma = (1 - alphaAff) ** 3;
    // Corrector: centring plus Mehrotra's second-order term (damped by α_a in iteration 0).
    const w = iter === 0 ? alphaAff : 1;
    const alphaMax = leanDirection(sp, kkt, st, 1 - sigma, sigma * dots.mu, w, refine);
    if (!(alphaMax >= 0)) return handOver(iter + 1);
    const alpha = opts.stepFraction * alphaMax;
    if (!(alpha > 1e-8)) return handOver(iter + 1);
    short = alphaMax < SHORT_STEP ? short + 1 : 0;
    if (short >= SHORT_RUN) return handOver(iter + 1);
    leanStep(st, alpha);
  }
}
