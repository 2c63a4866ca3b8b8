/**
 * The interior-point iteration: Mehrotra predictor–corrector on the homogeneous embedding,
 * with optional Gondzio centrality correctors.
 *
 * Each iteration: residuals and termination test; barrier weights Σ = z/s and one LDLᵀ
 * factorisation; the constant (Δτ) system and the predictor (η = 1, d = s∘z) solved together;
 * centring σ = (1 − α_a)³; the corrector (η = 1 − σ, d = s∘z − σμ + Δs_a∘Δz_a, plus the
 * second-order term of the τ-equation; both damped by α_a in the first iteration); correctors;
 * a step of stepFraction times the distance to the boundary.
 */
import { centralityCorrectors } from './correctors.js';
import { symUpperMul } from './csc.js';
import { initialPoint, refinementFor, updateBarrier } from './ipm-init.js';
import type { IpmState } from './ipm-state.js';
import type { KktSystem } from './kkt.js';
import { computeDirection, directionRhs, finishFromNum, solveNewton2 } from './newton.js';
import type { ResolvedQpOptions } from './options.js';
import { computeResiduals, newDots, type ResidualDots } from './residuals.js';
import type { ScaledProblem } from './scaled-problem.js';
import { evaluate, evaluateReduced, type DataNorms, type Progress } from './termination.js';
import type { QpStatus } from './types.js';

export interface IpmOutcome {
  status: QpStatus;
  iterations: number;
  /** The certificate holds only at the reduced tolerance (evaluateReduced). */
  reduced?: boolean;
}

/**
 * Barrier weights Σ = z/s, the constant right-hand side (rv1, rr1; its x part also written to
 * the permuted vector st.kp1), g = q̃ + (2/τ)P̃v and hv = g + lo∘Σl + hi∘Σu (the Δτ numerator's
 * coefficients, see newton.ts), and a factorisation.
 */
function prepareIteration(
  sp: ScaledProblem,
  kkt: KktSystem,
  st: IpmState,
  opts: ResolvedQpOptions,
): void {
  const { n, N, m, q, b, loB, hiB, mlo, mhi } = sp;
  const { rr1 } = st;
  // prettier-ignore
  prepareKernel(
    n, N, 1 / st.tau, kkt.pat.sym.pinv, q, loB, hiB, mlo, mhi, st.Pv, st.sl, st.zl, st.su, st.zu,
    st.isl, st.isu, st.izl, st.izu, st.sigL, st.sigU, st.sig, st.rv1, st.kp1, st.g, st.hv,
  );
  for (let r = 0; r < m; r++) rr1[r] = b[r]!;
  updateBarrier(sp, kkt, st, opts);
}

// prettier-ignore
function prepareKernel(
  n: number, N: number, it: number, pinv: Int32Array, q: Float64Array, loB: Float64Array,
  hiB: Float64Array, mlo: Float64Array, mhi: Float64Array, Pv: Float64Array, sl: Float64Array,
  zl: Float64Array, su: Float64Array, zu: Float64Array, isl: Float64Array, isu: Float64Array,
  izl: Float64Array, izu: Float64Array, sigL: Float64Array, sigU: Float64Array,
  sig: Float64Array, rv1: Float64Array, kp1: Float64Array, g: Float64Array, hv: Float64Array,
): void {
  for (let i = 0; i < N; i++) {
    const il = 1 / sl[i]!;
    const iu = 1 / su[i]!;
    isl[i] = il;
    isu[i] = iu;
    // Absent bounds have z = 0: 1 − mask keeps their inverse finite (their Δs is 0 anyway).
    // Parenthesised so a present bound's z is not rounded through z + 1 (8% off at z = 3e-15).
    izl[i] = 1 / (zl[i]! + (1 - mlo[i]!));
    izu[i] = 1 / (zu[i]! + (1 - mhi[i]!));
    const a = zl[i]! * il;
    const c = zu[i]! * iu;
    sigL[i] = a;
    sigU[i] = c;
    sig[i] = a + c;
    const la = a * loB[i]!;
    const hc = c * hiB[i]!;
    if (i < n) {
      const r = -q[i]! + la + hc;
      rv1[i] = r;
      kp1[pinv[i]!] = r;
      const gi = q[i]! + 2 * it * Pv[i]!;
      g[i] = gi;
      hv[i] = gi + la + hc;
    } else {
      rv1[i] = la + hc;
      g[i] = 0;
      hv[i] = la + hc;
    }
  }
}

/** (Δv − ξΔτ)ᵀP̃(Δv − ξΔτ)/τ for the current direction (ξ = v/τ). */
function tauCurvature(sp: ScaledProblem, st: IpmState): number {
  const { n } = sp;
  const { v, dv, tmpN, tmpN2, Pv, tau, dtau } = st;
  const r = dtau / tau;
  // P̃(Δv − ξΔτ) = P̃Δv − (Δτ/τ)P̃v: one product, reusing P̃v from the residuals.
  symUpperMul(sp.P, sp.Pv, dv, tmpN2);
  let q = 0;
  for (let j = 0; j < n; j++) {
    const d = dv[j]! - v[j]! * r;
    tmpN[j] = d;
    q += d * (tmpN2[j]! - r * Pv[j]!);
  }
  return Math.max(0, q) / tau;
}

/**
 * Divides the whole iterate by `scale`. Every equation of the embedding is homogeneous
 * (vᵀP̃v/τ included), so this changes no direction or ratio; it keeps a diverging iterate
 * (infeasible or unbounded problems, especially without finite bounds, where τ, κ and v can all
 * grow geometrically) from overflowing. Absent bounds keep their neutral s = 1, z = 0.
 */
