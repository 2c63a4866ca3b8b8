/**
 * The internal, scaled problem the interior-point method works on.
 *
 * Rows C x ∈ [cl, cu] get a slack σ = C x, so the internal variables are v = (x, σ) ∈ R^N,
 * N = n + mi, with the single equality system  J̃ v = b̃  where  J̃ = [[A, 0], [C, −I]]  and only
 * bounds lo ≤ v ≤ hi. Special bounds keep the sparsity pattern intact (so the symbolic
 * factorisation is shared by all problems with one pattern) and are handled numerically:
 *  - fixed x_j (lb = ub): x_j = lb·τ is substituted out; its column is zeroed and its effect
 *    moved to q̃ (via P) and b̃ (via A, C). The variable is "pinned": its Newton step is 0.
 *  - fixed σ_r (cl = cu): the row becomes the equality C_r x = cl_r (σ pinned, b̃_r = cl_r).
 *  - free σ_r (both bounds infinite): the row constrains nothing; it is zeroed and its
 *    multiplier kept at 0.
 * Values with |v| ≥ 1e20 count as infinite.
 */
import { UNSET } from './ipm-state.js';
import { RowMajor } from './row-major.js';
import { RuizScaling } from './scaling.js';
import { Slab } from './slab.js';
import type { VectorArena } from './simd/vector-arena.js';
import type { CscMatrix, QpProblem } from './types.js';

export const HAS_LO = 1;
export const HAS_HI = 2;
export const PINNED = 4;
export const ROW_RANGED = 0;
export const ROW_EQUALITY = 1;
export const ROW_FREE = 2;

const BIG = 1e20;
const finiteOr = (v: number | undefined, inf: number): number =>
  v === undefined || Math.abs(v) >= BIG ? inf : v;

/** Bounds that cross: the problem is infeasible before any arithmetic. */
export interface CrossedBound {
  readonly kind: 'variable' | 'row';
  readonly index: number;
  readonly amount: number;
}

/** A problem with every matrix present (missing ones replaced by empty matrices). */
export type LoadedProblem = QpProblem & {
  readonly P: CscMatrix;
  readonly A: CscMatrix;
  readonly C: CscMatrix;
};

export class ScaledProblem {
  readonly N: number;
  readonly m: number;
  /** Scaled P (upper triangle incl. diagonal), A and C values; pinned columns/free rows zeroed. */
  readonly Pv: Float64Array;
  readonly pDiag: Float64Array;
  readonly Av: Float64Array;
  readonly Cv: Float64Array;
  /** C row by row (values Cv), for the products with few dense rows (see row-major.ts). */
  readonly Crows: RowMajor;
  readonly q: Float64Array;
  readonly b: Float64Array;
  /** Σ of |terms| that make up each b̃_r: the scale of its round-off (see scaleRows). */
  private readonly bScale: Float64Array;
  readonly lo: Float64Array;
  readonly hi: Float64Array;
  readonly flags: Uint8Array;
  readonly rowKind: Uint8Array;
  /** Unscaled value of each fixed variable (NaN when not fixed). */
  readonly fixedX: Float64Array;
  readonly scaling: RuizScaling;
  /**
   * Dense bound layout used by the iteration: mlo[i] = 1 if v_i has a finite lower bound (and is
   * not pinned), else 0; loB[i] = that bound (scaled) or 0. Likewise mhi, hiB.
   */
  readonly mlo: Float64Array;
  readonly mhi: Float64Array;
  readonly loB: Float64Array;
  readonly hiB: Float64Array;
  /** Unscaling factor of v_i: D_j for x_j, 1/E for a row slack σ (x = D x̂, σ = σ̂/E). */
  readonly unscaleV: Float64Array;
  /** 1/unscaleV, and 1/E per row (multiplications replace divisions in the residual pass). */
  readonly invUnscaleV: Float64Array;
  readonly invE: Float64Array;
  /** The memory these arrays live in, with its SIMD kernels; null: JavaScript kernels only. */
  readonly arena: VectorArena | null;

  /**
   * Bytes of this object's slab: 9 arrays of length N, 3 of m, 2 of n, the matrix values, 2 of
   * bytes, and up to 16 per array (19) for alignment in a region.
   */
  static slabBytes(
    n: number,
    mi: number,
    m: number,
    P: CscMatrix,
    A: CscMatrix,
    C: CscMatrix,
  ): number {
    const N = n + mi;
    const nnz = P.colPtr[n]! + A.colPtr[n]! + C.colPtr[n]!;
    return 8 * (nnz + 9 * N + 3 * m + 2 * n + 2) + N + mi + 16 * 19;
  }

  /** Bytes of the copies of P's and A's index arrays an arena holds (`wasmIndex`). */
  static indexBytes(n: number, P: CscMatrix, A: CscMatrix): number {
    return 4 * (2 * (n + 1) + P.colPtr[n]! + A.colPtr[n]!) + 16 * 4;
  }

