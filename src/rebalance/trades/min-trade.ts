/**
 * Repair step (d): minTradeValue. Buys below it are dropped (a buy is never forced). A sale below
 * it is kept when it closes the position or sells a noHold security (spec Defaults exempt both);
 * otherwise it is dropped if the cash rule survives, cutting buys to make room when it must —
 * minTradeValue gives way last (spec §2), so a share less of a buy is the cheaper concession.
 * A sale the cash rule cannot spare even with every buy cut is forced by the cash need and kept.
 */
import type { HouseholdContext } from '../context/index.js';
import { repairCash } from './cash-repair.js';
import { lotsBySecurity, soldPerSecurity, type DiscretePlan } from './discrete-plan.js';
import { centsToNumber, tradeCents } from './money.js';
import { sameShares } from './quantities.js';

/** Each round drops at least one trade, so rounds are bounded by the number of trades. */
const MAX_ROUNDS = 10_000;

/** Applies the account's minTradeValue to its trades. */
export function applyMinTradeValue(
  ctx: HouseholdContext,
  plan: DiscretePlan,
  lossSetsBought: ReadonlySet<string>,
): void {
  const acc = ctx.accounts[plan.account]!;
  const min = acc.settings.minTradeValueUsd;
  if (min === undefined || min <= 0) return;
  const bySecurity = lotsBySecurity(ctx, acc);
  for (let round = 0; round < MAX_ROUNDS; round++) {
    for (let i = 0; i < plan.buy.length; i++) {
      if (below(ctx, min, plan.buy[i]!, i)) plan.buy[i] = 0;
    }
    const sold = soldPerSecurity(ctx, plan);
    let i = -1;
    for (let k = 0; k < ctx.securities.length; k++) {
      if (
        below(ctx, min, sold[k]!, k) &&
        !plan.cashKept.has(k) &&
        !sameShares(sold[k]!, acc.heldQuantity[k]!) &&
        acc.rules.noHold[k] !== 1
      ) {
        i = k;
        break;
      }
    }
    if (i < 0) return;
    const sell = Float64Array.from(plan.sell);
    const buy = Float64Array.from(plan.buy);
    for (const l of bySecurity[i]!) plan.sell[l] = 0;
    if (!repairCash(ctx, plan, lossSetsBought, false)) {
      plan.sell.set(sell);
      plan.buy.set(buy);
      plan.cashKept.add(i);
    }
  }
}

/** Whether q shares of security `i` trade below `min` (none traded is not below). */
function below(ctx: HouseholdContext, min: number, q: number, i: number): boolean {
  // Trade values are whole cents, so comparing their floats with min is exact.
  return q > 0 && centsToNumber(tradeCents(q, ctx.securities[i]!.priceUsd)) < min;
}
