/**
 * Infeasibility and unboundedness certificates in the caller's units, normalised to unit ∞-norm.
 *
 * Primal infeasibility (Farkas): from the ray (y, zl, zu) of the embedding,
 *   y_A = −E y,  z = E(zl_σ − zu_σ) (ranged rows) or −E y (equality rows),  zx = (zl − zu)/D,
 * and for a fixed variable zx_j = −(Aᵀy + Cᵀz)_j. Every feasible x would give
 *   0 = (Aᵀy + Cᵀz + zx)ᵀx ≥ bᵀy + Σ support(z_r; cl, cu) + Σ support(zx_j; lb, ub) > 0.
 * Unboundedness: d = D v (x-part of the primal ray) with dᵀPd ≈ 0, A d = 0, C d and d in the
 * recession cones of their bounds, and qᵀd < 0.
 */
import { cscMulAdd, cscMulTransposeAdd, symUpperMul } from './csc.js';
import type { IpmState } from './ipm-state.js';
import { PINNED, ROW_FREE, ROW_RANGED, type ScaledProblem } from './scaled-problem.js';
import { support } from './solution.js';
import type { InfeasibilityCertificate, QpProblem, UnboundednessCertificate } from './types.js';

function normInf(...vs: Float64Array[]): number {
  let m = 0;
  for (const v of vs) for (let i = 0; i < v.length; i++) m = Math.max(m, Math.abs(v[i]!));
  return m;
}

function scaleAll(s: number, ...vs: Float64Array[]): void {
  for (const v of vs) for (let i = 0; i < v.length; i++) v[i]! *= s;
}

export function infeasibilityCertificate(
  sp: ScaledProblem,
  st: IpmState,
  p: QpProblem,
): InfeasibilityCertificate {
  const { n, me, mi, flags, rowKind, fixedX } = sp;
  const { D, E } = sp.scaling;
  const zl = (i: number): number => st.zl[i]!;
  const zu = (i: number): number => st.zu[i]!;
  const y = new Float64Array(me);
  const z = new Float64Array(mi);
  const zx = new Float64Array(n);
  for (let r = 0; r < me; r++) y[r] = -E[r]! * st.y[r]!;
  for (let r = 0; r < mi; r++) {
    const s = n + r;
    const kind = rowKind[r]!;
    z[r] =
      kind === ROW_RANGED
        ? E[me + r]! * (zl(s) - zu(s))
        : kind === ROW_FREE
          ? 0
          : -E[me + r]! * st.y[me + r]!;
  }
  for (let j = 0; j < n; j++) {
    if (flags[j] !== PINNED) zx[j] = (zl(j) - zu(j)) / D[j]!;
  }
  const aty = new Float64Array(n);
  if (p.A) cscMulTransposeAdd(p.A, p.A.values, y, 0, aty);
  if (p.C) cscMulTransposeAdd(p.C, p.C.values, z, 0, aty);
  for (let j = 0; j < n; j++) if (flags[j] === PINNED) zx[j] = -aty[j]!;
  const scale = normInf(y, z, zx) || 1;
  scaleAll(1 / scale, y, z, zx, aty);
  let residual = 0;
  let sup = 0;
  for (let r = 0; r < me; r++) sup += p.b![r]! * y[r]!;
  for (let r = 0; r < mi; r++) sup += support(z[r]!, p.cl?.[r] ?? -Infinity, p.cu?.[r] ?? Infinity);
  for (let j = 0; j < n; j++) {
    residual = Math.max(residual, Math.abs(aty[j]! + zx[j]!));
    sup +=
      flags[j] === PINNED
        ? zx[j]! * fixedX[j]!
        : support(zx[j]!, p.lb?.[j] ?? -Infinity, p.ub?.[j] ?? Infinity);
  }
  return { kind: 'infeasible', y, z, zx, support: sup, residual };
}

export function unboundednessCertificate(
  sp: ScaledProblem,
  st: IpmState,
  p: QpProblem,
): UnboundednessCertificate {
  const { n, flags } = sp;
  const d = new Float64Array(n);
  for (let j = 0; j < n; j++) d[j] = flags[j] === PINNED ? 0 : sp.scaling.D[j]! * st.v[j]!;
  return rayCertificate(p, d);
}

/**
 * The unboundedness certificate of direction `d` on p: d scaled in place to unit ∞-norm, and
 * its descent, curvature and residual measured on p.
 */
export function rayCertificate(p: QpProblem, d: Float64Array): UnboundednessCertificate {
  const n = p.n;
  const me = p.A?.nrows ?? 0;
  const mi = p.C?.nrows ?? 0;
  scaleAll(1 / (normInf(d) || 1), d);
  let descent = 0;
  for (let j = 0; j < n; j++) descent += p.q[j]! * d[j]!;
  const pd = new Float64Array(n);
  if (p.P) symUpperMul(p.P, p.P.values, d, pd);
  const ad = new Float64Array(me);
  if (p.A) cscMulAdd(p.A, p.A.values, d, ad, 0);
  const cd = new Float64Array(mi);
  if (p.C) cscMulAdd(p.C, p.C.values, d, cd, 0);
  let curvature = 0;
  for (let j = 0; j < n; j++) curvature += d[j]! * pd[j]!;
  let residual = normInf(ad);
  // Recession cone of [l, u]: t ≥ 0 needs u = ∞, t ≤ 0 needs l = −∞.
  const recession = (t: number, l: number | undefined, u: number | undefined): number =>
    Math.max(
      Number.isFinite(l ?? -Infinity) ? Math.max(0, -t) : 0,
      Number.isFinite(u ?? Infinity) ? Math.max(0, t) : 0,
    );
  for (let r = 0; r < mi; r++)
    residual = Math.max(residual, recession(cd[r]!, p.cl?.[r], p.cu?.[r]));
  for (let j = 0; j < n; j++) residual = Math.max(residual, recession(d[j]!, p.lb?.[j], p.ub?.[j]));
  return { kind: 'unbounded', d, descent, curvature, residual };
}

/** Certificate for bounds that cross before any arithmetic. */
export function crossedCertificate(
  sp: ScaledProblem,
  kind: 'variable' | 'row',
  index: number,
  amount: number,
): InfeasibilityCertificate {
  return {
    kind: 'infeasible',
    y: new Float64Array(sp.me),
    z: new Float64Array(sp.mi),
    zx: new Float64Array(sp.n),
    support: amount,
    residual: 0,
    crossed: { kind, index },
  };
}
