/**
 * Repair step (a): the cash rule never gives way (spec Definitions, "Cash rule"). Rounding buys
 * up and sells down can leave after.cash below cash.min × (V − W); so can the later trims. Buys
 * are cut first, a step at a time, the one rounded up the most first (the cut undoes rounding
 * before it undoes the optimum). Only if every buy is gone are sales added, cheapest tax per
 * currency unit first; a loss sale whose wash set the household is buying, and a last-resort lot,
 * only when nothing else is left. In cashOnly mode and inside the drift threshold the buys must
 * also stay within the cash they may invest, so the same cut enforces that cap.
 */
import { taxPerValueSold } from '../costs/index.js';
import type { HouseholdContext } from '../context/index.js';
import { CashBook, type DiscretePlan } from './discrete-plan.js';
import { centsToNumber, tradeCents } from './money.js';
import { minusShares, multiple, plusShares, stepOf } from './quantities.js';

/** Currency below which a shortfall is float noise. */
const CASH_EPS = 1e-9;

/** Restores the cash rule; returns false when even every allowed sale cannot. */
export function repairCash(
  ctx: HouseholdContext,
  plan: DiscretePlan,
  lossSetsBought: ReadonlySet<string>,
  addSales = true,
): boolean {
  const book = new CashBook(ctx, plan);
  cutBuys(ctx, plan, book, () => Math.max(book.deficit(), buyCapExcess(ctx, plan)));
  if (book.deficit() <= CASH_EPS) return true;
  if (!addSales) return false;
  const acc = ctx.accounts[plan.account]!;
  for (const l of saleCandidates(ctx, plan, lossSetsBought)) {
    const deficit = book.deficit();
    if (deficit <= CASH_EPS) break;
    const lot = acc.lots[l]!;
    const price = ctx.securities[lot.security]!.priceUsd;
    const step = stepOf(ctx, acc, lot.security);
    const left = minusShares(lot.quantity, plan.sell[l]!);
    const wanted = multiple(Math.ceil(deficit / (price * step) - 1e-9), step);
    plan.sell[l] = plusShares(plan.sell[l]!, Math.min(left, Math.max(wanted, step)));
    plan.cashSales.add(l);
    book.update(lot.security);
  }
  return book.deficit() <= CASH_EPS;
}

/**
 * Cuts buys while `need()` is positive: each round takes the buy rounded up the most (in value)
 * and removes enough steps to cover the need, but no more than its rounding-up. Once no buy is
 * rounded up by a whole step, rounding is undone and the need comes out of the optimum itself:
 * {@link cutToLevel} shares it across the buys in one round (a step at a time would take
 * millions of rounds in a fractional account, whose step is 1e-6 share). `book` follows the cuts.
 */
export function cutBuys(
  ctx: HouseholdContext,
  plan: DiscretePlan,
  book: CashBook,
  need: () => number,
): void {
  const acc = ctx.accounts[plan.account]!;
  for (let n = need(); n > CASH_EPS; n = need()) {
    const up = roundedUpUsd(ctx, plan);
    let best = -1;
    for (let i = 0; i < up.length; i++) if (up[i]! > (best < 0 ? -Infinity : up[best]!)) best = i;
    if (best < 0) return;
    const price = ctx.securities[best]!.priceUsd;
    const step = stepOf(ctx, acc, best);
    const stepsUp = Math.floor(up[best]! / (price * step) + 1e-9);
    if (stepsUp < 1) {
      cutToLevel(ctx, plan, book, up, n);
      continue;
    }
    const stepsNeeded = Math.ceil(n / (price * step) - 1e-9);
    plan.buy[best] = Math.max(
      0,
      minusShares(plan.buy[best]!, multiple(Math.min(stepsNeeded, stepsUp), step)),
    );
    book.updateBuy(best);
  }
}

/** Per buy, how far (in currency) it is above the continuous optimum; −∞ where nothing is bought. */
function roundedUpUsd(ctx: HouseholdContext, plan: DiscretePlan): Float64Array {
  const wanted = plan.continuous.buyQuantity;
  const out = new Float64Array(plan.buy.length);
  for (let i = 0; i < out.length; i++) {
    const q = plan.buy[i]!;
    out[i] = q > 0 ? (q - wanted[i]!) * ctx.securities[i]!.priceUsd : -Infinity;
  }
  return out;
}

/** The cut of buy i at `level`: what of its value lies above the level, at most all of it. */
function cutAt(level: number, up: Float64Array, valueUsd: Float64Array, i: number): number {
  return Math.min(valueUsd[i]!, Math.max(0, up[i]! - level));
}

/** Σ cutAt over the buys that can be cut. */
function cutTotal(level: number, up: Float64Array, valueUsd: Float64Array): number {
  let s = 0;
  for (let i = 0; i < up.length; i++) if (up[i]! > -Infinity) s += cutAt(level, up, valueUsd, i);
  return s;
}

/**
 * Cuts `needUsd` out of the buys as water-filling: every buy comes down to the same level L of
 * value above its optimum, c_i = clamp(up_i − L, 0, value_i), with Σ c_i = needUsd (L by
 * bisection), each cut rounded down to whole steps (the caller's loop asks again for what is
 * left; when no cut reaches a step, one step comes off the buy furthest above its optimum) —
 * the buys furthest above their optimum give way first and the shortfall is shared rather than
 * taken from one security.
 */
