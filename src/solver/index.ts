/**
 * Tailor QP solver: a structure-exploiting primal–dual interior-point method for
 *
 *     minimise ½ xᵀPx + qᵀx   s.t.   A x = b,   cl ≤ C x ≤ cu,   lb ≤ x ≤ ub.
 *
 * Use `createQpSolver(pattern)` to analyse a sparsity pattern once and solve many problems with
 * it, or `solveQp(problem)` which caches solvers by pattern. See docs/solver.md for the method.
 *
 * @example
 * import { cscFromTriplets, solveQp } from './solver/index.js';
 * // min ½(x₀² + x₁²) − 2x₀  s.t.  x₀ + x₁ = 1,  x ≥ 0
 * const res = solveQp({
 *   n: 2,
 *   P: cscFromTriplets(2, 2, [0, 1], [0, 1], [1, 1]),
 *   q: Float64Array.of(-2, 0),
 *   A: cscFromTriplets(1, 2, [0, 0], [0, 1], [1, 1]),
 *   b: Float64Array.of(1),
 *   lb: new Float64Array(2),
 * });
 * // res.status === 'optimal'; res.x ≈ [1, 0]; res.y ≈ [-1]; res.zx ≈ [0, 1]
 */
export { cscFromTriplets } from './csc.js';
export { DEFAULT_QP_OPTIONS } from './options.js';
export { createQpSolver, type QpSolver, type QpSolverSettings } from './solver.js';
export { clearQpSolverCache, solveQp } from './solver-cache.js';
export type {
  CscMatrix,
  InfeasibilityCertificate,
  QpOptions,
  QpPattern,
  QpProblem,
  QpResult,
  QpStart,
  QpStatus,
  UnboundednessCertificate,
} from './types.js';
