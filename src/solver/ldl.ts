/**
 * Numeric LDLᵀ factorisation and solves for a quasi-definite matrix, reusing a `Symbolic`.
 *
 * 1. Sparse pivots S: the up-looking algorithm of QDLDL. Row k of L solves L₀₀ D₀ l = K₀ₖ over
 *    the precomputed row reach, then d_k = K_kk − Σ_c l_kc² d_c.
 * 2. L_TS column by column into dense panels (dense-tail.ts).
 * 3. Schur complement K_TT − L_TS D_S L_TSᵀ with dense kernels.
 * 4. Dense LDLᵀ of the tail.
 *
 * For a quasi-definite K (positive definite (1,1) block, negative definite (2,2) block) every
 * symmetric permutation has such a factorisation with known pivot signs. Dynamic
 * regularisation enforces them: a pivot whose signed value is ≤ eps becomes sign·delta
 * (Clarabel / OSQP practice); the count is reported so callers can refine solutions against the
 * unperturbed matrix.
 *
 * Built in an arena (simd/vector-arena.ts), a factor runs all four steps as one WebAssembly
 * kernel (simd/ldl-kernels.ts), bit for bit the TypeScript below.
 */
import { denseLdl, panelSchur } from './dense-kernels.js';
import { solveOne, solveTwo } from './ldl-solve.js';
import { LDL_INDEX_ARRAYS, LDL_TABLE, LdlBinding } from './simd/ldl-kernels.js';
import type { VectorArena } from './simd/vector-arena.js';
import { Slab } from './slab.js';
import type { Symbolic } from './symbolic.js';

/** The index array `name` of `sym` (Kp and Ki are the symbolic's own, the rest its tail's). */
function indexArray(sym: Symbolic, name: (typeof LDL_INDEX_ARRAYS)[number]): Int32Array {
  return name === 'Kp' || name === 'Ki' ? sym[name] : sym.tail[name];
}

export class LdlFactor {
  /** L_SS values (CSC slots of tail.Si). */
  readonly Sx: Float64Array;
  /** Panel values of B = L_TS·D_S (see tailPanels). */
  readonly W: Float64Array;
  /** Dense tail: Schur complement, then L_TT in its strict lower triangle (row-major t × t). */
  readonly T: Float64Array;
  readonly D: Float64Array;
  readonly Dinv: Float64Array;
  /** Number of pivots replaced during the last factorisation. */
  regularizedPivots = 0;
  private readonly y: Float64Array;
  readonly scratch: Float64Array;
  /** Two more work vectors of length max(maxWidth, t) for the solves. */
  readonly scratchA: Float64Array;
  readonly scratchB: Float64Array;
  /** Panel rows scaled by D⁻¹ (Schur complement work array, the size of the largest panel). */
  private readonly U: Float64Array;
  /** K_TS scattered into panel layout and K_TT's off-diagonal part (constant within a solve). */
  private readonly W0: Float64Array;
  private readonly T0: Float64Array;

  /** The WebAssembly kernels on this factor's arrays (built in an arena), else null. */
  readonly wasm: LdlBinding | null;

  /** Bytes of the factor's values and work arrays. */
  private static valueBytes(sym: Symbolic): number {
    const { tail, n } = sym;
    const width = Math.max(tail.maxWidth, tail.t);
    return (
      8 * (tail.Si.length + 2 * tail.wsize + 2 * tail.t * tail.t + 3 * n + 4 * width) +
      8 * (largestPanel(sym) + 10)
    );
  }

  /**
   * Bytes a factor of `sym` takes in an arena: its arrays, copies of the index arrays the kernels
   * read and their table, each rounded up to 16.
   */
  static arenaBytes(sym: Symbolic): number {
    let index = 4 * LDL_TABLE.length;
    for (const name of LDL_INDEX_ARRAYS) index += 4 * indexArray(sym, name).length;
    return LdlFactor.valueBytes(sym) + index + 16 * (12 + LDL_INDEX_ARRAYS.length + 1);
  }

