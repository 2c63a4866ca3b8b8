import { describe, expect, it } from 'vitest';
import { cscFromTriplets, solveQp, type QpProblem } from './index.js';
import { expectInfeasible, expectKkt } from './testing/assertions.js';

const f64 = (...v: number[]): Float64Array => Float64Array.from(v);

/**
 * A gain budget its forced sales exceed: three lots with gains per unit sold of 0.2, −0.1 and
 * 0.3; the first and third must be sold at least 5 and 2 units (a withdrawal, a restriction),
 * the loss lot at most 4. Net gain ≥ 0.2·5 − 0.1·4 + 0.3·2 = 1.2 > the budget of 1.
 */
function forcedGainsOverBudget(budget: number): QpProblem {
  return {
    n: 3,
    P: cscFromTriplets(3, 3, [0, 1, 2], [0, 1, 2], [1, 1, 1]),
    q: f64(0, 0, 0),
    C: cscFromTriplets(1, 3, [0, 0, 0], [0, 1, 2], [0.2, -0.1, 0.3]),
    cl: f64(-Infinity),
    cu: f64(budget),
    lb: f64(5, 0, 2),
    ub: f64(10, 4, 8),
  };
}

describe('rows that cannot hold over the variable bounds', () => {
  it('a budget its forced terms exceed is infeasible before iterating, the row its proof', () => {
    const p = forcedGainsOverBudget(1);
    const r = solveQp(p);
    expect(r.iterations).toBe(0);
    expect(r.certificate).toMatchObject({
      kind: 'infeasible',
      rowActivity: { matrix: 'C', index: 0 },
    });
    expectInfeasible(p, r);
    if (r.certificate?.kind !== 'infeasible') return;
    // z = −e₀ and zx = the row (∞-norm 1 already); support = 1.2 − 1.
    expect(r.certificate.support).toBeCloseTo(0.2, 12);
    expect(Array.from(r.certificate.z)).toEqual([-1]);
    expect(Array.from(r.certificate.zx)).toEqual([0.2, -0.1, 0.3]);
  });

  it('the same budget with room to spare solves (the test claims nothing)', () => {
    const p = forcedGainsOverBudget(1.25);
    const r = solveQp(p);
    expect(r.status).toBe('optimal');
    expectKkt(p, r);
  });

  it('an equality beyond the reach of its box, from below and from above', () => {
    // x0 + 2 x1 = b with 0 ≤ x ≤ 1 reaches [0, 3].
    for (const [b, sign] of [
      [3.5, 1],
      [-0.5, -1],
    ] as const) {
      const p: QpProblem = {
        n: 2,
        q: f64(1, 1),
        A: cscFromTriplets(1, 2, [0, 0], [0, 1], [1, 2]),
        b: f64(b),
        lb: f64(0, 0),
        ub: f64(1, 1),
      };
      const r = solveQp(p);
      expect(r.iterations).toBe(0);
      expect(r.certificate).toMatchObject({ rowActivity: { matrix: 'A', index: 0 } });
      expectInfeasible(p, r);
      if (r.certificate?.kind === 'infeasible') expect(Math.sign(r.certificate.y[0]!)).toBe(sign);
    }
  });

  it('an infinite bound on a term leaves the row to the iteration', () => {
    const p = { ...forcedGainsOverBudget(1), ub: f64(10, Infinity, 8) };
    const r = solveQp(p);
    expect(r.status).toBe('optimal');
    expect(r.certificate).toBeUndefined();
  });

  it('a violation within the feasibility tolerance is not reported', () => {
    // Forced net gain 1.2 against a budget 1.2 − 1e-12: the iteration may meet it to tolerance.
    const r = solveQp(forcedGainsOverBudget(1.2 - 1e-12));
    expect(r.certificate?.kind === 'infeasible' && r.certificate.rowActivity).toBeFalsy();
  });

  it('with the check off the iteration proves the same infeasibility', () => {
    const p = forcedGainsOverBudget(1);
    const r = solveQp(p, { rowActivityCheck: false });
    expect(r.iterations).toBeGreaterThan(0);
    expect(r.certificate).not.toHaveProperty('rowActivity');
    expectInfeasible(p, r);
  });
});
