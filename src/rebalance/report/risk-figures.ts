/**
 * Tracking error and drift of holdings (spec Definitions, "Tracking error", "Drift"), before
 * trading over V and after over V − W. Per account against its own benchmark; in household mode
 * the household's combined holdings against the household benchmark, the figure every account
 * then reports. Tracking error comes from the risk model's own formula (src/risk), cash carrying
 * no risk.
 */
import type { HouseholdContext } from '../context/index.js';
import { householdNoHold, maxDrift } from '../context/drift.js';
import { activeVariance } from '../solve/index.js';

/** Tracking error and drift of one portfolio. */
export interface RiskFigures {
  trackingError: number;
  maxDrift: number;
}

/** √(aᵀ Σ a) with a = weights − benchmark. */
export function trackingErrorOf(
  ctx: HouseholdContext,
  weights: Float64Array,
  benchmark: Float64Array,
): number {
  const active = new Float64Array(weights.length);
  for (let i = 0; i < active.length; i++) active[i] = weights[i]! - benchmark[i]!;
  return Math.sqrt(Math.max(0, activeVariance(ctx, active)));
}

/** q × p / value per security; all zero when value ≤ 0. */
function weightsOf(ctx: HouseholdContext, held: Float64Array, valueUsd: number): Float64Array {
  const out = new Float64Array(held.length);
  if (valueUsd > 0) {
    for (let i = 0; i < out.length; i++)
      out[i] = (held[i]! * ctx.securities[i]!.priceUsd) / valueUsd;
  }
  return out;
}

/** Before trading: per account, or the household's figure for every account in household mode. */
export function riskBefore(ctx: HouseholdContext): RiskFigures[] {
  const held: Float64Array[] = [];
  const values: number[] = [];
  for (const a of ctx.accounts) {
    held.push(a.heldQuantity);
    values.push(a.valueUsd);
  }
  return riskOf(ctx, held, values, null);
}

/** After trading: `held` is each account's shares after its trades; weights over V − W. */
export function riskAfter(ctx: HouseholdContext, held: readonly Float64Array[]): RiskFigures[] {
  const values: number[] = [];
  const tradableRules: HouseholdContext['accounts'][number]['rules'][] = [];
  for (const a of ctx.accounts) {
    values.push(a.afterValueUsd);
    if (a.tradable) tradableRules.push(a.rules);
  }
  return riskOf(ctx, held, values, householdNoHold(tradableRules, ctx.securities.length));
}

/**
 * An account's largest drift: as given before trading (`excluded` null); after trading, from
 * `weights` against its drift target, or the household's (with `excluded`, the securities no
 * tradable account may hold) in household mode.
 */
function driftOf(
  ctx: HouseholdContext,
  a: HouseholdContext['accounts'][number],
  weights: Float64Array,
  excluded: Uint8Array | null,
): number {
  if (excluded === null) return a.driftBefore;
  return ctx.householdMode && ctx.householdDriftTarget !== null
    ? maxDrift(weights, ctx.householdDriftTarget, excluded)
    : maxDrift(weights, a.driftTarget, a.rules.noHold);
}

/** The shared shape of before and after: per-account or household weights, TE and drift. */
function riskOf(
  ctx: HouseholdContext,
  held: readonly Float64Array[],
  values: readonly number[],
  excluded: Uint8Array | null,
): RiskFigures[] {
  const out: RiskFigures[] = [];
  if (ctx.householdMode && ctx.householdBenchmark !== null) {
    const total = new Float64Array(ctx.securities.length);
    for (const h of held) for (let i = 0; i < total.length; i++) total[i]! += h[i]!;
    let valueUsd = 0;
    for (const v of values) valueUsd += v;
    const weights = weightsOf(ctx, total, valueUsd);
    const trackingError = trackingErrorOf(ctx, weights, ctx.householdBenchmark);
    for (const a of ctx.accounts) {
      out.push({ trackingError, maxDrift: driftOf(ctx, a, weights, excluded) });
    }
    return out;
  }
  for (let k = 0; k < ctx.accounts.length; k++) {
    const a = ctx.accounts[k]!;
    const weights = weightsOf(ctx, held[k]!, values[k]!);
    out.push({
      trackingError: trackingErrorOf(ctx, weights, a.benchmark),
      maxDrift: driftOf(ctx, a, weights, excluded),
    });
  }
  return out;
}
