/**
 * Triangular solves with an `LdlFactor`: L D Lᵀ x = b on permuted vectors, as
 *   forward:  x_S ← L_SS⁻¹ b_S;  x_T ← L_TT⁻¹ (b_T − L_TS x_S)
 *   diagonal: x ← D⁻¹ x
 *   backward: x_T ← L_TT⁻ᵀ x_T;  x_S ← L_SS⁻ᵀ (x_S − L_TSᵀ x_T).
 * `solveTwo` runs two right-hand sides through one sweep, sharing every index and factor load
 * (the interior-point method solves its constant and affine systems together).
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

export function solveOne(f: LdlFactor, x: Float64Array): void {
  const { n, tail } = f.sym;
  const { ns, t, Sp, Si } = tail;
  const { Sx, W, T, Dinv, scratchA } = f;
  for (let c = 0; c < ns; c++) {
    const xc = x[c]!;
    if (xc !== 0) for (let j = Sp[c]!, end = Sp[c + 1]!; j < end; j++) x[Si[j]!]! -= Sx[j]! * xc;
  }
  panelForward(tail, W, Dinv, x, scratchA);
  denseForward(T, t, x, ns);
  for (let c = 0; c < n; c++) x[c]! *= Dinv[c]!;
  denseBackward(T, t, x, ns);
  panelBackward(tail, W, Dinv, x, scratchA);
  for (let c = ns - 1; c >= 0; c--) {
    let s = x[c]!;
    for (let j = Sp[c]!, end = Sp[c + 1]!; j < end; j++) s -= Sx[j]! * x[Si[j]!]!;
    x[c] = s;
  }
}

export function solveTwo(f: LdlFactor, x: Float64Array, z: Float64Array): void {
  const { n, tail } = f.sym;
  const { ns, t, Sp, Si } = tail;
  const { Sx, W, T, Dinv, scratchA, scratchB } = f;
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
