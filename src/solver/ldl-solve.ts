/**
 * Triangular solves with an `LdlFactor`: L D Lᵀ x = b on permuted vectors, as
 *   forward:  x_S ← L_SS⁻¹ b_S;  x_T ← L_TT⁻¹ (b_T − L_TS x_S)
 *   diagonal: x ← D⁻¹ x
 *   backward: x_T ← L_TT⁻ᵀ x_T;  x_S ← L_SS⁻ᵀ (x_S − L_TSᵀ x_T).
 * `solveTwo` runs two right-hand sides through one sweep, sharing every index and factor load
 * (the interior-point method solves its constant and affine systems together). When the factor
 * and the vectors are in one arena, `solveOne` runs as one WebAssembly kernel and `solveTwo`'s
 * sparse sweeps as kernels (simd/ldl-kernels.ts); the loops here are their twins.
 */
import {
  denseBackward,
  denseForward,
  panelBackward,
  panelBackward2,
  panelForward,
  panelForward2,
} from './dense-kernels.js';
import type { LdlFactor } from './ldl.js';

/** Solves L D Lᵀ x = b in place on a permuted vector. */
export function solveOne(f: LdlFactor, x: Float64Array): void {
  const { n, tail } = f.sym;
  const { ns, t } = tail;
  const { W, T, Dinv, scratchA } = f;
  const w = f.wasm;
  if (w !== null && w.holds(x)) {
    w.kernels.ldlSolve(w.tab, x.byteOffset, ns, tail.gRp.length - 1, t, n);
    return;
  }
  sparseForward(f, x);
  panelForward(tail, W, Dinv, x, scratchA);
  denseForward(T, t, x, ns);
  for (let c = 0; c < n; c++) x[c]! *= Dinv[c]!;
  denseBackward(T, t, x, ns);
  panelBackward(tail, W, Dinv, x, scratchA);
  sparseBackward(f, x);
}

/** x_S ← L_SS⁻¹ x_S (kernels.wat's lsolve). */
export function sparseForward(f: LdlFactor, x: Float64Array): void {
  const { ns, Sp, Si } = f.sym.tail;
  const { Sx } = f;
  for (let c = 0; c < ns; c++) {
    const xc = x[c]!;
    if (xc !== 0) for (let j = Sp[c]!, end = Sp[c + 1]!; j < end; j++) x[Si[j]!]! -= Sx[j]! * xc;
  }
}

/** x_S ← L_SS⁻ᵀ x_S (kernels.wat's ltsolve). */
export function sparseBackward(f: LdlFactor, x: Float64Array): void {
  const { ns, Sp, Si } = f.sym.tail;
  const { Sx } = f;
  for (let c = ns - 1; c >= 0; c--) {
    let s = x[c]!;
    for (let j = Sp[c]!, end = Sp[c + 1]!; j < end; j++) s -= Sx[j]! * x[Si[j]!]!;
    x[c] = s;
  }
}

/** Solves two systems with the same factor in one sweep (shared index and factor loads). */
export function solveTwo(f: LdlFactor, x: Float64Array, z: Float64Array): void {
  const { n, tail } = f.sym;
  const { ns, t } = tail;
  const { W, T, Dinv, scratchA, scratchB } = f;
  const w = f.wasm;
  const fast = w !== null && w.holds(x, z);
  if (fast) w.kernels.lsolve2(w.tab, x.byteOffset, z.byteOffset, ns);
  else sparseForward2(f, x, z);
  panelForward2(tail, W, Dinv, x, z, scratchA, scratchB);
  denseForward(T, t, x, ns);
  denseForward(T, t, z, ns);
  for (let c = 0; c < n; c++) {
    const d = Dinv[c]!;
    x[c]! *= d;
    z[c]! *= d;
  }
  denseBackward(T, t, x, ns);
  denseBackward(T, t, z, ns);
  panelBackward2(tail, W, Dinv, x, z, scratchA, scratchB);
  if (fast) w.kernels.ltsolve2(w.tab, x.byteOffset, z.byteOffset, ns);
  else sparseBackward2(f, x, z);
}

/** sparseForward on two vectors, without its skip of zero entries (kernels.wat's lsolve2). */
export function sparseForward2(f: LdlFactor, x: Float64Array, z: Float64Array): void {
  const { ns, Sp, Si } = f.sym.tail;
  const { Sx } = f;
  for (let c = 0; c < ns; c++) {
    const xc = x[c]!;
    const zc = z[c]!;
    for (let j = Sp[c]!, end = Sp[c + 1]!; j < end; j++) {
      const i = Si[j]!;
      const l = Sx[j]!;
      x[i]! -= l * xc;
      z[i]! -= l * zc;
    }
  }
}

/** sparseBackward on two vectors (kernels.wat's ltsolve2). */
export function sparseBackward2(f: LdlFactor, x: Float64Array, z: Float64Array): void {
  const { ns, Sp, Si } = f.sym.tail;
  const { Sx } = f;
  for (let c = ns - 1; c >= 0; c--) {
    let sx = x[c]!;
    let sz = z[c]!;
    for (let j = Sp[c]!, end = Sp[c + 1]!; j < end; j++) {
      const i = Si[j]!;
      const l = Sx[j]!;
      sx -= l * x[i]!;
      sz -= l * z[i]!;
    }
    x[c] = sx;
    z[c] = sz;
  }
}
