/**
 * The reduced KKT system of one interior-point iteration, in quasi-definite form
 *
 *     K = [ P + Hx + ρI      Aᵀ           Cᵀ          ]
 *         [ A                −δI          0           ]
 *         [ C                0            Hc − δI     ]
 *
 * with Hx = diag(Σx) ≥ 0 from the bounds of x and Hc = −diag(1/Σσ) ≤ 0 from the eliminated row
 * slacks σ (0 for equality rows). ρ = δ is the static regularisation. Index order of the
 * unpermuted system: x (n), A rows (me), C rows (mi).
 *
 * `KktPattern` holds the symbolic factorisation (shared by every problem with one pattern);
 * `KktSystem` holds the numbers of one solve and refines solutions against the unregularised
 * matrix (iterative refinement, as in Clarabel) to undo the effect of ρ, δ and any dynamic
 * pivot regularisation.
 */
import { cscMulAdd, cscMulTransposeAdd, symUpperMul } from './csc.js';
import { UNSET } from './ipm-state.js';
import { LdlFactor } from './ldl.js';
import type { VectorArena } from './simd/vector-arena.js';
import { Slab } from './slab.js';
import { analyze, type Symbolic } from './symbolic.js';
import type { CscMatrix } from './types.js';

export class KktPattern {
  readonly nK: number;
  readonly sym: Symbolic;
  /** Slot in K's value array of each P entry (−1 for diagonal entries). */
  readonly pSlot: Int32Array;
  readonly aSlot: Int32Array;
  readonly cSlot: Int32Array;
  /** Expected pivot sign, permuted: +1 for x, −1 for rows. */
  readonly sign: Int8Array;

  constructor(
    readonly n: number,
    readonly me: number,
    readonly mi: number,
    readonly P: CscMatrix,
    readonly A: CscMatrix,
    readonly C: CscMatrix,
  ) {
    const nK = n + me + mi;
    this.nK = nK;
    const nP = P.colPtr[n]!;
    const nA = A.colPtr[n]!;
    const nC = C.colPtr[n]!;
    // Two buffers (slab.ts): the triplets, dropped after the analysis, and the slots.
    const triplets = new Slab(8 * (nP + nA + nC + 2));
    const rows = triplets.i32(nP + nA + nC);
    const cols = triplets.i32(nP + nA + nC);
    const slots = new Slab(4 * (nP + nA + nC + 6));
    this.pSlot = slots.i32(nP).fill(-1);
    this.aSlot = slots.i32(nA);
    this.cSlot = slots.i32(nC);
    let t = 0;
    for (let j = 0; j < n; j++) {
      for (let p = P.colPtr[j]!; p < P.colPtr[j + 1]!; p++) {
        const i = P.rowIdx[p]!;
        if (i === j) continue;
        rows[t] = i;
        cols[t] = j;
        this.pSlot[p] = t++;
      }
    }
    const addRows = (M: CscMatrix, offset: number, slots: Int32Array): void => {
      for (let j = 0; j < n; j++) {
        for (let p = M.colPtr[j]!; p < M.colPtr[j + 1]!; p++) {
          rows[t] = j;
          cols[t] = offset + M.rowIdx[p]!;
          slots[p] = t++;
        }
      }
    };
    addRows(A, n, this.aSlot);
    addRows(C, n + me, this.cSlot);
    this.sym = analyze(nK, rows, cols, t);
    // Translate triplet numbers into value slots of the permuted matrix.
    const slot = this.sym.entrySlot;
    for (let p = 0; p < nP; p++) if (this.pSlot[p]! >= 0) this.pSlot[p] = slot[this.pSlot[p]!]!;
    for (let p = 0; p < nA; p++) this.aSlot[p] = slot[this.aSlot[p]!]!;
    for (let p = 0; p < nC; p++) this.cSlot[p] = slot[this.cSlot[p]!]!;
    this.sign = new Int8Array(nK);
    for (let k = 0; k < nK; k++) this.sign[k] = this.sym.perm[k]! < n ? 1 : -1;
  }
}

/** Numeric KKT matrix, factor and refined solves for one pattern. */
export class KktSystem {
  readonly factor: LdlFactor;
  /** Unregularised diagonal beyond P: Hx for x (n entries), then Hrow for rows (me + mi). */
  readonly h: Float64Array;
  /** P's diagonal (scaled), added to h[0..n) in the factorised matrix. */
  pDiag: Float64Array;
  private Pv: Float64Array;
  private Av: Float64Array;
  private Cv: Float64Array;
  private readonly Kx: Float64Array;
  private readonly diag: Float64Array;
  private readonly wp: Float64Array;
  private readonly res: Float64Array;
  private readonly trial: Float64Array;
  private readonly bp: Float64Array;
  private readonly bp2: Float64Array;
  private readonly bu: Float64Array;
  private readonly xu: Float64Array;
  /** Total triangular solves performed (for profiling). */
  solves = 0;
  /** Static regularisation of the current factorisation (+ on x, − on rows). */
  regularization = UNSET;
  /** True when the last refactor had to raise the regularisation (see refactor). */
  escalated = false;

