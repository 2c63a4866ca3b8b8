import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createQpSolver, cscFromTriplets, type QpProblem } from './index.js';
import { IpmState } from './ipm-state.js';
import { computeResiduals, newDots } from './residuals.js';
import { ScaledProblem } from './scaled-problem.js';
import { normalizePattern } from './solver.js';
import { expectKkt } from './testing/assertions.js';
import { randomFeasibleQp, randomQpParams } from './testing/random-qp.js';
import { centreStart, mapStart } from './warm-start.js';

const f64 = (...v: number[]): Float64Array => Float64Array.from(v);

/**
 * A small rebalance-like QP: track weights t under a budget with box bounds,
 * min Σ (x_i − t_i)² + c·x  s.t.  Σ x = 1, 0 ≤ x ≤ u, one turnover-like row Σ x_{0..2} ≤ r.
 */
function tracking(n: number, seed: number, cap: number): QpProblem {
  let s = seed;
  const rand = (): number => ((s = (s * 16807) % 2147483647) - 1) / 2147483646;
  const t = Array.from({ length: n }, () => 0.5 + rand());
  const sum = t.reduce((a, v) => a + v, 0);
  const idx = Array.from({ length: n }, (_, i) => i);
  return {
    n,
    P: cscFromTriplets(
      n,
      n,
      idx,
      idx,
      idx.map(() => 2),
    ),
    q: Float64Array.from(t, (v) => (-2 * v) / sum + 0.01 * rand()),
    A: cscFromTriplets(
      1,
      n,
      idx.map(() => 0),
      idx,
      idx.map(() => 1),
    ),
    b: f64(1),
    C: cscFromTriplets(1, n, [0, 0, 0], [0, 1, 2], [1, 1, 1]),
    cu: f64(cap),
    lb: new Float64Array(n),
    ub: new Float64Array(n).fill(0.2),
  };
}

