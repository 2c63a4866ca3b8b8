import { describe, expect, it } from 'vitest';
import { cscFromTriplets, solveQp, type QpProblem } from './index.js';
import { expectInfeasible, expectKkt, expectUnbounded } from './testing/assertions.js';

const f64 = (...v: number[]): Float64Array => Float64Array.from(v);
const INF = Infinity;

function closeTo(actual: ArrayLike<number>, expected: number[], tol = 1e-6): void {
  expect(actual.length).toBe(expected.length);
  expected.forEach((e, i) => expect(Math.abs(actual[i]! - e)).toBeLessThan(tol));
}

describe('problems with known solutions', () => {
  it('unconstrained strictly convex QP: x = −P⁻¹q', () => {
    // P = [[4, 1], [1, 3]], q = [1, 2]  →  x = −[1, 7]/11, f = −15/22
    const p: QpProblem = {
      n: 2,
      P: cscFromTriplets(2, 2, [0, 0, 1], [0, 1, 1], [4, 1, 3]),
      q: f64(1, 2),
    };
    const r = solveQp(p);
    expectKkt(p, r);
    closeTo(r.x, [-1 / 11, -7 / 11]);
    expect(r.objective).toBeCloseTo(-15 / 22, 8);
  });

  it('least-norm point of an affine set: x = Aᵀ(AAᵀ)⁻¹b', () => {
    const P = cscFromTriplets(3, 3, [0, 1, 2], [0, 1, 2], [1, 1, 1]);
    const p: QpProblem = {
      n: 3,
      P,
      q: f64(0, 0, 0),
      A: cscFromTriplets(1, 3, [0, 0, 0], [0, 1, 2], [1, 1, 1]),
      b: f64(3),
    };
    const r = solveQp(p);
    expectKkt(p, r);
    closeTo(r.x, [1, 1, 1]);
    closeTo(r.y, [1]);
  });

  it('separable box-constrained QP is the clipped unconstrained minimiser', () => {
    // min Σ ½(x_i − c_i)², 0 ≤ x ≤ 1 with c = [−2, 0.5, 3]
    const P = cscFromTriplets(3, 3, [0, 1, 2], [0, 1, 2], [1, 1, 1]);
    const p: QpProblem = { n: 3, P, q: f64(2, -0.5, -3), lb: f64(0, 0, 0), ub: f64(1, 1, 1) };
    const r = solveQp(p);
    expectKkt(p, r);
    closeTo(r.x, [0, 0.5, 1]);
    closeTo(r.zx, [2, 0, -2]);
  });

  it('LP through the same path: vertex (1.6, 1.2) of two inequality rows', () => {
    const C = cscFromTriplets(2, 2, [0, 0, 1, 1], [0, 1, 0, 1], [1, 2, 3, 1]);
    const p: QpProblem = { n: 2, q: f64(-1, -1), C, cu: f64(4, 6), lb: f64(0, 0) };
    const r = solveQp(p);
    expectKkt(p, r);
    closeTo(r.x, [1.6, 1.2]);
    closeTo(r.z, [-0.4, -0.2]);
    expect(r.objective).toBeCloseTo(-2.8, 8);
  });

  it('two-asset minimum variance: w₁ = σ₂²/(σ₁² + σ₂²)', () => {
    const P = cscFromTriplets(2, 2, [0, 1], [0, 1], [0.04, 0.09]);
    const p: QpProblem = {
      n: 2,
      P,
      q: f64(0, 0),
      A: cscFromTriplets(1, 2, [0, 0], [0, 1], [1, 1]),
      b: f64(1),
      lb: f64(0, 0),
    };
    const r = solveQp(p);
    expectKkt(p, r);
    closeTo(r.x, [0.09 / 0.13, 0.04 / 0.13]);
  });

  it('fixed variables, an equality C row, a free C row and one-sided rows', () => {
    // x2 fixed at 2; row0: x0 + x1 + x2 ∈ [4, 4]; row1 free; row2: x0 − x1 ≤ 0.5.
    const C = cscFromTriplets(3, 3, [0, 0, 0, 1, 2, 2], [0, 1, 2, 0, 0, 1], [1, 1, 1, 5, 1, -1]);
    const P = cscFromTriplets(3, 3, [0, 1, 2], [0, 1, 2], [1, 1, 1]);
    const p: QpProblem = {
      n: 3,
      P,
      q: f64(-3, 0, 1),
      C,
      cl: f64(4, -INF, -INF),
      cu: f64(4, INF, 0.5),
      lb: f64(-INF, -INF, 2),
      ub: f64(INF, INF, 2),
    };
    const r = solveQp(p);
    expectKkt(p, r);
    // Remaining: min ½x0² + ½x1² − 3x0 s.t. x0 + x1 = 2, x0 − x1 ≤ 0.5 → x0 = 1.25, x1 = 0.75.
    closeTo(r.x, [1.25, 0.75, 2]);
    expect(r.z[1]).toBe(0);
  });

  it('all variables fixed', () => {
    const p: QpProblem = {
      n: 2,
      q: f64(1, -1),
      lb: f64(1, 2),
      ub: f64(1, 2),
      A: cscFromTriplets(1, 2, [0, 0], [0, 1], [1, 1]),
      b: f64(3),
    };
    const r = solveQp(p);
    expectKkt(p, r);
    closeTo(r.x, [1, 2]);
    expect(r.objective).toBeCloseTo(-1, 10);
  });

  it('an equality row whose every column is pinned (rhs 0) beside live rows', () => {
    // x0, x1 ≥ 0 live, x2 = x3 = 0 pinned; rows x0 + x1 = 1 and x2 − x3 = 0 (nothing left once
    // x2, x3 are substituted out). min ½x0² + x1² − 2x0 → x0 = 1, x1 = 0, y = (−1, 0), zx1 = 1.
    const p: QpProblem = {
      n: 4,
      P: cscFromTriplets(4, 4, [0, 1, 2], [0, 1, 2], [1, 2, 1]),
      q: f64(-2, 0, 0, 0),
      A: cscFromTriplets(2, 4, [0, 0, 1, 1], [0, 1, 2, 3], [1, 1, 1, -1]),
      b: f64(1, 0),
      lb: f64(0, 0, 0, 0),
      ub: f64(INF, INF, 0, 0),
    };
    const r = solveQp(p);
    expectKkt(p, r);
    closeTo(r.x, [1, 0, 0, 0]);
    closeTo(r.y, [-1, 0]);
    closeTo(r.zx.subarray(0, 2), [0, 1]);
    // Warm-started from its own optimum, and with the pinned row inconsistent (rhs 0.5): infeasible.
    const warm = solveQp(p, undefined, r);
    expectKkt(p, warm);
    expect(warm.iterations).toBeLessThanOrEqual(r.iterations);
    expectInfeasible({ ...p, b: f64(1, 0.5) }, solveQp({ ...p, b: f64(1, 0.5) }));
  });

  it('rows whose pinned columns balance the right-hand side only up to rounding are consistent', () => {
    // Found by the random-QP property (seed 831322981): x0 = −0.75 and x2 = −0.5 fixed, x1 free
    // and in no row; every row of A is then all pinned, and b − A x_fixed is 0 in exact
    // arithmetic. Scaled, it left round-off that a multiplier on those rows took as a proof of
    // infeasibility (support 0 in the caller's units). Optimum: x1 = −q1/P11.
    const p: QpProblem = {
      n: 3,
      P: cscFromTriplets(
        3,
        3,
        [0, 0, 1, 0, 1, 2],
        [0, 1, 1, 2, 2, 2],
        [1.5625, 1.875, 3.3125, 3.75, 4.8125, 10.5625],
      ),
      q: f64(0.640625, 6.1875, 6.21875),
      A: cscFromTriplets(3, 3, [0, 2, 0, 1, 2], [0, 0, 2, 2, 2], [-1.5, 1.75, -2.75, 1, 0.25]),
      b: f64(2.5, -0.5, -1.4375),
      C: cscFromTriplets(1, 3, [0], [2], [1.5]),
      cl: f64(-INF),
      cu: f64(INF),
      lb: f64(-0.75, -INF, -0.5),
      ub: f64(-0.75, INF, -0.5),
    };
    const r = solveQp(p);
    expectKkt(p, r);
    // ∂/∂x1 of ½xᵀPx + qᵀx at x0, x2 fixed: P01 x0 + P11 x1 + P12 x2 + q1 = 0.
    const x1 = -(0.640625 * 0 + 1.875 * -0.75 + 4.8125 * -0.5 + 6.1875) / 3.3125;
    closeTo(r.x, [-0.75, x1, -0.5]);
  });

  it('redundant (duplicated and combined) equality rows and free variables', () => {
    // rows: x0 + x1 = 1, 2x0 + 2x1 = 2, x0 + x1 + x2 = 1 + x2-free → x2 = 0
    const A = cscFromTriplets(
      3,
      3,
      [0, 0, 1, 1, 2, 2, 2],
      [0, 1, 0, 1, 0, 1, 2],
      [1, 1, 2, 2, 1, 1, 1],
    );
    const P = cscFromTriplets(3, 3, [0, 1, 2], [0, 1, 2], [2, 2, 1]);
    const p: QpProblem = { n: 3, P, q: f64(0, 0, 0), A, b: f64(1, 2, 1) };
    const r = solveQp(p);
    expectKkt(p, r);
    closeTo(r.x, [0.5, 0.5, 0]);
  });

  it('badly scaled data (coefficients from 1e-6 to 1e6)', () => {
    const P = cscFromTriplets(2, 2, [0, 1], [0, 1], [1e6, 1e-6]);
    const A = cscFromTriplets(1, 2, [0, 0], [0, 1], [1e-3, 1e3]);
    const p: QpProblem = {
      n: 2,
      P,
      q: f64(-1e6, -1e-6),
      A,
      b: f64(1),
      lb: f64(-10, -10),
      ub: f64(10, 10),
    };
    const r = solveQp(p);
    expectKkt(p, r, 1e-5);
  });

  it('an interior optimum whose bound duals fall below 1e-15 converges without stalling', () => {
    // min ½xᵀPx + qᵀx, x₀ + x₁ = 1, 0 ≤ x ≤ 0.6 (a 2-security factor model after presolve): the
    // optimum x₀ = (P₁₁ − P₀₁ − q₀ + q₁)/(P₀₀ − 2P₀₁ + P₁₁) ≈ 0.4006 is 6e-4 inside the cap on
    // x₁, so all four bound duals decay like μ. The inverse duals were once 1/((z + 1) − 1),
    // which is 8% off at z = 3e-15: the slacks drifted from their bound rows, and this took 30
    // iterations to a reduced-accuracy answer.
    const [p00, p01, p11] = [28.957730379479955, 7.531103480585564, 37.82481327541189];
    const [q0, q1] = [-16.11308493924291, -25.686706187014924];
    const p: QpProblem = {
      n: 2,
      P: cscFromTriplets(2, 2, [0, 0, 1], [0, 1, 1], [p00, p01, p11]),
      q: f64(q0, q1),
      A: cscFromTriplets(1, 2, [0, 0], [0, 1], [1, 1]),
      b: f64(1),
      lb: f64(0, 0),
      ub: f64(0.6, 0.6),
    };
    const r = solveQp(p);
    expectKkt(p, r);
    expect(r.reducedAccuracy).toBeUndefined();
    expect(r.iterations).toBeLessThanOrEqual(12);
    const x0 = (p11 - p01 - q0 + q1) / (p00 - 2 * p01 + p11);
    closeTo(r.x, [x0, 1 - x0], 1e-6);
  });

  it('a problem with no variables', () => {
    const p: QpProblem = { n: 0, q: new Float64Array(0) };
    const r = solveQp(p);
    expect(r.status).toBe('optimal');
    expect(r.objective).toBe(0);
  });
});

