/**
 * Lot lines of the sells (spec §2 and Definitions, "Money"): per lot relieved its quantity, the
 * basis pro rata and the gain, each rounded once to the cent from exact decimals, and the term.
 *
 * A loss sale in a taxable account whose wash set was bought in the last 30 days (made only when
 * forced: noHold, or a last-resort lot for the cash need) reports the disallowed part of its loss:
 * loss per share × the shares matched to replacements not yet used by an earlier line, household-
 * wide in account, security and lot order. A lot bought inside the window is not its own
 * replacement (Rev. Rul. 56-602), so its shares are set aside when it is matched — as many as
 * the account's own fills of the security put into the pool, never another account's purchase.
 */
import type { TradeLotLine } from '../../domain/index.js';
import { cents, exact, toDay, WASH_WINDOW_DAYS } from '../../tax/index.js';
import {
  hasBuyFill,
  windowBuyQuantity,
  type HouseholdContext,
  type LotFacts,
} from '../context/index.js';
import { lotsBySecurity, type DiscretePlan } from './discrete-plan.js';
import { ExactSum } from './money.js';

/** The line of selling q shares of `lot` at `priceUsd`, without any wash-sale figure. */
export function lotLine(lot: LotFacts, q: number, priceUsd: number): TradeLotLine {
  if (q === lot.quantity) {
    // The whole lot: its whole basis, no pro rata (exact sums, see money.ts).
    return {
      lot: lot.id,
      quantity: q,
      costBasis: ExactSum.of(lot.costBasisUsd).cents(),
      gain: new ExactSum().addProduct(q, priceUsd).minus(lot.costBasisUsd).cents(),
      term: lot.term,
    };
  }
  const basis = exact(lot.costBasisUsd).times(exact(q)).div(exact(lot.quantity));
  return {
    lot: lot.id,
    quantity: q,
    costBasis: cents(basis),
    gain: cents(exact(q).times(exact(priceUsd)).minus(basis)),
    term: lot.term,
  };
}

/** Lot lines per plan (same order as `plans`), keyed by security, lines in the account's lot order. */
export function householdLotLines(
  ctx: HouseholdContext,
  plans: readonly DiscretePlan[],
): Map<number, TradeLotLine[]>[] {
  const replacements = new Map(ctx.wash.recentlyBought);
  const asOf = toDay(ctx.asOf);
  const windowStart = asOf - WASH_WINDOW_DAYS;
  const out: Map<number, TradeLotLine[]>[] = [];
  for (const plan of plans) {
    const acc = ctx.accounts[plan.account]!;
    const request = ctx.request.accounts[plan.account]!;
    const filled = (lot: LotFacts): boolean =>
      hasBuyFill(request, ctx.securities[lot.security]!.id, lot.acquired);
    const bySecurity = new Map<number, TradeLotLine[]>();
    // Security order, then lot order.
    const order: number[] = [];
    for (const lots of lotsBySecurity(ctx, acc)) {
      for (const l of lots) if (plan.sell[l]! > 0) order.push(l);
    }
    for (const l of order) {
      const lot = acc.lots[l]!;
      const q = plan.sell[l]!;
      const line = lotLine(lot, q, ctx.securities[lot.security]!.priceUsd);
      const set = ctx.securities[lot.security]!.washSet;
      const pool = replacements.get(set) ?? 0;
      if (acc.taxStatus === 'taxable' && line.gain < 0 && pool > 0) {
        // Neither the lot's own purchase (Rev. Rul. 56-602) nor shares of this same sale — other
        // in-window lots of the security this trade sells — are its replacements (§3 rule 3).
        // Only purchases among the fills are in the pool (a lot without its fill draws a warning).
        const inPool = (k: number): boolean =>
          toDay(acc.lots[k]!.acquired) >= windowStart && filled(acc.lots[k]!);
        let own = inPool(l) ? lot.quantity : 0;
        for (const k of lotsBySecurity(ctx, acc)[lot.security]!) {
          if (k !== l && inPool(k)) own += plan.sell[k]!;
        }
        // What these lots put into the pool is at most this account's own fills of the security:
        // a lot larger than its fill must not set aside another account's purchase.
        own = Math.min(own, windowBuyQuantity(request, ctx.securities[lot.security]!.id, asOf));
        const matched = Math.min(q, Math.max(0, pool - own));
        if (matched > 0) {
          replacements.set(set, pool - matched);
          const loss = exact(-line.gain);
          const part = matched === q ? loss : loss.times(exact(matched)).div(exact(q));
          line.washSaleDisallowed = Math.min(cents(part), -line.gain);
        }
      }
      const lines = bySecurity.get(lot.security);
      if (lines === undefined) bySecurity.set(lot.security, [line]);
      else lines.push(line);
    }
    out.push(bySecurity);
  }
  return out;
}
