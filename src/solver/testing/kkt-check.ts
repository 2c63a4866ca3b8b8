/**
 * Test helper: independent checks of solver output against the problem data.
 *
 * For an optimal result: primal feasibility (rows and bounds), stationarity
 * P x + q − Aᵀy − Cᵀz − zx = 0, dual sign feasibility (a positive multiplier needs a finite
 * lower bound, a negative one a finite upper bound) and complementarity (|multiplier| × distance
 * to the bound it claims). For certificates: the Farkas / recession conditions recomputed from
 * scratch. All quantities are absolute; callers scale tolerances to their data.
 */
import type {
  CscMatrix,
  InfeasibilityCertificate,
  QpProblem,
  QpResult,
  UnboundednessCertificate,
} from '../types.js';

export interface KktReport {
  primal: number;
  dual: number;
  sign: number;
  complementarity: number;
  objective: number;
}

function mul(M: CscMatrix | undefined, x: ArrayLike<number>, rows: number): Float64Array {
  const out = new Float64Array(rows);
  if (!M) return out;
  for (let j = 0; j < M.ncols; j++) {
    for (let p = M.colPtr[j]!; p < M.colPtr[j + 1]!; p++)
      out[M.rowIdx[p]!]! += M.values[p]! * x[j]!;
  }
  return out;
}

function mulT(M: CscMatrix | undefined, y: ArrayLike<number>, n: number): Float64Array {
  const out = new Float64Array(n);
  if (!M) return out;
  for (let j = 0; j < M.ncols; j++) {
    for (let p = M.colPtr[j]!; p < M.colPtr[j + 1]!; p++)
      out[j]! += M.values[p]! * y[M.rowIdx[p]!]!;
  }
  return out;
}

/** P x for P given by its upper triangle. */
export function symMul(P: CscMatrix | undefined, x: ArrayLike<number>, n: number): Float64Array {
  const out = new Float64Array(n);
  if (!P) return out;
  for (let j = 0; j < n; j++) {
    for (let p = P.colPtr[j]!; p < P.colPtr[j + 1]!; p++) {
      const i = P.rowIdx[p]!;
      out[i]! += P.values[p]! * x[j]!;
      if (i !== j) out[j]! += P.values[p]! * x[i]!;
    }
  }
  return out;
}

export function objectiveAt(p: QpProblem, x: ArrayLike<number>): number {
  const px = symMul(p.P, x, p.n);
  let f = 0;
  for (let j = 0; j < p.n; j++) f += x[j]! * (0.5 * px[j]! + p.q[j]!);
  return f;
}

/** Multiplier t for interval [l, u] at value v: sign violation and complementarity. */
function multiplierCheck(t: number, v: number, l: number, u: number): [number, number] {
  if (t > 0) return [Number.isFinite(l) ? 0 : t, Number.isFinite(l) ? t * Math.abs(v - l) : 0];
  if (t < 0) return [Number.isFinite(u) ? 0 : -t, Number.isFinite(u) ? -t * Math.abs(u - v) : 0];
  return [0, 0];
}

/** Largest violation of A x = b, cl ≤ C x ≤ cu and lb ≤ x ≤ ub. */
export function primalViolation(p: QpProblem, x: ArrayLike<number>): number {
  const ax = mul(p.A, x, p.A?.nrows ?? 0);
  const cx = mul(p.C, x, p.C?.nrows ?? 0);
  let v = 0;
  ax.forEach((a, i) => (v = Math.max(v, Math.abs(a - p.b![i]!))));
  cx.forEach(
    (c, i) => (v = Math.max(v, (p.cl?.[i] ?? -Infinity) - c, c - (p.cu?.[i] ?? Infinity))),
  );
  for (let j = 0; j < p.n; j++) {
    v = Math.max(v, (p.lb?.[j] ?? -Infinity) - x[j]!, x[j]! - (p.ub?.[j] ?? Infinity));
  }
  return v;
}

