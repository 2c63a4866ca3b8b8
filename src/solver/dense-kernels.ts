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
 * B = L_TS D_S). Per panel, U = B D⁻¹ is formed once (p × G, in `U`), then T[ra, rb] −= U[a,·]·B[b,·]
 * over the lower triangle in register blocks of 4 × 2 rows (eight dot products share six loads
 * per column); blocks on the diagonal also write a few upper entries, which nothing reads.
 * `d` is scratch of length ≥ maxWidth.
 */
export function panelSchur(
  tail: TailStructure,
  W: Float64Array,
  Dinv: Float64Array,
  T: Float64Array,
  U: Float64Array,
  d: Float64Array,
): void {
  const { gRp, gCp, gW, groupRows, groupCols, t } = tail;
  const ng = gRp.length - 1;
  for (let g = 0; g < ng; g++) {
    const r0 = gRp[g]!;
    const p = gRp[g + 1]! - r0;
    const c0 = gCp[g]!;
    const G = gCp[g + 1]! - c0;
    const base = gW[g]!;
    for (let i = 0; i < G; i++) d[i] = Dinv[groupCols[c0 + i]!]!;
    for (let a = 0, off = 0; a < p; a++, off += G) {
      for (let i = 0; i < G; i++) U[off + i] = W[base + off + i]! * d[i]!;
    }
    let a = 0;
    for (; a + 3 < p; a += 4) schurRows4(U, W, T, groupRows, r0, base, G, t, a);
    for (; a < p; a++) schurRow1(U, W, T, groupRows, r0, base, G, t, a, p);
  }
}

/**
 * Rows a..a+3 of U against rows 0..a+3 of B, two at a time (a is a multiple of 4, so the pairs
 * cover them).
 */
// prettier-ignore
function schurRows4(
  U: Float64Array, W: Float64Array, T: Float64Array, groupRows: Int32Array, r0: number,
  base: number, G: number, t: number, a: number,
): void {
  const u0 = a * G;
  const u1 = u0 + G;
  const u2 = u1 + G;
  const u3 = u2 + G;
  const ta0 = groupRows[r0 + a]! * t;
  const ta1 = groupRows[r0 + a + 1]! * t;
  const ta2 = groupRows[r0 + a + 2]! * t;
  const ta3 = groupRows[r0 + a + 3]! * t;
  for (let b = 0; b < a + 4; b += 2) {
    const w0 = base + b * G;
    const w1 = w0 + G;
    let s00 = 0;
    let s01 = 0;
    let s10 = 0;
    let s11 = 0;
    let s20 = 0;
    let s21 = 0;
    let s30 = 0;
    let s31 = 0;
    for (let i = 0; i < G; i++) {
      const x0 = W[w0 + i]!;
      const x1 = W[w1 + i]!;
      const y0 = U[u0 + i]!;
      const y1 = U[u1 + i]!;
      const y2 = U[u2 + i]!;
      const y3 = U[u3 + i]!;
      s00 += y0 * x0;
      s01 += y0 * x1;
      s10 += y1 * x0;
      s11 += y1 * x1;
      s20 += y2 * x0;
      s21 += y2 * x1;
      s30 += y3 * x0;
      s31 += y3 * x1;
    }
    const rb0 = groupRows[r0 + b]!;
    const rb1 = groupRows[r0 + b + 1]!;
    T[ta0 + rb0]! -= s00;
    T[ta0 + rb1]! -= s01;
    T[ta1 + rb0]! -= s10;
    T[ta1 + rb1]! -= s11;
    T[ta2 + rb0]! -= s20;
    T[ta2 + rb1]! -= s21;
    T[ta3 + rb0]! -= s30;
    T[ta3 + rb1]! -= s31;
  }
}

