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
import type { IpmState } from './ipm-state.js';
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
  const { n, me, mi, rowKind } = sp;
  const { sig } = st;
  for (let j = 0; j < n; j++) kp[pinv[j]!] = rv[j]!;
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
  const { n, me, mi, m, rowKind } = sp;
  const { pinv } = kkt.pat.sym;
  const { sig, tmpM } = st;
  for (let j = 0; j < n; j++) outV[j] = kp[pinv[j]!]!;
  for (let r = 0; r < m; r++) outY[r] = kp[pinv[n + r]!]!;
  if (mi === 0) return;
  tmpM.fill(0, 0, mi);
  const { colPtr, rowIdx } = sp.C;
  const Cv = sp.Cv;
  for (let j = 0; j < n; j++) {
    const xj = outV[j]!;
    if (xj === 0) continue;
    for (let p = colPtr[j]!, end = colPtr[j + 1]!; p < end; p++) tmpM[rowIdx[p]!]! += Cv[p]! * xj;
  }
  const delta = kkt.regularization;
  for (let r = 0; r < mi; r++) {
    const kind = rowKind[r]!;
    const s = n + r;
    if (kind === ROW_RANGED) {
      const dy = outY[me + r]!;
      outV[s] = sig[s]! >= 1 ? (rv[s]! + dy) / sig[s]! : tmpM[r]! - rr[me + r]! - delta * dy;
    } else {
      outV[s] = 0;
      if (kind !== ROW_EQUALITY) outY[me + r] = 0;
    }
  }
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

/** Solves (rv1, rr1) → (v1, y1) and (rv, rr) → (v2, y2) through one sweep of the factor. */
export function solveNewton2(
  sp: ScaledProblem,
  kkt: KktSystem,
  st: IpmState,
  refine: number,
): boolean {
  const { pinv } = kkt.pat.sym;
  pack(sp, st, pinv, st.rv1, st.rr1, st.kp1);
  pack(sp, st, pinv, st.rv, st.rr, st.kp);
  const ok = kkt.solvePermuted2(st.kp1, st.kp, refine);
  unpack(sp, st, kkt, st.kp1, st.rv1, st.rr1, st.v1, st.y1);
  unpack(sp, st, kkt, st.kp, st.rv, st.rr, st.v2, st.y2);
  return ok;
}

/**
 * Complementarity terms d = s∘z − σμ + w·(Δs∘Δz) (w·Δs∘Δz from the current, i.e. predictor,
 * direction) and the Newton RHS (rv, rr) for centring weight η, in one pass.
 */
export function directionRhs(
  sp: ScaledProblem,
  st: IpmState,
  eta: number,
  sigmaMu: number,
  w: number,
): void {
  const { N, m, mlo, mhi } = sp;
  const {
    rx,
    ry,
    rl,
    ru,
    sl,
    zl,
    su,
    zu,
    isl,
    isu,
    dsl,
    dzl,
    dsu,
    dzu,
    sigL,
    sigU,
    dl,
    du,
    rv,
    rr,
  } = st;
  for (let i = 0; i < N; i++) {
    const a = mlo[i]! * (sl[i]! * zl[i]! - sigmaMu + w * dsl[i]! * dzl[i]!);
    const c = mhi[i]! * (su[i]! * zu[i]! - sigmaMu + w * dsu[i]! * dzu[i]!);
    dl[i] = a;
    du[i] = c;
    rv[i] = eta * (sigL[i]! * rl[i]! - sigU[i]! * ru[i]! - rx[i]!) - a * isl[i]! + c * isu[i]!;
  }
  for (let r = 0; r < m; r++) rr[r] = -eta * ry[r]!;
  st.dk = st.tau * st.kappa - sigmaMu + w * st.dtau * st.dkappa;
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
  const {
    izl,
    izu,
    v1,
    y1,
    v2,
    y2,
    g,
    dv,
    dy,
    sl,
    zl,
    su,
    zu,
    isl,
    isu,
    rl,
    ru,
    sigL,
    sigU,
    dl,
    du,
    dsl,
    dzl,
    dsu,
    dzu,
  } = st;
  let num = -eta * st.rtau + st.dk / st.tau - st.tauCorrection;
  for (let i = 0; i < N; i++) {
    // Δτ numerator: − gᵀv₂ − b_cᵀz₂ with the variable-part bound duals z₂ (0 where absent).
    const v2i = v2[i]!;
    const a = sigL[i]! * (eta * rl[i]! - v2i) - dl[i]! * isl[i]!;
    const c = sigU[i]! * (v2i + eta * ru[i]!) - du[i]! * isu[i]!;
    num += loB[i]! * a - hiB[i]! * c - g[i]! * v2i;
  }
  for (let r = 0; r < m; r++) num -= b[r]! * y2[r]!;
  const dtau = num / st.tauDen;
  st.dtau = dtau;
  // prettier-ignore
  let alpha = updateKernel(N, dtau, eta, v1, v2, loB, hiB, izl, izu, rl, ru, sigL, sigU, dl, du, isl, isu, sl, zl, su, zu, dv, dzl, dzu, dsl, dsu);
  for (let r = 0; r < m; r++) dy[r] = y2[r]! + dtau * y1[r]!;
  st.dkappa = -(st.dk + st.kappa * dtau) / st.tau;
  if (dtau < 0) alpha = Math.min(alpha, -st.tau / dtau);
  if (st.dkappa < 0) alpha = Math.min(alpha, -st.kappa / st.dkappa);
  return Number.isFinite(dtau) ? alpha : NaN;
}

/**
 * Pass B of finishDirection. The arrays are parameters on purpose: V8 keeps typed arrays passed
 * as arguments in registers, while arrays destructured from objects are re-validated around the
 * step-length branches, which made this loop about three times slower.
 */
// prettier-ignore
function updateKernel(
  N: number, dtau: number, eta: number, v1: Float64Array, v2: Float64Array, loB: Float64Array,
  hiB: Float64Array, izl: Float64Array, izu: Float64Array, rl: Float64Array, ru: Float64Array,
  sigL: Float64Array, sigU: Float64Array, dl: Float64Array, du: Float64Array, isl: Float64Array,
  isu: Float64Array, sl: Float64Array, zl: Float64Array, su: Float64Array, zu: Float64Array,
  dv: Float64Array, dzl: Float64Array, dzu: Float64Array, dsl: Float64Array, dsu: Float64Array,
): number {
  let alpha = 1;
  for (let i = 0; i < N; i++) {
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
    // −s/Δs < α  ⟺  −s > α·Δs  for Δs < 0 (no division unless the bound binds).
    if (s1 < 0 && -sl[i]! > alpha * s1) alpha = -sl[i]! / s1;
    if (a < 0 && -zl[i]! > alpha * a) alpha = -zl[i]! / a;
    if (s2 < 0 && -su[i]! > alpha * s2) alpha = -su[i]! / s2;
    if (c < 0 && -zu[i]! > alpha * c) alpha = -zu[i]! / c;
  }
  return alpha;
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
  directionRhs(sp, st, eta, sigmaMu, w);
  const ok = solveNewton(sp, kkt, st, st.rv, st.rr, st.v2, st.y2, refine);
  const alpha = finishDirection(sp, st, eta);
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
    if (s1 < 0 && -sl[i]! > alpha * s1) alpha = -sl[i]! / s1;
    if (a < 0 && -zl[i]! > alpha * a) alpha = -zl[i]! / a;
    if (s2 < 0 && -su[i]! > alpha * s2) alpha = -su[i]! / s2;
    if (c < 0 && -zu[i]! > alpha * c) alpha = -zu[i]! / c;
  }
  return alpha;
}