export function kktReport(p: QpProblem, r: QpResult): KktReport {
  const { n } = p;
  const me = p.A?.nrows ?? 0;
  const mi = p.C?.nrows ?? 0;
  const ax = mul(p.A, r.x, me);
  const cx = mul(p.C, r.x, mi);
  let primal = 0;
  for (let i = 0; i < me; i++) primal = Math.max(primal, Math.abs(ax[i]! - p.b![i]!));
  const viol = (v: number, l: number, u: number): number => Math.max(0, l - v, v - u);
  let sign = 0;
  let comp = 0;
  for (let i = 0; i < mi; i++) {
    const l = p.cl?.[i] ?? -Infinity;
    const u = p.cu?.[i] ?? Infinity;
    primal = Math.max(primal, viol(cx[i]!, l, u));
    const [s, c] = multiplierCheck(r.z[i]!, cx[i]!, l, u);
    sign = Math.max(sign, s);
    comp = Math.max(comp, c);
  }
  const grad = symMul(p.P, r.x, n);
  const aty = mulT(p.A, r.y, n);
  const ctz = mulT(p.C, r.z, n);
  let dual = 0;
  for (let j = 0; j < n; j++) {
    const l = p.lb?.[j] ?? -Infinity;
    const u = p.ub?.[j] ?? Infinity;
    primal = Math.max(primal, viol(r.x[j]!, l, u));
    dual = Math.max(dual, Math.abs(grad[j]! + p.q[j]! - aty[j]! - ctz[j]! - r.zx[j]!));
    if (l === u) continue; // a fixed variable's multiplier may have either sign
    const [s, c] = multiplierCheck(r.zx[j]!, r.x[j]!, l, u);
    sign = Math.max(sign, s);
    comp = Math.max(comp, c);
  }
  return { primal, dual, sign, complementarity: comp, objective: objectiveAt(p, r.x) };
}

/** Recomputes a Farkas certificate: returns { residual, support } from the problem data. */
export function checkInfeasibility(p: QpProblem, c: InfeasibilityCertificate) {
  const { n } = p;
  const aty = mulT(p.A, c.y, n);
  const ctz = mulT(p.C, c.z, n);
  const supp = (t: number, l: number, u: number): number => (t > 0 ? t * l : t < 0 ? t * u : 0);
  let residual = 0;
  let support = 0;
  for (let i = 0; i < (p.A?.nrows ?? 0); i++) support += p.b![i]! * c.y[i]!;
  for (let i = 0; i < (p.C?.nrows ?? 0); i++) {
    support += supp(c.z[i]!, p.cl?.[i] ?? -Infinity, p.cu?.[i] ?? Infinity);
  }
  for (let j = 0; j < n; j++) {
    residual = Math.max(residual, Math.abs(aty[j]! + ctz[j]! + c.zx[j]!));
    support += supp(c.zx[j]!, p.lb?.[j] ?? -Infinity, p.ub?.[j] ?? Infinity);
  }
  return { residual, support };
}

/** Recomputes an unboundedness certificate: returns { residual, descent, curvature dᵀPd }. */
export function checkUnboundedness(p: QpProblem, c: UnboundednessCertificate) {
  const { n } = p;
  const d = c.d;
  let residual = 0;
  let curvature = 0;
  symMul(p.P, d, n).forEach((v, j) => (curvature += v * d[j]!));
  for (const v of mul(p.A, d, p.A?.nrows ?? 0)) residual = Math.max(residual, Math.abs(v));
  const rec = (t: number, l: number, u: number): number =>
    Math.max(Number.isFinite(l) ? -t : 0, Number.isFinite(u) ? t : 0, 0);
  const cd = mul(p.C, d, p.C?.nrows ?? 0);
  for (let i = 0; i < cd.length; i++) {
    residual = Math.max(residual, rec(cd[i]!, p.cl?.[i] ?? -Infinity, p.cu?.[i] ?? Infinity));
  }
  let descent = 0;
  for (let j = 0; j < n; j++) {
    residual = Math.max(residual, rec(d[j]!, p.lb?.[j] ?? -Infinity, p.ub?.[j] ?? Infinity));
    descent += p.q[j]! * d[j]!;
  }
  return { residual, descent, curvature };
}
