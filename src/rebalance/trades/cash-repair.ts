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
 * and removes enough steps to cover the need, but no more than its rounding-up (at least one).
 * `book` follows the cuts.
 */
export function cutBuys(
  ctx: HouseholdContext,
  plan: DiscretePlan,
  book: CashBook,
  need: () => number,
): void {
  const acc = ctx.accounts[plan.account]!;
  const wanted = plan.continuous.buyQuantity;
  for (let n = need(); n > CASH_EPS; n = need()) {
    let best = -1;
    let bestUp = -Infinity;
    for (let i = 0; i < plan.buy.length; i++) {
      const q = plan.buy[i]!;
      if (q <= 0) continue;
      const up = (q - wanted[i]!) * ctx.securities[i]!.priceUsd;
      if (up > bestUp) [best, bestUp] = [i, up];
    }
    if (best < 0) return;
    const price = ctx.securities[best]!.priceUsd;
    const step = stepOf(ctx, acc, best);
    const stepsNeeded = Math.ceil(n / (price * step) - 1e-9);
    const stepsUp = Math.floor(bestUp / (price * step) + 1e-9);
    const cut = multiple(Math.max(1, Math.min(stepsNeeded, stepsUp)), step);
    plan.buy[best] = Math.max(0, minusShares(plan.buy[best]!, cut));
    book.updateBuy(best);
  }
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
    acc.lots.forEach((lot, l) => {
      if (block.roles[l] === 'harvest')
        cap += plan.sell[l]! * ctx.securities[lot.security]!.priceUsd;
    });
  }
  let buys = 0;
  plan.buy.forEach((q, i) => {
    if (q > 0) buys += centsToNumber(tradeCents(q, ctx.securities[i]!.priceUsd));
  });
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
