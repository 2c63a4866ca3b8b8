/**
 * Residuals of the homogeneous embedding at the current iterate:
 *   rx = P̃v + J̃ᵀy − zl + zu + q̃τ        (dual, per variable)
 *   ry = J̃v − b̃τ                         (primal, per row)
 *   rl = −v + sl + lo·τ,  ru = v + su − hi·τ   (bound rows; 0 where the bound is absent)
 *   rτ = κ + q̃ᵀv + b_cᵀz + vᵀP̃v/τ,  b_cᵀz = b̃ᵀy − loᵀzl + hiᵀzu
 * and the complementarity measure μ = (slᵀzl + suᵀzu + τκ)/(ν + 1).
 * Pinned entries need no special case: their columns, q̃ entries and multipliers are zero.
 */
import { symUpperMul } from './csc.js';
import type { IpmState } from './ipm-state.js';
import { sharedKernels } from './simd/shared-kernels.js';
import { ROW_RANGED, type ScaledProblem } from './scaled-problem.js';
import type { CscMatrix } from './types.js';

/** Scalar by-products used by the termination tests. */
export interface ResidualDots {
  /** q̃ᵀv */
  qv: number;
  /** vᵀP̃v */
  vPv: number;
  /** b_cᵀz = b̃ᵀy − loᵀzl + hiᵀzu */
  bz: number;
  /** Σ|q̃ⱼvⱼ| and the matching sum of |terms| of b_cᵀz: the cancellation scale of qv and bz. */
  qvAbs: number;
  bzAbs: number;
  /** complementarity measure μ */
  mu: number;
  /**
   * Unscaled ∞-norms for the termination test (scaled space ×/÷ the unscaling factors): primal
   * residual (rows and bound rows), dual residual, x, bound slacks, multipliers.
   */
  rp: number;
  rd: number;
  nx: number;
  ns: number;
  nz: number;
}

/** A fresh ResidualDots. */
export function newDots(): ResidualDots {
  return { qv: 0, vPv: 0, bz: 0, qvAbs: 0, bzAbs: 0, mu: 0, rp: 0, rd: 0, nx: 0, ns: 0, nz: 0 };
}

/** One pass over A: ry_i += (A v)_i and rx_j += (Aᵀ y)_j (C goes by rows, see row-major.ts). */
function bothProducts(
  M: CscMatrix,
  vals: Float64Array,
  v: Float64Array,
  y: Float64Array,
  rx: Float64Array,
  ry: Float64Array,
): void {
  const { colPtr, rowIdx, ncols } = M;
  for (let j = 0; j < ncols; j++) {
    const vj = v[j]!;
    let s = 0;
    for (let p = colPtr[j]!, end = colPtr[j + 1]!; p < end; p++) {
      const r = rowIdx[p]!;
      const a = vals[p]!;
      ry[r]! += a * vj;
      s += a * y[r]!;
    }
    rx[j]! += s;
  }
}

