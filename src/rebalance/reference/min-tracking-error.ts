/**
 * A small, slow, obviously-correct reference optimizer for the one rebalance whose answer is
 * unambiguous: an account with no tax (deferred or exempt), all cash, long-only, every security
 * buyable except the screened ones. It minimises
 *
 *     f(w) = (w − b)ᵀ Q (w − b),    Q = Σ + ε I
 *
 * (Σ = X F Xᵀ + diag(s); ε = 0 gives TE², the spec's measure) over w ≥ 0, w_i = 0 where screened,
 * Σ w = budget or ≤ budget, by accelerated projected gradient (FISTA with adaptive restart) with
 * the exact projection of ./simplex-projection.ts, and stops on a certificate: the Frank–Wolfe
 * gap g(w) = ∇f(w)ᵀ w − min_{v ∈ vertices} ∇f(w)ᵀ v bounds f(w) − f* from above for any convex f,
 * so the result carries a proven lower bound on the optimum. It shares no code with the engine.
 */
import { multiply, trackingErrorOf, type DenseMatrix } from './risk-matrix.js';
import { projectOntoSimplex, type SimplexSet } from './simplex-projection.js';

/** The reference problem: minimise (w − b)ᵀ(Σ + εI)(w − b) over `set`. */
export interface MinTrackingErrorProblem {
  covariance: DenseMatrix;
  /** Benchmark weights b, one per row of the covariance. */
  benchmark: Float64Array;
  set: SimplexSet;
  /** ε added to the diagonal (default 0: pure tracking error). */
  ridge?: number;
}

/** Stopping rule. */
export interface MinTrackingErrorOptions {
  /** Stop once the certified gap f(w) − f* ≤ this (default 1e-13, in TE² units). */
  gapTolerance?: number;
  /** Give up after this many iterations (default 200 000). */
  maxIterations?: number;
}

/** The optimum found and its certificate. */
export interface MinTrackingErrorResult {
  weights: Float64Array;
  /** √((w − b)ᵀ Σ (w − b)), without the ridge. */
  trackingError: number;
  /** f(w), with the ridge. */
  objective: number;
  /** Frank–Wolfe gap at `weights`: f(w) − f* ≤ gap. */
  gap: number;
  /** √max(0, f(w) − gap) when the ridge is 0: no feasible w has a smaller tracking error. */
  trackingErrorLowerBound: number;
  iterations: number;
  converged: boolean;
}

function objectiveAndGradient(
  q: (v: Float64Array) => Float64Array,
  benchmark: Float64Array,
  w: Float64Array,
): { value: number; gradient: Float64Array } {
  const active = w.map((x, i) => x - benchmark[i]!);
  const qa = q(active);
  let value = 0;
  for (let i = 0; i < w.length; i++) value += active[i]! * qa[i]!;
  return { value, gradient: qa.map((x) => 2 * x) };
}

/** ∇ᵀw − min over the vertices of `set` of ∇ᵀv (the vertices: budget·e_j, and 0 for atMost). */
function frankWolfeGap(gradient: Float64Array, w: Float64Array, set: SimplexSet): number {
  let inner = 0;
  let smallest = Infinity;
  for (let i = 0; i < w.length; i++) {
    inner += gradient[i]! * w[i]!;
    if (set.allowed[i] === true) smallest = Math.min(smallest, gradient[i]!);
  }
  let vertex = set.budget * smallest;
  if (set.rule === 'atMost') vertex = Math.min(vertex, 0);
  return inner - vertex;
}

/** Solves the reference problem (see the file comment) to a certified tolerance. */
export function minTrackingError(
  problem: MinTrackingErrorProblem,
  options: MinTrackingErrorOptions = {},
): MinTrackingErrorResult {
  const { covariance, benchmark, set } = problem;
  const ridge = problem.ridge ?? 0;
  const n = covariance.n;
  const gapTolerance = options.gapTolerance ?? 1e-13;
  const maxIterations = options.maxIterations ?? 200_000;
  const q = (v: Float64Array): Float64Array => {
    const out = multiply(covariance, v);
    for (let i = 0; i < n; i++) out[i]! += ridge * v[i]!;
    return out;
  };
  // The gradient 2Q(w − b) is Lipschitz with constant 2‖Q‖₂ ≤ 2‖Q‖_F: a safe step is 1/L.
  let frobenius = 0;
  for (const x of covariance.values) frobenius += x * x;
  const lipschitz = 2 * (Math.sqrt(frobenius) + ridge);
  const step = 1 / lipschitz;

  let w = projectOntoSimplex(benchmark, set);
  let y = w;
  let t = 1;
  let iterations = 0;
  let at = objectiveAndGradient(q, benchmark, w);
  let gap = frankWolfeGap(at.gradient, w, set);
  while (gap > gapTolerance && iterations < maxIterations) {
    iterations++;
    const atY = objectiveAndGradient(q, benchmark, y);
    const next = projectOntoSimplex(
      y.map((v, i) => v - step * atY.gradient[i]!),
      set,
    );
    // Adaptive restart (O'Donoghue and Candès 2015): drop the momentum when it points uphill.
    let uphill = 0;
    for (let i = 0; i < n; i++) uphill += (y[i]! - next[i]!) * (next[i]! - w[i]!);
    const tNext = uphill > 0 ? 1 : (1 + Math.sqrt(1 + 4 * t * t)) / 2;
    const momentum = uphill > 0 ? 0 : (t - 1) / tNext;
    y = next.map((v, i) => v + momentum * (v - w[i]!));
    w = next;
    t = tNext;
    at = objectiveAndGradient(q, benchmark, w);
    gap = frankWolfeGap(at.gradient, w, set);
  }
  const active = w.map((x, i) => x - benchmark[i]!);
  const lower = ridge === 0 ? Math.sqrt(Math.max(0, at.value - gap)) : 0;
  return {
    weights: w,
    trackingError: trackingErrorOf(covariance, active),
    objective: at.value,
    gap,
    trackingErrorLowerBound: lower,
    iterations,
    converged: gap <= gapTolerance,
  };
}
