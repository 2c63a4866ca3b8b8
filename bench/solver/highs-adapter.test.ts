import { describe, expect, it } from 'vitest';
import { createQpSolver } from '../../src/solver/index.js';
import { objectiveAt, primalViolation } from '../../src/solver/testing/kkt-check.js';
import { HIGHS_BOUND_SCALE, highsInstance, runHighs } from './highs-adapter.js';
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
});
