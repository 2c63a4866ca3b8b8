import fc from 'fast-check';
/**
 * Test helper: random convex QPs with a known status, built from a seed.
 *
 * Feasible and bounded: a primal point x₀ satisfies every row and bound by construction, and
 * q = −P w + Aᵀy₀ + Cᵀz₀ + zx₀ with sign-feasible z₀, zx₀ makes the dual feasible, so an optimum
 * exists (weak duality). P = BᵀB has a chosen rank (0 gives an LP). Options add redundant rows
 * (duplicates and sums), fixed variables, free variables and free/equality rows.
 * Infeasible: a feasible problem plus a conflicting row. Unbounded: a direction d with
 * P d = 0, A d = 0, C d and d in the recession cones of their bounds, and qᵀd < 0.
 */
import { cscFromTriplets } from '../csc.js';
import type { QpProblem } from '../types.js';

export interface RandomQpParams {
  readonly n: number;
  readonly me: number;
  readonly mi: number;
  readonly rank: number;
  readonly seed: number;
  readonly redundant: boolean;
}

type Rand = () => number;

function prng(seed: number): Rand {
  let a = seed >>> 0 || 0x9e3779b9;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const int = (rand: Rand, lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));
/** Small "nice" numbers (multiples of 1/4) keep HiGHS's LP text exact. */
const nice = (rand: Rand, mag: number): number => Math.round((rand() * 2 - 1) * mag * 4) / 4;

type Dense = number[][];

function randomRows(rand: Rand, rows: number, n: number): Dense {
  return Array.from({ length: rows }, () => {
    const row = Array.from({ length: n }, () => (rand() < 0.6 ? nice(rand, 3) : 0));
    if (!row.some((v) => v !== 0)) row[int(rand, 0, n - 1)] = 1;
    return row;
  });
}

function toCsc(M: Dense, ncols: number) {
  const r: number[] = [];
  const c: number[] = [];
  const v: number[] = [];
  M.forEach((row, i) =>
    row.forEach((x, j) => {
      if (x !== 0) {
        r.push(i);
        c.push(j);
        v.push(x);
      }
    }),
  );
  return cscFromTriplets(M.length, ncols, r, c, v);
}

const dotv = (a: number[], b: number[]): number => a.reduce((s, x, i) => s + x * b[i]!, 0);

/** Upper triangle of BᵀB. */
function gram(B: Dense, n: number) {
  const r: number[] = [];
  const c: number[] = [];
  const v: number[] = [];
  for (let j = 0; j < n; j++) {
    for (let i = 0; i <= j; i++) {
      const s = B.reduce((acc, row) => acc + row[i]! * row[j]!, 0);
      if (s !== 0) {
        r.push(i);
        c.push(j);
        v.push(s);
      }
    }
  }
  return cscFromTriplets(n, n, r, c, v);
}

/** Bounds [l, u] around value x of a random kind; returns the kind too. */
function boundsAround(rand: Rand, x: number, allowFixed: boolean): [number, number] {
  const k = rand();
  if (allowFixed && k < 0.12) return [x, x];
  if (k < 0.45) return [x - int(rand, 0, 2), x + int(rand, 0, 2) + 0.5];
  if (k < 0.65) return [x - int(rand, 0, 2), Infinity];
  if (k < 0.8) return [-Infinity, x + int(rand, 0, 2)];
  return [-Infinity, Infinity];
}

/** A multiplier whose sign is allowed by the interval [l, u] (positive needs finite l). */
function signFeasible(rand: Rand, l: number, u: number): number {
  const mag = nice(rand, 2);
  if (l === u) return mag;
  if (Number.isFinite(l) && Number.isFinite(u)) return mag;
  if (Number.isFinite(l)) return Math.abs(mag);
  if (Number.isFinite(u)) return -Math.abs(mag);
  return 0;
}

export function randomFeasibleQp(p: RandomQpParams): QpProblem {
  const rand = prng(p.seed);
  const { n } = p;
  const x0 = Array.from({ length: n }, () => nice(rand, 2));
  const A = randomRows(rand, p.me, n);
  if (p.redundant && A.length > 0) {
    A.push(A[0]!.map((v) => 2 * v));
    if (A.length > 2) A.push(A[0]!.map((v, j) => v + A[1]![j]!));
  }
  const C = randomRows(rand, p.mi, n);
  const B = randomRows(rand, p.rank, n);
  const bounds = x0.map((x) => boundsAround(rand, x, true));
  const rowBounds = C.map((row) => boundsAround(rand, dotv(row, x0), true));
  const w = Array.from({ length: n }, () => nice(rand, 1));
  const y0 = A.map(() => nice(rand, 2));
  const z0 = rowBounds.map(([l, u]) => signFeasible(rand, l, u));
  const zx0 = bounds.map(([l, u]) => signFeasible(rand, l, u));
  const P = gram(B, n);
  // q = −P w + Aᵀy₀ + Cᵀz₀ + zx₀ makes (w, y₀, z₀, zx₀) dual feasible.
  const pw = B.map((row) => dotv(row, w));
  const q = Array.from({ length: n }, (_, j) => {
    let s = -B.reduce((acc, row, k) => acc + row[j]! * pw[k]!, 0) + zx0[j]!;
    A.forEach((row, i) => (s += row[j]! * y0[i]!));
    C.forEach((row, i) => (s += row[j]! * z0[i]!));
    return s;
  });
  return {
    n,
    P,
    q: Float64Array.from(q),
    A: toCsc(A, n),
    b: Float64Array.from(A.map((row) => dotv(row, x0))),
    C: toCsc(C, n),
    cl: Float64Array.from(rowBounds.map(([l]) => l)),
    cu: Float64Array.from(rowBounds.map(([, u]) => u)),
    lb: Float64Array.from(bounds.map(([l]) => l)),
    ub: Float64Array.from(bounds.map(([, u]) => u)),
  };
}

