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
import type { QpStart } from './types.js';
import { WARM_FLOOR, warmPoint } from './warm-start.js';
import { initialPoint, refinementFor, updateBarrier } from './ipm-init.js';
import type { IpmState } from './ipm-state.js';
import type { KktSystem } from './kkt.js';
import { packRows, toBoundary, unpackInto, updateKernel } from './newton.js';
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

/**
 * Right-hand side of the predictor (η = 1, σμ = 0, w = 0): then d = s∘z and d/s = z (z = 0
 * where a bound is absent), so ρv = Σl rl − Σu ru − rx − zl + zu. The x part goes straight into
 * the permuted KKT vector, the slack part (ranged rows) into rv for packRows.
 */
// prettier-ignore
function predictorRhsKernel(
  n: number, N: number, pinv: Int32Array, sigL: Float64Array, rl: Float64Array,
  sigU: Float64Array, ru: Float64Array, rx: Float64Array, zl: Float64Array, zu: Float64Array,
  rv: Float64Array, kp: Float64Array,
): void {
  for (let i = 0; i < n; i++) {
    kp[pinv[i]!] = sigL[i]! * rl[i]! - sigU[i]! * ru[i]! - rx[i]! - zl[i]! + zu[i]!;
  }
  for (let i = n; i < N; i++) {
    rv[i] = sigL[i]! * rl[i]! - sigU[i]! * ru[i]! - rx[i]! - zl[i]! + zu[i]!;
  }
}

/**
 * The predictor's step to the boundary from its Δv (dva) alone: with η = 1, w = 0 the bound
 * duals and slacks are Δzl = Σl(rl − Δv) − zl, Δsl = −sl(zl + Δzl)/zl and
 * Δzu = Σu(Δv + ru) − zu, Δsu = −su(zu + Δzu)/zu, recomputed here and again by the corrector
 * rather than stored (fewer array passes).
 */
// prettier-ignore
function affineStepKernel(
  N: number, dva: Float64Array, sigL: Float64Array, rl: Float64Array, zl: Float64Array,
  sl: Float64Array, izl: Float64Array, sigU: Float64Array, ru: Float64Array, zu: Float64Array,
  su: Float64Array, izu: Float64Array,
): number {
  let alpha = 1;
  for (let i = 0; i < N; i++) {
    const d = dva[i]!;
    const a = sigL[i]! * (rl[i]! - d) - zl[i]!;
    const s1 = -sl[i]! * (zl[i]! + a) * izl[i]!;
    const c = sigU[i]! * (d + ru[i]!) - zu[i]!;
    const s2 = -su[i]! * (zu[i]! + c) * izu[i]!;
    alpha = toBoundary(alpha, sl[i]!, s1);
    alpha = toBoundary(alpha, zl[i]!, a);
    alpha = toBoundary(alpha, su[i]!, s2);
    alpha = toBoundary(alpha, zu[i]!, c);
  }
  return alpha;
}

/**
 * Right-hand side of the corrector: d = s∘z − σμ + w·Δs_a∘Δz_a with the predictor's Δs_a, Δz_a
 * recomputed from its Δv (dva, see affineStepKernel), stored in dl/du for the update, and
 * ρv = η(Σl rl − Σu ru − rx) − dl/sl + du/su (x part into the permuted KKT vector, slack part
 * into rv).
 */
