import { describe, expect, it } from 'vitest';
import { cscFromTriplets } from './csc.js';
import { IpmState } from './ipm-state.js';
import { KktPattern, KktSystem } from './kkt.js';
import { ScaledProblem } from './scaled-problem.js';

/** The distinct buffers behind the typed arrays among an object's own fields. */
function buffers(object: object): Set<ArrayBufferLike> {
  const out = new Set<ArrayBufferLike>();
  for (const value of Object.values(object)) {
    const arrays = Array.isArray(value) ? value : [value];
    for (const a of arrays) if (ArrayBuffer.isView(a)) out.add(a.buffer);
  }
  return out;
}

// Each owner sizes its first chunk by counting its arrays; one that gains an array without its
// count takes a second buffer (still correct, but the allocation the slab is there to save).
describe('slab sizing of the per-pattern state', () => {
  it('IpmState keeps all its arrays in one buffer', () => {
    for (const [N, m] of [
      [7, 3],
      [113, 32],
      [2981, 521],
    ] as const) {
      expect(buffers(new IpmState(N, m, N + m)).size).toBe(1);
    }
  });

  it('ScaledProblem keeps its own arrays in one buffer (the scaling and C by rows have theirs)', () => {
    const A = cscFromTriplets(
      2,
      3,
      Int32Array.of(0, 1, 1),
      Int32Array.of(0, 1, 2),
      Float64Array.of(1, 2, 3),
    );
    const C = cscFromTriplets(1, 3, Int32Array.of(0), Int32Array.of(2), Float64Array.of(1));
    const P = cscFromTriplets(3, 3, Int32Array.of(0), Int32Array.of(0), Float64Array.of(1));
    const sp = new ScaledProblem(3, 2, 1, P, A, C);
    const own = {
      ...sp,
      scaling: undefined,
      Crows: undefined,
      P: undefined,
      A: undefined,
      C: undefined,
    };
    expect(buffers(own).size).toBe(1);
  });

  it('KktSystem keeps its arrays in one buffer (the factor has its own), the factor too', () => {
    const A = cscFromTriplets(
      2,
      3,
      Int32Array.of(0, 1, 1),
      Int32Array.of(0, 1, 2),
      Float64Array.of(1, 2, 3),
    );
    const C = cscFromTriplets(1, 3, Int32Array.of(0), Int32Array.of(2), Float64Array.of(1));
    const P = cscFromTriplets(3, 3, Int32Array.of(0), Int32Array.of(0), Float64Array.of(1));
    const kkt = new KktSystem(new KktPattern(3, 2, 1, P, A, C));
    // Pv, Av and Cv are empty until values are loaded (each its own zero-length array); without
    // an arena the pivot signs are the pattern's.
    const own = {
      ...kkt,
      factor: undefined,
      pat: undefined,
      sign: undefined,
      Pv: undefined,
      Av: undefined,
      Cv: undefined,
    };
    expect(buffers(own).size).toBe(1);
    expect(buffers({ ...kkt.factor, sym: undefined }).size).toBe(1);
  });
});
