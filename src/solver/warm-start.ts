/**
 * Warm start: the starting point of the lean path from an earlier solution (x, y, z, zx) of a
 * problem with the same pattern — the rebalance re-solves one household several times with a
 * few bounds or weights changed (wash-sale decisions, a tracking-error limit's risk aversion).
 *
 * Mapped into the scaled internal form with τ = 1 (inverting solution.ts):
 *   v_j = x_j / D_j,   ŷ_r = −y_r c / E_r (A rows),   ŷ_{me+r} = −z_r c / E_{me+r} (C rows),
 *   a ranged row's slack v_{n+r} = (C̃ v)_r,   zl − zu = zx_j D_j c  (x)  or  −ŷ_{me+r}  (slack),
 *   sl = v − lo,  su = hi − v,
 * then every present slack and bound dual is raised to at least θ. An interior-point method
 * cannot start on the boundary (an exact earlier optimum has s∘z ≈ 0 and would take tiny
 * steps); θ puts it at μ ≈ θ², far closer to the answer than the cold start's μ ≈ 0.1–1 when
 * the change is small, and the lean path hands over to the cold homogeneous method if the
 * start turns out bad.
 */
import type { IpmState } from './ipm-state.js';
import { PINNED, ROW_FREE, ROW_RANGED, type ScaledProblem } from './scaled-problem.js';
import type { QpStart } from './types.js';

/** Floor θ of warm-started slacks and bound duals (scaled units). */
export const WARM_FLOOR = 3e-3;

/** Throws when `start` does not fit the problem's dimensions. */
export function checkStart(start: QpStart, n: number, me: number, mi: number): void {
  const expect = (name: string, a: Float64Array, len: number): void => {
    if (a.length !== len) {
      throw new RangeError(`QP warm start: ${name} has length ${a.length}, expected ${len}`);
    }
  };
  expect('x', start.x, n);
  expect('zx', start.zx, n);
  expect('y', start.y, me);
  expect('z', start.z, mi);
}

const allFinite = (a: Float64Array): boolean => a.every((v) => Number.isFinite(v));

/** Whether every entry of `start` is finite (a start with NaN or ±∞ is ignored). */
export function usableStart(start: QpStart): boolean {
  return allFinite(start.x) && allFinite(start.y) && allFinite(start.z) && allFinite(start.zx);
}

/** Writes the warm starting point into `st` (τ = 1, κ = 0, zero direction). */
export function warmPoint(sp: ScaledProblem, st: IpmState, start: QpStart, floor: number): void {
  const { n, me, mi, N, flags, rowKind, mlo, mhi, loB, hiB } = sp;
  const { D, E, c } = sp.scaling;
  const { v, y, sl, zl, su, zu } = st;
  for (let j = 0; j < n; j++) v[j] = flags[j] === PINNED ? 0 : start.x[j]! / D[j]!;
  for (let r = 0; r < me; r++) y[r] = (-start.y[r]! * c) / E[r]!;
  for (let r = 0; r < mi; r++) {
    y[me + r] = rowKind[r] === ROW_FREE ? 0 : (-start.z[r]! * c) / E[me + r]!;
    v[n + r] = rowKind[r] === ROW_RANGED ? sp.Crows.rowDot(r, v) : 0;
  }
  for (let i = 0; i < N; i++) {
    const w = i < n ? start.zx[i]! * D[i]! * c : -y[me + i - n]!;
    const l = mlo[i]!;
    const u = mhi[i]!;
    sl[i] = l ? Math.max(v[i]! - loB[i]!, floor) : 1;
    su[i] = u ? Math.max(hiB[i]! - v[i]!, floor) : 1;
    zl[i] = l ? Math.max(w, floor) : 0;
    zu[i] = u ? Math.max(-w, floor) : 0;
  }
  st.tau = 1;
  st.kappa = 0;
  st.clearDirection();
}
