/**
 * Newton directions of the homogeneous embedding.
 *
 * Eliminating the bound slacks/duals from the linearised conditions leaves
 *   (P̃ + Σ) Δv + J̃ᵀΔy = ρv + Δτ·gv,   J̃ Δv = ρy + Δτ·b̃,    Σ = Σl + Σu,
 * whose σ-part is eliminated again to give the KKT matrix of kkt.ts. The Δτ-coefficient system
 * (rhs gv = −q̃ + Σl·lo + Σu·hi, b̃) is solved once per iteration; every direction then costs one
 * solve plus the scalar
 *   Δτ = (−η rτ + dκ/τ − corr − gᵀΔv₂ − b_cᵀΔz₂) / den,
 * with den < 0 from ipm.ts (Goulart & Chen, Clarabel, 2024). With ρv = −η rx + Σl η rl − dl/sl
 * + du/su − Σu η ru and ρy = −η ry, the bound duals follow as Δzl = Σl(η rl − Δv + lo Δτ) − dl/sl,
 * Δzu = Σu(Δv + η ru − hi Δτ) − du/su and the slacks from s∘Δz + z∘Δs = −d.
 */
import { symUpperMul } from './csc.js';
import type { IpmState } from './ipm-state.js';
import { sharedKernels } from './simd/shared-kernels.js';
import type { KktSystem } from './kkt.js';
import { ROW_EQUALITY, ROW_RANGED, type ScaledProblem } from './scaled-problem.js';

/** Writes (rv, rr) into the permuted KKT vector, eliminating the slacks of ranged rows. */
function pack(
  sp: ScaledProblem,
  st: IpmState,
  pinv: Int32Array,
  rv: Float64Array,
  rr: Float64Array,
  kp: Float64Array,
): void {
  for (let j = 0; j < sp.n; j++) kp[pinv[j]!] = rv[j]!;
  packRows(sp, st, pinv, rv, rr, kp);
}

/**
 * The row part of pack (the x part is written by the passes that compute the right-hand side,
 * see directionRhs).
 */
export function packRows(
  sp: ScaledProblem,
  st: IpmState,
  pinv: Int32Array,
  rv: Float64Array,
  rr: Float64Array,
  kp: Float64Array,
): void {
  const { n, me, mi, rowKind } = sp;
  const { sig } = st;
  for (let r = 0; r < me; r++) kp[pinv[n + r]!] = rr[r]!;
  for (let r = 0; r < mi; r++) {
    const kind = rowKind[r]!;
    const s = n + r;
    kp[pinv[n + me + r]!] =
      kind === ROW_RANGED
        ? rr[me + r]! + rv[s]! / sig[s]!
        : kind === ROW_EQUALITY
          ? rr[me + r]!
          : 0;
  }
}

/**
 * Reads the solution back and recovers the slacks of ranged rows. Two exact relations give Δσ:
 * the σ-equation Δσ = (ρσ + Δy)/Σσ and the row Δσ = (CΔx)_r − ρ_r − δΔy (δ = the static
 * regularisation, so both hold for the factorised system). The first cancels catastrophically
 * when the row's bounds are inactive (Σσ → 0), the second loses accuracy in the dual equation
 * when they are active (Σσ large); each row uses the form that is stable for its Σσ.
 */
function unpack(
  sp: ScaledProblem,
  st: IpmState,
  kkt: KktSystem,
  kp: Float64Array,
  rv: Float64Array,
  rr: Float64Array,
  outV: Float64Array,
  outY: Float64Array,
): void {
  const { n, m } = sp;
  const { pinv } = kkt.pat.sym;
  for (let j = 0; j < n; j++) outV[j] = kp[pinv[j]!]!;
  for (let r = 0; r < m; r++) outY[r] = kp[pinv[n + r]!]!;
  recoverSlacks(sp, st, kkt, rv, rr, outV, outY);
}