/** Row a of U against rows 0..a of B (two at a time). */
// prettier-ignore
function schurRow1(
  U: Float64Array, W: Float64Array, T: Float64Array, groupRows: Int32Array, r0: number,
  base: number, G: number, t: number, a: number, p: number,
): void {
  const u0 = a * G;
  const ta0 = groupRows[r0 + a]! * t;
  const bEnd = Math.min(a + 1, p);
  let b = 0;
  for (; b + 1 < bEnd; b += 2) {
    const w0 = base + b * G;
    const w1 = w0 + G;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    let i = 0;
    for (; i + 1 < G; i += 2) {
      const y0 = U[u0 + i]!;
      const y1 = U[u0 + i + 1]!;
      s0 += y0 * W[w0 + i]!;
      s1 += y0 * W[w1 + i]!;
      s2 += y1 * W[w0 + i + 1]!;
      s3 += y1 * W[w1 + i + 1]!;
    }
    if (i < G) {
      s0 += U[u0 + i]! * W[w0 + i]!;
      s1 += U[u0 + i]! * W[w1 + i]!;
    }
    T[ta0 + groupRows[r0 + b]!]! -= s0 + s2;
    T[ta0 + groupRows[r0 + b + 1]!]! -= s1 + s3;
  }
  if (b < bEnd) T[ta0 + groupRows[r0 + b]!]! -= dot(U, u0, W, base + b * G, G);
}

/**
 * In-place dense LDLᵀ of the lower triangle of T (Crout order) with dynamic regularisation of
 * pivot j: if sign·d ≤ eps then d = sign·delta. Pivots go to D/Dinv at offset `off`.
 * Column j below the diagonal is computed four rows at a time (the four dot products against
 * u = L[j, 0..j)∘D share its loads). Returns the number of replaced pivots.
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
    let i = j + 1;
    for (; i + 3 < t; i += 4) {
      const r0 = i * t;
      const r1 = r0 + t;
      const r2 = r1 + t;
      const r3 = r2 + t;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let m = 0; m < j; m++) {
        const um = u[m]!;
        s0 += T[r0 + m]! * um;
        s1 += T[r1 + m]! * um;
        s2 += T[r2 + m]! * um;
        s3 += T[r3 + m]! * um;
      }
      T[r0 + j] = (T[r0 + j]! - s0) * dinv;
      T[r1 + j] = (T[r1 + j]! - s1) * dinv;
      T[r2 + j] = (T[r2 + j]! - s2) * dinv;
      T[r3 + j] = (T[r3 + j]! - s3) * dinv;
    }
    for (; i < t; i++) {
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

/**
 * x_T −= L_TS x_S = B (D⁻¹x_S): gather D⁻¹x_S once per panel, then dense dot products, four
 * panel rows at a time (each gathered entry is loaded once for four rows).
 */
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
    const aEnd = gRp[g + 1]!;
    let a = gRp[g]!;
    let row = gW[g]!;
    for (; a + 3 < aEnd; a += 4, row += 4 * G) {
      const r1 = row + G;
      const r2 = r1 + G;
      const r3 = r2 + G;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let i = 0; i < G; i++) {
        const v = xs[i]!;
        s0 += W[row + i]! * v;
        s1 += W[r1 + i]! * v;
        s2 += W[r2 + i]! * v;
        s3 += W[r3 + i]! * v;
      }
      x[ns + groupRows[a]!]! -= s0;
      x[ns + groupRows[a + 1]!]! -= s1;
      x[ns + groupRows[a + 2]!]! -= s2;
      x[ns + groupRows[a + 3]!]! -= s3;
    }
    if (a + 1 < aEnd) {
      const r1 = row + G;
      let s0 = 0;
      let s1 = 0;
      for (let i = 0; i < G; i++) {
        const v = xs[i]!;
        s0 += W[row + i]! * v;
        s1 += W[r1 + i]! * v;
      }
      x[ns + groupRows[a]!]! -= s0;
      x[ns + groupRows[a + 1]!]! -= s1;
      a += 2;
      row += 2 * G;
    }
    if (a < aEnd) x[ns + groupRows[a]!]! -= dot(W, row, xs, 0, G);
  }
}

