/**
 * Undoes scaling and homogenisation and reports residuals in the caller's units.
 *
 * x = D v/τ (fixed variables at their value);
 * y = −E y/(cτ) for A rows and C rows (0 for free rows); zx = (zl − zu)/(D c τ), and for fixed
 * variables the reduced cost P x + q − Aᵀy − Cᵀz, so that P x + q = Aᵀy + Cᵀz + zx.
 * Runs after the iteration, so it borrows the iteration's scratch vectors (ry, tmpN, tmpN2).
 */
import { cscMulAdd, cscMulTransposeAdd, symUpperMul } from './csc.js';
import type { IpmState } from './ipm-state.js';
import { PINNED, ROW_FREE, type ScaledProblem } from './scaled-problem.js';
import type { QpProblem } from './types.js';

export interface Unscaled {
  x: Float64Array;
  y: Float64Array;
  z: Float64Array;
  zx: Float64Array;
  objective: number;
  primalResidual: number;
  dualResidual: number;
}

/** Support of the bound interval [l, u] in direction t: t·l if t > 0, t·u if t < 0. */
export function support(t: number, l: number, u: number): number {
  return t > 0 ? t * l : t < 0 ? t * u : 0;
}

/** Largest violation of l ≤ t ≤ u. */
function violation(t: number, l: number | undefined, u: number | undefined): number {
  return Math.max(0, (l ?? -Infinity) - t, t - (u ?? Infinity));
}

export function unscale(sp: ScaledProblem, st: IpmState, p: QpProblem): Unscaled {
  const { n, me, mi, flags, rowKind, fixedX } = sp;
  const { D, E, c } = sp.scaling;
  const { v, y: yi, tau, zl, zu } = st;
  const x = new Float64Array(n);
  const y = new Float64Array(me);
  const z = new Float64Array(mi);
  const zx = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    // Not clipped into [lb, ub]: bounds hold to the primal tolerance anyway, and clipping
    // thousands of variables by ~1e-9 each adds up to ~1e-7 in dense rows (factor exposures).
    const xj = flags[j] === PINNED ? fixedX[j]! : (D[j]! * v[j]!) / tau;
    x[j] = Number.isFinite(xj) ? xj : fixedX[j]!;
    if (flags[j] !== PINNED) zx[j] = (zl[j]! - zu[j]!) / (D[j]! * c * tau);
  }
  for (let r = 0; r < me; r++) y[r] = (-E[r]! * yi[r]!) / (c * tau);
  for (let r = 0; r < mi; r++) {
    z[r] = rowKind[r] === ROW_FREE ? 0 : (-E[me + r]! * yi[me + r]!) / (c * tau);
  }
  // Dual residual r = P x + q − Aᵀy − Cᵀz − zx; fixed variables absorb theirs into zx.
  const px = st.tmpN.subarray(0, n);
  const aty = st.tmpN2.subarray(0, n);
  if (p.P) symUpperMul(p.P, p.P.values, x, px);
  else px.fill(0);
  aty.fill(0);
  if (p.A) cscMulTransposeAdd(p.A, p.A.values, y, 0, aty);
  if (p.C) cscMulTransposeAdd(p.C, p.C.values, z, 0, aty);
  let dualResidual = 0;
  let objective = 0;
  for (let j = 0; j < n; j++) {
    const grad = px[j]! + p.q[j]! - aty[j]!;
    if (flags[j] === PINNED) zx[j] = grad;
    dualResidual = Math.max(dualResidual, Math.abs(grad - zx[j]!));
    objective += x[j]! * (0.5 * px[j]! + p.q[j]!);
  }
  let primalResidual = 0;
  const ax = st.ry;
  ax.fill(0);
  if (p.A) cscMulAdd(p.A, p.A.values, x, ax, 0);
  if (p.C) cscMulAdd(p.C, p.C.values, x, ax, me);
  for (let r = 0; r < me; r++)
    primalResidual = Math.max(primalResidual, Math.abs(ax[r]! - p.b![r]!));
  const cx = ax.subarray(me);
  const { cl, cu, lb, ub } = p;
  for (let r = 0; r < mi; r++) {
    primalResidual = Math.max(primalResidual, violation(cx[r]!, cl?.[r], cu?.[r]));
  }
  for (let j = 0; j < n; j++) {
    primalResidual = Math.max(primalResidual, violation(x[j]!, lb?.[j], ub?.[j]));
  }
  return { x, y, z, zx, objective, primalResidual, dualResidual };
}

/** ½ xᵀPx + qᵀx. */
export function quadraticObjective(p: QpProblem, x: Float64Array): number {
  let obj = 0;
  const px = new Float64Array(p.n);
  if (p.P) symUpperMul(p.P, p.P.values, x, px);
  for (let j = 0; j < p.n; j++) obj += x[j]! * (0.5 * px[j]! + p.q[j]!);
  return obj;
}