/** The σ part of an unpacked solution (see unpack); outV[0..n) and outY must be set. */
function recoverSlacks(
  sp: ScaledProblem,
  st: IpmState,
  kkt: KktSystem,
  rv: Float64Array,
  rr: Float64Array,
  outV: Float64Array,
  outY: Float64Array,
): void {
  const { n, me, mi, rowKind } = sp;
  if (mi === 0) return;
  const { sig } = st;
  const Crows = sp.Crows;
  const delta = kkt.regularization;
  for (let r = 0; r < mi; r++) {
    const kind = rowKind[r]!;
    const s = n + r;
    if (kind === ROW_RANGED) {
      const dy = outY[me + r]!;
      outV[s] =
        sig[s]! >= 1 ? (rv[s]! + dy) / sig[s]! : Crows.rowDot(r, outV) - rr[me + r]! - delta * dy;
    } else {
      outV[s] = 0;
      if (kind !== ROW_EQUALITY) outY[me + r] = 0;
    }
  }
}

/**
 * Unpacks the Δτ-coefficient solution (st.kp1 → v1, y1) and, in the same pass, forms the
 * (negative) Δτ denominator
 *   −((v₁ − ξ)ᵀP̃(v₁ − ξ) + Σl(v₁ − lo)² + Σu(hi − v₁)² + κ/τ + reg·(‖x₁‖² + ‖y₁‖²)),  ξ = v/τ.
 * The last term is what the static regularisation (+reg on x, −reg on rows) adds to the
 * closed form; without it a rank-deficient, inconsistent A (where y₁ ~ 1/reg) gives a wildly
 * wrong Δτ instead of driving τ to 0. Returns false if the denominator is not positive/finite.
 */
function unpackConstant(sp: ScaledProblem, st: IpmState, kkt: KktSystem): boolean {
  const { n, N, m, mlo, mhi, loB, hiB } = sp;
  const { pinv } = kkt.pat.sym;
  const { kp1, v1, y1, v, tmpN, tmpN2, sigL, sigU, tau, kappa } = st;
  const it = 1 / tau;
  let den = kappa * it;
  let norm2 = 0;
  for (let j = 0; j < n; j++) {
    const x = kp1[pinv[j]!]!;
    v1[j] = x;
    tmpN[j] = x - v[j]! * it;
    const dl = mlo[j]! * (x - loB[j]!);
    const du = mhi[j]! * (hiB[j]! - x);
    den += sigL[j]! * dl * dl + sigU[j]! * du * du;
    norm2 += x * x;
  }
  for (let r = 0; r < m; r++) {
    const yr = kp1[pinv[n + r]!]!;
    y1[r] = yr;
    norm2 += yr * yr;
  }
  recoverSlacks(sp, st, kkt, st.rv1, st.rr1, v1, y1);
  for (let i = n; i < N; i++) {
    const x = v1[i]!;
    const dl = mlo[i]! * (x - loB[i]!);
    const du = mhi[i]! * (hiB[i]! - x);
    den += sigL[i]! * dl * dl + sigU[i]! * du * du;
  }
  symUpperMul(sp.P, sp.Pv, tmpN, tmpN2);
  for (let j = 0; j < n; j++) den += tmpN[j]! * tmpN2[j]!;
  den += kkt.regularization * norm2;
  st.tauDen = -den;
  return den > 0 && Number.isFinite(den);
}

/**
 * Unpacks a direction solution (kp → v2, y2) and returns the part of the Δτ numerator that
 * depends on it, Σ hv·v₂ + b̃ᵀy₂ (hv = g + lo∘Σl + hi∘Σu, see prepareIteration).
 */
function unpackDirection(
  sp: ScaledProblem,
  st: IpmState,
  kkt: KktSystem,
  kp: Float64Array,
): number {
  const { n, N, m, b } = sp;
  const { pinv } = kkt.pat.sym;
  const { v2, y2, hv } = st;
  let acc = 0;
  for (let j = 0; j < n; j++) {
    const x = kp[pinv[j]!]!;
    v2[j] = x;
    acc += hv[j]! * x;
  }
  for (let r = 0; r < m; r++) {
    const yr = kp[pinv[n + r]!]!;
    y2[r] = yr;
    acc += b[r]! * yr;
  }
  recoverSlacks(sp, st, kkt, st.rv, st.rr, v2, y2);
  for (let i = n; i < N; i++) acc += hv[i]! * v2[i]!;
  return acc;
}

