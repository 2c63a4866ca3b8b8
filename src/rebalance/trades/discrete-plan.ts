/**
 * One account's trades in tradable quantities, and the figures every repair step re-evaluates
 * from them: trade values, cash after trading, turnover. Nothing is carried over from the
 * continuous optimum except what the repairs compare against (how much a quantity was rounded
 * up, whether a limit was met before rounding).
 */
import type { Relaxation } from '../../domain/index.js';
import { exact, type Exact } from '../../tax/index.js';
import type { AccountContext, HouseholdContext } from '../context/index.js';
import type { ContinuousAccountPlan } from '../solve/index.js';
import { sumShares, tradeValue } from './quantities.js';

/** An account's discrete trades; quantities are mutated in place by the repair steps. */
export interface DiscretePlan {
  account: number;
  continuous: ContinuousAccountPlan;
  /** Shares sold per lot (context lot order). */
  sell: Float64Array;
  /** Shares bought per security. */
  buy: Float64Array;
  /** Lots whose sale (or part of it) the cash repair added: sold for the cash need. */
  cashSales: Set<number>;
  /** Securities whose sell was kept below minTradeValue because the cash rule needs it. */
  cashKept: Set<number>;
  warnings: string[];
  /** Limits the discrete steps had to exceed (trading.minTradeValue). */
  relaxed: Relaxation[];
}

/** Shares sold of security `i` over the account's lots. */
export function soldOf(ctx: HouseholdContext, plan: DiscretePlan, i: number): number {
  const lots = ctx.accounts[plan.account]!.lots;
  return sumShares(lots.flatMap((lot, l) => (lot.security === i ? [plan.sell[l]!] : [])));
}

/** Shares sold per security. */
export function soldPerSecurity(ctx: HouseholdContext, plan: DiscretePlan): Float64Array {
  const out = new Float64Array(ctx.securities.length);
  const lots = ctx.accounts[plan.account]!.lots;
  lots.forEach((lot, l) => {
    if (plan.sell[l]! > 0) out[lot.security] = sumShares([out[lot.security]!, plan.sell[l]!]);
  });
  return out;
}

/** Σ sell values and Σ buy values, each trade rounded to the cent. */
export function sideValues(
  ctx: HouseholdContext,
  plan: DiscretePlan,
): { sells: Exact; buys: Exact } {
  const sold = soldPerSecurity(ctx, plan);
  let sells = exact(0);
  let buys = exact(0);
  ctx.securities.forEach((s, i) => {
    if (sold[i]! > 0) sells = sells.plus(tradeValue(sold[i]!, s.priceUsd));
    if (plan.buy[i]! > 0) buys = buys.plus(tradeValue(plan.buy[i]!, s.priceUsd));
  });
  return { sells, buys };
}

/** after.cash = cash + Σ sells − Σ buys − W (spec Definitions, "Value"). */
export function cashAfter(ctx: HouseholdContext, plan: DiscretePlan): Exact {
  const acc = ctx.accounts[plan.account]!;
  const { sells, buys } = sideValues(ctx, plan);
  return exact(acc.cashUsd).plus(sells).minus(buys).minus(exact(acc.withdrawalUsd));
}

/** How far after.cash falls short of the cash need (≤ 0: the cash rule holds). */
export function cashDeficit(ctx: HouseholdContext, plan: DiscretePlan): number {
  const acc = ctx.accounts[plan.account]!;
  return acc.cashNeedUsd - cashAfter(ctx, plan).toNumber();
}

/** (Σ buy values + Σ sell values) / (2V); 0 when V ≤ 0. */
export function turnoverOf(acc: AccountContext, sells: Exact, buys: Exact): number {
  return acc.valueUsd > 0 ? sells.plus(buys).toNumber() / (2 * acc.valueUsd) : 0;
}

/** Turnover of the discrete trades. */
export function discreteTurnover(ctx: HouseholdContext, plan: DiscretePlan): number {
  const { sells, buys } = sideValues(ctx, plan);
  return turnoverOf(ctx.accounts[plan.account]!, sells, buys);
}

/** Turnover of the continuous optimum (unrounded values). */
export function continuousTurnover(ctx: HouseholdContext, plan: DiscretePlan): number {
  const acc = ctx.accounts[plan.account]!;
  if (acc.valueUsd <= 0) return 0;
  let traded = 0;
  acc.lots.forEach((lot, l) => {
    traded += plan.continuous.sellQuantity[l]! * ctx.securities[lot.security]!.priceUsd;
  });
  plan.continuous.buyQuantity.forEach((q, i) => (traded += q * ctx.securities[i]!.priceUsd));
  return traded / (2 * acc.valueUsd);
}

/** Continuous shares sold of security `i`. */
export function continuousSoldOf(ctx: HouseholdContext, plan: DiscretePlan, i: number): number {
  let total = 0;
  ctx.accounts[plan.account]!.lots.forEach((lot, l) => {
    if (lot.security === i) total += plan.continuous.sellQuantity[l]!;
  });
  return total;
}
