import { describe, expect, it } from 'vitest';
import { cscFromTriplets } from '../csc.js';
import { IpmState } from '../ipm-state.js';
import { ScaledProblem } from '../scaled-problem.js';
import { arenaBytes, VectorArena } from './vector-arena.js';

describe('VectorArena', () => {
  it('hands out aligned regions after its header (the kernels’ output and table), no more than it has', () => {
    const arena = new VectorArena(100);
    const a = arena.region(40);
    const b = arena.region(8);
    expect([a.start, a.end, b.start, b.end]).toEqual([192, 240, 240, 256]);
    expect(a.buffer).toBe(b.buffer);
    expect(arena.out.buffer).toBe(a.buffer);
    expect(() => arena.region(65536)).toThrow(/vector arena: 65792 bytes asked of 65536/);
  });

  it('holds a problem and a state with every array in its memory (sizes as solver.ts counts)', () => {
    for (const [n, me, mi] of [
      [1, 0, 0],
      [7, 2, 3],
      [2981, 20, 501],
    ] as const) {
      const P = cscFromTriplets(n, n, Int32Array.of(0), Int32Array.of(0), Float64Array.of(1));
      const A = cscFromTriplets(me, n, new Int32Array(0), new Int32Array(0), new Float64Array(0));
      const C = cscFromTriplets(mi, n, new Int32Array(0), new Int32Array(0), new Float64Array(0));
      const N = n + mi;
      const m = me + mi;
      const arena = new VectorArena(
        arenaBytes(ScaledProblem.slabBytes(n, mi, m, P, A, C), IpmState.slabBytes(N, m, N + m)),
      );
      const sp = new ScaledProblem(n, me, mi, P, A, C, arena);
      const st = new IpmState(N, m, N + m, arena, new Int32Array(N + m));
      const views = [...Object.values(sp), ...Object.values(st)].filter(ArrayBuffer.isView);
      const inArena = views.filter((v) => v.buffer === arena.out.buffer);
      // The scaling's and C-by-rows' arrays are not read by the kernels and stay outside.
      expect(inArena.length).toBe(views.length);
      for (const v of inArena) if (v instanceof Float64Array) expect(v.byteOffset % 16).toBe(0);
      arena.bind(sp, st);
      expect(arena.runs(sp, st)).toBe(true);
    }
  });

  it('binds only arrays of its own memory (a state without the permutation, or outside it)', () => {
    const P = cscFromTriplets(2, 2, Int32Array.of(0), Int32Array.of(0), Float64Array.of(1));
    const A = cscFromTriplets(1, 2, Int32Array.of(0), Int32Array.of(1), Float64Array.of(1));
    const C = cscFromTriplets(0, 2, new Int32Array(0), new Int32Array(0), new Float64Array(0));
    const arena = new VectorArena(
      arenaBytes(ScaledProblem.slabBytes(2, 0, 1, P, A, C), 2 * IpmState.slabBytes(2, 1, 3)),
    );
    const sp = new ScaledProblem(2, 1, 0, P, A, C, arena);
    expect(() => arena.bind(sp, new IpmState(2, 1, 3, arena))).toThrow(
      /vector arena: pinv is not an array of this arena/,
    );
    expect(() => arena.bind(sp, new IpmState(2, 1, 3))).toThrow(/v is not an array of this/);
    expect(arena.runs(sp, new IpmState(2, 1, 3))).toBe(false);
  });
});