  /**
   * `arena`: the memory to hold the arrays in, with the index arrays copied beside them, for the
   * WebAssembly kernels; without, a buffer of its own and the TypeScript loops.
   */
  constructor(
    readonly sym: Symbolic,
    arena?: VectorArena,
  ) {
    const { tail, n } = sym;
    const width = Math.max(tail.maxWidth, tail.t);
    // One buffer for the arrays (slab.ts), or a region of the arena's memory.
    const bytes = arena ? LdlFactor.arenaBytes(sym) : LdlFactor.valueBytes(sym);
    const slab = new Slab(bytes, arena?.region(bytes));
    this.Sx = slab.f64(tail.Si.length);
    this.W = slab.f64(tail.wsize);
    this.T = slab.f64(tail.t * tail.t);
    this.D = slab.f64(n);
    this.Dinv = slab.f64(n);
    this.y = slab.f64(n);
    this.scratch = slab.f64(2 * width);
    this.scratchA = slab.f64(width);
    this.scratchB = slab.f64(width);
    this.U = slab.f64(largestPanel(sym));
    this.W0 = slab.f64(tail.wsize);
    this.T0 = slab.f64(tail.t * tail.t);
    if (arena === undefined) {
      this.wasm = null;
      return;
    }
    const copies = Object.fromEntries(
      LDL_INDEX_ARRAYS.map((name) => [name, slab.i32From(indexArray(sym, name))]),
    ) as Record<(typeof LDL_INDEX_ARRAYS)[number], Int32Array>;
    const { Sx, y, D, Dinv, W, T, U, scratchA, W0, T0, scratch } = this;
    this.wasm = new LdlBinding(arena.kernels, slab.i32(LDL_TABLE.length), {
      ...copies,
      Sx,
      y,
      D,
      Dinv,
      W,
      T,
      U,
      scratchA,
      W0,
      T0,
      scratch,
    });
  }

  /**
   * Stores the off-diagonal entries of K that feed the tail (K_TS and K_TT). Call whenever Kx
   * changes; the per-iteration factorisations then start from a plain copy.
   */
  setOffDiagonal(Kx: Float64Array): void {
    const { kwSrc, kwDst, ktSrc, ktDst } = this.sym.tail;
    const { W0, T0 } = this;
    W0.fill(0);
    for (let q = 0; q < kwSrc.length; q++) W0[kwDst[q]!] = Kx[kwSrc[q]!]!;
    T0.fill(0);
    for (let q = 0; q < ktSrc.length; q++) T0[ktDst[q]!] = Kx[ktSrc[q]!]!;
  }

  /**
   * Factorises K given its permuted strict upper values `Kx` (slots of `sym.Ki`) and permuted
   * diagonal `diag`. `sign[k]` (+1 / −1) is the expected sign of pivot k.
   */
  factor(Kx: Float64Array, diag: Float64Array, sign: Int8Array, eps: number, delta: number): void {
    const { tail } = this.sym;
    const { ns, t } = tail;
    const w = this.wasm;
    if (w !== null && w.holds(Kx, diag, sign)) {
      const ng = tail.gRp.length - 1;
      this.regularizedPivots = w.kernels.ldlFactor(
        w.tab,
        Kx.byteOffset,
        diag.byteOffset,
        sign.byteOffset,
        ns,
        ng,
        t,
        tail.wsize,
        eps,
        delta,
      );
      return;
    }
    const { T, D, Dinv } = this;
    let replaced = this.factorSparse(Kx, diag, sign, eps, delta);
    this.W.set(this.W0);
    this.pushPanels();
    T.set(this.T0);
    for (let a = 0; a < t; a++) T[a * t + a] = diag[ns + a]!;
    panelSchur(tail, this.W, Dinv, T, this.U, this.scratchA);
    replaced += denseLdl(T, t, D, Dinv, ns, sign, eps, delta, this.scratch);
    this.regularizedPivots = replaced;
  }

