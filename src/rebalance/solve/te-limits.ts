/**
 * Tracking-error limits by risk aversion: TE² ≤ limit² is met by raising the group's λ_g (TE
 * falls monotonically in λ_g), so the QP never needs a quadratic constraint.
 */
import type { QpResult } from '../../solver/index.js';
import type { HouseholdContext } from '../context/index.js';
import type { Formulation } from '../problem/index.js';
import { groupTrackingErrors } from './group-risk.js';

/** TE is steered into [TE_LOW, TE_HIGH] × its limit, leaving room for whole-share rounding. */
const TE_HIGH = 0.995;
const TE_LOW = 0.97;
const MAX_AVERSION_GROWTH = 1e6;
const TE_PASSES = 12;

const usable = (r: QpResult): boolean => r.status === 'optimal';

/** Every group within its tracking-error limit at the result. */
export function limitsMet(ctx: HouseholdContext, form: Formulation, result: QpResult): boolean {
  if (form.groups.every((g) => g.maxTrackingError === undefined)) return true;
  const te = groupTrackingErrors(ctx, form, result.x);
  return form.groups.every(
    (g, gi) => g.maxTrackingError === undefined || te[gi]! <= g.maxTrackingError,
  );
}

/**
 * Raises λ_g of groups over their TE limit until TE lands in [TE_LOW, TE_HIGH] × limit:
 * geometric growth until a λ satisfies the limit, then geometric bisection between the largest
 * λ known to violate and the smallest known to satisfy. Returns the last result that met every
 * limit (or the last one, when none did: the limit then gives way).
 */
export function meetTrackingErrorLimits(
  ctx: HouseholdContext,
  form: Formulation,
  aversion: Float64Array,
  start: QpResult,
  solve: () => QpResult,
): QpResult {
  const limits = form.groups.map((g) => g.maxTrackingError);
  if (limits.every((l) => l === undefined)) return start;
  const lo = new Float64Array(aversion.length);
  const hi = new Float64Array(aversion.length).fill(Infinity);
  let result = start;
  let best: { result: QpResult; aversion: Float64Array } | null = null;
  for (let pass = 0; pass <= TE_PASSES; pass++) {
    const te = groupTrackingErrors(ctx, form, result.x);
    const used = Float64Array.from(aversion);
    let moved = false;
    let allMet = true;
    form.groups.forEach((g, gi) => {
      const limit = limits[gi];
      if (limit === undefined) return;
      const lam = aversion[gi]!;
      const t = te[gi]!;
      if (t > TE_HIGH * limit) {
        allMet = t <= limit && allMet;
        lo[gi] = Math.max(lo[gi]!, lam);
      } else hi[gi] = Math.min(hi[gi]!, lam);
      const settled = t <= TE_HIGH * limit && (t >= TE_LOW * limit || lo[gi] === 0);
      const cap = g.baseAversion * MAX_AVERSION_GROWTH;
      if (settled || hi[gi]! / Math.max(lo[gi]!, 1e-300) < 1.02 || (t > limit && lam >= cap)) {
        return;
      }
      const next = Number.isFinite(hi[gi]!)
        ? Math.sqrt(lo[gi]! * hi[gi]!)
        : Math.min(cap, lam * Math.min(1e3, Math.max(4, 4 * (t / limit) ** 2)));
      if (next !== lam) {
        aversion[gi] = next;
        moved = true;
      }
    });
    if (allMet) best = { result, aversion: used };
    if (!moved || pass === TE_PASSES) break;
    const next = solve();
    if (!usable(next)) break;
    result = next;
  }
  if (best === null) return result;
  aversion.set(best.aversion);
  return best.result;
}
