import { describe, expect, it } from 'vitest';
import {
  clearQpSolverCache,
  createQpSolver,
  cscFromTriplets,
  DEFAULT_QP_OPTIONS,
  solveQp,
  type QpProblem,
} from './index.js';
import { expectKkt } from './testing/assertions.js';

const f64 = (...v: number[]): Float64Array => Float64Array.from(v);

/** min ½‖x‖² − 2x₀ s.t. x₀ + x₁ + x₂ = 1, 0 ≤ x ≤ ub (ub varies per "account"). */
function account(ub: number[]): QpProblem {
  return {
    n: 3,
    P: cscFromTriplets(3, 3, [0, 1, 2], [0, 1, 2], [1, 1, 1]),
    q: f64(-2, 0, 0),
    A: cscFromTriplets(1, 3, [0, 0, 0], [0, 1, 2], [1, 1, 1]),
    b: f64(1),
    lb: f64(0, 0, 0),
    ub: Float64Array.from(ub),
  };
}

describe('solver objects and the pattern cache', () => {
  it('reuses one symbolic analysis across problems that differ only in numbers', () => {
    const solver = createQpSolver(account([1, 1, 1]));
    // Restricting x₀ to 0 (a fixed variable) keeps the pattern: same solver.
    const free = solver.solve(account([1, 1, 1]));
    const restricted = solver.solve(account([0, 1, 1]));
    expectKkt(account([1, 1, 1]), free);
    expectKkt(account([0, 1, 1]), restricted);
    expect(free.x[0]).toBeCloseTo(1, 6);
    expect(restricted.x[0]).toBe(0);
    expect(restricted.x[1]).toBeCloseTo(0.5, 6);
  });

  it('rejects a problem with another pattern, saying what to do', () => {
    const solver = createQpSolver(account([1, 1, 1]));
    const other = { ...account([1, 1, 1]), A: cscFromTriplets(1, 3, [0, 0], [0, 1], [1, 1]) };
    expect(() => solver.solve(other)).toThrow(/sparsity pattern.*createQpSolver/);
  });

  it('solveQp caches by pattern and gives the same result as a fresh solver', () => {
    clearQpSolverCache();
    const a = solveQp(account([1, 1, 1]));
    const b = solveQp(account([1, 1, 1]));
    expect(b.x).toEqual(a.x);
    const fresh = createQpSolver(account([0.2, 1, 1])).solve(account([0.2, 1, 1]));
    expect(solveQp(account([0.2, 1, 1])).objective).toBeCloseTo(fresh.objective, 12);
  });

  it('solveQp re-solving one problem object takes its last solver, and another pattern its own', () => {
    clearQpSolverCache();
    const p = account([1, 1, 1]);
    solveQp(p);
    // The same matrices with new numbers (as a rebalance's passes re-solve): the last solver.
    const shifted = { ...p, q: f64(0, -2, 0) };
    const fresh = createQpSolver(shifted).solve(shifted);
    expect(solveQp(shifted).x).toEqual(fresh.x);
    // Same size, another pattern right after: not the last solver (it would refuse the pattern).
    const other = { ...p, A: cscFromTriplets(1, 3, [0, 0], [0, 1], [1, 1]) };
    expectKkt(other, solveQp(other));
    expectKkt(p, solveQp(p));
  });

  it('exposes defaults and honours options', () => {
    expect(DEFAULT_QP_OPTIONS.tolFeas).toBe(1e-8);
    const r = solveQp(account([1, 1, 1]), { maxIterations: 1 });
    expect(r.status).toBe('iterationLimit');
    expect(() => solveQp(account([1, 1, 1]), { tolFeas: -1 })).toThrow(/tolFeas/);
  });
});

describe('input validation (malformed input throws with a hint)', () => {
  const base = account([1, 1, 1]);
  it.each([
    ['wrong q length', { ...base, q: f64(1, 2) }, /q has length 2; expected 3/],
    ['NaN in q', { ...base, q: f64(0, NaN, 0) }, /q\[1\] is NaN/],
    ['missing b', { ...base, b: undefined }, /b is required/],
    ['NaN bound', { ...base, ub: f64(1, NaN, 1) }, /ub\[1\] is NaN/],
    [
      'lower-triangle P entry',
      { ...base, P: cscFromTriplets(3, 3, [1], [0], [1]) },
      /upper triangle.*Drop the entries below the diagonal/,
    ],
    [
      'A with wrong column count',
      { ...base, A: cscFromTriplets(1, 2, [0], [0], [1]) },
      /A has 2 columns; expected n = 3/,
    ],
  ])('%s', (_name, p, message) => {
    expect(() => createQpSolver(p as QpProblem).solve(p as QpProblem)).toThrow(message);
  });

  it('rejects unsorted row indices within a column', () => {
    const A = {
      nrows: 2,
      ncols: 1,
      colPtr: Int32Array.of(0, 2),
      rowIdx: Int32Array.of(1, 0),
      values: f64(1, 1),
    };
    expect(() => createQpSolver({ n: 1, A })).toThrow(/not strictly increasing/);
  });

  it('accepts infinite and very large (≥ 1e20) bounds as no bound', () => {
    const p = { ...base, ub: f64(Infinity, 1e30, 1) };
    expectKkt(p, solveQp(p));
  });
});
