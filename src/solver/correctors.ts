/**
 * Gondzio's multiple centrality correctors (Gondzio 1996; Colombo & Gondzio 2008).
 *
 * Given the predictor–corrector direction Δ with step α, aim at a longer step α̃ = min(1, α + δ):
 * the complementarity products v = (s + α̃Δs)∘(z + α̃Δz) at the trial point are pushed back into
 * [β_min σμ, β_max σμ] by solving the Newton system with zero residual part and complementarity
 * right-hand side t = clip(v) − v (large decreases capped at −β_max σμ). The corrected direction
 * Δ + Δ_c is kept if it lengthens the step by at least a factor 1 + γ. Each corrector costs one
 * solve with the existing factorisation.
 */
import type { IpmState } from './ipm-state.js';
import type { KktSystem } from './kkt.js';
import { finishDirection, maxStep, solveNewton } from './newton.js';
import type { ScaledProblem } from './scaled-problem.js';

const BETA_MIN = 0.1;
const BETA_MAX = 10;
const DELTA_ALPHA = 0.2;
const GAMMA = 0.05;

/** Centrality target adjustment for one product. */
function target(v: number, lo: number, hi: number): number {
  if (v < lo) return lo - v;
  if (v > hi) return Math.max(hi - v, -hi);
  return 0;
}

/** Copies the current direction into (save) or back from (restore) the saved slots. */
function swapDirection(st: IpmState, save: boolean): void {
  const arrays = st.dir;
  for (let k = 0; k < arrays.length; k++) {
    if (save) st.saved[k]!.set(arrays[k]!);
    else arrays[k]!.set(st.saved[k]!);
  }
  if (save) {
    st.sdtau = st.dtau;
    st.sdkappa = st.dkappa;
  } else {
    st.dtau = st.sdtau;
    st.dkappa = st.sdkappa;
  }
}

/** Adds the saved direction to the current (corrector) direction. */
function addSaved(st: IpmState): void {
  const arrays = st.dir;
  for (let k = 0; k < arrays.length; k++) {
    const d = arrays[k]!;
    const s = st.saved[k]!;
    for (let i = 0; i < d.length; i++) d[i]! += s[i]!;
  }
  st.dtau += st.sdtau;
  st.dkappa += st.sdkappa;
}

/** Right-hand side of one corrector: d = −t (targets), zero residual part. */
function correctorRhs(sp: ScaledProblem, st: IpmState, at: number, lo: number, hi: number): void {
  const { N, mlo, mhi } = sp;
  const { sl, zl, su, zu, isl, isu, dsl, dzl, dsu, dzu, dl, du, rv, rr } = st;
  for (let i = 0; i < N; i++) {
    const a = -mlo[i]! * target((sl[i]! + at * dsl[i]!) * (zl[i]! + at * dzl[i]!), lo, hi);
    const c = -mhi[i]! * target((su[i]! + at * dsu[i]!) * (zu[i]! + at * dzu[i]!), lo, hi);
    dl[i] = a;
    du[i] = c;
    rv[i] = c * isu[i]! - a * isl[i]!;
  }
  rr.fill(0);
  st.dk = -target((st.tau + at * st.dtau) * (st.kappa + at * st.dkappa), lo, hi);
  st.tauCorrection = 0;
}

/**
 * Applies up to `maxCorrectors` correctors to the direction in `st` (step `alpha` to the
 * boundary) and returns the final step to the boundary.
 */
export function centralityCorrectors(
  sp: ScaledProblem,
  kkt: KktSystem,
  st: IpmState,
  alpha: number,
  sigmaMu: number,
  maxCorrectors: number,
  refine: number,
): number {
  const lo = BETA_MIN * sigmaMu;
  const hi = BETA_MAX * sigmaMu;
  for (let c = 0; c < maxCorrectors && alpha < 1; c++) {
    correctorRhs(sp, st, Math.min(1, alpha + DELTA_ALPHA), lo, hi);
    swapDirection(st, true);
    const ok = solveNewton(sp, kkt, st, st.rv, st.rr, st.v2, st.y2, refine);
    if (!ok || !(finishDirection(sp, st, 0) >= 0)) {
      swapDirection(st, false);
      break;
    }
    addSaved(st);
    const next = maxStep(sp, st);
    if (next < alpha * (1 + GAMMA)) {
      swapDirection(st, false);
      break;
    }
    alpha = next;
  }
  return alpha;
}