/** Unpacks the solution for the right-hand side (st.rv, st.rr) in kp into (outV, outY). */
export function unpackInto(
  sp: ScaledProblem,
  st: IpmState,
  kkt: KktSystem,
  kp: Float64Array,
  outV: Float64Array,
  outY: Float64Array,
): void {
  unpack(sp, st, kkt, kp, st.rv, st.rr, outV, outY);
}

/** Solves the reduced Newton system for RHS (rv, rr) into (outV, outY). */
export function solveNewton(
  sp: ScaledProblem,
  kkt: KktSystem,
  st: IpmState,
  rv: Float64Array,
  rr: Float64Array,
  outV: Float64Array,
  outY: Float64Array,
  refine: number,
): boolean {
  pack(sp, st, kkt.pat.sym.pinv, rv, rr, st.kp);
  const ok = kkt.solvePermuted(st.kp, refine);
  unpack(sp, st, kkt, st.kp, rv, rr, outV, outY);
  return ok;
}

/**
 * Solves the Δτ-coefficient system (x part of st.kp1 already written by prepareIteration, rows
 * from rr1) and the predictor (x part of st.kp written by directionRhs, rows from rr) through
 * one sweep of the factor; unpacks both, forms the Δτ denominator and sets st.numVar for the
 * predictor. Returns false on a non-finite solve or a bad denominator.
 */
export function solveNewton2(
  sp: ScaledProblem,
  kkt: KktSystem,
  st: IpmState,
  refine: number,
): boolean {
  const { pinv } = kkt.pat.sym;
  packRows(sp, st, pinv, st.rv1, st.rr1, st.kp1);
  packRows(sp, st, pinv, st.rv, st.rr, st.kp);
  const ok = kkt.solvePermuted2(st.kp1, st.kp, refine);
  const denOk = unpackConstant(sp, st, kkt);
  st.numVar = unpackDirection(sp, st, kkt, st.kp);
  return ok && denOk;
}

/**
 * Complementarity terms d = s∘z − σμ + w·(Δs∘Δz) (w·Δs∘Δz from the current, i.e. predictor,
 * direction) and the Newton RHS (rv, rr) for centring weight η, in one pass that also writes
 * the x part of the permuted KKT vector st.kp (packRows adds the rows) and the constant part
 * of the Δτ numerator (st.numConst; see finishDirection):
 *   −η rτ + dκ/τ − corr + Σ [η(lo Σl rl − hi Σu ru) − lo dl/sl + hi du/su].
 */
export function directionRhs(
  sp: ScaledProblem,
  st: IpmState,
  pinv: Int32Array,
  eta: number,
  sigmaMu: number,
  w: number,
): void {
  const { n, N, m, mlo, mhi, loB, hiB } = sp;
  // prettier-ignore
  const k = rhsKernel(
    n, N, eta, sigmaMu, w, pinv, mlo, mhi, loB, hiB, st.rx, st.rl, st.ru, st.sl, st.zl, st.su,
    st.zu, st.isl, st.isu, st.dsl, st.dzl, st.dsu, st.dzu, st.sigL, st.sigU, st.dl, st.du, st.rv,
    st.kp,
  );
  const { rr, ry } = st;
  for (let r = 0; r < m; r++) rr[r] = -eta * ry[r]!;
  st.dk = st.tau * st.kappa - sigmaMu + w * st.dtau * st.dkappa;
  st.numConst = -eta * st.rtau + st.dk / st.tau - st.tauCorrection + k;
}

// prettier-ignore
function rhsKernel(
  n: number, N: number, eta: number, sigmaMu: number, w: number, pinv: Int32Array,
  mlo: Float64Array, mhi: Float64Array, loB: Float64Array, hiB: Float64Array, rx: Float64Array,
  rl: Float64Array, ru: Float64Array, sl: Float64Array, zl: Float64Array, su: Float64Array,
  zu: Float64Array, isl: Float64Array, isu: Float64Array, dsl: Float64Array, dzl: Float64Array,
  dsu: Float64Array, dzu: Float64Array, sigL: Float64Array, sigU: Float64Array, dl: Float64Array,
  du: Float64Array, rv: Float64Array, kp: Float64Array,
): number {
  let k = 0;
  for (let i = 0; i < N; i++) {
    const a = mlo[i]! * (sl[i]! * zl[i]! - sigmaMu + w * dsl[i]! * dzl[i]!);
    const c = mhi[i]! * (su[i]! * zu[i]! - sigmaMu + w * dsu[i]! * dzu[i]!);
    dl[i] = a;
    du[i] = c;
    const al = a * isl[i]!;
    const cu = c * isu[i]!;
    const l = sigL[i]! * rl[i]!;
    const u = sigU[i]! * ru[i]!;
    const r = eta * (l - u - rx[i]!) - al + cu;
    rv[i] = r;
    if (i < n) kp[pinv[i]!] = r;
    k += loB[i]! * (eta * l - al) - hiB[i]! * (eta * u - cu);
  }
  return k;
}

