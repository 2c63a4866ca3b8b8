/**
 * Exact Euclidean projection onto the feasible set of the reference problem:
 * { w : w ≥ 0, w_i = 0 where not allowed, Σ w = budget } (rule `equal`) or Σ w ≤ budget
 * (rule `atMost`). The classic sort-and-threshold algorithm (Held, Wolfe and Crowder 1974;
 * Duchi et al. 2008): the projection is max(y_i − τ, 0) for the unique τ that meets the budget.
 */

/** How the weights must sum: exactly to the budget, or at most to it. */
export type BudgetRule = 'equal' | 'atMost';

/** The feasible set: which weights may be positive and what they sum to. */
export interface SimplexSet {
  /** `allowed[i]` false: w_i is fixed at 0. At least one must be true for rule `equal`. */
  allowed: readonly boolean[];
  /** ≥ 0. */
  budget: number;
  rule: BudgetRule;
}

/** The point of `set` nearest to `y` (Euclidean). */
export function projectOntoSimplex(y: Float64Array, set: SimplexSet): Float64Array {
  const out = new Float64Array(y.length);
  let clippedSum = 0;
  for (let i = 0; i < y.length; i++) {
    if (set.allowed[i] === true) clippedSum += Math.max(0, y[i]!);
  }
  if (set.rule === 'atMost' && clippedSum <= set.budget) {
    for (let i = 0; i < y.length; i++) out[i] = set.allowed[i] === true ? Math.max(0, y[i]!) : 0;
    return out;
  }
  if (set.budget <= 0) return out;
  const free: number[] = [];
  for (let i = 0; i < y.length; i++) if (set.allowed[i] === true) free.push(y[i]!);
  if (free.length === 0) throw new RangeError('no allowed weight to carry the budget');
  free.sort((a, b) => b - a);
  // τ = (Σ_{j≤k} u_j − budget) / k for the largest k with u_k > τ.
  let running = 0;
  let tau = 0;
  for (let k = 0; k < free.length; k++) {
    running += free[k]!;
    const candidate = (running - set.budget) / (k + 1);
    if (free[k]! > candidate) tau = candidate;
  }
  for (let i = 0; i < y.length; i++)
    out[i] = set.allowed[i] === true ? Math.max(0, y[i]! - tau) : 0;
  return out;
}