  /**
   * With an arena: byte offsets of copies of P's and A's index arrays in it, for the kernels of
   * the residual pass's products; else null.
   */
  readonly wasmIndex: { Pp: number; Pi: number; Ap: number; Ai: number } | null;
  /** Number of finite bounds (barrier degree). */
  nu = 0;
  /** Objective constant (unscaled) contributed by fixed variables. */
  offset = UNSET;
  crossed: CrossedBound | null = null;

  constructor(
    readonly n: number,
    readonly me: number,
    readonly mi: number,
    readonly P: CscMatrix,
    readonly A: CscMatrix,
    readonly C: CscMatrix,
    arena?: VectorArena,
  ) {
    this.arena = arena ?? null;
    this.N = n + mi;
    this.m = me + mi;
    // One buffer for the arrays (slab.ts), or a region of the arena's memory.
    const bytes =
      ScaledProblem.slabBytes(n, mi, this.m, P, A, C) +
      (arena ? ScaledProblem.indexBytes(n, P, A) : 0);
    const slab = new Slab(bytes, arena?.region(bytes));
    this.Pv = slab.f64(P.colPtr[n]!);
    this.pDiag = slab.f64(n);
    this.Av = slab.f64(A.colPtr[n]!);
    this.Cv = slab.f64(C.colPtr[n]!);
    this.Crows = new RowMajor(C);
    this.q = slab.f64(this.N);
    this.b = slab.f64(this.m);
    this.bScale = slab.f64(this.m);
    this.lo = slab.f64(this.N);
    this.hi = slab.f64(this.N);
    this.flags = slab.u8(this.N);
    this.rowKind = slab.u8(mi);
    this.fixedX = slab.f64(n);
    this.scaling = new RuizScaling(n, me, mi);
    this.mlo = slab.f64(this.N);
    this.mhi = slab.f64(this.N);
    this.loB = slab.f64(this.N);
    this.hiB = slab.f64(this.N);
    this.unscaleV = slab.f64(this.N);
    this.invUnscaleV = slab.f64(this.N);
    this.invE = slab.f64(this.m);
    const at = (a: Int32Array): number => slab.i32From(a).byteOffset;
    this.wasmIndex = arena
      ? { Pp: at(P.colPtr), Pi: at(P.rowIdx), Ap: at(A.colPtr), Ai: at(A.rowIdx) }
      : null;
  }

  /** Classifies one bound pair into flags; records crossed bounds. Returns the flags. */
  private classify(lo: number, hi: number, kind: 'variable' | 'row', index: number): number {
    if (lo === Infinity || hi === -Infinity || lo > hi) {
      const amount = lo === hi ? Infinity : lo - hi;
      if (amount > 1e-9 * Math.max(1, Math.abs(lo), Math.abs(hi)) || !Number.isFinite(amount)) {
        this.crossed ??= { kind, index, amount };
      }
      return PINNED;
    }
    if (lo === hi) return PINNED;
    return (lo > -Infinity ? HAS_LO : 0) | (hi < Infinity ? HAS_HI : 0);
  }

  /**
   * Loads and scales a problem whose P, A, C (all present) have the constructor's pattern;
   * their values are read from `p`.
   */
  load(p: LoadedProblem, scalingPasses: number): void {
    const { n, me, mi, N, flags, lo, hi, rowKind, fixedX } = this;
    this.crossed = null;
    // Optional vectors hoisted once: property reads inside the loops were a large share of load.
    const { lb, ub, cl, cu } = p;
    for (let j = 0; j < n; j++) {
      const l = lb ? finiteOr(lb[j], -Infinity) : -Infinity;
      const u = ub ? finiteOr(ub[j], Infinity) : Infinity;
      const f =
        l < u
          ? (l > -Infinity ? HAS_LO : 0) | (u < Infinity ? HAS_HI : 0)
          : this.classify(l, u, 'variable', j);
      flags[j] = f;
      fixedX[j] = f === PINNED ? (Number.isFinite(l) ? (l + Math.min(u, l)) / 2 : 0) : NaN;
      lo[j] = l;
      hi[j] = u;
    }
    for (let r = 0; r < mi; r++) {
      const l = cl ? finiteOr(cl[r], -Infinity) : -Infinity;
      const u = cu ? finiteOr(cu[r], Infinity) : Infinity;
      const f = this.classify(l, u, 'row', r);
      rowKind[r] = f === PINNED ? ROW_EQUALITY : f === 0 ? ROW_FREE : ROW_RANGED;
      flags[n + r] = rowKind[r] === ROW_FREE ? PINNED : f;
      lo[n + r] = l;
      hi[n + r] = u;
    }
    const sc = this.scaling;
    sc.compute(p.P, p.A, p.C, p.q, scalingPasses);
    const { D, E, c } = sc;
    this.scaleObjective(p, D, c);
    this.scaleRows(p, D, E);
    const { mlo, mhi, loB, hiB, unscaleV, invUnscaleV, invE } = this;
    for (let r = 0; r < invE.length; r++) invE[r] = 1 / E[r]!;
    let nu = 0;
    for (let j = 0; j < N; j++) {
      const f = flags[j]!;
      const us = j < n ? D[j]! : 1 / E[me + j - n]!;
      unscaleV[j] = us;
      invUnscaleV[j] = 1 / us;
      const l = lo[j]! / us;
      const u = hi[j]! / us;
      lo[j] = l;
      hi[j] = u;
      const pinned = (f & PINNED) !== 0;
      const ml = !pinned && f & HAS_LO ? 1 : 0;
      const mh = !pinned && f & HAS_HI ? 1 : 0;
      mlo[j] = ml;
      mhi[j] = mh;
      loB[j] = ml ? l : 0;
      hiB[j] = mh ? u : 0;
      nu += ml + mh;
    }
    this.nu = nu;
  }

