/**
 * Ruiz equilibration of the KKT matrix M = [[P, Jᵀ], [J, 0]] with J = [A; C].
 *
 * Finds diagonal D (variables) and E (rows) so that every row/column of S M S, S = diag(D, E),
 * has ∞-norm ≈ 1: each pass divides row/column i by √‖(S M S)ᵢ‖∞ (Ruiz 2001; as in OSQP and
 * Clarabel). Cumulative factors are clamped to [1e-4, 1e4] so near-empty columns are not blown
 * up. A final cost scale c = 1 / max(mean column norm of D P D, ‖D q‖∞) normalises the objective.
 * The scaled problem is  P̂ = c D P D,  q̂ = c D q,  Â = E A D,  b̂ = E b,  x̂ = D⁻¹ x.
 */
import { UNSET } from './ipm-state.js';
import type { CscMatrix } from './types.js';
import { Slab } from './slab.js';

const MIN_SCALE = 1e-4;
const MAX_SCALE = 1e4;

const limit = (v: number): number => (v < MIN_SCALE ? 1 : v > MAX_SCALE ? MAX_SCALE : v);
const clamp = (v: number): number => Math.min(MAX_SCALE, Math.max(MIN_SCALE, v));

export class RuizScaling {
  /** Variable scaling, length n. */
  readonly D: Float64Array;
  /** Row scaling, length me + mi (A rows first). */
  readonly E: Float64Array;
  /** Objective scaling. */
  c = UNSET;
  private readonly nx: Float64Array;
  private readonly nr: Float64Array;

  constructor(
    private readonly n: number,
    private readonly me: number,
    mi: number,
  ) {
    const slab = new Slab(16 * (n + me + mi));
    this.D = slab.f64(n);
    this.E = slab.f64(me + mi);
    this.nx = slab.f64(n);
    this.nr = slab.f64(me + mi);
  }

  /** Computes D, E and c for the given matrices (values as stored in the CSC objects). */
  compute(P: CscMatrix, A: CscMatrix, C: CscMatrix, q: Float64Array, passes: number): void {
    const { D, E, nx, nr, n } = this;
    D.fill(1);
    E.fill(1);
    for (let pass = 0; pass < passes; pass++) {
      nx.fill(0);
      nr.fill(0);
      this.accumulateSym(P);
      this.accumulateRows(A, 0);
      this.accumulateRows(C, this.me);
      let worst = 0;
      for (let j = 0; j < n; j++) {
        const v = nx[j]!;
        if (v > 0) worst = Math.max(worst, Math.abs(1 - v));
        D[j] = clamp(D[j]! / Math.sqrt(limit(v)));
      }
      for (let r = 0; r < E.length; r++) {
        const v = nr[r]!;
        if (v > 0) worst = Math.max(worst, Math.abs(1 - v));
        E[r] = clamp(E[r]! / Math.sqrt(limit(v)));
      }
      // Norms within ±10% of 1 are as good as further passes would make them.
      if (worst < 0.1) break;
    }
    // Cost scaling from the scaled P column norms and q.
    nx.fill(0);
    this.accumulateSym(P);
    let mean = 0;
    let qmax = 0;
    for (let j = 0; j < n; j++) {
      mean += nx[j]!;
      qmax = Math.max(qmax, Math.abs(q[j]! * D[j]!));
    }
    mean = n > 0 ? mean / n : 0;
    const scale = Math.max(mean, qmax);
    this.c = scale > 0 ? 1 / limit(scale) : 1;
  }

  private accumulateSym(P: CscMatrix): void {
    const { D, nx } = this;
    const { colPtr, rowIdx, values } = P;
    for (let j = 0; j < P.ncols; j++) {
      const dj = D[j]!;
      for (let p = colPtr[j]!, end = colPtr[j + 1]!; p < end; p++) {
        const i = rowIdx[p]!;
        const v = Math.abs(values[p]!) * D[i]! * dj;
        if (v > nx[j]!) nx[j] = v;
        if (v > nx[i]!) nx[i] = v;
      }
    }
  }

  private accumulateRows(M: CscMatrix, offset: number): void {
    const { D, E, nx, nr } = this;
    const { colPtr, rowIdx, values } = M;
    for (let j = 0; j < M.ncols; j++) {
      const dj = D[j]!;
      let colMax = nx[j]!;
      for (let p = colPtr[j]!, end = colPtr[j + 1]!; p < end; p++) {
        const r = offset + rowIdx[p]!;
        const v = Math.abs(values[p]!) * E[r]! * dj;
        if (v > colMax) colMax = v;
        if (v > nr[r]!) nr[r] = v;
      }
      nx[j] = colMax;
    }
  }
}
