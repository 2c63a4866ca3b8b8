import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cscFromTriplets } from '../csc.js';
import { KktPattern, KktSystem } from '../kkt.js';
import { Slab } from '../slab.js';
import { randomFeasibleQp } from '../testing/random-qp.js';
import type { CscMatrix } from '../types.js';
import { arenaBytes, VectorArena } from './vector-arena.js';

/**
 * The factor's WebAssembly kernels against their TypeScript twins: one KKT system built in an
 * arena (kernels) and one without (loops), given the same values; the factor, the solves and
 * the refined solves must agree bit for bit (the kernels do the same operations in the same
 * order). Patterns come from random QPs, large enough to have sparse pivots, panels and a tail.
 */

const empty = (nrows: number, ncols: number): CscMatrix =>
  cscFromTriplets(nrows, ncols, new Int32Array(0), new Int32Array(0), new Float64Array(0));

/** Deterministic numbers in [−2, 2) from a seed (both twins get the same). */
function numbers(seed: number): () => number {
  let s = seed | 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return ((s >>> 0) / 2 ** 32 - 0.5) * 4;
  };
}

interface Case {
  pat: KktPattern;
  fast: KktSystem;
  plain: KktSystem;
  /** Two right-hand sides in the arena (the kernels' solves need their vectors there). */
  x: Float64Array;
  z: Float64Array;
}

function twins(n: number, me: number, mi: number, seed: number): Case {
  const qp = randomFeasibleQp({ n, me, mi, rank: Math.ceil(n / 2), seed, redundant: false });
  const P = qp.P ?? empty(n, n);
  const pat = new KktPattern(n, me, mi, P, qp.A ?? empty(me, n), qp.C ?? empty(mi, n));
  const nK = pat.nK;
  const arena = new VectorArena(arenaBytes(KktSystem.arenaBytes(pat), 16 * nK + 32));
  const fast = new KktSystem(pat, arena);
  const vectors = new Slab(0, arena.region(16 * nK + 32));
  return { pat, fast, plain: new KktSystem(pat), x: vectors.f64(nK), z: vectors.f64(nK) };
}

/** Loads the same values into both and factorises; `tiny` makes some pivots need replacing. */
function factorBoth(c: Case, seed: number, tiny: boolean): void {
  const { pat } = c;
  const nnz = (m: CscMatrix) => m.colPtr[m.ncols]!;
  for (const kkt of [c.fast, c.plain]) {
    const rand = numbers(seed);
    const values = (len: number) => Float64Array.from({ length: len }, rand);
    const pDiag = Float64Array.from({ length: pat.n }, () => Math.abs(rand()));
    kkt.loadValues(values(nnz(pat.P)), pDiag, values(nnz(pat.A)), values(nnz(pat.C)));
    for (let i = 0; i < pat.nK; i++) {
      const h = tiny && rand() > 1 ? 1e-14 : 0.1 + Math.abs(rand());
      kkt.h[i] = i < pat.n ? h : -h;
    }
    kkt.refactor(1e-9, 1e-13, 1e-7);
  }
}

function expectSame(name: string, a: Float64Array, b: Float64Array): void {
  expect(a.length).toBe(b.length);
  for (let i = 0; i < a.length; i++) {
    if (!Object.is(a[i], b[i])) expect.fail(`${name}[${i}]: ${a[i]} (kernels) vs ${b[i]}`);
  }
}

const shapes = fc.record({
  n: fc.integer({ min: 1, max: 60 }),
  me: fc.integer({ min: 0, max: 8 }),
  mi: fc.integer({ min: 0, max: 8 }),
  seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
  tiny: fc.boolean(),
});

describe('LDL kernels match their TypeScript twins', () => {
  it('factorisation: L, D, D⁻¹, the panels, the tail and the replaced pivots', () => {
    fc.assert(
      fc.property(shapes, ({ n, me, mi, seed, tiny }) => {
        const c = twins(n, me, mi, seed);
        factorBoth(c, seed, tiny);
        const [f, g] = [c.fast.factor, c.plain.factor];
        expect(f.wasm).not.toBeNull();
        expect(g.wasm).toBeNull();
        for (const key of ['Sx', 'D', 'Dinv', 'W', 'T'] as const) expectSame(key, f[key], g[key]);
        expect(f.regularizedPivots).toBe(g.regularizedPivots);
      }),
      { numRuns: 150 },
    );
  });

  it('solves of one and two right-hand sides, plain and refined', () => {
    fc.assert(
      fc.property(shapes, fc.integer({ min: 0, max: 3 }), (shape, refine) => {
        const c = twins(shape.n, shape.me, shape.mi, shape.seed);
        factorBoth(c, shape.seed, shape.tiny);
        const rand = numbers(shape.seed ^ 0x5bd1e995);
        // Some entries 0: the one-vector forward sweep skips those columns.
        for (let i = 0; i < c.pat.nK; i++) c.x[i] = rand() > 1 ? 0 : rand();
        for (let i = 0; i < c.pat.nK; i++) c.z[i] = rand();
        const [x, z] = [Float64Array.from(c.x), Float64Array.from(c.z)];
        expect(c.fast.solvePermuted(c.x, refine)).toBe(c.plain.solvePermuted(x, refine));
        expectSame('x', c.x, x);
        expect(c.fast.solvePermuted2(c.x, c.z, refine)).toBe(c.plain.solvePermuted2(x, z, refine));
        expectSame('x (two)', c.x, x);
        expectSame('z (two)', c.z, z);
      }),
      { numRuns: 150 },
    );
  });

  it('a vector outside the arena is solved by the TypeScript loops, to the same result', () => {
    const c = twins(30, 4, 3, 11);
    factorBoth(c, 11, false);
    const outside = Float64Array.from({ length: c.pat.nK }, (_, i) => Math.sin(i));
    c.x.set(outside);
    c.fast.solvePermuted(outside, 0);
    c.fast.solvePermuted(c.x, 0);
    expectSame('x', c.x, outside);
  });
});