  /** The pivots' expected signs: the pattern's, or a copy in the arena (for the kernels). */
  private readonly sign: Int8Array;

  /** Bytes of the system's own arrays (9 of length nK, the values of K, P's diagonal, signs). */
  private static ownBytes(pat: KktPattern): number {
    return 8 * (9 * pat.nK + pat.sym.Ki.length + pat.n) + pat.nK + 16 * 12;
  }

  /** Bytes a system of `pat` takes in an arena, with its factor's. */
  static arenaBytes(pat: KktPattern): number {
    // Each region is rounded up to 16 bytes.
    return KktSystem.ownBytes(pat) + LdlFactor.arenaBytes(pat.sym) + 32;
  }

  /**
   * `arena`: the memory to hold the arrays and the factor's in, for the WebAssembly kernels of
   * the factorisation and solves; without, buffers of their own.
   */
  constructor(
    readonly pat: KktPattern,
    arena?: VectorArena,
  ) {
    const nK = pat.nK;
    this.factor = new LdlFactor(pat.sym, arena);
    // One buffer for the arrays (slab.ts), or a region of the arena's memory.
    const bytes = KktSystem.ownBytes(pat);
    const slab = new Slab(bytes, arena?.region(bytes));
    this.h = slab.f64(nK);
    this.Kx = slab.f64(pat.sym.Ki.length);
    this.diag = slab.f64(nK);
    this.wp = slab.f64(nK);
    this.res = slab.f64(nK);
    this.trial = slab.f64(nK);
    this.bp = slab.f64(nK);
    this.bp2 = slab.f64(nK);
    this.bu = slab.f64(nK);
    this.xu = slab.f64(nK);
    this.pDiag = slab.f64(pat.n);
    if (arena === undefined) {
      this.sign = pat.sign;
    } else {
      const bytesOfSign = slab.u8(nK);
      this.sign = new Int8Array(bytesOfSign.buffer, bytesOfSign.byteOffset, nK);
      this.sign.set(pat.sign);
    }
    this.Pv = new Float64Array(0);
    this.Av = new Float64Array(0);
    this.Cv = new Float64Array(0);
  }

  /** Loads the (scaled) off-diagonal values; called once per solve. */
  loadValues(Pv: Float64Array, pDiag: Float64Array, Av: Float64Array, Cv: Float64Array): void {
    const { pat, Kx } = this;
    this.Pv = Pv;
    this.pDiag = pDiag;
    this.Av = Av;
    this.Cv = Cv;
    for (let p = 0; p < pat.pSlot.length; p++) {
      const s = pat.pSlot[p]!;
      if (s >= 0) Kx[s] = Pv[p]!;
    }
    for (let p = 0; p < pat.aSlot.length; p++) Kx[pat.aSlot[p]!] = Av[p]!;
    for (let p = 0; p < pat.cSlot.length; p++) Kx[pat.cSlot[p]!] = Cv[p]!;
    this.factor.setOffDiagonal(Kx);
  }

  /**
   * Factorises K with the current `h` plus static regularisation `reg`. If the factor shows
   * element growth (a non-finite pivot, or max|d| > 1e12 × the largest diagonal entry — typical
   * of linearly dependent rows, whose pivots are ≈ −reg computed with cancellation), it is
   * redone with the regularisation raised 100× (at most three times); `escalated` then tells
   * callers to refine every solve against the unregularised matrix.
   */
  refactor(reg: number, eps: number, delta: number): void {
    let r = reg;
    this.escalated = false;
    for (let attempt = 0; ; attempt++) {
      const scale = this.factorOnce(r, eps, delta);
      if (this.healthy(scale) || attempt === 3) break;
      r *= 100;
      this.escalated = true;
    }
  }

  /** One factorisation; returns the largest diagonal magnitude (for the growth test). */
  private factorOnce(reg: number, eps: number, delta: number): number {
    const { pat, h, diag, pDiag } = this;
    const { pinv } = pat.sym;
    const n = pat.n;
    this.regularization = reg;
    let scale = 1;
    for (let j = 0; j < n; j++) {
      const d = pDiag[j]! + h[j]! + reg;
      diag[pinv[j]!] = d;
      scale = Math.max(scale, Math.abs(d));
    }
    for (let k = n; k < pat.nK; k++) {
      const d = h[k]! - reg;
      diag[pinv[k]!] = d;
      scale = Math.max(scale, Math.abs(d));
    }
    // With static regularisation reg on both blocks every exact pivot has |d| ≥ reg, so a
    // computed pivot below reg/2 is cancellation error (e.g. from linearly dependent rows) and
    // is replaced too.
    this.factor.factor(this.Kx, diag, this.sign, Math.max(eps, 0.5 * reg), delta);
    return scale;
  }