describe('warm start', () => {
  it('maps an optimal solution to an internal point with zero residuals', () => {
    const p = tracking(40, 11, 0.3);
    const r = createQpSolver(p).solve(p);
    expect(r.status).toBe('optimal');
    const pat = normalizePattern(p);
    const sp = new ScaledProblem(pat.n, pat.A.nrows, pat.C.nrows, pat.P, pat.A, pat.C);
    sp.load({ ...p, P: pat.P, A: pat.A, C: pat.C }, 2);
    const st = new IpmState(sp.N, sp.m, sp.N + sp.m);
    mapStart(sp, st, r);
    const dots = newDots();
    computeResiduals(sp, st, dots);
    expect(dots.rp).toBeLessThan(1e-7);
    expect(dots.rd).toBeLessThan(1e-6);
    // Complementarity of the exact optimum: μ at the primal/dual tolerance.
    expect(dots.mu).toBeLessThan(1e-7);
    // Centred at μ₀: every bound pair's product at least μ₀, and each pair moved as little as
    // it can (the larger member kept).
    const before = { sl: st.sl.slice(), zl: st.zl.slice(), su: st.su.slice(), zu: st.zu.slice() };
    const mu0 = 1e-8;
    centreStart(sp, st, mu0);
    for (let i = 0; i < sp.N; i++) {
      const pairs: [number, number, number, number, number][] = [];
      if (sp.mlo[i]) pairs.push([st.sl[i]!, st.zl[i]!, before.sl[i]!, before.zl[i]!, i]);
      if (sp.mhi[i]) pairs.push([st.su[i]!, st.zu[i]!, before.su[i]!, before.zu[i]!, i]);
      for (const [s, z, s0, z0] of pairs) {
        expect(s * z).toBeGreaterThanOrEqual(mu0 * (1 - 1e-12));
        if (s0 * z0 >= mu0) expect([s, z]).toEqual([s0, z0]);
        else if (Math.max(s0, z0) >= Math.sqrt(mu0)) {
          expect(Math.max(s, z)).toBe(Math.max(s0, z0));
          expect(s * z).toBeCloseTo(mu0, 20);
        }
      }
    }
  });

  it('re-solves an unchanged problem from its own optimum in a few iterations', () => {
    const p = tracking(60, 5, 0.3);
    const solver = createQpSolver(p);
    const cold = solver.solve(p);
    const again = solver.solve(p, undefined, cold);
    expectKkt(p, again);
    expect(again.iterations).toBeLessThanOrEqual(Math.max(2, Math.ceil(cold.iterations / 3)));
  });

  it('re-solves a slightly changed problem to the cold optimum in fewer iterations', () => {
    const first = tracking(60, 7, 0.3);
    const solver = createQpSolver(first);
    const before = solver.solve(first);
    const changed: QpProblem = {
      ...first,
      ub: Float64Array.from(first.ub!, (u, i) => (i % 10 === 0 ? 0 : u)),
    };
    const cold = solver.solve(changed);
    const warm = solver.solve(changed, undefined, before);
    expectKkt(changed, warm);
    expect(warm.objective).toBeCloseTo(cold.objective, 8);
    expect(warm.iterations).toBeLessThan(cold.iterations);
  });

  it('still finds the optimum from a start far from it', () => {
    const p = tracking(30, 3, 0.25);
    const solver = createQpSolver(p);
    const cold = solver.solve(p);
    const far = {
      x: new Float64Array(30).fill(5),
      y: f64(-40),
      z: f64(12),
      zx: Float64Array.from({ length: 30 }, (_, i) => (i % 2 ? 3 : -3)),
    };
    const warm = solver.solve(p, undefined, far);
    expectKkt(p, warm);
    expect(warm.objective).toBeCloseTo(cold.objective, 8);
  });

  it('ignores a start with a non-finite entry', () => {
    const p = tracking(20, 5, 0.3);
    const solver = createQpSolver(p);
    const cold = solver.solve(p);
    const bad = { ...cold, x: Float64Array.from(cold.x, (v, i) => (i === 3 ? Number.NaN : v)) };
    const again = solver.solve(p, undefined, bad);
    expect(again.iterations).toBe(cold.iterations);
    expect(Array.from(again.x)).toEqual(Array.from(cold.x));
  });

  it('rejects a start of the wrong size, naming the vector', () => {
    const p = tracking(10, 1, 0.3);
    const solver = createQpSolver(p);
    const r = solver.solve(p);
    expect(() => solver.solve(p, undefined, { ...r, y: f64(1, 2) })).toThrow(
      'QP warm start: y has length 2, expected 1',
    );
    expect(() => solver.solve(p, undefined, { ...r, zx: f64(0) })).toThrow(/zx has length 1/);
  });

  it('random feasible QPs: a warm start from a perturbed problem reaches the cold optimum', () => {
    fc.assert(
      fc.property(randomQpParams, fc.double({ min: -0.5, max: 0.5, noNaN: true }), (prm, shift) => {
        const p = randomFeasibleQp(prm);
        const solver = createQpSolver(p);
        const start = solver.solve(p);
        fc.pre(start.status === 'optimal');
        const moved: QpProblem = { ...p, q: Float64Array.from(p.q, (v, j) => v + shift * (j + 1)) };
        const cold = solver.solve(moved);
        fc.pre(cold.status === 'optimal' && cold.reducedAccuracy !== true);
        const warm = solver.solve(moved, undefined, start);
        expectKkt(moved, warm);
        const tol = 1e-6 * Math.max(1, Math.abs(cold.objective));
        expect(Math.abs(warm.objective - cold.objective)).toBeLessThanOrEqual(tol);
      }),
      { numRuns: Number(process.env.QP_RUNS ?? 300), seed: 20261203 },
    );
  });

  it('random feasible QPs: a warm start after bounds and right-hand sides move reaches the cold answer', () => {
    fc.assert(
      fc.property(randomQpParams, fc.double({ min: 0.5, max: 1.5, noNaN: true }), (prm, f) => {
        const p = randomFeasibleQp(prm);
        const solver = createQpSolver(p);
        const start = solver.solve(p);
        fc.pre(start.status === 'optimal');
        // Every other finite bound and right-hand side scaled by f: the start may now violate them.
        const scale = (v: Float64Array | undefined): Float64Array | undefined =>
          v && Float64Array.from(v, (x, j) => (j % 2 === 0 && Number.isFinite(x) ? x * f : x));
        const moved: QpProblem = { ...p, ub: scale(p.ub), b: scale(p.b), cu: scale(p.cu) };
        const cold = solver.solve(moved);
        const warm = solver.solve(moved, undefined, start);
        if (cold.status !== 'optimal' || cold.reducedAccuracy === true) {
          // Moving the bounds can make the problem infeasible: both must then agree on it.
          fc.pre(cold.status === 'infeasible');
          expect(warm.status).toBe('infeasible');
          return;
        }
        expectKkt(moved, warm);
        const tol = 1e-6 * Math.max(1, Math.abs(cold.objective));
        expect(Math.abs(warm.objective - cold.objective)).toBeLessThanOrEqual(tol);
      }),
      { numRuns: Number(process.env.QP_RUNS ?? 300), seed: 20261204 },
    );
  });
});
