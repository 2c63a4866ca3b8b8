/**
 * Household gain budgets: net realized gain per term (and in total) across the taxable
 * accounts, each row with an elastic slack that opens only when the budgets must give way.
 */
import type { HouseholdContext } from '../context/index.js';
import type { AccountBlock } from './formulation.js';
import type { QpBuilder, Term } from './qp-builder.js';

/** Net realized gain per term across taxable accounts: Σ (g_l / v_l) s_l ≤ budget / S. */
export function addGainBudgets(
  b: QpBuilder,
  ctx: HouseholdContext,
  blocks: AccountBlock[],
  inv: number,
) {
  const st: Term[] = [];
  const lt: Term[] = [];
  for (const blk of blocks) {
    const acc = ctx.accounts[blk.account]!;
    if (acc.taxStatus !== 'taxable') continue;
    for (let l = 0; l < acc.lots.length; l++) {
      const lot = acc.lots[l]!;
      if (lot.valueUsd <= 0) continue;
      // A loss the wash-sale rule disallows (its set was bought in the last 30 days; it is sold
      // only when forced) does not offset gains: counted as 0, conservatively in full.
      const washed =
        lot.gainUsd < 0 && ctx.wash.recentlyBought.has(ctx.securities[lot.security]!.washSet);
      const t: Term = [blk.sell[l]!, washed ? 0 : lot.gainUsd / lot.valueUsd];
      (lot.term === 'short' ? st : lt).push(t);
    }
  }
  const budget = ctx.gainBudget;
  const row = (terms: Term[], limit: number | undefined, slack: number): number =>
    limit === undefined || terms.length === 0
      ? -1
      : b.range([...terms, [slack, -1]], -Infinity, limit * inv);
  const slacks = {
    shortTerm: b.variable(0, 0, 10),
    longTerm: b.variable(0, 0, 10),
    total: b.variable(0, 0, 10),
  };
  return {
    slacks,
    rows: {
      shortTerm: row(st, budget.shortTerm?.limit, slacks.shortTerm),
      longTerm: row(lt, budget.longTerm?.limit, slacks.longTerm),
      total: row([...st, ...lt], budget.total?.limit, slacks.total),
    },
  };
}
