/**
 * What the final trades say about lotSize and minTradeValue (spec Defaults): a sale that closes a
 * position, sells a noHold security or is forced by the cash need is exempt from both, and is
 * named in `warnings`; any other trade below minTradeValue is a `trading.minTradeValue`
 * relaxation whose `actual` is the smallest such trade value.
 */
import type { HouseholdContext } from '../context/index.js';
import {
  lotsBySecurity,
  soldForCash,
  soldPerSecurity,
  type DiscretePlan,
} from './discrete-plan.js';
import { centsToNumber, tradeCents } from './money.js';
import { isMultiple, sameShares, stepOf } from './quantities.js';

/** Why a sale is exempt, or null when it is not. */
function exemption(
  ctx: HouseholdContext,
  plan: DiscretePlan,
  i: number,
  sold: number,
): string | null {
  const acc = ctx.accounts[plan.account]!;
  if (sameShares(sold, acc.heldQuantity[i]!)) return 'it closes the position';
  if (acc.rules.noHold[i] === 1) return 'noHold forces the sale';
  let cashForced = plan.cashKept.has(i);
  if (!cashForced) {
    for (const l of lotsBySecurity(ctx, acc)[i]!) {
      if (soldForCash(plan, l)) {
        cashForced = true;
        break;
      }
    }
  }
  const raisesCash = acc.withdrawalUsd + acc.cashNeedUsd - acc.cashUsd > 0;
  return cashForced && raisesCash ? 'the cash need forces the sale' : null;
}

/** Adds the exemption warnings and the minTradeValue relaxation to the plan. */
export function noteExemptions(ctx: HouseholdContext, plan: DiscretePlan): void {
  const acc = ctx.accounts[plan.account]!;
  const min = acc.settings.minTradeValueUsd;
  const sold = soldPerSecurity(ctx, plan);
  let smallest = Infinity;
  for (let i = 0; i < ctx.securities.length; i++) {
    const s = ctx.securities[i]!;
    if (sold[i]! <= 0 && plan.buy[i]! <= 0) continue;
    const sides: ['buy' | 'sell', number][] = [
      ['sell', sold[i]!],
      ['buy', plan.buy[i]!],
    ];
    for (const [side, q] of sides) {
      if (q <= 0) continue;
      // A whole count of cents: its float compares exactly with min.
      const value = centsToNumber(tradeCents(q, s.priceUsd));
      const why = side === 'sell' ? exemption(ctx, plan, i, q) : null;
      const step = stepOf(ctx, acc, i);
      if (!isMultiple(q, step) && why !== null) {
        plan.warnings.push(
          `${side} of ${q} ${s.id} is not a multiple of its lotSize ${step}: ${why}`,
        );
      }
      if (min === undefined || !(value < min)) continue;
      if (why !== null) {
        plan.warnings.push(
          `${side} of ${s.id} worth ${value.toFixed(2)} is below minTradeValue ${min}: ${why}`,
        );
      } else smallest = Math.min(smallest, value);
    }
  }
  if (min !== undefined && Number.isFinite(smallest)) {
    plan.relaxed.push({ setting: 'trading.minTradeValue', limit: min, actual: smallest });
  }
}
