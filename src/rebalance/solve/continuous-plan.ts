/**
 * The continuous optimum in shares: what each account sells per lot and buys per security
 * before whole-share rounding. The one conversion from the optimizer's float64 value
 * variables (value / S) to share quantities happens here.
 */
import type { HouseholdContext } from '../context/index.js';
import type { AccountBlock, Formulation } from '../problem/index.js';
import { DUST_USD, TRADE_EPS } from './wash-coupling.js';

/** One account's continuous trades. */
export interface ContinuousAccountPlan {
  /** Index of the account in the context. */
  account: number;
  block: AccountBlock;
  /** Shares sold per lot (context lot order), in [0, lot quantity]. */
  sellQuantity: Float64Array;
  /** Shares bought per security, ≥ 0. */
  buyQuantity: Float64Array;
}

/**
 * Converts the solution x into share quantities: values below TRADE_EPS (the solver's x meets
 * bounds only to its tolerance) or worth less than DUST_USD are zero, sells are capped at what
 * the lot holds; forced lots sell in full.
 */
export function continuousPlans(
  ctx: HouseholdContext,
  form: Formulation,
  x: Float64Array,
): ContinuousAccountPlan[] {
  const S = form.scaleUsd;
  const plans: ContinuousAccountPlan[] = [];
  for (const block of form.accounts) {
    const acc = ctx.accounts[block.account]!;
    const sellQuantity = new Float64Array(acc.lots.length);
    for (let l = 0; l < acc.lots.length; l++) {
      const lot = acc.lots[l]!;
      const price = ctx.securities[lot.security]!.priceUsd;
      const q = (x[block.sell[l]!]! * S) / price;
      if (block.roles[l] === 'forced') sellQuantity[l] = lot.quantity;
      else if (x[block.sell[l]!]! <= TRADE_EPS || q * price < DUST_USD) sellQuantity[l] = 0;
      else sellQuantity[l] = Math.min(lot.quantity, q);
    }
    const buyQuantity = new Float64Array(block.buy.length);
    for (let i = 0; i < block.buy.length; i++) {
      const v = block.buy[i]!;
      if (x[v]! <= TRADE_EPS || x[v]! * S < DUST_USD) buyQuantity[i] = 0;
      else buyQuantity[i] = (x[v]! * S) / ctx.securities[i]!.priceUsd;
    }
    plans.push({ account: block.account, block, sellQuantity, buyQuantity });
  }
  return plans;
}
