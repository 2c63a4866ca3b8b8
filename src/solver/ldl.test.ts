import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { amdOrder } from './amd.js';
import { LdlFactor } from './ldl.js';
import { analyze } from './symbolic.js';

/** Random quasi-definite matrix: nx positive-definite block, the rest negative definite. */
function randomQuasiDefinite(n: number, nx: number, density: number, seed: number) {
  let s = seed >>> 0 || 1;
  const rand = () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const dense = Array.from({ length: n }, () => new Float64Array(n));
  const rows: number[] = [];
  const cols: number[] = [];
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < j; i++) {
      if (rand() < density) {
        const v = rand() * 2 - 1;
        dense[i]![j] = v;
        dense[j]![i] = v;
        rows.push(i);
        cols.push(j);
      }
    }
  }
  // Diagonal dominance makes each block definite with the intended sign.
  for (let i = 0; i < n; i++) {
    let off = 0;
    for (let j = 0; j < n; j++) if (j !== i) off += Math.abs(dense[i]![j]!);
    dense[i]![i] = (i < nx ? 1 : -1) * (off + 0.5 + rand());
  }
  return { dense, rows: Int32Array.from(rows), cols: Int32Array.from(cols) };
}

function factorAndSolve(
  n: number,
  nx: number,
  density: number,
  seed: number,
  natural: boolean,
  maxTail = 512,
) {
  const { dense, rows, cols } = randomQuasiDefinite(n, nx, density, seed);
  const ordering = natural ? Int32Array.from({ length: n }, (_, i) => i) : undefined;
  const sym = analyze(n, rows, cols, rows.length, ordering, maxTail);
  const Kx = new Float64Array(rows.length);
  for (let t = 0; t < rows.length; t++) Kx[sym.entrySlot[t]!] = dense[rows[t]!]![cols[t]!]!;
  const diag = new Float64Array(n);
  const sign = new Int8Array(n);
  for (let k = 0; k < n; k++) {
    const i = sym.perm[k]!;
    diag[k] = dense[i]![i]!;
    sign[k] = i < nx ? 1 : -1;
  }
  const f = new LdlFactor(sym);
  f.setOffDiagonal(Kx);
  f.factor(Kx, diag, sign, 1e-13, 1e-7);
  const b = Float64Array.from({ length: n }, (_, i) => Math.sin(i + 1));
  const xp = new Float64Array(n);
  for (let k = 0; k < n; k++) xp[k] = b[sym.perm[k]!]!;
  // The two-right-hand-side sweep must agree with single solves (second RHS: 2b − 1).
  const x1 = xp.slice();
  const x2 = Float64Array.from(xp, (v) => 2 * v - 1);
  const x2ref = x2.slice();
  f.solveInPlace(xp);
  f.solveInPlace2(x1, x2);
  f.solveInPlace(x2ref);
  let res = 0;
  let twoRhs = 0;
  for (let i = 0; i < n; i++) {
    let s = -b[i]!;
    for (let j = 0; j < n; j++) s += dense[i]![j]! * xp[sym.pinv[j]!]!;
    res = Math.max(res, Math.abs(s));
    twoRhs = Math.max(twoRhs, Math.abs(x1[i]! - xp[i]!), Math.abs(x2[i]! - x2ref[i]!));
  }
  return { res, twoRhs, regularized: f.regularizedPivots, lnz: sym.lnz, tail: sym.tail.t };
}

describe('sparse LDLᵀ', () => {
  it('solves random quasi-definite systems under AMD and natural orderings', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0.02, max: 0.5, noNaN: true }),
        fc.integer(),
        fc.boolean(),
        fc.constantFrom(1, 3, 512),
        (n, frac, density, seed, natural, maxTail) => {
          const nx = Math.round(frac * n);
          const { res, twoRhs, regularized } = factorAndSolve(
            n,
            nx,
            density,
            seed,
            natural,
            maxTail,
          );
          expect(regularized).toBe(0);
          expect(res).toBeLessThan(1e-9);
          expect(twoRhs).toBeLessThan(1e-12);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('flags pivots of the wrong sign instead of dividing by them', () => {
    // K = [[1, 2], [2, 1]] is indefinite in the wrong way for sign = [+1, +1].
    const sym = analyze(2, Int32Array.of(0), Int32Array.of(1), 1, Int32Array.of(0, 1), 1);
    const f = new LdlFactor(sym);
    f.setOffDiagonal(Float64Array.of(2));
    f.factor(Float64Array.of(2), Float64Array.of(1, 1), Int8Array.of(1, 1), 1e-13, 1e-7);
    expect(f.regularizedPivots).toBe(1);
    expect(f.D[1]).toBeCloseTo(1e-7, 12);
  });
});

describe('AMD ordering', () => {
  it('returns a permutation for random graphs, including dense rows', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), fc.integer(), (n, seed) => {
        const { rows, cols } = randomQuasiDefinite(Math.min(n, 60), 0, 0.1, seed);
        // Add a dense "arrow" row hitting every node to exercise the dense-row path.
        const m = Math.min(n, 60);
        const r = Array.from(rows);
        const c = Array.from(cols);
        for (let i = 0; i < m - 1; i++) {
          if (!r.some((ri, t) => ri === i && c[t] === m - 1)) {
            r.push(i);
            c.push(m - 1);
          }
        }
        const sym = analyze(m, Int32Array.from(r), Int32Array.from(c), r.length);
        const seen = new Set(sym.perm);
        expect(seen.size).toBe(m);
      }),
      { numRuns: 60 },
    );
  });

  it('orders an arrow matrix hub last (no fill), unlike the natural order hub-first', () => {
    const n = 200;
    // Hub node 0 connected to all others: natural order fills L completely.
    const rows = Int32Array.from({ length: n - 1 }, () => 0);
    const cols = Int32Array.from({ length: n - 1 }, (_, i) => i + 1);
    const natural = analyze(
      n,
      rows,
      cols,
      n - 1,
      Int32Array.from({ length: n }, (_, i) => i),
    );
    const amd = analyze(n, rows, cols, n - 1);
    expect(natural.lnz).toBe((n * (n - 1)) / 2);
    expect(amd.lnz).toBe(n - 1);
  });

  it('handles an empty and a diagonal-only pattern', () => {
    expect(amdOrder(0, new Int32Array(1), new Int32Array(0)).length).toBe(0);
    const sym = analyze(5, new Int32Array(0), new Int32Array(0), 0);
    expect(Array.from(sym.perm).sort()).toEqual([0, 1, 2, 3, 4]);
    expect(sym.lnz).toBe(0);
  });
});