/**
 * x_S −= L_TSᵀ x_T = D⁻¹(Bᵀx_T): dense axpys into an accumulator (four panel rows per pass, so
 * the accumulator is read and written once per four rows), one scatter per panel.
 */
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
    const aEnd = gRp[g + 1]!;
    let a = gRp[g]!;
    let row = gW[g]!;
    for (; a + 3 < aEnd; a += 4, row += 4 * G) {
      const v0 = x[ns + groupRows[a]!]!;
      const v1 = x[ns + groupRows[a + 1]!]!;
      const v2 = x[ns + groupRows[a + 2]!]!;
      const v3 = x[ns + groupRows[a + 3]!]!;
      const r1 = row + G;
      const r2 = r1 + G;
      const r3 = r2 + G;
      for (let i = 0; i < G; i++) {
        acc[i]! += W[row + i]! * v0 + W[r1 + i]! * v1 + W[r2 + i]! * v2 + W[r3 + i]! * v3;
      }
    }
    if (a + 1 < aEnd) {
      const v0 = x[ns + groupRows[a]!]!;
      const v1 = x[ns + groupRows[a + 1]!]!;
      const r1 = row + G;
      for (let i = 0; i < G; i++) acc[i]! += W[row + i]! * v0 + W[r1 + i]! * v1;
      a += 2;
      row += 2 * G;
    }
    if (a < aEnd) {
      const v = x[ns + groupRows[a]!]!;
      for (let i = 0; i < G; i++) acc[i]! += W[row + i]! * v;
    }
    for (let i = 0; i < G; i++) {
      const col = groupCols[c0 + i]!;
      x[col]! -= acc[i]! * Dinv[col]!;
    }
  }
}

/** panelForward for two right-hand sides (x, z) sharing every panel load. */
export function panelForward2(
  tail: TailStructure,
  W: Float64Array,
  Dinv: Float64Array,
  x: Float64Array,
  z: Float64Array,
  xs: Float64Array,
  zs: Float64Array,
): void {
  const { gRp, gCp, gW, groupRows, groupCols, ns } = tail;
  const ng = gRp.length - 1;
  for (let g = 0; g < ng; g++) {
    const c0 = gCp[g]!;
    const G = gCp[g + 1]! - c0;
    for (let i = 0; i < G; i++) {
      const col = groupCols[c0 + i]!;
      const d = Dinv[col]!;
      xs[i] = x[col]! * d;
      zs[i] = z[col]! * d;
    }
    const aEnd = gRp[g + 1]!;
    let a = gRp[g]!;
    let row = gW[g]!;
    for (; a + 3 < aEnd; a += 4, row += 4 * G) {
      const r1 = row + G;
      const r2 = r1 + G;
      const r3 = r2 + G;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      let t0 = 0;
      let t1 = 0;
      let t2 = 0;
      let t3 = 0;
      for (let i = 0; i < G; i++) {
        const v = xs[i]!;
        const u = zs[i]!;
        const w0 = W[row + i]!;
        const w1 = W[r1 + i]!;
        const w2 = W[r2 + i]!;
        const w3 = W[r3 + i]!;
        s0 += w0 * v;
        s1 += w1 * v;
        s2 += w2 * v;
        s3 += w3 * v;
        t0 += w0 * u;
        t1 += w1 * u;
        t2 += w2 * u;
        t3 += w3 * u;
      }
      const k0 = ns + groupRows[a]!;
      const k1 = ns + groupRows[a + 1]!;
      const k2 = ns + groupRows[a + 2]!;
      const k3 = ns + groupRows[a + 3]!;
      x[k0]! -= s0;
      x[k1]! -= s1;
      x[k2]! -= s2;
      x[k3]! -= s3;
      z[k0]! -= t0;
      z[k1]! -= t1;
      z[k2]! -= t2;
      z[k3]! -= t3;
    }
    if (a + 1 < aEnd) {
      const r1 = row + G;
      let s0 = 0;
      let s1 = 0;
      let t0 = 0;
      let t1 = 0;
      for (let i = 0; i < G; i++) {
        const v = xs[i]!;
        const u = zs[i]!;
        const w0 = W[row + i]!;
        const w1 = W[r1 + i]!;
        s0 += w0 * v;
        s1 += w1 * v;
        t0 += w0 * u;
        t1 += w1 * u;
      }
      const k0 = ns + groupRows[a]!;
      const k1 = ns + groupRows[a + 1]!;
      x[k0]! -= s0;
      x[k1]! -= s1;
      z[k0]! -= t0;
      z[k1]! -= t1;
      a += 2;
      row += 2 * G;
    }
    if (a < aEnd) {
      let s = 0;
      let t = 0;
      for (let i = 0; i < G; i++) {
        const w = W[row + i]!;
        s += w * xs[i]!;
        t += w * zs[i]!;
      }
      const k = ns + groupRows[a]!;
      x[k]! -= s;
      z[k]! -= t;
    }
  }
}

