import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cscFromTriplets } from '../csc.js';
import { affineStep, correctorRhs, predictorRhs, stepAndPrepare } from '../ipm-lean-kernels.js';
import { IpmState } from '../ipm-state.js';
import { updateDirection } from '../newton.js';
import { computeResiduals, newDots, type ResidualDots } from '../residuals.js';
import { ScaledProblem } from '../scaled-problem.js';
import { arenaBytes, VectorArena } from './vector-arena.js';

/**
 * Each SIMD kernel against its TypeScript twin: the same problem and state built twice, once in
 * an arena (the SIMD kernel takes the even part, the TypeScript one the rest) and once without
 * (the TypeScript kernel alone), filled with the same numbers; every array written must come
 * out bit for bit the same (the lanes do the same IEEE operations in the same order), as must
 * every step length and maximum; sums may differ in rounding only (two lanes add in another
 * order).
 */

interface Twin {
  sp: ScaledProblem;
  st: IpmState;
}

/**
 * A sparsity pattern of about a third of the entries (P: the upper triangle, diagonal always);
 * the values the kernels read are the problem's scaled copies, which `fill` sets.
 */
function randomCsc(nrows: number, ncols: number, upper: boolean, rand: () => number) {
  const rows: number[] = [];
  const cols: number[] = [];
  for (let j = 0; j < ncols; j++) {
    for (let i = 0; i < (upper ? j + 1 : nrows); i++) {
      if ((upper && i === j) || Math.abs(rand()) < 0.6) {
        rows.push(i);
        cols.push(j);
      }
    }
  }
  const values = new Float64Array(rows.length).fill(1);
  return cscFromTriplets(nrows, ncols, Int32Array.from(rows), Int32Array.from(cols), values);
}

/** xorshift32: the same numbers for both twins. */
function numbers(seed: number, wild: boolean): () => number {
  let s = seed | 1;
  const next = (): number => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
  // No tiny specials: where α·dx underflows to 0, the sequential step test (−x > α·dx) skips a
  // ratio below α that a lane, with its own larger running α, takes (one seed gave 3e-301
  // against 0): an edge no iterate reaches, and not a disagreement in the arithmetic.
  const special = [NaN, Infinity, -Infinity, 0, -0, 1e300];
  return () => {
    const u = next();
    if (wild && u < 0.08) return special[Math.floor(next() * special.length)]!;
    return (next() - 0.3) * 4;
  };
}

function float64Fields(o: object): [string, Float64Array][] {
  return Object.entries(o).filter((e): e is [string, Float64Array] => e[1] instanceof Float64Array);
}

const SLACKS_AND_DUALS = new Set(['sl', 'zl', 'su', 'zu']);

function fill(twin: Twin, rand: () => number, mask: () => number): void {
  for (const [name, a] of float64Fields(twin.sp)) {
    for (let i = 0; i < a.length; i++) a[i] = name === 'mlo' || name === 'mhi' ? mask() : rand();
  }
  // Slacks and bound duals are never negative in an iterate; there the step to the boundary is
  // the least ratio whatever the order (each lane keeps its own running minimum).
  for (const [name, a] of float64Fields(twin.st)) {
    const sign = SLACKS_AND_DUALS.has(name) ? Math.abs : (x: number) => x;
    for (let i = 0; i < a.length; i++) a[i] = sign(rand());
  }
  const E = twin.sp.scaling.E;
  for (let i = 0; i < E.length; i++) E[i] = rand();
  twin.st.tau = 0.5 + Math.abs(rand());
  twin.st.kappa = Math.abs(rand());
  twin.sp.nu = twin.sp.N;
}

/** Twins of n variables and mi inequality rows (N = n + mi entries), seeded alike. */
function twins(n: number, mi: number, seed: number, wild: boolean) {
  const me = 3;
  const N = n + mi;
  const m = me + mi;
  const nK = N + m;
  const pattern = numbers(seed ^ 0x27d4eb2f, false);
  const P = randomCsc(n, n, true, pattern);
  const A = randomCsc(me, n, false, pattern);
  const C = randomCsc(mi, n, false, pattern);
  const pinv = Int32Array.from({ length: nK }, (_, i) => i);
  const order = numbers(seed ^ 0x9e3779b9, false);
  for (let i = nK - 1; i > 0; i--) {
    const j = Math.floor(((order() + 1.2) / 4) * (i + 1)) % (i + 1);
    [pinv[i], pinv[j]] = [pinv[j]!, pinv[i]!];
  }
  const arena = new VectorArena(
    arenaBytes(
      ScaledProblem.slabBytes(n, mi, m, P, A, C) + ScaledProblem.indexBytes(n, P, A),
      IpmState.slabBytes(N, m, nK),
    ),
  );
  const simd: Twin = {
    sp: new ScaledProblem(n, me, mi, P, A, C, arena),
    st: new IpmState(N, m, nK, arena, pinv),
  };
  arena.bind(simd.sp, simd.st);
  const plain: Twin = {
    sp: new ScaledProblem(n, me, mi, P, A, C),
    st: new IpmState(N, m, nK),
  };
  for (const twin of [simd, plain]) {
    const rand = numbers(seed, wild);
    const maskRand = numbers(seed ^ 0x85ebca6b, false);
    fill(twin, rand, () => (maskRand() > 0 ? 1 : 0));
  }
  return { simd, plain, pinv };
}

