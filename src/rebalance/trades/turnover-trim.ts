/**
 * Repair step (c): a maxTurnover the continuous optimum met but the rounded trades exceed. As for
 * the gain budget, rounding is undone where it added: buys rounded up first (largest first), then
 * sales rounded up, one step at a time; the cash rule is then repaired again (which can only cut
 * buys further, unless the trimmed sales were needed for cash).
 */
import type { HouseholdContext } from '../context/index.js';
import { repairCash } from './cash-repair.js';
import {
  continuousSoldOf,
  continuousTurnover,
  discreteTurnover,
  lotsBySecurity,
  soldOf,
  type DiscretePlan,
} from './discrete-plan.js';
import { minusShares, stepBelow, stepOf } from './quantities.js';

/** Turnover is a ratio: float noise only. */
const TURNOVER_EPS = 1e-9;
const MAX_TRIMS = 100_000;

/** Trims one account's rounded-up trades until its maxTurnover holds again (when it can). */
export function trimTurnover(
  ctx: HouseholdContext,
  plan: DiscretePlan,
  lossSetsBought: ReadonlySet<string>,
): void {
  const acc = ctx.accounts[plan.account]!;
  const limit = acc.settings.maxTurnover;
  if (limit === undefined || continuousTurnover(ctx, plan) > limit + TURNOVER_EPS) return;
  let trimmed = false;
  for (let n = 0; n < MAX_TRIMS && discreteTurnover(ctx, plan) > limit + TURNOVER_EPS; n++) {
    if (!trimBuy(ctx, plan) && !trimSell(ctx, plan)) break;
    trimmed = true;
  }
  if (trimmed) repairCash(ctx, plan, lossSetsBought);
}

/** Cuts one step off the buy rounded up the most; false when no buy was rounded up. */
function trimBuy(ctx: HouseholdContext, plan: DiscretePlan): boolean {
  const acc = ctx.accounts[plan.account]!;
  let best = -1;
  let bestUp = 0;
  plan.buy.forEach((q, i) => {
    const up = (q - plan.continuous.buyQuantity[i]!) * ctx.securities[i]!.priceUsd;
    if (up > bestUp) [best, bestUp] = [i, up];
  });
  if (best < 0) return false;
  plan.buy[best] = stepBelow(plan.buy[best]!, stepOf(ctx, acc, best));
  return true;
}

/**
 * Cuts one step off the sale rounded up the most (forced and cash-need lots untouched), from the
 * lots the optimum sold the smallest fraction of first; false when none was rounded up.
 */
function trimSell(ctx: HouseholdContext, plan: DiscretePlan): boolean {
  const acc = ctx.accounts[plan.account]!;
  const { roles } = plan.continuous.block;
  const trimmable = (l: number) =>
    plan.sell[l]! > 0 && roles[l] !== 'forced' && !plan.cashSales.has(l);
  let best = -1;
  let bestUp = 0;
  const bySecurity = lotsBySecurity(ctx, acc);
  for (let i = 0; i < ctx.securities.length; i++) {
    if (!bySecurity[i]!.some(trimmable)) continue;
    const up =
      (soldOf(ctx, plan, i) - continuousSoldOf(ctx, plan, i)) * ctx.securities[i]!.priceUsd;
    if (up > bestUp) [best, bestUp] = [i, up];
  }
  if (best < 0) return false;
  const total = soldOf(ctx, plan, best);
  let remove = minusShares(total, stepBelow(total, stepOf(ctx, acc, best)));
  const fraction = (l: number) => plan.continuous.sellQuantity[l]! / acc.lots[l]!.quantity;
  const lots = bySecurity[best]!.filter((l) => trimmable(l)).sort(
    (a, b) => fraction(a) - fraction(b) || a - b,
  );
  for (const l of lots) {
    if (remove <= 0) break;
    const cut = Math.min(remove, plan.sell[l]!);
    plan.sell[l] = minusShares(plan.sell[l]!, cut);
    remove = minusShares(remove, cut);
  }
  return true;
}
