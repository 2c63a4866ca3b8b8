/**
 * A square root of the factor covariance, F = G Gᵀ with G lower triangular (Cholesky), so that
 *
 *     fᵀ F f = ‖Gᵀ f‖²   and   X F Xᵀ = (X G)(X G)ᵀ.
 *
 * Why: in the optimizer the factor term then enters as k whitened exposures g = (XG)ᵀa with
 * curvature I instead of k exposures f = Xᵀa with a dense curvature F. Each g is eliminated on
 * its own, so the dense block the solver factorises every iteration is k × k (the factor rows)
 * rather than 2k × 2k (rows and exposures): about 8× fewer flops in that block.
 *
 * F is only positive semidefinite in general (a rank-deficient estimate, a factor with zero
 * variance): a pivot at or below `PIVOT_FLOOR` × max diagonal leaves its column of G zero, which
 * is exact when F is PSD (the column's remaining entries are then zero too, up to rounding).
 */

/** Relative size below which a Cholesky pivot counts as zero. */
export const PIVOT_FLOOR = 1e-14;

/** F = G Gᵀ. */
export interface FactorSquareRoot {
  readonly k: number;
  /** G, k × k row-major, lower triangular. */
  readonly G: Float64Array;
  /** Whether G (and F) is diagonal: whitening is then a scaling of each exposure. */
  readonly diagonal: boolean;
}

/**
 * G with F = G Gᵀ for a symmetric PSD `covariance` (k × k, row-major). A diagonal F gives
 * G = diag(√F_jj) without the O(k³) pass.
 */
export function factorSquareRoot(covariance: ArrayLike<number>, k: number): FactorSquareRoot {
  const G = new Float64Array(k * k);
  let maxDiag = 0;
  let diagonal = true;
  for (let a = 0; a < k; a++) {
    maxDiag = Math.max(maxDiag, covariance[a * k + a]!);
    for (let b = 0; b < a && diagonal; b++) if (covariance[a * k + b] !== 0) diagonal = false;
  }
  const floor = PIVOT_FLOOR * maxDiag;
  if (diagonal) {
    for (let j = 0; j < k; j++) {
      const d = covariance[j * k + j]!;
      G[j * k + j] = d > floor ? Math.sqrt(d) : 0;
    }
    return { k, G, diagonal };
  }
  for (let j = 0; j < k; j++) {
    let d = covariance[j * k + j]!;
    for (let t = 0; t < j; t++) d -= G[j * k + t]! ** 2;
    if (!(d > floor)) continue;
    const r = Math.sqrt(d);
    G[j * k + j] = r;
    for (let i = j + 1; i < k; i++) {
      let s = covariance[i * k + j]!;
      for (let t = 0; t < j; t++) s -= G[i * k + t]! * G[j * k + t]!;
      G[i * k + j] = s / r;
    }
  }
  return { k, G, diagonal };
}

/**
 * The row x G of one security's exposures x (length k), into `out` from index `at` on. One
 * matrix for many rows, not a small array each: allocating 500 arrays of 20 took 3× as long as
 * whitening into them.
 */
export function whitenedExposure(
  exposure: ArrayLike<number>,
  root: FactorSquareRoot,
  out: Float64Array,
  at = 0,
): Float64Array {
  const { G, k } = root;
  if (root.diagonal) {
    for (let j = 0; j < k; j++) out[at + j] = exposure[j]! * G[j * k + j]!;
    return out;
  }
  for (let j = 0; j < k; j++) {
    let s = 0;
    for (let t = j; t < k; t++) s += exposure[t]! * G[t * k + j]!;
    out[at + j] = s;
  }
  return out;
}