  private scaleObjective(p: LoadedProblem, D: Float64Array, c: number): void {
    const { n, flags, fixedX, q, Pv, pDiag } = this;
    const { colPtr, rowIdx, values } = p.P;
    q.fill(0);
    pDiag.fill(0);
    let offset = 0;
    for (let j = 0; j < n; j++) {
      q[j] = flags[j] === PINNED ? 0 : c * D[j]! * p.q[j]!;
      if (flags[j] === PINNED) offset += p.q[j]! * fixedX[j]!;
    }
    for (let j = 0; j < n; j++) {
      const pj = flags[j] === PINNED;
      for (let k = colPtr[j]!, end = colPtr[j + 1]!; k < end; k++) {
        const i = rowIdx[k]!;
        const pi = flags[i] === PINNED;
        const raw = values[k]!;
        const v = c * D[i]! * raw * D[j]!;
        Pv[k] = pi || pj ? 0 : v;
        if (i === j) {
          if (!pj) pDiag[j] = v;
          else offset += 0.5 * raw * fixedX[j]! * fixedX[j]!;
        } else if (pi && pj) {
          offset += raw * fixedX[i]! * fixedX[j]!;
        } else if (pj) {
          // ½·2·P_ij x_i x_j with x_j fixed: a linear term in x_i (scaled: c D_i P_ij x_j).
          q[i]! += c * D[i]! * raw * fixedX[j]!;
        } else if (pi) {
          q[j]! += c * D[j]! * raw * fixedX[i]!;
        }
      }
    }
    this.offset = offset;
  }

  /**
   * b̃ = E(b − M x_fixed). A row whose fixed variables balance its right-hand side must get
   * b̃_r = 0, yet the subtraction leaves round-off of the size of its terms; and with every
   * column of the row pinned, any multiplier y_r then "proves" infeasibility (J̃ᵀy = 0 on that
   * row, b̃ᵀy ≠ 0). So a b̃_r within 16ε of the sum of its terms' magnitudes is set to 0: a
   * right-hand side that cancels only to rounding is consistent, not a certificate.
   */
  private scaleRows(p: LoadedProblem, D: Float64Array, E: Float64Array): void {
    const { me, mi, m, rowKind, b, bScale } = this;
    const pb = p.b;
    for (let r = 0; r < me; r++) b[r] = E[r]! * pb![r]!;
    for (let r = 0; r < mi; r++) {
      b[me + r] = rowKind[r] === ROW_EQUALITY ? E[me + r]! * this.rowFixedValue(p, r) : 0;
    }
    for (let r = 0; r < m; r++) bScale[r] = Math.abs(b[r]!);
    this.scaleMatrix(p.A, this.Av, 0, null, D, E);
    this.scaleMatrix(p.C, this.Cv, me, rowKind, D, E);
    for (let r = 0; r < m; r++) {
      if (Math.abs(b[r]!) <= 16 * Number.EPSILON * bScale[r]!) b[r] = 0;
    }
    this.Crows.load(this.Cv);
  }

  /**
   * out = E M D with pinned columns and free rows (rowKind given) zeroed; a fixed variable's
   * contribution moves to the right-hand side: b̃ −= E_r M_rj x_j.
   */
  private scaleMatrix(
    M: CscMatrix,
    out: Float64Array,
    offset: number,
    rowKind: Uint8Array | null,
    D: Float64Array,
    E: Float64Array,
  ): void {
    const { n, flags, fixedX, b, bScale } = this;
    const { colPtr, rowIdx, values } = M;
    for (let j = 0; j < n; j++) {
      const pinned = flags[j] === PINNED;
      const dj = D[j]!;
      for (let k = colPtr[j]!, end = colPtr[j + 1]!; k < end; k++) {
        const r = rowIdx[k]!;
        const free = rowKind !== null && rowKind[r] === ROW_FREE;
        const er = E[offset + r]!;
        out[k] = pinned || free ? 0 : er * values[k]! * dj;
        if (pinned && !free) {
          const term = er * values[k]! * fixedX[j]!;
          b[offset + r]! -= term;
          bScale[offset + r]! += Math.abs(term);
        }
      }
    }
  }

  private rowFixedValue(p: QpProblem, r: number): number {
    const l = finiteOr(p.cl?.[r], -Infinity);
    const u = finiteOr(p.cu?.[r], Infinity);
    return Number.isFinite(l) ? (l + Math.min(l, u)) / 2 : Number.isFinite(u) ? u : 0;
  }
}