/** The twin's arrays by name, `sp.` or `st.` first (both have a Pv: P's values, P·v). */
function arraysOf(t: Twin): [string, Float64Array][] {
  const named = (prefix: string, o: object) =>
    float64Fields(o).map(([k, a]): [string, Float64Array] => [`${prefix}.${k}`, a]);
  return [...named('sp', t.sp), ...named('st', t.st)];
}

function expectSameArrays(a: Twin, b: Twin): void {
  const fieldsB = new Map(arraysOf(b));
  for (const [name, x] of arraysOf(a)) {
    const y = fieldsB.get(name)!;
    for (let i = 0; i < x.length; i++) {
      if (!Object.is(x[i], y[i])) expect.fail(`${name}[${i}]: ${x[i]} (SIMD) vs ${y[i]}`);
    }
  }
}

function expectSameStep(a: number, b: number): void {
  expect(Object.is(a, b), `step ${a} (SIMD) vs ${b}`).toBe(true);
}

function expectCloseSum(a: number, b: number, name: string): void {
  if (Number.isNaN(a) || Number.isNaN(b) || !Number.isFinite(a) || !Number.isFinite(b)) {
    expect(Object.is(a, b), `${name}: ${a} (SIMD) vs ${b}`).toBe(true);
  } else {
    expect(Math.abs(a - b), name).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(b)) * 64);
  }
}

const sizes = fc.record({
  n: fc.integer({ min: 1, max: 40 }),
  mi: fc.integer({ min: 0, max: 5 }),
  seed: fc.integer(),
  wild: fc.boolean(),
});

describe('SIMD kernels match their TypeScript twins', () => {
  it('computeResiduals (products by P and A, bound-row pass): arrays exact, sums to rounding', () => {
    fc.assert(
      fc.property(sizes, ({ n, mi, seed, wild }) => {
        const { simd, plain } = twins(n, mi, seed, wild);
        const dots: ResidualDots[] = [newDots(), newDots()];
        computeResiduals(simd.sp, simd.st, dots[0]!);
        computeResiduals(plain.sp, plain.st, dots[1]!);
        expectSameArrays(simd, plain);
        const [a, b] = dots as [ResidualDots, ResidualDots];
        for (const key of ['rp', 'rd', 'nx', 'ns', 'nz', 'qv', 'vPv', 'qvAbs'] as const) {
          expectSameStep(a[key], b[key]);
        }
        for (const key of ['bz', 'bzAbs', 'mu'] as const) expectCloseSum(a[key], b[key], key);
        expectCloseSum(simd.st.rtau, plain.st.rtau, 'rtau');
      }),
    );
  });

  it('updateDirection (Δτ ≠ 0 and the lean path’s Δτ = 0 in place)', () => {
    fc.assert(
      fc.property(sizes, fc.double({ min: -2, max: 2, noNaN: true }), (size, dtau) => {
        const { simd, plain } = twins(size.n, size.mi, size.seed, size.wild);
        const [a, b] = [simd, plain].map(({ sp, st }) =>
          updateDirection(sp, st, dtau, 0.7, st.v1, st.v2),
        );
        expectSameStep(a!, b!);
        const [c, d] = [simd, plain].map(({ sp, st }) =>
          updateDirection(sp, st, 0, 0.3, st.dv, st.dv),
        );
        expectSameStep(c!, d!);
        expectSameArrays(simd, plain);
      }),
    );
  });

  it('affineStep and stepAndPrepare (a step of α, and of 0)', () => {
    fc.assert(
      fc.property(sizes, fc.double({ min: 0, max: 1, noNaN: true }), (size, alpha) => {
        const { simd, plain } = twins(size.n, size.mi, size.seed, size.wild);
        const [a, b] = [simd, plain].map(({ sp, st }) => affineStep(sp, st, st.v2));
        expectSameStep(a!, b!);
        for (const { sp, st } of [simd, plain]) {
          stepAndPrepare(sp, st, alpha);
          stepAndPrepare(sp, st, 0);
        }
        expectSameArrays(simd, plain);
      }),
    );
  });

  it('predictorRhs and correctorRhs (the x part through the permutation into kp)', () => {
    fc.assert(
      fc.property(sizes, (size) => {
        const { simd, plain, pinv } = twins(size.n, size.mi, size.seed, size.wild);
        for (const { sp, st } of [simd, plain]) predictorRhs(sp, st, pinv);
        expectSameArrays(simd, plain);
        for (const { sp, st } of [simd, plain]) correctorRhs(sp, st, pinv, 0.6, 0.02, 1, st.v2);
        expectSameArrays(simd, plain);
      }),
    );
  });

  it('a state built without an arena beside a problem in one runs the TypeScript kernels', () => {
    const { simd, plain } = twins(9, 2, 7, false);
    const mixed: Twin = { sp: simd.sp, st: plain.st };
    // Were the SIMD kernel used, it would write the arena's copy of the state, not this one.
    const before = Float64Array.from(simd.st.sig);
    stepAndPrepare(mixed.sp, mixed.st, 0.5);
    expect(simd.st.sig).toEqual(before);
    expect(plain.st.sig).not.toEqual(before);
  });
});