/**
 * Completes the direction from (v2, y2): Δτ, then Δv = v₂ + Δτ v₁, Δy, the bound duals
 * Δzl = Σl(η rl − Δv + lo Δτ) − dl/sl, Δzu = Σu(Δv + η ru − hi Δτ) − du/su, the slacks from the
 * complementarity rows Δs = −(d + s∘Δz)/z (not from the linear bound rows Δsl = Δv − lo Δτ − η rl,
 * whose absolute rounding error ~ε|v| lets an active bound's slack collapse far below μ/z), and
 * Δκ. Returns the largest step α ≤ 1 keeping s, z, τ, κ nonnegative (NaN if not finite).
 */
export function finishDirection(sp: ScaledProblem, st: IpmState, eta: number): number {
  const { N, m, b, loB, hiB } = sp;
  const { v2, y2, g, rl, ru, sigL, sigU, dl, du, isl, isu } = st;
  let num = -eta * st.rtau + st.dk / st.tau - st.tauCorrection;
  for (let i = 0; i < N; i++) {
    // Δτ numerator: − gᵀv₂ − b_cᵀz₂ with the variable-part bound duals z₂ (0 where absent).
    const v2i = v2[i]!;
    const a = sigL[i]! * (eta * rl[i]! - v2i) - dl[i]! * isl[i]!;
    const c = sigU[i]! * (v2i + eta * ru[i]!) - du[i]! * isu[i]!;
    num += loB[i]! * a - hiB[i]! * c - g[i]! * v2i;
  }
  for (let r = 0; r < m; r++) num -= b[r]! * y2[r]!;
  return finishFromNum(sp, st, eta, num);
}

/** finishDirection with the Δτ numerator already known (st.numConst − st.numVar). */
export function finishFromNum(sp: ScaledProblem, st: IpmState, eta: number, num: number): number {
  const { m } = sp;
  const { v1, y1, v2, y2, dy } = st;
  const dtau = num / st.tauDen;
  st.dtau = dtau;
  let alpha = updateDirection(sp, st, dtau, eta, v1, v2);
  for (let r = 0; r < m; r++) dy[r] = y2[r]! + dtau * y1[r]!;
  st.dkappa = -(st.dk + st.kappa * dtau) / st.tau;
  if (dtau < 0) alpha = Math.min(alpha, -st.tau / dtau);
  if (st.dkappa < 0) alpha = Math.min(alpha, -st.kappa / st.dkappa);
  return Number.isFinite(dtau) ? alpha : NaN;
}

/**
 * updateKernel over every entry: the SIMD kernel (simd/kernels.wat) takes the even part when
 * the arrays live in the solver's arena, updateKernel the rest. Returns the step to the boundary.
 */
export function updateDirection(
  sp: ScaledProblem,
  st: IpmState,
  dtau: number,
  eta: number,
  v1: Float64Array,
  v2: Float64Array,
): number {
  const { N, loB, hiB } = sp;
  const { izl, izu, sl, zl, su, zu, isl, isu } = st;
  const { rl, ru, sigL, sigU, dl, du, dv, dsl, dzl, dsu, dzu } = st;
  let from = 0;
  let alpha = 1;
  const simd = sharedKernels(sp, st);
  if (simd !== null) {
    from = N & ~1;
    alpha = simd.kernels.update(from, dtau, eta, v1.byteOffset, v2.byteOffset);
  }
  // prettier-ignore
  const rest = updateKernel(from, N, dtau, eta, v1, v2, loB, hiB, izl, izu, rl, ru, sigL, sigU, dl, du, isl, isu, sl, zl, su, zu, dv, dzl, dzu, dsl, dsu);
  return Math.min(alpha, rest);
}