function rescale(sp: ScaledProblem, st: IpmState, scale: number): void {
  const inv = 1 / scale;
  const { mlo, mhi } = sp;
  const { v, y, sl, zl, su, zu } = st;
  for (let i = 0; i < v.length; i++) {
    v[i]! *= inv;
    sl[i] = mlo[i] ? sl[i]! * inv : 1;
    zl[i]! *= inv;
    su[i] = mhi[i] ? su[i]! * inv : 1;
    zu[i]! *= inv;
  }
  for (let r = 0; r < y.length; r++) y[r]! *= inv;
  st.tau *= inv;
  st.kappa *= inv;
}

/** Rescale when τ or κ exceeds this (cf. Clarabel's rescaling). */
const RESCALE_LIMIT = 1e8;
/** After this many rescalings the run is diverging; certificates are then also checked at the reduced tolerance. */
const DIVERGING = 3;
/**
 * τ this far below κ: the iterate has become a ray (τ → 0 with κ > 0 is the signature of an
 * infeasible or unbounded problem), so certificates are also checked at the reduced tolerance.
 * Without this, a run whose ray meets the full tolerance only to ≈ 1e-6 (the accuracy of the
 * regularised solves) kept shrinking τ by 1e-6 an iteration until the iteration limit: 83
 * iterations in a household whose gain budget contradicts its forced sales, 31 with this test.
 * Feasible runs keep τ of order one while κ → 0.
 */
const COLLAPSED = 1e-8;

function takeStep(st: IpmState, alpha: number): void {
  const { v, y, sl, zl, su, zu, dv, dy, dsl, dzl, dsu, dzu } = st;
  for (let i = 0; i < v.length; i++) {
    v[i]! += alpha * dv[i]!;
    sl[i]! += alpha * dsl[i]!;
    zl[i]! += alpha * dzl[i]!;
    su[i]! += alpha * dsu[i]!;
    zu[i]! += alpha * dzu[i]!;
  }
  for (let r = 0; r < y.length; r++) y[r]! += alpha * dy[r]!;
  st.tau += alpha * st.dtau;
  st.kappa += alpha * st.dkappa;
}

/** Accuracy accepted from a stalled run's best iterate (see QpResult.reducedAccuracy). */
export const REDUCED_TOLERANCE = 1e-5;

const numericalError = (iterations: number): IpmOutcome => ({
  status: 'numericalError',
  iterations,
});

export function runIpm(
  sp: ScaledProblem,
  kkt: KktSystem,
  st: IpmState,
  opts: ResolvedQpOptions,
  norms: DataNorms,
  progress: Progress,
  hasQuadratic: boolean,
  robust: boolean,
): IpmOutcome {
  const dots: ResidualDots = newDots();
  if (!initialPoint(sp, kkt, st, opts, hasQuadratic, robust)) return numericalError(0);
  // A stalled run still ends with a certificate if one holds at the reduced tolerance.
  const stalled = (status: QpStatus, iterations: number): IpmOutcome => {
    const finite = Number.isFinite(dots.mu) && Number.isFinite(st.rtau);
    const verdict = finite ? evaluateReduced(sp, st, dots, opts) : null;
    return verdict === null
      ? { status, iterations }
      : { status: verdict, iterations, reduced: true };
  };
  let rescales = 0;
  for (let iter = 0; ; iter++) {
    computeResiduals(sp, st, dots);
    if (!Number.isFinite(dots.mu) || !Number.isFinite(st.rtau)) return numericalError(iter);
    const verdict = evaluate(sp, st, dots, norms, opts, progress);
    if (verdict !== null) return { status: verdict, iterations: iter };
    if (rescales >= DIVERGING || st.tau < COLLAPSED * st.kappa) {
      const reduced = evaluateReduced(sp, st, dots, opts);
      if (reduced !== null) return { status: reduced, iterations: iter, reduced: true };
    }
    // Only iterates good enough for the reduced-accuracy fallback are worth a copy.
    if (progress.merit <= REDUCED_TOLERANCE && progress.merit < st.bestMerit)
      st.saveBest(progress.merit);
    if (iter >= opts.maxIterations) return stalled('iterationLimit', iter);
    prepareIteration(sp, kkt, st, opts);
    const refine = refinementFor(kkt, opts, robust);

    // Constant system and predictor (affine scaling) direction, solved together.
    st.tauCorrection = 0;
    directionRhs(sp, st, kkt.pat.sym.pinv, 1, 0, 0);
    const solved = solveNewton2(sp, kkt, st, refine);
    const alphaAff = solved ? finishFromNum(sp, st, 1, st.numConst - st.numVar) : NaN;
    if (!(alphaAff >= 0)) return stalled('numericalError', iter);
    const sigma = (1 - alphaAff) ** 3;

    // Corrector: centring plus the second-order terms of the predictor.
    const w = iter === 0 ? alphaAff : 1;
    st.tauCorrection = w * tauCurvature(sp, st);
    let alphaMax = computeDirection(sp, kkt, st, 1 - sigma, sigma * dots.mu, w, refine);
    if (!(alphaMax >= 0)) return stalled('numericalError', iter);
    if (opts.centralityCorrectors > 0) {
      alphaMax = centralityCorrectors(
        sp,
        kkt,
        st,
        alphaMax,
        sigma * dots.mu,
        opts.centralityCorrectors,
        refine,
      );
    }
    const alpha = opts.stepFraction * alphaMax;
    if (!(alpha > 1e-10)) return stalled('numericalError', iter + 1);
    takeStep(st, alpha);
    const big = Math.max(st.tau, st.kappa);
    if (big > RESCALE_LIMIT) {
      rescale(sp, st, big);
      rescales++;
    }
  }
}
