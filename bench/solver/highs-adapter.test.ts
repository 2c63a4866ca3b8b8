import { describe, expect, it } from 'vitest';
import { createQpSolver, cscFromTriplets, type QpProblem } from '../../src/solver/index.js';
import { objectiveAt, primalViolation } from '../../src/solver/testing/kkt-check.js';
import { HIGHS_BOUND_SCALE, highsInstance, mpsOf, runHighs } from './highs-adapter.js';
import { generateRebalance } from './rebalance-instance.js';

// The benchmarks' peer must solve the problems it is timed on: a ratio against HiGHS's time to
// an error is no ratio (every 500-security instance was such an error before the bound scale).
describe('the benchmarks’ HiGHS peer on rebalance-shaped QPs', () => {
  const seeds = [1, 2, 3];

  it('solves them to a feasible optimum that agrees with Tailor’s', async () => {
    const highs = await highsInstance();
    for (const seed of seeds) {
      const p = generateRebalance(100, 20, seed).problem;
      const h = runHighs(highs, p);
      expect(h.optimal, `seed ${seed}: ${h.status}`).toBe(true);
      expect(primalViolation(p, h.x)).toBeLessThan(1e-6);
      const fh = objectiveAt(p, h.x);
      const tailor = createQpSolver(p).solve(p);
      expect(Math.abs(tailor.objective - fh)).toBeLessThan(1e-6 * Math.abs(fh));
    }
  });

  it('fails on them without the bound scale (why HIGHS_BOUND_SCALE exists)', async () => {
    const highs = await highsInstance();
    expect(HIGHS_BOUND_SCALE).toBeGreaterThan(0);
    const failed = seeds.filter((seed) => {
      const p = generateRebalance(100, 20, seed).problem;
      const h = runHighs(highs, p, 0);
      return !(h.optimal && primalViolation(p, h.x) <= 1e-6);
    });
    expect(failed.length).toBeGreaterThan(0);
  });

  it('writes each instance as an MPS file that reads back as the same problem', async () => {
    const highs = await highsInstance();
    // The family has no ranged rows, free or fixed variables: a small QP with each is added.
    const shapes: QpProblem = {
      n: 4,
      P: cscFromTriplets(4, 4, [0, 1, 2, 3, 0], [0, 1, 2, 3, 2], [2, 1, 3, 1, 0.5]),
      q: Float64Array.of(-1, 1, -2, 0.5),
      A: cscFromTriplets(1, 4, [0, 0, 0, 0], [0, 1, 2, 3], [1, 1, 1, 1]),
      b: Float64Array.of(1),
      C: cscFromTriplets(2, 4, [0, 0, 1, 1], [0, 3, 2, 3], [1, -1, 1, 1]),
      cl: Float64Array.of(0.2, -1),
      cu: Float64Array.of(0.8, Infinity),
      lb: Float64Array.of(-Infinity, 0.5, -Infinity, 0),
      ub: Float64Array.of(Infinity, 0.5, 2, 1),
    };
    for (const p of [
      generateRebalance(20, 10, 1).problem,
      generateRebalance(100, 20, 2).problem,
      shapes,
    ]) {
      const mps = mpsOf(highs, p);
      const text = new TextDecoder().decode(mps);
      expect(text).toContain('QUADOBJ');
      const model = highs.createModel({ format: 'mps', data: mps });
      try {
        model.options.set({ output_flag: false, user_bound_scale: HIGHS_BOUND_SCALE });
        model.run();
        expect(model.getModelStatus()).toBe(highs.constants.modelStatus.optimal);
        const x = Float64Array.from(model.getSolution().colValue);
        expect(x).toHaveLength(p.n);
        // The file's optimum is feasible for the problem as posed and has Tailor's objective.
        expect(primalViolation(p, x)).toBeLessThan(1e-6);
        const tailor = createQpSolver(p).solve(p).objective;
        expect(Math.abs(model.getObjectiveValue() - tailor)).toBeLessThan(1e-6 * Math.abs(tailor));
        expect(Math.abs(objectiveAt(p, x) - tailor)).toBeLessThan(1e-6 * Math.abs(tailor));
      } finally {
        model.dispose();
      }
    }
  });
});