  /**
   * Rows k < ns of L (step 1), the up-looking algorithm; returns how many pivots it replaced.
   * kernels.wat's ldlSparse is its twin.
   */
  factorSparse(
    Kx: Float64Array,
    diag: Float64Array,
    sign: Int8Array,
    eps: number,
    delta: number,
  ): number {
    const { Kp, Ki, tail } = this.sym;
    const { ns, Sp, Si, Rp, Rc, SRslot } = tail;
    const { Sx, D, Dinv, y } = this;
    let replaced = 0;
    for (let k = 0; k < ns; k++) {
      for (let p = Kp[k]!, end = Kp[k + 1]!; p < end; p++) y[Ki[p]!] = Kx[p]!;
      let d = diag[k]!;
      for (let r = Rp[k]!, rend = Rp[k + 1]!; r < rend; r++) {
        const c = Rc[r]!;
        const slot = SRslot[r]!;
        const yc = y[c]!;
        y[c] = 0;
        // Eliminate with the part of column c already computed (rows < k).
        for (let j = Sp[c]!; j < slot; j++) y[Si[j]!]! -= Sx[j]! * yc;
        const lkc = yc * Dinv[c]!;
        Sx[slot] = lkc;
        d -= yc * lkc;
      }
      const s = sign[k]!;
      if (!(s * d > eps)) {
        d = s * delta;
        replaced++;
      }
      D[k] = d;
      Dinv[k] = 1 / d;
    }
    return replaced;
  }

  /**
   * The panels hold B = L_TS·D_S (not L_TS), which saves a scaling pass: B = K_TS (a copy of the
   * panels prepared by setOffDiagonal, made by the caller), then for c = 0..ns−1 and each sparse
   * entry (r, c): B[:, r] −= B[:, c]·L[r, c]. Column c is final once its descendants have
   * pushed, which increasing c guarantees. The Schur kernel and the solves apply D⁻¹ where
   * needed. kernels.wat's ldlPanels is its twin.
   */
  pushPanels(): void {
    const { tail } = this.sym;
    const { ns, Sp, Si, colGroup, colPos, gRp, gCp, gW, relStart, relRows } = tail;
    const { Sx, W } = this;
    for (let c = 0; c < ns; c++) {
      const g = colGroup[c]!;
      if (g < 0) continue;
      const baseC = gW[g]!;
      const Gc = gCp[g + 1]! - gCp[g]!;
      const pc = colPos[c]!;
      const p = gRp[g + 1]! - gRp[g]!;
      for (let j = Sp[c]!, jend = Sp[c + 1]!; j < jend; j++) {
        const r = Si[j]!;
        const f = Sx[j]!;
        const rel = relStart[j]!;
        const pr = colPos[r]!;
        if (rel === -2) {
          for (let a = 0, off = baseC; a < p; a++, off += Gc) W[off + pr]! -= W[off + pc]! * f;
        } else {
          const gr = colGroup[r]!;
          const baseR = gW[gr]!;
          const Gr = gCp[gr + 1]! - gCp[gr]!;
          for (let a = 0; a < p; a++) {
            W[baseR + relRows[rel + a]! * Gr + pr]! -= W[baseC + a * Gc + pc]! * f;
          }
        }
      }
    }
  }

  /** Solves L D Lᵀ x = b in place on a permuted vector. */
  solveInPlace(x: Float64Array): void {
    solveOne(this, x);
  }

  /** Solves two systems with the same factor in one sweep (shared index and factor loads). */
  solveInPlace2(x1: Float64Array, x2: Float64Array): void {
    solveTwo(this, x1, x2);
  }
}

/** Entries of the largest panel (p × G). */
function largestPanel(sym: Symbolic): number {
  const { gRp, gCp } = sym.tail;
  let panel = 0;
  for (let g = 0; g + 1 < gRp.length; g++) {
    panel = Math.max(panel, (gRp[g + 1]! - gRp[g]!) * (gCp[g + 1]! - gCp[g]!));
  }
  return panel;
}
