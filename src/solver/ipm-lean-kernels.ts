/**
 * The per-variable kernels of the lean path (ipm-lean.ts), τ = 1. The arrays are parameters on
 * purpose (see updateKernel in newton.ts): V8 then keeps them in registers. Where the arrays
 * live in the solver's arena, the SIMD twins of the step kernels (simd/kernels.wat) take the
 * even part of v and these the rest (`from` on).
 */
import type { IpmState } from './ipm-state.js';
import { toBoundary } from './newton.js';
import type { ScaledProblem } from './scaled-problem.js';
import { sharedKernels } from './simd/shared-kernels.js';

/**
 * Right-hand side of the predictor (η = 1, σμ = 0, w = 0): then d = s∘z and d/s = z (z = 0
 * where a bound is absent), so ρv = Σl rl − Σu ru − rx − zl + zu. The x part goes straight into
 * the permuted KKT vector, the slack part (ranged rows) into rv for packRows.
 */
// prettier-ignore
export function predictorRhsKernel(
  from: number, n: number, N: number, pinv: Int32Array, sigL: Float64Array, rl: Float64Array,
  sigU: Float64Array, ru: Float64Array, rx: Float64Array, zl: Float64Array, zu: Float64Array,
  rv: Float64Array, kp: Float64Array,
): void {
  for (let i = from; i < n; i++) {
    kp[pinv[i]!] = sigL[i]! * rl[i]! - sigU[i]! * ru[i]! - rx[i]! - zl[i]! + zu[i]!;
  }
  for (let i = Math.max(from, n); i < N; i++) {
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
export function affineStepKernel(
  from: number, N: number, dva: Float64Array, sigL: Float64Array, rl: Float64Array, zl: Float64Array,
  sl: Float64Array, izl: Float64Array, sigU: Float64Array, ru: Float64Array, zu: Float64Array,
  su: Float64Array, izu: Float64Array,
): number {
  let alpha = 1;
  for (let i = from; i < N; i++) {
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
export function correctorRhsKernel(
  from: number, n: number, N: number, eta: number, sigmaMu: number, w: number, pinv: Int32Array,
  dva: Float64Array, mlo: Float64Array, mhi: Float64Array, sigL: Float64Array, rl: Float64Array,
  zl: Float64Array, sl: Float64Array, izl: Float64Array, isl: Float64Array, sigU: Float64Array,
  ru: Float64Array, zu: Float64Array, su: Float64Array, izu: Float64Array, isu: Float64Array,
  rx: Float64Array, dl: Float64Array, du: Float64Array, rv: Float64Array, kp: Float64Array,
): void {
  for (let i = from; i < N; i++) {
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

/**
 * Takes the step and, in the same pass, prepares the next iteration's Σ = Σl + Σu (Σl = zl/sl,
 * Σu = zu/su) and the inverses 1/s and 1/z (1 where a bound is absent; τ = 1, so no Δτ
 * right-hand side, g or hv): one pass over s and z instead of two. With α = 0 it only prepares.
 */
// prettier-ignore
export function stepAndPrepareKernel(
  from: number, N: number, alpha: number, mlo: Float64Array, mhi: Float64Array, v: Float64Array,
  sl: Float64Array, zl: Float64Array, su: Float64Array, zu: Float64Array, dv: Float64Array,
  dsl: Float64Array, dzl: Float64Array, dsu: Float64Array, dzu: Float64Array, isl: Float64Array,
  isu: Float64Array, izl: Float64Array, izu: Float64Array, sigL: Float64Array,
  sigU: Float64Array, sig: Float64Array,
): void {
  for (let i = from; i < N; i++) {
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
    // 1 − mask, not (z + 1) − mask: the latter rounds a present bound's z to a multiple of ε.
    izl[i] = 1 / (b + (1 - mlo[i]!));
    izu[i] = 1 / (d + (1 - mhi[i]!));
    const gl = b * il;
    const gu = d * iu;
    sigL[i] = gl;
    sigU[i] = gu;
    sig[i] = gl + gu;
  }
}

/** affineStepKernel over every entry of v, for the predictor's Δv `dva`. */
export function affineStep(sp: ScaledProblem, st: IpmState, dva: Float64Array): number {
  const { N } = sp;
  const { sigL, rl, zl, sl, izl, sigU, ru, zu, su, izu } = st;
  let from = 0;
  let alpha = 1;
  const simd = sharedKernels(sp, st);
  if (simd !== null) {
    from = N & ~1;
    alpha = simd.kernels.affineStep(from, dva.byteOffset);
  }
  // prettier-ignore
  const rest = affineStepKernel(from, N, dva, sigL, rl, zl, sl, izl, sigU, ru, zu, su, izu);
  return Math.min(alpha, rest);
}

/** stepAndPrepareKernel over every entry of v (α = 0: only the preparation). */
export function stepAndPrepare(sp: ScaledProblem, st: IpmState, alpha: number): void {
  const { N, mlo, mhi } = sp;
  const { v, sl, zl, su, zu, dv, dsl, dzl, dsu, dzu, isl, isu, izl, izu, sigL, sigU, sig } = st;
  let from = 0;
  const simd = sharedKernels(sp, st);
  if (simd !== null) {
    from = N & ~1;
    simd.kernels.stepAndPrepare(from, alpha);
  }
  // prettier-ignore
  stepAndPrepareKernel(
    from, N, alpha, mlo, mhi, v, sl, zl, su, zu, dv, dsl, dzl, dsu, dzu, isl, isu, izl, izu,
    sigL, sigU, sig,
  );
}

/** predictorRhsKernel over every entry of v. */
export function predictorRhs(sp: ScaledProblem, st: IpmState, pinv: Int32Array): void {
  const { n, N } = sp;
  const { sigL, rl, sigU, ru, rx, zl, zu, rv, kp } = st;
  let from = 0;
  const simd = sharedKernels(sp, st);
  if (simd !== null) {
    from = N & ~1;
    simd.kernels.predictorRhs(from, n);
  }
  predictorRhsKernel(from, n, N, pinv, sigL, rl, sigU, ru, rx, zl, zu, rv, kp);
}

/** correctorRhsKernel over every entry of v, for the predictor's Δv `dva`. */
// prettier-ignore
export function correctorRhs(
  sp: ScaledProblem, st: IpmState, pinv: Int32Array, eta: number, sigmaMu: number, w: number,
  dva: Float64Array,
): void {
  const { n, N, mlo, mhi } = sp;
  const { sigL, rl, zl, sl, izl, isl, sigU, ru, zu, su, izu, isu, rx, dl, du, rv, kp } = st;
  let from = 0;
  const simd = sharedKernels(sp, st);
  if (simd !== null) {
    from = N & ~1;
    simd.kernels.correctorRhs(from, n, eta, sigmaMu, w, dva.byteOffset);
  }
  correctorRhsKernel(
    from, n, N, eta, sigmaMu, w, pinv, dva, mlo, mhi, sigL, rl, zl, sl, izl, isl, sigU, ru, zu,
    su, izu, isu, rx, dl, du, rv, kp,
  );
}
