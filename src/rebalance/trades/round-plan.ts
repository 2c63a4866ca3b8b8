/**
 * First rounding of a continuous plan to tradable quantities, before any repair:
 *   - buys to the nearest step (lotSize, or 1e-6 shares in a fractional account);
 *   - sells per security: forced (noHold) lots in full; a position the optimum (nearly) empties
 *     is closed — every lot sold in full, since "a sale that closes a position sells all of it";
 *     otherwise the total is rounded to a step and spread over the lots in the optimizer's own
 *     preference order, never above a lot, never a frozen lot, and a last-resort lot only when
 *     the optimum sold it.
 */
import type { HouseholdContext, LotFacts } from '../context/index.js';
import { capsOptionalSales } from '../problem/index.js';
import type { ContinuousAccountPlan } from '../solve/index.js';
import { lotsBySecurity, type DiscretePlan } from './discrete-plan.js';
import { ExactSum } from './money.js';
import {
  FRACTIONAL_STEP,
  floorToStep,
  minusShares,
  roundToStep,
  stepOf,
  sumShares,
} from './quantities.js';

/** A continuous sale below this many shares is noise, not a trade. */
const NOISE_SHARES = 1e-9;

/** Rounds one account's continuous plan. */
export function roundPlan(ctx: HouseholdContext, continuous: ContinuousAccountPlan): DiscretePlan {
  const acc = ctx.accounts[continuous.account]!;
  const plan: DiscretePlan = {
    account: continuous.account,
    continuous,
    sell: new Float64Array(acc.lots.length),
    buy: new Float64Array(ctx.securities.length),
    cashSales: new Set(),
    cashKept: new Set(),
    warnings: [],
    relaxed: [],
  };
  const wanted = continuous.buyQuantity;
  for (let i = 0; i < wanted.length; i++) {
    const q = wanted[i]!;
    const blocked = acc.rules.noBuy[i] === 1 || acc.settings.mode === 'sellOnly';
    if (blocked || q < FRACTIONAL_STEP) continue;
    plan.buy[i] = roundToStep(q, stepOf(ctx, acc, i));
  }
  const bySecurity = lotsBySecurity(ctx, acc);
  for (let i = 0; i < bySecurity.length; i++) {
    const lots = bySecurity[i]!;
    if (lots.length > 0) roundSells(ctx, plan, i, lots);
  }
  return plan;
}

/** Rounds the sells of security `i` over its lots `lots` (indices into the account's lots). */
function roundSells(
  ctx: HouseholdContext,
  plan: DiscretePlan,
  i: number,
  lots: readonly number[],
): void {
  const acc = ctx.accounts[plan.account]!;
  const { roles } = plan.continuous.block;
  const cont = plan.continuous.sellQuantity;
  const step = stepOf(ctx, acc, i);
  // The optimum's quantities are floats and are summed as such; held shares exactly (below,
  // only for a security the optimum sells: most of a large account's are not).
  let total = 0;
  for (const l of lots) {
    if (roles[l] === 'forced') plan.sell[l] = acc.lots[l]!.quantity;
    else total += cont[l]!;
  }
  if (total <= NOISE_SHARES) return;
  const held = new ExactSum();
  let rest = 0;
  const allowed: number[] = [];
  // Where optional sales are capped, rounding up reaches no lot the optimum left alone but a
  // harvest: a step's remainder taken from a gain lot is a sale the trigger did not allow.
  const capped = capsOptionalSales(acc);
  for (const l of lots) {
    if (roles[l] === 'forced') continue;
    rest++;
    held.add(acc.lots[l]!.quantity);
    const sold = cont[l]! > NOISE_SHARES;
    if (roles[l] === 'frozen' || (!sold && roles[l] === 'lastResort')) continue;
    if (!sold && capped && roles[l] !== 'harvest') continue;
    allowed.push(l);
  }
  // Closing sells lots the optimum did not; where optional sales are capped (inside the drift
  // threshold, buyOnly, cashOnly) only if every such lot is one the account may sell anyway.
  const mayClose =
    !capped ||
    lots.every((l) => roles[l] === 'forced' || roles[l] === 'harvest' || cont[l]! > NOISE_SHARES);
  if (mayClose && allowed.length === rest && held.toNumber() - total <= step / 2 + NOISE_SHARES) {
    for (const l of lots) if (roles[l] !== 'forced') plan.sell[l] = acc.lots[l]!.quantity;
    return;
  }
  const cap = sumShares(allowed.map((l) => acc.lots[l]!.quantity));
  let remaining = Math.min(roundToStep(total, step), floorToStep(cap, step));
  for (const l of preferenceOrder(allowed, acc.lots, cont)) {
    if (remaining <= 0) break;
    const q = Math.min(remaining, acc.lots[l]!.quantity);
    plan.sell[l] = q;
    remaining = minusShares(remaining, q);
  }
}

/**
 * The optimizer's preference among lots of one security: the larger the fraction it sold, the
 * sooner; between equal fractions, the lower gain per share (less tax) first.
 */
export function preferenceOrder(
  lots: readonly number[],
  facts: readonly LotFacts[],
  sold: Float64Array,
): number[] {
  const order = [...lots];
  if (order.length > INSERTION_SORT_MAX) {
    return order.sort((a, b) => (ranksBefore(a, b, facts, sold) ? -1 : 1));
  }
  // A security has a handful of lots: an insertion sort needs no closure or object per call.
  for (let i = 1; i < order.length; i++) {
    const l = order[i]!;
    let j = i - 1;
    for (; j >= 0 && ranksBefore(l, order[j]!, facts, sold); j--) order[j + 1] = order[j]!;
    order[j + 1] = l;
  }
  return order;
}

/** Above this many lots `preferenceOrder` sorts with Array.prototype.sort. */
const INSERTION_SORT_MAX = 32;

/**
 * Whether lot a comes before lot b: larger sold fraction first, then lower gain per share, then
 * lower index. A total order (distinct lots are never tied), so any sort gives the same order.
 */
function ranksBefore(
  a: number,
  b: number,
  facts: readonly LotFacts[],
  sold: Float64Array,
): boolean {
  const qa = facts[a]!.quantity;
  const qb = facts[b]!.quantity;
  // As the comparator b.fraction − a.fraction || a.gain − b.gain || a − b: a difference of 0
  // (or NaN) defers to the next key.
  const byFraction = sold[b]! / qb - sold[a]! / qa;
  if (byFraction < 0) return true;
  if (byFraction > 0) return false;
  const byGain = facts[a]!.gainUsd / qa - facts[b]!.gainUsd / qb;
  if (byGain < 0) return true;
  if (byGain > 0) return false;
  return a < b;
}