function cutToLevel(
  ctx: HouseholdContext,
  plan: DiscretePlan,
  book: CashBook,
  up: Float64Array,
  needUsd: number,
): void {
  const acc = ctx.accounts[plan.account]!;
  const valueUsd = new Float64Array(plan.buy.length);
  for (let i = 0; i < valueUsd.length; i++) {
    valueUsd[i] = plan.buy[i]! * ctx.securities[i]!.priceUsd;
  }
  let hi = -Infinity;
  let lo = Infinity;
  for (let i = 0; i < up.length; i++) {
    if (up[i]! === -Infinity) continue;
    hi = Math.max(hi, up[i]!);
    lo = Math.min(lo, up[i]! - valueUsd[i]!);
  }
  // total(hi) = 0 ≤ need; total(lo) = every buy's value. Find the highest level that covers it.
  for (let it = 0; it < 100 && hi - lo > 1e-9 * Math.max(1, Math.abs(lo)); it++) {
    const mid = (lo + hi) / 2;
    if (cutTotal(mid, up, valueUsd) >= needUsd) lo = mid;
    else hi = mid;
  }
  let cutAny = false;
  for (let i = 0; i < up.length; i++) {
    const c = up[i]! > -Infinity ? cutAt(lo, up, valueUsd, i) : 0;
    const price = ctx.securities[i]!.priceUsd;
    const step = stepOf(ctx, acc, i);
    const steps = Math.floor(c / (price * step) + 1e-9);
    if (steps < 1) continue;
    plan.buy[i] = Math.max(0, minusShares(plan.buy[i]!, multiple(steps, step)));
    book.updateBuy(i);
    cutAny = true;
  }
  if (cutAny) return;
  // Every share of the need falls short of a whole step: one step off the buy furthest above.
  let best = 0;
  for (let i = 1; i < up.length; i++) if (up[i]! > up[best]!) best = i;
  plan.buy[best] = Math.max(0, minusShares(plan.buy[best]!, stepOf(ctx, acc, best)));
  book.updateBuy(best);
}

/**
 * cashOnly, and any mode inside the drift threshold: Σ buys may not exceed the cash above the
 * cash target (plus, inside the threshold in full mode, the proceeds of harvest sales). Returns
 * by how much the buys exceed it (≤ 0 when within).
 */
export function buyCapExcess(ctx: HouseholdContext, plan: DiscretePlan): number {
  const acc = ctx.accounts[plan.account]!;
  const block = plan.continuous.block;
  if (block.buyCapRow < 0) return 0;
  let cap = block.cashFigures.excessCashUsd;
  if (acc.withinDrift && acc.settings.mode === 'full') {
    for (let l = 0; l < acc.lots.length; l++) {
      if (block.roles[l] === 'harvest')
        cap += plan.sell[l]! * ctx.securities[acc.lots[l]!.security]!.priceUsd;
    }
  }
  let buys = 0;
  for (let i = 0; i < plan.buy.length; i++) {
    const q = plan.buy[i]!;
    if (q > 0) buys += centsToNumber(tradeCents(q, ctx.securities[i]!.priceUsd));
  }
  // Half a cent of slack: the cap is a float figure and buys are rounded to the cent.
  return buys - cap - 0.005;
}

/**
 * Lots that may still be sold for the cash need, in the order to use them: tier 0 any lot the
 * rules let be sold, tier 1 a taxable loss whose wash set the household is buying (selling it
 * would cancel those buys), tier 2 last-resort lots; within a tier the least tax per currency
 * unit first (a loss first), then lot order.
 */
function saleCandidates(
  ctx: HouseholdContext,
  plan: DiscretePlan,
  lossSetsBought: ReadonlySet<string>,
): number[] {
  const acc = ctx.accounts[plan.account]!;
  const { roles } = plan.continuous.block;
  const rates = { shortTermRate: ctx.shortTermRate, longTermRate: ctx.longTermRate };
  const taxable = acc.taxStatus === 'taxable';
  const tier = (l: number): number => {
    const lot = acc.lots[l]!;
    if (roles[l] === 'lastResort') return 2;
    const set = ctx.securities[lot.security]!.washSet;
    return taxable && lot.gainUsd < 0 && lossSetsBought.has(set) ? 1 : 0;
  };
  const candidates = acc.lots
    .map((_, l) => l)
    .filter((l) => roles[l] !== 'frozen' && acc.rules.noSell[acc.lots[l]!.security] !== 1)
    .filter((l) => plan.sell[l]! < acc.lots[l]!.quantity);
  // Each lot's tier and tax per currency unit, once (not per comparison).
  const tiers = new Float64Array(acc.lots.length);
  const taxes = new Float64Array(acc.lots.length);
  for (const l of candidates) {
    tiers[l] = tier(l);
    taxes[l] = taxPerValueSold(acc.lots[l]!, acc.taxStatus, rates, true);
  }
  return candidates.sort((a, b) => tiers[a]! - tiers[b]! || taxes[a]! - taxes[b]! || a - b);
}