/** panelBackward for two right-hand sides (x, z) sharing every panel load. */
export function panelBackward2(
  tail: TailStructure,
  W: Float64Array,
  Dinv: Float64Array,
  x: Float64Array,
  z: Float64Array,
  xa: Float64Array,
  za: Float64Array,
): void {
  const { gRp, gCp, gW, groupRows, groupCols, ns } = tail;
  const ng = gRp.length - 1;
  for (let g = 0; g < ng; g++) {
    const c0 = gCp[g]!;
    const G = gCp[g + 1]! - c0;
    xa.fill(0, 0, G);
    za.fill(0, 0, G);
    const aEnd = gRp[g + 1]!;
    let a = gRp[g]!;
    let row = gW[g]!;
    for (; a + 3 < aEnd; a += 4, row += 4 * G) {
      const k0 = ns + groupRows[a]!;
      const k1 = ns + groupRows[a + 1]!;
      const k2 = ns + groupRows[a + 2]!;
      const k3 = ns + groupRows[a + 3]!;
      const v0 = x[k0]!;
      const v1 = x[k1]!;
      const v2 = x[k2]!;
      const v3 = x[k3]!;
      const u0 = z[k0]!;
      const u1 = z[k1]!;
      const u2 = z[k2]!;
      const u3 = z[k3]!;
      const r1 = row + G;
      const r2 = r1 + G;
      const r3 = r2 + G;
      for (let i = 0; i < G; i++) {
        const w0 = W[row + i]!;
        const w1 = W[r1 + i]!;
        const w2 = W[r2 + i]!;
        const w3 = W[r3 + i]!;
        xa[i]! += w0 * v0 + w1 * v1 + w2 * v2 + w3 * v3;
        za[i]! += w0 * u0 + w1 * u1 + w2 * u2 + w3 * u3;
      }
    }
    if (a + 1 < aEnd) {
      const k0 = ns + groupRows[a]!;
      const k1 = ns + groupRows[a + 1]!;
      const v0 = x[k0]!;
      const v1 = x[k1]!;
      const u0 = z[k0]!;
      const u1 = z[k1]!;
      const r1 = row + G;
      for (let i = 0; i < G; i++) {
        const w0 = W[row + i]!;
        const w1 = W[r1 + i]!;
        xa[i]! += w0 * v0 + w1 * v1;
        za[i]! += w0 * u0 + w1 * u1;
      }
      a += 2;
      row += 2 * G;
    }
    if (a < aEnd) {
      const k = ns + groupRows[a]!;
      const v = x[k]!;
      const u = z[k]!;
      for (let i = 0; i < G; i++) {
        const w = W[row + i]!;
        xa[i]! += w * v;
        za[i]! += w * u;
      }
    }
    for (let i = 0; i < G; i++) {
      const col = groupCols[c0 + i]!;
      const d = Dinv[col]!;
      x[col]! -= xa[i]! * d;
      z[col]! -= za[i]! * d;
    }
  }
}