/**
 * Pass B of finishDirection over entries [from, N); the lean path (ipm-lean.ts) calls it with
 * Δτ = 0, both through updateDirection. The arrays are
 * parameters on purpose: V8 keeps typed arrays passed as arguments in registers, while arrays
 * destructured from objects are re-validated around the step-length branches, which made this
 * loop about three times slower.
 */
// prettier-ignore
export function updateKernel(
  from: number, N: number, dtau: number, eta: number, v1: Float64Array, v2: Float64Array, loB: Float64Array,
  hiB: Float64Array, izl: Float64Array, izu: Float64Array, rl: Float64Array, ru: Float64Array,
  sigL: Float64Array, sigU: Float64Array, dl: Float64Array, du: Float64Array, isl: Float64Array,
  isu: Float64Array, sl: Float64Array, zl: Float64Array, su: Float64Array, zu: Float64Array,
  dv: Float64Array, dzl: Float64Array, dzu: Float64Array, dsl: Float64Array, dsu: Float64Array,
): number {
  let alpha = 1;
  for (let i = from; i < N; i++) {
    const d = v2[i]! + dtau * v1[i]!;
    const lt = loB[i]! * dtau;
    const ht = hiB[i]! * dtau;
    const rli = eta * rl[i]!;
    const rui = eta * ru[i]!;
    const a = sigL[i]! * (rli - d + lt) - dl[i]! * isl[i]!;
    const c = sigU[i]! * (d + rui - ht) - du[i]! * isu[i]!;
    const s1 = -(dl[i]! + sl[i]! * a) * izl[i]!;
    const s2 = -(du[i]! + su[i]! * c) * izu[i]!;
    dv[i] = d;
    dzl[i] = a;
    dzu[i] = c;
    dsl[i] = s1;
    dsu[i] = s2;
    alpha = toBoundary(alpha, sl[i]!, s1);
    alpha = toBoundary(alpha, zl[i]!, a);
    alpha = toBoundary(alpha, su[i]!, s2);
    alpha = toBoundary(alpha, zu[i]!, c);
  }
  return alpha;
}

/**
 * The step bound of one nonnegative entry x moving by dx: min(α, −x/dx) when dx < 0. Written
 * as a comparison first (−x > α·dx ⟺ −x/dx < α for dx < 0), so the division runs only when the
 * entry binds. Small enough for the engine to inline into the kernels' loops.
 */
export function toBoundary(alpha: number, x: number, dx: number): number {
  return dx < 0 && -x > alpha * dx ? -x / dx : alpha;
}

/** Full direction (one solve). Returns its step to the boundary, NaN on failure. */
export function computeDirection(
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
  const numVar = unpackDirection(sp, st, kkt, st.kp);
  const alpha = finishFromNum(sp, st, eta, st.numConst - numVar);
  return ok ? alpha : NaN;
}

/** Largest α ≤ 1 keeping s, z, τ, κ nonnegative along the current direction. */
export function maxStep(sp: ScaledProblem, st: IpmState): number {
  let alpha = stepKernel(sp.N, st.sl, st.zl, st.su, st.zu, st.dsl, st.dzl, st.dsu, st.dzu);
  if (st.dtau < 0) alpha = Math.min(alpha, -st.tau / st.dtau);
  if (st.dkappa < 0) alpha = Math.min(alpha, -st.kappa / st.dkappa);
  return alpha;
}

// prettier-ignore
function stepKernel(
  N: number, sl: Float64Array, zl: Float64Array, su: Float64Array, zu: Float64Array,
  dsl: Float64Array, dzl: Float64Array, dsu: Float64Array, dzu: Float64Array,
): number {
  let alpha = 1;
  for (let i = 0; i < N; i++) {
    const s1 = dsl[i]!;
    const a = dzl[i]!;
    const s2 = dsu[i]!;
    const c = dzu[i]!;
    alpha = toBoundary(alpha, sl[i]!, s1);
    alpha = toBoundary(alpha, zl[i]!, a);
    alpha = toBoundary(alpha, su[i]!, s2);
    alpha = toBoundary(alpha, zu[i]!, c);
  }
  return alpha;
}
