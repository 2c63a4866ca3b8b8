/**
 * Tracking error of a risk group at a solution, evaluated by the risk model's own formula
 * (src/risk) on the active weights a_i = (S/B) x_i − w^b_i, not from the QP's objective.
 */
import { trackingErrorVariance, trackingErrorVarianceByRow } from '../../risk/index.js';
import type { HouseholdContext } from '../context/index.js';
import type { Formulation, RiskGroup } from '../problem/index.js';

/** Active weights of a group at the solution x. */
export function groupActiveWeights(form: Formulation, g: RiskGroup, x: Float64Array): Float64Array {
  const ratio = form.scaleUsd / g.afterValueUsd;
  const active = new Float64Array(g.weightVar.length);
  for (let i = 0; i < active.length; i++) active[i] = ratio * x[g.weightVar[i]!]! - g.benchmark[i]!;
  return active;
}

/** Annualised tracking error of each group at x. */
export function groupTrackingErrors(
  ctx: HouseholdContext,
  form: Formulation,
  x: Float64Array,
): Float64Array {
  const te = new Float64Array(form.groups.length);
  for (let gi = 0; gi < te.length; gi++) {
    const active = groupActiveWeights(form, form.groups[gi]!, x);
    te[gi] = Math.sqrt(Math.max(0, activeVariance(ctx, active)));
  }
  return te;
}

/**
 * aᵀΣa for active weights a on the context's securities, in their order: by the risk model's
 * rows when they are those securities in that order (as resolved; the same sums without looking
 * up ids), else by id.
 */
export function activeVariance(ctx: HouseholdContext, active: Float64Array): number {
  if (inRowOrder(ctx)) return trackingErrorVarianceByRow(ctx.risk, active);
  const ids: string[] = [];
  for (const s of ctx.securities) ids.push(s.id);
  return trackingErrorVariance(ctx.risk, ids, active);
}

const rowOrder = new WeakMap<HouseholdContext, boolean>();

/** True when the risk model's rows are the context's securities, in order. */
function inRowOrder(ctx: HouseholdContext): boolean {
  let same = rowOrder.get(ctx);
  if (same === undefined) {
    const { ids } = ctx.risk;
    same = ids.length === ctx.securities.length;
    for (let i = 0; same && i < ids.length; i++) same = ids[i] === ctx.securities[i]!.id;
    rowOrder.set(ctx, same);
  }
  return same;
}