/** Updates rx, ry, rl, ru, rtau and Pv in `st`; writes the scalar by-products. */
export function computeResiduals(sp: ScaledProblem, st: IpmState, dots: ResidualDots): void {
  const { n, me, mi, m, N, rowKind, q, b, mlo, mhi, loB, hiB } = sp;
  const { v, y, rx, ry, rl, ru, sl, zl, su, zu, Pv, tau } = st;
  const simd = sharedKernels(sp, st);
  const index = simd !== null ? sp.wasmIndex : null;
  if (simd !== null && index !== null) {
    simd.kernels.symUpperMul(index.Pp, index.Pi, sp.Pv.byteOffset, v.byteOffset, Pv.byteOffset, n);
  } else {
    symUpperMul(sp.P, sp.Pv, v, Pv);
  }
  let qv = 0;
  let qvAbs = 0;
  let vPv = 0;
  for (let j = 0; j < n; j++) {
    rx[j] = Pv[j]! + q[j]! * tau;
    const t = q[j]! * v[j]!;
    qv += t;
    qvAbs += Math.abs(t);
    vPv += v[j]! * Pv[j]!;
  }
  let bz = 0;
  let bzAbs = 0;
  for (let r = 0; r < m; r++) {
    ry[r] = -b[r]! * tau;
    const t = b[r]! * y[r]!;
    bz += t;
    bzAbs += Math.abs(t);
  }
  if (simd !== null && index !== null) {
    const { Av } = sp;
    simd.kernels.cscBoth(
      index.Ap,
      index.Ai,
      Av.byteOffset,
      v.byteOffset,
      y.byteOffset,
      rx.byteOffset,
      ry.byteOffset,
      n,
    );
  } else {
    bothProducts(sp.A, sp.Av, v, y, rx, ry);
  }
  const Crows = sp.Crows;
  for (let r = 0; r < mi; r++) {
    ry[me + r]! += Crows.rowDot(r, v);
    Crows.rowAxpy(r, y[me + r]!, rx);
  }
  for (let r = 0; r < mi; r++) {
    if (rowKind[r] === ROW_RANGED) {
      rx[n + r] = -y[me + r]!;
      ry[me + r]! -= v[n + r]!;
    } else {
      rx[n + r] = 0;
    }
  }
  const E = sp.scaling.E;
  const invE = sp.invE;
  let rp = 0;
  let nz = 0;
  for (let r = 0; r < m; r++) {
    rp = Math.max(rp, Math.abs(ry[r]! * invE[r]!));
    nz = Math.max(nz, Math.abs(y[r]! * E[r]!));
  }
  const us = sp.unscaleV;
  const ius = sp.invUnscaleV;
  let sz = 0;
  let rd = 0;
  let nx = 0;
  let ns = 0;
  // The SIMD kernel takes the even part of v, this loop the rest (simd/vector-arena.ts).
  let from = 0;
  if (simd !== null) {
    from = N & ~1;
    simd.kernels.residualBounds(from, tau);
    const out = simd.out;
    bz += out[0]!;
    bzAbs += out[1]!;
    sz = out[2]!;
    nx = out[3]!;
    rd = out[4]!;
    rp = Math.max(rp, out[5]!);
    ns = out[6]!;
    nz = Math.max(nz, out[7]!);
  }
  for (let i = from; i < N; i++) {
    const vi = v[i]!;
    const sli = sl[i]!;
    const sui = su[i]!;
    const zli = zl[i]!;
    const zui = zu[i]!;
    const ml = mlo[i]!;
    const mh = mhi[i]!;
    const r = rx[i]! + zui - zli;
    rx[i] = r;
    const a = ml * (sli - vi + loB[i]! * tau);
    const c = mh * (sui + vi - hiB[i]! * tau);
    rl[i] = a;
    ru[i] = c;
    const tb = hiB[i]! * zui - loB[i]! * zli;
    bz += tb;
    bzAbs += Math.abs(tb);
    sz += sli * zli + sui * zui;
    // x̂ = x/D, σ̂ = Eσ: primal quantities unscale by ×u, dual ones by ÷u.
    const u = us[i]!;
    const iu = ius[i]!;
    nx = Math.max(nx, Math.abs(vi * u));
    rd = Math.max(rd, Math.abs(r * iu));
    rp = Math.max(rp, Math.abs(a * u), Math.abs(c * u));
    ns = Math.max(ns, ml * sli * u, mh * sui * u);
    nz = Math.max(nz, zli * iu, zui * iu);
  }
  dots.rp = rp;
  dots.rd = rd;
  dots.nx = nx;
  dots.ns = ns;
  dots.nz = nz;
  st.rtau = st.kappa + qv + bz + vPv / tau;
  dots.qv = qv;
  dots.vPv = vPv;
  dots.bz = bz;
  dots.qvAbs = qvAbs;
  dots.bzAbs = bzAbs;
  dots.mu = (sz + tau * st.kappa) / (sp.nu + 1);
}
