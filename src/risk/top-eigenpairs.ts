/**
 * The k largest eigenpairs of a large symmetric positive semi-definite matrix by subspace
 * iteration with Rayleigh–Ritz: a block of b = k + p vectors is multiplied by the matrix and
 * re-orthonormalised; each round the small b × b projection is decomposed with
 * {@link symmetricEigen} and the Ritz pairs are tested. Eigenvalue j converges like
 * (λ_{b+1} / λ_j)^iterations. Deterministic: the start block is a fixed pattern.
 */
import type { Eigenpairs } from './symmetric-eigen.js';
import { symmetricEigen } from './symmetric-eigen.js';

/** Options of {@link topEigenpairs}. */
export interface TopEigenOptions {
  /** Extra block vectors beyond k (default max(10, k)). */
  oversampling?: number;
  /** Stop when every ‖A u − θ u‖ ≤ tolerance × θ₁ (default 1e-10). */
  tolerance?: number;
  maxIterations?: number;
}

/** The top k eigenpairs and whether the residual test was met. */
export interface TopEigenpairs extends Eigenpairs {
  iterations: number;
  converged: boolean;
}

/** Computes the k largest eigenpairs of the symmetric PSD `n × n` row-major matrix `a`. */
export function topEigenpairs(
  a: Float64Array,
  n: number,
  k: number,
  options: TopEigenOptions = {},
): TopEigenpairs {
  if (a.length !== n * n) throw new RangeError(`expected ${n * n} entries, found ${a.length}`);
  if (!(k >= 1 && k <= n)) throw new RangeError(`k must be in [1, ${n}], found ${k}`);
  const b = Math.min(n, k + (options.oversampling ?? Math.max(10, k)));
  const tolerance = options.tolerance ?? 1e-10;
  const maxIterations = options.maxIterations ?? 2000;
  let q = orthonormalise(
    Array.from({ length: b }, (_, j) =>
      Float64Array.from(
        { length: n },
        (_, i) => Math.cos((i + 1) * (j + 1) * 0.618) + (i === j ? 1 : 0),
      ),
    ),
  );
  for (let iteration = 1; ; iteration++) {
    const z = q.map((column) => multiply(a, n, column));
    const h = new Float64Array(b * b);
    for (let i = 0; i < b; i++) {
      for (let j = i; j < b; j++) h[i * b + j] = h[j * b + i] = dot(q[i]!, z[j]!);
    }
    const small = symmetricEigen(h, b);
    const ritz = combine(q, small.vectors);
    const applied = combine(z, small.vectors);
    const scale = Math.max(Math.abs(small.values[0]!), Number.MIN_VALUE);
    let worst = 0;
    for (let j = 0; j < k; j++) {
      let r = 0;
      for (let i = 0; i < n; i++) r += (applied[j]![i]! - small.values[j]! * ritz[j]![i]!) ** 2;
      worst = Math.max(worst, Math.sqrt(r));
    }
    const converged = worst <= tolerance * scale;
    if (converged || iteration >= maxIterations) {
      return {
        values: small.values.slice(0, k),
        vectors: ritz.slice(0, k),
        iterations: iteration,
        converged,
      };
    }
    q = orthonormalise(applied);
  }
}

function multiply(a: Float64Array, n: number, x: Float64Array): Float64Array {
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = 0;
    const row = i * n;
    for (let j = 0; j < n; j++) sum += a[row + j]! * x[j]!;
    y[i] = sum;
  }
  return y;
}

function dot(x: Float64Array, y: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < x.length; i++) sum += x[i]! * y[i]!;
  return sum;
}

/** Columns Σ_l basis[l] · weights[j][l] for each j. */
function combine(basis: Float64Array[], weights: Float64Array[]): Float64Array[] {
  return weights.map((w) => {
    const out = new Float64Array(basis[0]!.length);
    basis.forEach((column, l) => {
      const c = w[l]!;
      for (let i = 0; i < out.length; i++) out[i]! += c * column[i]!;
    });
    return out;
  });
}

/** Modified Gram–Schmidt, applied twice for stability; a vanishing column is replaced by a unit vector. */
function orthonormalise(columns: Float64Array[]): Float64Array[] {
  const out: Float64Array[] = [];
  for (const column of columns) {
    const v = Float64Array.from(column);
    for (let pass = 0; pass < 2; pass++) {
      for (const u of out) {
        const c = dot(u, v);
        for (let i = 0; i < v.length; i++) v[i]! -= c * u[i]!;
      }
    }
    let norm = Math.sqrt(dot(v, v));
    if (norm < 1e-300) {
      v.fill(0);
      v[out.length % v.length] = 1;
      norm = 1;
    }
    for (let i = 0; i < v.length; i++) v[i]! /= norm;
    out.push(v);
  }
  return out;
}