  private healthy(scale: number): boolean {
    const D = this.factor.D;
    const limit = 1e12 * scale;
    for (let k = 0; k < D.length; k++) if (!(Math.abs(D[k]!) <= limit)) return false;
    return true;
  }

  /** out = K_true · x with the unregularised matrix. */
  multiply(x: Float64Array, out: Float64Array): void {
    const { pat, h } = this;
    const { n, me, nK } = pat;
    symUpperMul(pat.P, this.Pv, x, out);
    out.fill(0, n, nK);
    cscMulTransposeAdd(pat.A, this.Av, x, n, out);
    cscMulTransposeAdd(pat.C, this.Cv, x, n + me, out);
    cscMulAdd(pat.A, this.Av, x, out, n);
    cscMulAdd(pat.C, this.Cv, x, out, n + me);
    for (let i = 0; i < nK; i++) out[i]! += h[i]! * x[i]!;
  }

  /** Unpermuted x ← K_reg⁻¹ b via the permuted factor (refinement path). */
  private solveRaw(b: Float64Array, x: Float64Array): void {
    const { perm } = this.pat.sym;
    const { wp } = this;
    const nK = this.pat.nK;
    for (let k = 0; k < nK; k++) wp[k] = b[perm[k]!]!;
    this.factor.solveInPlace(wp);
    for (let k = 0; k < nK; k++) x[perm[k]!] = wp[k]!;
  }

  /** r = b − K x; returns ‖r‖∞. */
  private residual(b: Float64Array, x: Float64Array, r: Float64Array): number {
    this.multiply(x, r);
    let norm = 0;
    for (let i = 0; i < r.length; i++) {
      const v = b[i]! - r[i]!;
      r[i] = v;
      if (Math.abs(v) > norm) norm = Math.abs(v);
    }
    return norm;
  }

  /**
   * Iterative refinement of a permuted solution xp of K x = b (bp = permuted b): repeat
   * x ← x + K_reg⁻¹ (b − K x) while the residual shrinks at least 5× and exceeds
   * 1e-12 + 1e-13‖b‖∞ (Clarabel's defaults), at most maxRefine times.
   */
  private refine(bp: Float64Array, xp: Float64Array, maxRefine: number): void {
    const { perm } = this.pat.sym;
    const { res, trial, bu, xu } = this;
    const nK = this.pat.nK;
    let normb = 0;
    for (let k = 0; k < nK; k++) {
      bu[perm[k]!] = bp[k]!;
      xu[perm[k]!] = xp[k]!;
      normb = Math.max(normb, Math.abs(bp[k]!));
    }
    const tol = 1e-12 + 1e-13 * normb;
    let norme = this.residual(bu, xu, res);
    for (let it = 0; it < maxRefine && norme > tol; it++) {
      this.solveRaw(res, trial);
      for (let i = 0; i < nK; i++) trial[i]! += xu[i]!;
      const normNew = this.residual(bu, trial, res);
      if (!(normNew < norme)) break;
      xu.set(trial);
      const ratio = norme / normNew;
      norme = normNew;
      if (ratio < 5) break;
    }
    for (let k = 0; k < nK; k++) xp[k] = xu[perm[k]!]!;
  }

  /**
   * Solves K x = b in place on a permuted vector (b in, x out), refining `maxRefine` times at
   * most. Returns false if the result is not finite.
   */
  solvePermuted(xp: Float64Array, maxRefine: number): boolean {
    if (maxRefine > 0) this.bp.set(xp);
    this.factor.solveInPlace(xp);
    this.solves++;
    if (maxRefine > 0) this.refine(this.bp, xp, maxRefine);
    return allFinite(xp);
  }

  /** Two permuted systems through one sweep of the factor (see ldl-solve.ts). */
  solvePermuted2(x1: Float64Array, x2: Float64Array, maxRefine: number): boolean {
    if (maxRefine > 0) {
      this.bp.set(x1);
      this.bp2.set(x2);
    }
    this.factor.solveInPlace2(x1, x2);
    this.solves += 2;
    if (maxRefine > 0) {
      this.refine(this.bp, x1, maxRefine);
      this.refine(this.bp2, x2, maxRefine);
    }
    return allFinite(x1) && allFinite(x2);
  }
}

/** Whether every entry of x is finite. */
export function allFinite(x: Float64Array): boolean {
  for (let i = 0; i < x.length; i++) if (!Number.isFinite(x[i]!)) return false;
  return true;
}
