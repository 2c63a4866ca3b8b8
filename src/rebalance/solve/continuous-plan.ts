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
  return form.accounts.map((block) => {
    const acc = ctx.accounts[block.account]!;
    const sellQuantity = Float64Array.from(acc.lots, (lot, l) => {
      const price = ctx.securities[lot.security]!.priceUsd;
      const q = (x[block.sell[l]!]! * S) / price;
      if (block.roles[l] === 'forced') return lot.quantity;
      if (x[block.sell[l]!]! <= TRADE_EPS || q * price < DUST_USD) return 0;
      return Math.min(lot.quantity, q);
    });
    const buyQuantity = Float64Array.from(block.buy, (v, i) => {
      if (x[v]! <= TRADE_EPS || x[v]! * S < DUST_USD) return 0;
      return (x[v]! * S) / ctx.securities[i]!.priceUsd;
    });
    return { account: block.account, block, sellQuantity, buyQuantity };
  });
}
