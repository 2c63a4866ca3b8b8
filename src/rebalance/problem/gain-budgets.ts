/**
 * Household gain budgets: net realized gain per term (and in total) across the taxable
 * accounts, each row with an elastic slack that opens only when the budgets must give way.
 */
import type { HouseholdContext } from '../context/index.js';
import type { AccountBlock } from './formulation.js';
import type { QpBuilder } from './qp-builder.js';

const SHORT = 1;
const LONG = 2;

/** Net realized gain per term across taxable accounts: Σ (g_l / v_l) s_l ≤ budget / S. */
export function addGainBudgets(
  b: QpBuilder,
  ctx: HouseholdContext,
  blocks: AccountBlock[],
  inv: number,
) {
  // Each lot's coefficient g_l / v_l (0 for a washed loss) and term, in block and lot order;
  // the rows are then written term by term.
  let capacity = 0;
  for (const blk of blocks) {
    if (ctx.accounts[blk.account]!.taxStatus === 'taxable') capacity += blk.sell.length;
  }
  const vars = new Int32Array(capacity);
  const coefs = new Float64Array(capacity);
  // The lot's term as a bit: SHORT or LONG; a row takes the lots whose bit its mask has.
  const termBit = new Uint8Array(capacity);
  const inMask = [0, 0, 0, 0]; // lots per mask: inMask[SHORT], inMask[LONG], inMask[SHORT | LONG]
  let count = 0;
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
      vars[count] = blk.sell[l]!;
      coefs[count] = washed ? 0 : lot.gainUsd / lot.valueUsd;
      termBit[count] = lot.term === 'short' ? SHORT : LONG;
      inMask[termBit[count]!]!++;
      count++;
    }
  }
  const budget = ctx.gainBudget;
  inMask[SHORT | LONG] = count;
  /** The row over the lots whose term is in `mask`, or −1 without a limit or such a lot. */
  const row = (limit: number | undefined, slack: number, mask: number) => {
    if (limit === undefined || inMask[mask] === 0) return -1;
    b.openRange();
    for (let t = 0; t < count; t++) if ((termBit[t]! & mask) !== 0) b.term(vars[t]!, coefs[t]!);
    b.term(slack, -1);
    return b.closeRange(-Infinity, limit * inv);
  };
  const slacks = {
    shortTerm: b.variable(0, 0, 10),
    longTerm: b.variable(0, 0, 10),
    total: b.variable(0, 0, 10),
  };
  return {
    slacks,
    rows: {
      shortTerm: row(budget.shortTerm?.limit, slacks.shortTerm, SHORT),
      longTerm: row(budget.longTerm?.limit, slacks.longTerm, LONG),
      total: row(budget.total?.limit, slacks.total, SHORT | LONG),
    },
  };
}