// prettier-ignore
function correctorRhsKernel(
  n: number, N: number, eta: number, sigmaMu: number, w: number, pinv: Int32Array,
  dva: Float64Array, mlo: Float64Array, mhi: Float64Array, sigL: Float64Array, rl: Float64Array,
  zl: Float64Array, sl: Float64Array, izl: Float64Array, isl: Float64Array, sigU: Float64Array,
  ru: Float64Array, zu: Float64Array, su: Float64Array, izu: Float64Array, isu: Float64Array,
  rx: Float64Array, dl: Float64Array, du: Float64Array, rv: Float64Array, kp: Float64Array,
): void {
  for (let i = 0; i < N; i++) {
    const d = dva[i]!;
    const sli = sl[i]!;
    const zli = zl[i]!;
    const sui = su[i]!;
    const zui = zu[i]!;
    const l = sigL[i]! * rl[i]!;
    const u = sigU[i]! * ru[i]!;
    const aA = l - sigL[i]! * d - zli;
    const sA = -sli * (zli + aA) * izl[i]!;
    const cA = sigU[i]! * d + u - zui;
    const tA = -sui * (zui + cA) * izu[i]!;
    const a = mlo[i]! * (sli * zli - sigmaMu + w * sA * aA);
    const c = mhi[i]! * (sui * zui - sigmaMu + w * tA * cA);
    dl[i] = a;
    du[i] = c;
    const r = eta * (l - u - rx[i]!) - a * isl[i]! + c * isu[i]!;
    if (i < n) kp[pinv[i]!] = r;
    else rv[i] = r;
  }
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
  // prettier-ignore
  predictorRhsKernel(sp.n, sp.N, pinv, st.sigL, st.rl, st.sigU, st.ru, st.rx, st.zl, st.zu, st.rv, st.kp);
  const ok = leanSolve(sp, kkt, st, 1, refine, st.v2, st.y2);
  // prettier-ignore
  const alpha = affineStepKernel(
    sp.N, st.v2, st.sigL, st.rl, st.zl, st.sl, st.izl, st.sigU, st.ru, st.zu, st.su, st.izu,
  );
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
  // prettier-ignore
  correctorRhsKernel(
    sp.n, sp.N, eta, sigmaMu, w, pinv, st.v2, sp.mlo, sp.mhi, st.sigL, st.rl, st.zl, st.sl,
    st.izl, st.isl, st.sigU, st.ru, st.zu, st.su, st.izu, st.isu, st.rx, st.dl, st.du, st.rv,
    st.kp,
  );
  const ok = leanSolve(sp, kkt, st, eta, refine, st.dv, st.dy);
  // prettier-ignore
  // The homogeneous method's update with Δτ = 0 (Δv = v₂ = st.dv): Δz and Δs from Δv.
  const alpha = updateKernel(
    sp.N, 0, eta, st.dv, st.dv, sp.loB, sp.hiB, st.izl, st.izu, st.rl, st.ru, st.sigL, st.sigU,
    st.dl, st.du, st.isl, st.isu, st.sl, st.zl, st.su, st.zu, st.dv, st.dzl, st.dzu, st.dsl,
    st.dsu,
  );
  return ok && Number.isFinite(alpha) ? alpha : NaN;
}

/**
 * Takes the step and, in the same pass, prepares the next iteration's Σ = Σl + Σu (Σl = zl/sl,
 * Σu = zu/su) and the inverses 1/s and 1/z (1 where a bound is absent; τ = 1, so no Δτ
 * right-hand side, g or hv): one pass over s and z instead of two. With α = 0 it only prepares.
 */
// prettier-ignore
function stepKernel(
  N: number, alpha: number, mlo: Float64Array, mhi: Float64Array, v: Float64Array,
  sl: Float64Array, zl: Float64Array, su: Float64Array, zu: Float64Array, dv: Float64Array,
  dsl: Float64Array, dzl: Float64Array, dsu: Float64Array, dzu: Float64Array, isl: Float64Array,
  isu: Float64Array, izl: Float64Array, izu: Float64Array, sigL: Float64Array,
  sigU: Float64Array, sig: Float64Array,
): void {
  for (let i = 0; i < N; i++) {
    v[i]! += alpha * dv[i]!;
    const a = sl[i]! + alpha * dsl[i]!;
    const b = zl[i]! + alpha * dzl[i]!;
    const c = su[i]! + alpha * dsu[i]!;
    const d = zu[i]! + alpha * dzu[i]!;
    sl[i] = a;
    zl[i] = b;
    su[i] = c;
    zu[i] = d;
    const il = 1 / a;
    const iu = 1 / c;
    isl[i] = il;
    isu[i] = iu;
    izl[i] = 1 / (b + 1 - mlo[i]!);
    izu[i] = 1 / (d + 1 - mhi[i]!);
    const gl = b * il;
    const gu = d * iu;
    sigL[i] = gl;
    sigU[i] = gu;
    sig[i] = gl + gu;
  }
}

function leanStep(sp: ScaledProblem, st: IpmState, alpha: number): void {
  // prettier-ignore
  stepKernel(
    sp.N, alpha, sp.mlo, sp.mhi, st.v, st.sl, st.zl, st.su, st.zu, st.dv, st.dsl, st.dzl,
    st.dsu, st.dzu, st.isl, st.isu, st.izl, st.izu, st.sigL, st.sigU, st.sig,
  );
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
  if (start) warmPoint(sp, st, start, WARM_FLOOR);
  else if (!initialPoint(sp, kkt, st, opts, hasQuadratic, false, LEAN_FLOOR)) return handOver(0);
  st.kappa = 0;
  // Σ and inverses at the start: a step of 0 (both starts zero the direction arrays).
  // prettier-ignore
  stepKernel(
    sp.N, 0, sp.mlo, sp.mhi, st.v, st.sl, st.zl, st.su, st.zu, st.dv, st.dsl, st.dzl, st.dsu,
    st.dzu, st.isl, st.isu, st.izl, st.izu, st.sigL, st.sigU, st.sig,
  );
  const budget = Math.min(LEAN_BUDGET, opts.maxIterations);
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
    if (short >= SHORT_RUN) return handOver(iter + 1);
    leanStep(sp, st, alpha);
  }
}
