/**
 * Dense kernels for the trailing block of the factorisation (see dense-tail.ts). The tail block
 * T (t × t) is stored row-major; only its lower triangle is used. Panels are p × G row-major.
 */
import type { TailStructure } from './dense-tail.js';

/** Σ a[offA + i]·b[offB + i] over i < len, four accumulators to break the add chain. */
export function dot(
  a: Float64Array,
  offA: number,
  b: Float64Array,
  offB: number,
  len: number,
): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let i = 0;
  for (; i + 3 < len; i += 4) {
    s0 += a[offA + i]! * b[offB + i]!;
    s1 += a[offA + i + 1]! * b[offB + i + 1]!;
    s2 += a[offA + i + 2]! * b[offB + i + 2]!;
    s3 += a[offA + i + 3]! * b[offB + i + 3]!;
  }
  for (; i < len; i++) s0 += a[offA + i]! * b[offB + i]!;
  return s0 + s1 + s2 + s3;
}

/**
 * Schur complement update T −= L_TS D_S L_TSᵀ = B D_S⁻¹ Bᵀ panel by panel (the panels hold
 * B = L_TS D_S): with u_a = B[a,·]∘d⁻¹, T[ra, rb] −= u_a · B[b,·] for a ≥ b. Rows are taken two
 * at a time (2 × 2 register blocking: four dot products share each load).
 */
export function panelSchur(
  tail: TailStructure,
  W: Float64Array,
  Dinv: Float64Array,
  T: Float64Array,
  u: Float64Array,
): void {
  const { gRp, gCp, gW, groupRows, groupCols, t, maxWidth } = tail;
  const ng = gRp.length - 1;
  for (let g = 0; g < ng; g++) {
    const r0 = gRp[g]!;
    const p = gRp[g + 1]! - r0;
    const c0 = gCp[g]!;
    const G = gCp[g + 1]! - c0;
    const base = gW[g]!;
    for (let a = 0; a < p; a += 2) {
      const pair = a + 1 < p;
      const rowA = base + a * G;
      for (let i = 0; i < G; i++) {
        const d = Dinv[groupCols[c0 + i]!]!;
        u[i] = W[rowA + i]! * d;
        if (pair) u[maxWidth + i] = W[rowA + G + i]! * d;
      }
      const ta0 = groupRows[r0 + a]! * t;
      const ta1 = pair ? groupRows[r0 + a + 1]! * t : 0;
      for (let b = 0; b <= a; b += 2) {
        const rowB = base + b * G;
        const rb0 = groupRows[r0 + b]!;
        if (pair && b + 1 < p) {
          const rb1 = groupRows[r0 + b + 1]!;
          let s00 = 0;
          let s01 = 0;
          let s10 = 0;
          let s11 = 0;
          for (let i = 0; i < G; i++) {
            const w0 = W[rowB + i]!;
            const w1 = W[rowB + G + i]!;
            const x0 = u[i]!;
            const x1 = u[maxWidth + i]!;
            s00 += x0 * w0;
            s01 += x0 * w1;
            s10 += x1 * w0;
            s11 += x1 * w1;
          }
          T[ta0 + rb0]! -= s00;
          if (b + 1 <= a) T[ta0 + rb1]! -= s01;
          T[ta1 + rb0]! -= s10;
          T[ta1 + rb1]! -= s11;
        } else {
          T[ta0 + rb0]! -= dot(u, 0, W, rowB, G);
          if (pair) T[ta1 + rb0]! -= dot(u, maxWidth, W, rowB, G);
          if (b + 1 <= a && b + 1 < p)
            T[ta0 + groupRows[r0 + b + 1]!]! -= dot(u, 0, W, rowB + G, G);
        }
      }
    }
  }
}

/**
 * In-place dense LDLᵀ of the lower triangle of T (Crout order) with dynamic regularisation of
 * pivot j: if sign·d ≤ eps then d = sign·delta. Pivots go to D/Dinv at offset `off`.
 * Returns the number of replaced pivots.
 */
export function denseLdl(
  T: Float64Array,
  t: number,
  D: Float64Array,
  Dinv: Float64Array,
  off: number,
  sign: Int8Array,
  eps: number,
  delta: number,
  u: Float64Array,
): number {
  let replaced = 0;
  for (let j = 0; j < t; j++) {
    const rowJ = j * t;
    let d = T[rowJ + j]!;
    for (let m = 0; m < j; m++) {
      const lm = T[rowJ + m]!;
      const um = lm * D[off + m]!;
      u[m] = um;
      d -= lm * um;
    }
    const s = sign[off + j]!;
    if (!(s * d > eps)) {
      d = s * delta;
      replaced++;
    }
    D[off + j] = d;
    const dinv = 1 / d;
    Dinv[off + j] = dinv;
    for (let i = j + 1; i < t; i++) {
      const rowI = i * t;
      T[rowI + j] = (T[rowI + j]! - dot(u, 0, T, rowI, j)) * dinv;
    }
  }
  return replaced;
}

/** x_T ← L_TT⁻¹ x_T (unit lower, row-major T) on x[off .. off + t). */
export function denseForward(T: Float64Array, t: number, x: Float64Array, off: number): void {
  for (let i = 0; i < t; i++) x[off + i]! -= dot(T, i * t, x, off, i);
}

/** x_T ← L_TT⁻ᵀ x_T. */
export function denseBackward(T: Float64Array, t: number, x: Float64Array, off: number): void {
  for (let m = t - 1; m >= 0; m--) {
    const xm = x[off + m]!;
    if (xm === 0) continue;
    const row = m * t;
    for (let i = 0; i < m; i++) x[off + i]! -= T[row + i]! * xm;
  }
}

/** x_T −= L_TS x_S = B (D⁻¹x_S): gather D⁻¹x_S once per panel, then dense dot products. */
export function panelForward(
  tail: TailStructure,
  W: Float64Array,
  Dinv: Float64Array,
  x: Float64Array,
  xs: Float64Array,
): void {
  const { gRp, gCp, gW, groupRows, groupCols, ns } = tail;
  const ng = gRp.length - 1;
  for (let g = 0; g < ng; g++) {
    const c0 = gCp[g]!;
    const G = gCp[g + 1]! - c0;
    for (let i = 0; i < G; i++) {
      const col = groupCols[c0 + i]!;
      xs[i] = x[col]! * Dinv[col]!;
    }
    let row = gW[g]!;
    for (let a = gRp[g]!; a < gRp[g + 1]!; a++, row += G)
      x[ns + groupRows[a]!]! -= dot(W, row, xs, 0, G);
  }
}

/** x_S −= L_TSᵀ x_T = D⁻¹(Bᵀx_T): dense axpys into an accumulator, one scatter per panel. */
export function panelBackward(
  tail: TailStructure,
  W: Float64Array,
  Dinv: Float64Array,
  x: Float64Array,
  acc: Float64Array,
): void {
  const { gRp, gCp, gW, groupRows, groupCols, ns } = tail;
  const ng = gRp.length - 1;
  for (let g = 0; g < ng; g++) {
    const c0 = gCp[g]!;
    const G = gCp[g + 1]! - c0;
    acc.fill(0, 0, G);
    let row = gW[g]!;
    for (let a = gRp[g]!; a < gRp[g + 1]!; a++, row += G) {
      const v = x[ns + groupRows[a]!]!;
      if (v === 0) continue;
      for (let i = 0; i < G; i++) acc[i]! += W[row + i]! * v;
    }
    for (let i = 0; i < G; i++) {
      const col = groupCols[c0 + i]!;
      x[col]! -= acc[i]! * Dinv[col]!;
    }
  }
}
