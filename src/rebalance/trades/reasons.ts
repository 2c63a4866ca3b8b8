/**
 * Why each trade is proposed. The mapping (every trade gets at least one reason):
 *
 * Sells of a security, every reason that applies, in this order:
 *   - `restriction`     the security is under noHold in the account;
 *   - `cashNeed`        the account must sell to meet its withdrawal and cash minimum (a
 *                       shortfall), or a last-resort lot is sold, or the cash repair added the sale;
 *   - `taxLossHarvest`  a harvest lot (a loss of at least minHarvest, harvesting on) is sold at a loss;
 *   - `substitution`    the security is a substitution `from` of the account;
 *   - `riskReduction`   the account follows no model (`model: null`, outside household mode);
 *   - otherwise         `drift` when the drift trigger fired (drift before above the threshold),
 *                       else `model` (the trade moves toward the benchmark); also added to a
 *                       harvest sale that relieves ordinary lots as well.
 * Buys of a security:
 *   - `replacement`     the account harvests losses in this proposal and the security was not
 *                       under its benchmark weight by at least the amount bought (it stands in for
 *                       what was sold);
 *   - `substitution`    the security is a substitution `to` of the account;
 *   - otherwise         `riskReduction` (model: null), else `drift` / `model` as for sells.
 *                       Investing cash is `model`, not `cashNeed`.
 */
import type { TradeReason } from '../../domain/index.js';
import type { HouseholdContext } from '../context/index.js';
import { lotsBySecurity, soldForCash, type DiscretePlan } from './discrete-plan.js';

/** Per-account facts the reasons read, computed once. */
export interface ReasonFacts {
  from: Set<string>;
  to: Set<string>;
  modelFree: boolean;
  driftTriggered: boolean;
  harvests: boolean;
}

/** The facts of one account's plan. */
export function reasonFacts(ctx: HouseholdContext, plan: DiscretePlan): ReasonFacts {
  const acc = ctx.accounts[plan.account]!;
  const request = ctx.request.accounts[plan.account]!;
  const substitutions = request.settings?.substitutions ?? [];
  const threshold = ctx.householdMode
    ? ctx.householdDriftThreshold?.limit
    : acc.settings.driftThreshold;
  const { roles } = plan.continuous.block;
  let harvests = false;
  for (let l = 0; l < acc.lots.length; l++) {
    if (plan.sell[l]! > 0 && acc.lots[l]!.gainUsd < 0 && roles[l] === 'harvest') {
      harvests = true;
      break;
    }
  }
  return {
    from: new Set(substitutions.map((s) => s.from)),
    to: new Set(substitutions.map((s) => s.to)),
    modelFree: !ctx.householdMode && request.model === null,
    driftTriggered: threshold !== undefined && acc.driftBefore > threshold,
    harvests,
  };
}

/** The fallback of a trade no specific reason explains. */
function general(facts: ReasonFacts): TradeReason {
  if (facts.modelFree) return 'riskReduction';
  return facts.driftTriggered ? 'drift' : 'model';
}

/** Reasons of the sale of security `i`. */
export function sellReasons(
  ctx: HouseholdContext,
  plan: DiscretePlan,
  facts: ReasonFacts,
  i: number,
): TradeReason[] {
  const acc = ctx.accounts[plan.account]!;
  const { roles, cashFigures } = plan.continuous.block;
  let forCash = false;
  let harvested = false;
  // A sale mixing a harvest lot with ordinary lots also rebalances: it gets the general reason too.
  let ordinary = false;
  for (const l of lotsBySecurity(ctx, acc)[i]!) {
    if (!(plan.sell[l]! > 0)) continue;
    const role = roles[l];
    const gainUsd = acc.lots[l]!.gainUsd;
    if (soldForCash(plan, l)) forCash = true;
    if (role === 'harvest' && gainUsd < 0) harvested = true;
    if (role === 'free' || (role === 'harvest' && gainUsd >= 0)) ordinary = true;
  }
  const out: TradeReason[] = [];
  if (acc.rules.noHold[i] === 1) out.push('restriction');
  if (cashFigures.shortfallUsd > 0 || forCash) out.push('cashNeed');
  if (harvested) out.push('taxLossHarvest');
  if (facts.from.has(ctx.securities[i]!.id)) out.push('substitution');
  if (facts.modelFree) out.push('riskReduction');
  const covered = out.some((r) => r !== 'taxLossHarvest');
  if (out.length === 0 || (ordinary && !covered)) out.push(general(facts));
  return out;
}

/** Reasons of buying q shares of security `i`. */
export function buyReasons(
  ctx: HouseholdContext,
  plan: DiscretePlan,
  facts: ReasonFacts,
  i: number,
  q: number,
): TradeReason[] {
  const sec = ctx.securities[i]!;
  const out: TradeReason[] = [];
  if (facts.harvests && underweightUsd(ctx, plan, i) < q * sec.priceUsd) out.push('replacement');
  if (facts.to.has(sec.id)) out.push('substitution');
  if (out.length === 0) out.push(general(facts));
  return out;
}

/**
 * How far below its benchmark weight the security was before trading, in currency: of the
 * account, or in household mode of the household's combined holdings.
 */
function underweightUsd(ctx: HouseholdContext, plan: DiscretePlan, i: number): number {
  const acc = ctx.accounts[plan.account]!;
  const price = ctx.securities[i]!.priceUsd;
  const accounts = ctx.householdMode ? ctx.accounts : [acc];
  let value = 0;
  let held = 0;
  for (const a of accounts) {
    value += a.valueUsd;
    held += a.heldQuantity[i]! * price;
  }
  return acc.benchmark[i]! * value - held;
}