describe('infeasible and unbounded problems with certificates', () => {
  it('LP with x ≥ 1 and x₀ + x₁ = 1 is infeasible', () => {
    const p: QpProblem = {
      n: 2,
      q: f64(1, 1),
      A: cscFromTriplets(1, 2, [0, 0], [0, 1], [1, 1]),
      b: f64(1),
      lb: f64(1, 1),
    };
    expectInfeasible(p, solveQp(p));
  });

  it('QP with conflicting equality rows is infeasible', () => {
    const A = cscFromTriplets(2, 2, [0, 0, 1, 1], [0, 1, 0, 1], [1, 1, 1, 1]);
    const P = cscFromTriplets(2, 2, [0, 1], [0, 1], [1, 1]);
    const p: QpProblem = { n: 2, P, q: f64(0, 0), A, b: f64(1, 2) };
    expectInfeasible(p, solveQp(p));
  });

  it('infeasible by a hair (1e-5): the certificate comes once τ collapses, not at the limit', () => {
    // x₀ + x₁ = 1 with x₀ ≤ 0.5 − 1e-5, x₁ ≤ 0.5; and a budget row 0.2x₀ + 0.3x₁ + 0.4x₂ ≤
    // 0.2 − 1e-5 against x₀ + x₁ + x₂ = 1 in [0, 1]³ (a gain budget just short of what forced
    // sales realise). The ray meets the full tolerance only slowly: these took 106 and 92
    // iterations before the collapsed-τ test, 18 with it.
    const P2 = cscFromTriplets(2, 2, [0, 1], [0, 1], [1, 1]);
    const hair: QpProblem = {
      n: 2,
      P: P2,
      q: f64(1, -1),
      A: cscFromTriplets(1, 2, [0, 0], [0, 1], [1, 1]),
      b: f64(1),
      lb: f64(0, 0),
      ub: f64(0.5 - 1e-5, 0.5),
    };
    const budget: QpProblem = {
      n: 3,
      P: cscFromTriplets(3, 3, [0, 1, 2], [0, 1, 2], [1, 2, 3]),
      q: f64(0.1, 0.2, -0.3),
      A: cscFromTriplets(1, 3, [0, 0, 0], [0, 1, 2], [1, 1, 1]),
      b: f64(1),
      C: cscFromTriplets(1, 3, [0, 0, 0], [0, 1, 2], [0.2, 0.3, 0.4]),
      cl: f64(-INF),
      cu: f64(0.2 - 1e-5),
      lb: f64(0, 0, 0),
      ub: f64(1, 1, 1),
    };
    for (const p of [hair, budget]) {
      const r = solveQp(p);
      expectInfeasible(p, r);
      expect(r.iterations).toBeLessThan(30);
    }
  });

  it('inconsistent equality rows: a lean run whose residual stays after full steps hands over', () => {
    // x = −1.5 and 2x = −2.5 cannot both hold. The lean iteration takes full steps, μ falls
    // without end (to 1e-44) and the primal residual stays at 4e-2 until the iterate is large
    // enough for the certificate test: 31 iterations without the stall test, 3 with it.
    const p: QpProblem = {
      n: 1,
      P: cscFromTriplets(1, 1, [0], [0], [1]),
      q: f64(-2.25),
      A: cscFromTriplets(2, 1, [0, 1], [0, 0], [1, 2]),
      b: f64(-1.5, -2.5),
      lb: f64(-3.5),
      ub: f64(1),
    };
    const r = solveQp(p, { rowActivityCheck: false });
    expectInfeasible(p, r);
    expect(r.iterations).toBeLessThanOrEqual(8);
  });

  it('empty rows with a nonzero right-hand side are infeasible', () => {
    const p: QpProblem = { n: 1, q: f64(0), A: cscFromTriplets(1, 1, [], [], []), b: f64(1) };
    expectInfeasible(p, solveQp(p));
  });

  it('crossed bounds are reported as infeasible without iterating', () => {
    const p: QpProblem = { n: 2, q: f64(0, 0), lb: f64(0, 3), ub: f64(1, 2) };
    const r = solveQp(p);
    expect(r.status).toBe('infeasible');
    expect(r.iterations).toBe(0);
    expect(r.certificate).toMatchObject({
      kind: 'infeasible',
      crossed: { kind: 'variable', index: 1 },
    });
  });

  it('LP unbounded along x₀ = x₁ ≥ 0', () => {
    const p: QpProblem = {
      n: 2,
      q: f64(-1, 0),
      A: cscFromTriplets(1, 2, [0, 0], [0, 1], [1, -1]),
      b: f64(0),
      lb: f64(0, 0),
    };
    expectUnbounded(p, solveQp(p));
  });

  it('QP with a singular P unbounded in the null space of P', () => {
    // min ½(x0 − x1)² − x0 − x1: descent along (1, 1).
    const P = cscFromTriplets(2, 2, [0, 0, 1], [0, 1, 1], [1, -1, 1]);
    const p: QpProblem = {
      n: 2,
      P,
      q: f64(-1, -1),
      C: cscFromTriplets(1, 2, [0], [0], [1]),
      cl: f64(0),
    };
    expectUnbounded(p, solveQp(p));
  });
});
