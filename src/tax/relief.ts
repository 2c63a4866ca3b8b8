/**
 * Lot relief: which open lots a sale relieves, by method (docs/tax.md gives the orders).
 */
import type { ReliefMethod } from '../domain/index.js';
import { isLongTerm, type Day } from './calendar.js';
import type { Exact } from './exact.js';
import { compareBuyOrder, type Lot } from './lot.js';

/**
 * Per-share amounts are compared to 20 decimals: far below any currency unit, far above the noise
 * of 50-digit arithmetic (a lot split pro rata can carry …825 where its twin carries …823), so
 * lots equal in exact arithmetic tie, and ties go by buy order (policy rule 9).
 */
const COMPARE_PLACES = 20;

function perShare(amount: Exact, quantity: Exact): Exact {
  return amount.div(quantity).toDecimalPlaces(COMPARE_PLACES);
}

/**
 * MINTAX category, lowest relieved first: short-term losses, long-term losses, long-term gains,
 * short-term gains. A zero gain counts as a gain of its term.
 */
function mintaxCategory(gainPerShare: Exact, longTerm: boolean): number {
  if (gainPerShare.isNegative() && !gainPerShare.isZero()) return longTerm ? 1 : 0;
  return longTerm ? 2 : 3;
}

/**
 * The lots of one holding in the order `method` relieves them (SPECID sells name their lots and
 * use buy order only to expand a named lot into its wash-sale parts).
 *
 * - FIFO: buy order (trade date, input order; a wash-split lot's adjusted part first).
 * - HIFO: highest basis per share first; ties in buy order.
 * - MINTAX: by {@link mintaxCategory}, then gain per share ascending (largest loss first, then
 *   smallest gain first); ties in buy order.
 */
export function reliefOrder(
  method: ReliefMethod,
  lots: readonly Lot[],
  proceedsPerShare: Exact,
  saleDay: Day,
): Lot[] {
  const ordered = [...lots];
  if (method === 'FIFO' || method === 'SPECID') return ordered.sort(compareBuyOrder);
  if (method === 'HIFO') {
    const unit = new Map(ordered.map((lot) => [lot, perShare(lot.basis, lot.quantity)]));
    return ordered.sort((a, b) => unit.get(b)!.comparedTo(unit.get(a)!) || compareBuyOrder(a, b));
  }
  const key = new Map(
    ordered.map((lot) => {
      const gain = proceedsPerShare
        .minus(lot.basis.div(lot.quantity))
        .toDecimalPlaces(COMPARE_PLACES);
      return [lot, { category: mintaxCategory(gain, isLongTerm(lot.acquired, saleDay)), gain }];
    }),
  );
  return ordered.sort((a, b) => {
    const ka = key.get(a)!;
    const kb = key.get(b)!;
    return ka.category - kb.category || ka.gain.comparedTo(kb.gain) || compareBuyOrder(a, b);
  });
}

/**
 * The open lots a sell means when it names `name`: the lot with that id; else its wash-sale parts
 * (`name.1`, `name.2.1`, …) in buy order — parts of that purchase first, so naming `B` never picks
 * a user's own lot `B.9`, and only when there are none (a history continued from open lots, whose
 * parts arrive as lots of their own) any lot whose id extends `name`.
 */
export function namedLots(held: readonly Lot[], name: string): Lot[] {
  const exactly = held.filter((lot) => lot.id === name);
  if (exactly.length > 0) return exactly;
  const parts = held.filter((lot) => lot.id.startsWith(`${name}.`));
  const ownParts = parts.filter(
    (lot) => name === lot.originId || name.startsWith(`${lot.originId}.`),
  );
  return [...(ownParts.length > 0 ? ownParts : parts)].sort(compareBuyOrder);
}
