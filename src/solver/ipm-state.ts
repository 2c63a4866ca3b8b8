/**
 * Iterate, residuals and work vectors of the homogeneous interior-point method, allocated once
 * per pattern so the iteration loop itself never allocates.
 *
 * Homogeneous self-dual embedding (as in Clarabel) of the internal problem
 *   min ½vᵀP̃v + q̃ᵀv  s.t.  J̃v = b̃,  lo ≤ v ≤ hi:
 * primal v, row multipliers y, bound slacks sl = v − lo·τ, su = hi·τ − v with duals zl, zu ≥ 0,
 * and the scalars τ, κ ≥ 0. A solution is (v, y, zl − zu)/τ; τ → 0 with κ > 0 certifies
 * infeasibility or unboundedness.
 *
 * Bound arrays are dense over v with a neutral entry where a bound is absent (mask 0 in
 * ScaledProblem.mlo / mhi): s = 1, z = 0, so Σ = z/s = 0, s·z = 0 and every step component
 * stays 0. Each phase of an iteration is then a single branch-free pass over v.
 */

import { Slab } from './slab.js';
import type { VectorArena } from './simd/vector-arena.js';

/**
 * Initial value of the scalar fields (each is set before it is read). A double, not a small
 * integer: V8 then gives the fields a double representation from the start. A field that starts
 * as a small integer and later holds a fraction changes the object's hidden class, and optimized
 * code then deoptimised again and again on newly created solver objects.
 */
export const UNSET = Number.NaN;

export class IpmState {
  readonly v: Float64Array;
  readonly y: Float64Array;
  readonly sl: Float64Array;
  readonly zl: Float64Array;
  readonly su: Float64Array;
  readonly zu: Float64Array;
  tau = UNSET;
  kappa = UNSET;

  /** Residuals: rx = P̃v + J̃ᵀy − zl + zu + q̃τ, ry = J̃v − b̃τ, bound rows rl, ru, and rτ. */
  readonly rx: Float64Array;
  readonly ry: Float64Array;
  readonly rl: Float64Array;
  readonly ru: Float64Array;
  rtau = UNSET;
  /** P̃ v (x part). */
  readonly Pv: Float64Array;
  /**
   * Inverse slacks 1/sl, 1/su and inverse duals 1/zl, 1/zu (1 where a bound is absent), fixed
   * within an iteration: multiplications replace divisions in the per-direction passes.
   */
  readonly isl: Float64Array;
  readonly isu: Float64Array;
  readonly izl: Float64Array;
  readonly izu: Float64Array;
  /** Barrier weights Σl = zl/sl, Σu = zu/su and their sum Σ per entry of v. */
  readonly sigL: Float64Array;
  readonly sigU: Float64Array;
  readonly sig: Float64Array;

  /** Constant-RHS solution (the Δτ direction) and the variable-RHS solution. */
  readonly v1: Float64Array;
  readonly y1: Float64Array;
  readonly v2: Float64Array;
  readonly y2: Float64Array;
  /** g = q̃ + 2P̃ξ with ξ = v/τ, and the (negative) Δτ denominator of this iteration. */
  readonly g: Float64Array;
  tauDen = UNSET;
  /**
   * hv = g + lo∘Σl + hi∘Σu: the Δτ numerator is numConst − (hvᵀv₂ + b̃ᵀy₂), with numConst
   * gathered by directionRhs and the rest by the unpacking pass (newton.ts).
   */
  readonly hv: Float64Array;
  numConst = UNSET;
  numVar = UNSET;

  /** Step direction and its saved copy (centrality correctors). */
  readonly dv: Float64Array;
  readonly dy: Float64Array;
  readonly dsl: Float64Array;
  readonly dzl: Float64Array;
  readonly dsu: Float64Array;
  readonly dzu: Float64Array;
  dtau = UNSET;
  dkappa = UNSET;
  /** [dv, dy, dsl, dzl, dsu, dzu] and a saved copy of each. */
  readonly dir: Float64Array[];
  readonly saved: Float64Array[];
  sdtau = UNSET;
  sdkappa = UNSET;
  /** Complementarity right-hand sides d = s∘z − σμ + corrections, and the one for τκ. */
  readonly dl: Float64Array;
  readonly du: Float64Array;
  dk = UNSET;
  /**
   * Second-order term of the τ-equation from the predictor, (Δv − ξΔτ)ᵀP̃(Δv − ξΔτ)/τ,
   * subtracted in the corrector like Mehrotra's Δs∘Δz term.
   */
  tauCorrection = UNSET;