/** A feasible problem plus one conflicting row, of one of three kinds. */
export function randomInfeasibleQp(p: RandomQpParams): QpProblem {
  const base = randomFeasibleQp({ ...p, me: Math.max(p.me, 2) });
  const rand = prng(p.seed ^ 0x5bd1e995);
  const n = base.n;
  const kind = int(rand, 0, 2);
  const A = base.A!;
  const dense = (M: NonNullable<QpProblem['A']>): Dense =>
    Array.from({ length: M.nrows }, (_, i) =>
      Array.from({ length: n }, (_, j) => {
        for (let k = M.colPtr[j]!; k < M.colPtr[j + 1]!; k++)
          if (M.rowIdx[k] === i) return M.values[k]!;
        return 0;
      }),
    );
  const Ad = dense(A);
  const b = Array.from(base.b!);
  if (kind === 0) {
    // Sum of two rows with a shifted right-hand side.
    Ad.push(Ad[0]!.map((v, j) => v + Ad[1]![j]!));
    b.push(b[0]! + b[1]! + 0.5 + int(rand, 0, 3));
    return { ...base, A: toCsc(Ad, n), b: Float64Array.from(b) };
  }
  // Boxed variables and a row whose bound lies beyond the box's reach (kind 1: lower,
  // kind 2: a pair of rows c·x ≥ t + 1 and c·x ≤ t).
  const lb = Float64Array.from({ length: n }, () => -1 - int(rand, 0, 2));
  const ub = Float64Array.from({ length: n }, () => 1 + int(rand, 0, 2));
  const c = Array.from({ length: n }, () => nice(rand, 2) || 1);
  const reach = c.reduce((s, v, j) => s + Math.max(v * lb[j]!, v * ub[j]!), 0);
  const Cd = [...dense(base.C!), c];
  const cl = [...base.cl!];
  const cu = [...base.cu!];
  if (kind === 1) {
    cl.push(reach + 1);
    cu.push(Infinity);
  } else {
    const t = nice(rand, 2);
    Cd.push(c);
    cl.push(t + 1, -Infinity);
    cu.push(Infinity, t);
  }
  return {
    ...base,
    A: undefined,
    b: undefined,
    lb,
    ub,
    C: toCsc(Cd, n),
    cl: Float64Array.from(cl),
    cu: Float64Array.from(cu),
  };
}

/** Unbounded along a random direction d (see the file comment). */
export function randomUnboundedQp(p: RandomQpParams): QpProblem {
  const rand = prng(p.seed ^ 0x27d4eb2d);
  const { n } = p;
  // d ∈ {−1, 0, 1}ⁿ and rows made orthogonal to d by adjusting one coordinate keep every
  // number a multiple of 1/4, so P d = 0 and A d = 0 hold exactly (also in HiGHS's arithmetic).
  const d = Array.from({ length: n }, () => (rand() < 0.7 ? (rand() < 0.5 ? -1 : 1) : 0));
  if (!d.some((v) => v !== 0)) d[0] = 1;
  const pivot = d.findIndex((v) => v !== 0);
  const project = (row: number[]): number[] => {
    const out = [...row];
    out[pivot] = 0;
    out[pivot] = -dotv(out, d) / d[pivot]!;
    return out;
  };
  const x0 = Array.from({ length: n }, () => nice(rand, 2));
  const A = randomRows(rand, p.me, n).map(project);
  const B = randomRows(rand, p.rank, n).map(project);
  const C = randomRows(rand, p.mi, n);
  const rowBounds = C.map((row): [number, number] => {
    const cx = dotv(row, x0);
    const cd = dotv(row, d);
    if (cd > 1e-12) return [cx - int(rand, 0, 2), Infinity];
    if (cd < -1e-12) return [-Infinity, cx + int(rand, 0, 2)];
    return [-Infinity, Infinity];
  });
  const bounds = x0.map((x, j): [number, number] => {
    const [l, u] = boundsAround(rand, x, false);
    return [d[j]! < 0 ? -Infinity : l, d[j]! > 0 ? Infinity : u];
  });
  const qr = project(Array.from({ length: n }, () => nice(rand, 2)));
  const q = qr.map((v, j) => v - d[j]!);
  return {
    n,
    P: gram(B, n),
    q: Float64Array.from(q),
    A: toCsc(A, n),
    b: Float64Array.from(A.map((row) => dotv(row, x0))),
    C: toCsc(C, n),
    cl: Float64Array.from(rowBounds.map(([l]) => l)),
    cu: Float64Array.from(rowBounds.map(([, u]) => u)),
    lb: Float64Array.from(bounds.map(([l]) => l)),
    ub: Float64Array.from(bounds.map(([, u]) => u)),
  };
}

/** Problem shapes for property tests: sizes, P rank (0 = LP), seed, redundant rows or not. */
export const randomQpParams: fc.Arbitrary<RandomQpParams> = fc
  .record({
    n: fc.integer({ min: 1, max: 10 }),
    me: fc.integer({ min: 0, max: 4 }),
    mi: fc.integer({ min: 0, max: 4 }),
    rankFrac: fc.double({ min: 0, max: 1, noNaN: true }),
    seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
    redundant: fc.boolean(),
  })
  .map(({ rankFrac, ...rest }) => ({ ...rest, rank: Math.round(rankFrac * rest.n) }));
