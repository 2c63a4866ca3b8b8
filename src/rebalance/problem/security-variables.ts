/**
 * One account's buy and holding variables and its holdings rows (docs/optimization.md §1, §3).
 *
 * The index maps stay per security of the household (`buy[i]`, `hold[i]` for i in 0..n), but
 * only the securities the account can touch get variables of their own. Where the account may
 * never buy i (not a buy candidate — context/buy-candidates.ts —, noBuy, sellOnly), b_ai = 0;
 * where it also does not hold i, x_ai = h_ai + 0 − 0 = 0. Such a b_ai or x_ai is not a variable
 * of the QP: `buy[i]` / `hold[i]` point at the account's one `zero` variable (bounds [0, 0], in no
 * row and no cost), so `x[buy[i]]` reads 0 wherever downstream code iterates i over 0..n, and
 * the KKT system carries neither the variables nor their holdings rows. In a household with a
 * direct-index account, an ETF account then has ~10 live securities instead of ~500, and its
 * k factor rows — the dense rows of the KKT system — ~10 entries each instead of ~500.
 */
import type { AccountContext, HouseholdContext } from '../context/index.js';
import { spreadPerValue } from '../costs/index.js';
import type { QpBuilder } from './qp-builder.js';

/** The per-security variables of one account. */
export interface SecurityVariables {
  buy: Int32Array;
  hold: Int32Array;
  /** 1 where the account holds or may buy the security (hold[i] is its own variable). */
  live: Uint8Array;
  /** The variable fixed at 0 that every missing buy and holding points at. */
  zero: number;
  /** The buy variables of their own, in security order (the cash row and trade caps sum them). */
  buys: number[];
}

/**
 * Whether the account may ever buy security `i` in this rebalance: a buy candidate, not under
 * noBuy (noHold, a substitution's `from`, a recent wash-sale block) and not in sellOnly mode. The
 * passes only ever lower a buy's upper bound from here (wash-sale decisions), never raise it.
 */
export function mayBuy(account: AccountContext, i: number): boolean {
  return (
    account.buyCandidate[i] === 1 &&
    account.rules.noBuy[i] !== 1 &&
    account.settings.mode !== 'sellOnly'
  );
}

/**
 * Adds the buy and holding variables of `account` and, per live security, its holdings row
 *     x_ai + Σ_{l∈(a,i)} s_l − b_ai = h_ai / S       (b_ai left out where the account may not buy)
 * `sell` are the account's sell variables in lot order; `inv` = 1 / S.
 */
export function addSecurityVariables(
  b: QpBuilder,
  ctx: HouseholdContext,
  account: AccountContext,
  sell: Int32Array,
  inv: number,
): SecurityVariables {
  const n = ctx.securities.length;
  const zero = b.variable(0, 0);
  const buy = new Int32Array(n).fill(zero);
  const hold = new Int32Array(n).fill(zero);
  const live = new Uint8Array(n);
  const buys: number[] = [];
  const lotsOf: number[][] = [];
  for (let i = 0; i < n; i++) lotsOf.push([]);
  for (let l = 0; l < account.lots.length; l++) lotsOf[account.lots[l]!.security]!.push(sell[l]!);
  for (let i = 0; i < n; i++) {
    const buyable = mayBuy(account, i);
    if (!buyable && account.heldQuantity[i]! <= 0 && lotsOf[i]!.length === 0) continue;
    live[i] = 1;
    const sec = ctx.securities[i]!;
    if (buyable) buys.push((buy[i] = b.variable(0, Infinity, spreadPerValue(sec))));
    const drag = ctx.householdMode && account.taxStatus === 'taxable' ? sec.taxDrag : 0;
    hold[i] = b.variable(0, Infinity, drag);
  }
  for (let i = 0; i < n; i++) {
    if (live[i] === 0) continue;
    b.openEquality();
    b.term(hold[i]!, 1);
    if (buy[i] !== zero) b.term(buy[i]!, -1);
    for (const s of lotsOf[i]!) b.term(s, 1);
    const held = account.heldQuantity[i]! * ctx.securities[i]!.priceUsd;
    b.closeEquality(held * inv);
  }
  return { buy, hold, live, zero, buys };
}