  /** Best iterate so far for the "reduced accuracy" fallback: copies of `cur`, τ, κ. */
  readonly best: Float64Array[];
  /** [v, y, sl, zl, su, zu]. */
  readonly cur: Float64Array[];
  bestTau = UNSET;
  bestKappa = UNSET;
  /** max(relative primal residual, relative dual residual, relative gap) of `best`. */
  bestMerit = Infinity;

  /** Newton right-hand sides (two, for the fused constant + affine solve). */
  readonly rv: Float64Array;
  readonly rr: Float64Array;
  readonly rv1: Float64Array;
  readonly rr1: Float64Array;
  /** Permuted KKT buffers and scratch. */
  readonly kp: Float64Array;
  readonly kp1: Float64Array;
  readonly tmpN: Float64Array;
  readonly tmpN2: Float64Array;

  /** Saves the current iterate as the best one. */
  saveBest(merit: number): void {
    const cur = this.cur;
    for (let k = 0; k < cur.length; k++) this.best[k]!.set(cur[k]!);
    this.bestTau = this.tau;
    this.bestKappa = this.kappa;
    this.bestMerit = merit;
  }

  /**
   * Zeroes the direction (Δτ, Δκ, Δv, Δs, Δz): a starting point's first step multiplies the
   * previous direction by 0, and a non-finite leftover from an earlier solve on this workspace
   * would still poison it (0·∞ = NaN).
   */
  clearDirection(): void {
    this.dtau = 0;
    this.dkappa = 0;
    this.dv.fill(0);
    this.dsl.fill(0);
    this.dzl.fill(0);
    this.dsu.fill(0);
    this.dzu.fill(0);
  }

  /** Restores the best iterate. */
  restoreBest(): void {
    const cur = this.cur;
    for (let k = 0; k < cur.length; k++) cur[k]!.set(this.best[k]!);
    this.tau = this.bestTau;
    this.kappa = this.bestKappa;
  }

  /**
   * Bytes of the state's slab: 41 arrays of length N, 9 of m, 2 of nK, the permutation (nK
   * 4-byte entries), and up to 16 per array (53) for alignment in a region.
   */
  static slabBytes(N: number, m: number, nK: number): number {
    return 8 * (41 * N + 9 * m + 2 * nK) + 4 * nK + 16 * 53;
  }

  /**
   * With an arena: a copy of the KKT permutation's inverse (entry i of the KKT vector goes to
   * kp[pinv[i]]) in it, for the SIMD kernels that write kp; else null.
   */
  readonly pinv: Int32Array | null;

  /**
   * `arena`: the memory to hold the arrays in (for the SIMD kernels), with `pinv`, the KKT
   * pattern's inverse permutation; without, a buffer of its own.
   */
  constructor(N: number, m: number, nK: number, arena?: VectorArena, pinv?: Int32Array) {
    // One buffer for every array (slab.ts), or a region of the arena's memory.
    const bytes = IpmState.slabBytes(N, m, nK);
    const slab = new Slab(bytes, arena?.region(bytes));
    const f64 = (length: number): Float64Array => slab.f64(length);
    this.v = f64(N);
    this.y = f64(m);
    this.sl = f64(N);
    this.zl = f64(N);
    this.su = f64(N);
    this.zu = f64(N);
    this.rx = f64(N);
    this.ry = f64(m);
    this.rl = f64(N);
    this.ru = f64(N);
    this.Pv = f64(N);
    this.isl = f64(N);
    this.isu = f64(N);
    this.izl = f64(N);
    this.izu = f64(N);
    this.sigL = f64(N);
    this.sigU = f64(N);
    this.sig = f64(N);
    this.v1 = f64(N);
    this.y1 = f64(m);
    this.v2 = f64(N);
    this.y2 = f64(m);
    this.g = f64(N);
    this.hv = f64(N);
    this.dv = f64(N);
    this.dy = f64(m);
    this.dsl = f64(N);
    this.dzl = f64(N);
    this.dsu = f64(N);
    this.dzu = f64(N);
    this.dir = [this.dv, this.dy, this.dsl, this.dzl, this.dsu, this.dzu];
    this.saved = [f64(N), f64(m), f64(N), f64(N), f64(N), f64(N)];
    this.dl = f64(N);
    this.du = f64(N);
    this.best = [f64(N), f64(m), f64(N), f64(N), f64(N), f64(N)];
    this.cur = [this.v, this.y, this.sl, this.zl, this.su, this.zu];
    this.rv = f64(N);
    this.rr = f64(m);
    this.rv1 = f64(N);
    this.rr1 = f64(m);
    this.kp = f64(nK);
    this.kp1 = f64(nK);
    this.tmpN = f64(N);
    this.tmpN2 = f64(N);
    this.pinv = arena !== undefined && pinv !== undefined ? slab.i32From(pinv) : null;
  }
}
