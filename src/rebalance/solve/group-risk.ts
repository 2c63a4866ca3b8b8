/**
 * Tracking error of a risk group at a solution, evaluated by the risk model's own formula
 * (src/risk) on the active weights a_i = (S/B) x_i − w^b_i, not from the QP's objective.
 */
import { trackingErrorVariance } from '../../risk/index.js';
import type { HouseholdContext } from '../context/index.js';
import type { Formulation, RiskGroup } from '../problem/index.js';

/** Active weights of a group at the solution x. */
export function groupActiveWeights(form: Formulation, g: RiskGroup, x: Float64Array): Float64Array {
  const ratio = form.scaleUsd / g.afterValueUsd;
  return Float64Array.from(g.weightVar, (v, i) => ratio * x[v]! - g.benchmark[i]!);
}

/** Annualised tracking error of each group at x. */
export function groupTrackingErrors(
  ctx: HouseholdContext,
  form: Formulation,
  x: Float64Array,
): Float64Array {
  const ids = ctx.securities.map((s) => s.id);
  return Float64Array.from(form.groups, (g) =>
    Math.sqrt(Math.max(0, trackingErrorVariance(ctx.risk, ids, groupActiveWeights(form, g, x)))),
  );
}
