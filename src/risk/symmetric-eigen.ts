/**
 * Full eigen-decomposition of a small dense symmetric matrix by the cyclic Jacobi method:
 * plane rotations zero one off-diagonal entry at a time until the off-diagonal mass vanishes.
 * Accurate to working precision and simple; O(n³) per sweep, so meant for n up to a few hundred
 * (the Rayleigh–Ritz step of {@link topEigenpairs}, tests, small models).
 */

/** Eigenvalues in descending order and the matching unit eigenvectors. */
export interface Eigenpairs {
  values: Float64Array;
  /** `vectors[j]` is the unit eigenvector of `values[j]`. */
  vectors: Float64Array[];
}

const MAX_SWEEPS = 100;

/**
 * Decomposes the symmetric `n × n` matrix `a` (row-major; only symmetry is assumed, not
 * definiteness). The input is not modified. Signs of eigenvectors are not normalised.
 */
export function symmetricEigen(a: Float64Array, n: number): Eigenpairs {
  if (a.length !== n * n) throw new RangeError(`expected ${n * n} entries, found ${a.length}`);
  const m = Float64Array.from(a);
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  let total = 0;
  for (let i = 0; i < n * n; i++) total += m[i]! * m[i]!;
  for (let sweep = 0; sweep < MAX_SWEEPS; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += m[p * n + q]! ** 2;
    if (off <= 1e-30 * total || off === 0) break;
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) rotate(m, v, n, p, q);
    }
  }
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (i, j) => m[j * n + j]! - m[i * n + i]! || i - j,
  );
  return {
    values: Float64Array.from(order, (i) => m[i * n + i]!),
    vectors: order.map((j) => Float64Array.from({ length: n }, (_, i) => v[i * n + j]!)),
  };
}

/** Applies the rotation in the (p, q) plane that zeroes m[p][q]; accumulates it into v. */
function rotate(m: Float64Array, v: Float64Array, n: number, p: number, q: number): void {
  const apq = m[p * n + q]!;
  if (apq === 0) return;
  const theta = (m[q * n + q]! - m[p * n + p]!) / (2 * apq);
  const t = (theta >= 0 ? 1 : -1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
  const c = 1 / Math.sqrt(t * t + 1);
  const s = t * c;
  for (let k = 0; k < n; k++) {
    const kp = m[k * n + p]!;
    const kq = m[k * n + q]!;
    m[k * n + p] = c * kp - s * kq;
    m[k * n + q] = s * kp + c * kq;
  }
  for (let k = 0; k < n; k++) {
    const pk = m[p * n + k]!;
    const qk = m[q * n + k]!;
    m[p * n + k] = c * pk - s * qk;
    m[q * n + k] = s * pk + c * qk;
  }
  m[p * n + q] = 0;
  m[q * n + p] = 0;
  for (let k = 0; k < n; k++) {
    const kp = v[k * n + p]!;
    const kq = v[k * n + q]!;
    v[k * n + p] = c * kp - s * kq;
    v[k * n + q] = s * kp + c * kq;
  }
}
