/**
 * Drift (spec Definitions, "Drift"): the largest gap between a weight and its target, over the
 * securities not under `noHold`. The target is the benchmark without the `noHold` securities,
 * scaled back up to the same security total, so a screen shifts the target instead of showing as
 * permanent drift.
 */
import type { SecurityFacts, SecurityRuleFlags } from './types.js';
import { holdingWeights, scaledTo, sumOf } from './weights.js';

/** The benchmark with the `excluded` securities removed and the rest scaled to the same total. */
export function driftTargetOf(benchmark: Float64Array, excluded: Uint8Array): Float64Array {
  const kept = new Float64Array(benchmark.length);
  for (let i = 0; i < kept.length; i++) kept[i] = excluded[i] === 1 ? 0 : benchmark[i]!;
  return scaledTo(kept, sumOf(benchmark));
}

/** max over securities not `excluded` of |weight − target|; 0 when there are none. */
export function maxDrift(
  weights: Float64Array,
  target: Float64Array,
  excluded: Uint8Array,
): number {
  let drift = 0;
  for (let i = 0; i < weights.length; i++) {
    if (excluded[i] === 1) continue;
    drift = Math.max(drift, Math.abs(weights[i]! - target[i]!));
  }
  return drift;
}

/** Drift threshold set, and the drift before trading within it: only forced and cash trades. */
export function isWithinDrift(driftBefore: number, threshold: number | undefined): boolean {
  return threshold !== undefined && driftBefore <= threshold;
}

/** The holdings of some accounts, for the household's combined weights. */
export interface HoldingsOf {
  heldQuantity: Float64Array;
  valueUsd: number;
}

/** Combined before-weights of several accounts: Σ q × p over Σ V. */
export function combinedWeights(
  accounts: readonly HoldingsOf[],
  securities: readonly SecurityFacts[],
): Float64Array {
  const quantity = new Float64Array(securities.length);
  let value = 0;
  for (const account of accounts) {
    value += account.valueUsd;
    for (let i = 0; i < quantity.length; i++) quantity[i]! += account.heldQuantity[i]!;
  }
  return holdingWeights(quantity, securities, value);
}

/**
 * The household's drift exclusions: a security is left out only when EVERY tradable account has
 * it under `noHold` (one account may still hold it, so it still counts). With no tradable account
 * nothing is excluded, rather than everything by an empty "every".
 */
export function householdNoHold(
  tradableRules: readonly SecurityRuleFlags[],
  securityCount: number,
): Uint8Array {
  const out = new Uint8Array(securityCount);
  if (tradableRules.length === 0) return out;
  for (let i = 0; i < securityCount; i++) {
    out[i] = tradableRules.every((rules) => rules.noHold[i] === 1) ? 1 : 0;
  }
  return out;
}

/** One account as the household drift sees it. */
export interface DriftAccount extends HoldingsOf {
  tradable: boolean;
  rules: SecurityRuleFlags;
}

/** The household's drift target and drift before trading (household mode). */
export interface HouseholdDrift {
  driftTarget: Float64Array;
  driftBefore: number;
}

/**
 * Household mode: the combined holdings of every account (held-away included: they count in the
 * household's target) over the combined V, against the household benchmark without the
 * securities every tradable account has under `noHold`.
 */
export function householdDrift(
  benchmark: Float64Array,
  accounts: readonly DriftAccount[],
  securities: readonly SecurityFacts[],
): HouseholdDrift {
  const tradableRules = accounts.filter((a) => a.tradable).map((a) => a.rules);
  const excluded = householdNoHold(tradableRules, securities.length);
  const driftTarget = driftTargetOf(benchmark, excluded);
  const weights = combinedWeights(accounts, securities);
  return { driftTarget, driftBefore: maxDrift(weights, driftTarget, excluded) };
}
