/**
 * An open tax lot inside the ledger: exact quantity and basis, its holding-period start, and
 * what the wash-sale rules need to know about where it came from.
 */
import type { Day } from './calendar.js';
import { ZERO, type Exact } from './exact.js';

/** An open tax lot (or a part of one split off by a wash sale). */
export interface Lot {
  /** Current id: the purchase's lot id, plus `.1`/`.2` suffixes for each wash-sale split. */
  id: string;
  /** The purchase lot it came from: shares of the same purchase never replace each other. */
  originId: string;
  account: string;
  security: string;
  quantity: Exact;
  /** Total basis, including wash-sale adjustments, less returns of capital. */
  basis: Exact;
  /** The part of `basis` added by wash-sale disallowances. */
  washAdjustment: Exact;
  /** Holding-period start (tacked back for a wash-sale replacement). */
  acquired: Day;
  /** Trade date of the purchase: orders FIFO and places the lot in wash-sale windows. */
  bought: Day;
  /** Input order of the purchase: breaks ties in `bought`. */
  order: number;
  /** 0 for a part that carries a wash-sale adjustment, 1 otherwise: adjusted parts go first. */
  partRank: number;
  /** False for lots not acquired by purchase (spin-offs): they replace nothing. */
  isAcquisition: boolean;
  /** True once these shares have replaced sold shares: each replaces at most one. */
  replacementUsed: boolean;
}

/** Buy order: trade date, then input order, then adjusted part first. */
export function compareBuyOrder(a: Lot, b: Lot): number {
  return a.bought - b.bought || a.order - b.order || a.partRank - b.partRank;
}

/**
 * Fresh ids for the two parts of a split lot: `<id>.1` and `<id>.2`, or, when an account already
 * uses either (a user's own lot named `B.1`), the next free pair `<id>.3`/`<id>.4`, and so on.
 * Both are recorded in `usedIds`.
 */
function partIds(id: string, usedIds: Set<string>): [string, string] {
  let k = 1;
  while (usedIds.has(`${id}.${k}`) || usedIds.has(`${id}.${k + 1}`)) k += 2;
  const pair: [string, string] = [`${id}.${k}`, `${id}.${k + 1}`];
  usedIds.add(pair[0]);
  usedIds.add(pair[1]);
  return pair;
}

/**
 * The purchase a lot's id names: the id less the `.1`, `.2` … suffixes wash-sale splits add
 * (`B.2.1` → `B`), as a sell that names `B` means its parts. Read off the id rather than
 * `originId`, so that a history continued from its open lots, whose parts arrive as lots of
 * their own, groups them as the whole history does. A user's own id ending in `.<digits>` groups
 * with the id before it; that changes only how a split shares its last millionths.
 */
export function purchaseName(id: string): string {
  return id.replace(/(\.\d+)+$/, '');
}

/**
 * Splits `lot` into a part of `quantity` shares (returned) and the rest (left in `lot`), basis and
 * adjustment pro rata. The parts take fresh ids from {@link partIds} (normally `<id>.1`, `<id>.2`).
 */
export function splitLot(lot: Lot, quantity: Exact, usedIds: Set<string>): Lot {
  const fraction = quantity.div(lot.quantity);
  const basis = lot.basis.times(fraction);
  const adjustment = lot.washAdjustment.isZero() ? ZERO : lot.washAdjustment.times(fraction);
  const [partId, restId] = partIds(lot.id, usedIds);
  const part: Lot = { ...lot, id: partId, quantity, basis, washAdjustment: adjustment };
  lot.id = restId;
  lot.quantity = lot.quantity.minus(quantity);
  lot.basis = lot.basis.minus(basis);
  if (!adjustment.isZero()) lot.washAdjustment = lot.washAdjustment.minus(adjustment);
  return part;
}
