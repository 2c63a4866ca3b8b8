/**
 * Whole shares (spec Definitions: Defaults): unless the account allows fractional shares, every
 * quantity is a multiple of the security's `lotSize` (default 1) — except a sale that closes a
 * position or that a `noHold` or the cash need forces.
 */
import type { Check } from './check-context.js';
import { closesPosition, mayBeForced } from './check-context.js';
import { fmt, Findings } from './violation.js';

/** True when `quantity` is a whole multiple of `increment` (within float noise). */
export function isMultiple(quantity: number, increment: number): boolean {
  const units = quantity / increment;
  return Math.abs(units - Math.round(units)) <= 1e-9 * Math.max(1, units);
}

/** Checks the quantities of every account that trades whole shares. */
export const checkIncrements: Check = ({ facts, pairs }) => {
  const f = new Findings();
  for (const pair of pairs) {
    if (pair.facts.settings.trading?.allowFractional === true) continue;
    for (const trade of pair.proposal.trades) {
      const increment = facts.securities.get(trade.security)?.lotSize ?? 1;
      if (isMultiple(trade.quantity, increment)) continue;
      if (closesPosition(pair, trade) || mayBeForced(pair, trade)) continue;
      f.add(
        pair.facts.id,
        'shares.increment',
        `${trade.side} of ${fmt(trade.quantity)} ${trade.security} is not a multiple of its lot size ${fmt(increment)}`,
      );
    }
  }
  return f.list;
};
