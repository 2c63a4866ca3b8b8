/**
 * An open tax lot inside the ledger: exact quantity and basis, its holding-period start, and
 * what the wash-sale rules need to know about where it came from.
 */
import type { Day } from './calendar.js';
import type { Exact } from './exact.js';

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
 * Splits `lot` into a part of `quantity` shares (returned) and the rest (left in `lot`), basis and
 * adjustment pro rata. The parts take the ids `<id>.1` and `<id>.2`.
 */
export function splitLot(lot: Lot, quantity: Exact): Lot {
  const fraction = quantity.div(lot.quantity);
  const basis = lot.basis.times(fraction);
  const adjustment = lot.washAdjustment.times(fraction);
  const part: Lot = { ...lot, id: `${lot.id}.1`, quantity, basis, washAdjustment: adjustment };
  lot.id = `${lot.id}.2`;
  lot.quantity = lot.quantity.minus(quantity);
  lot.basis = lot.basis.minus(basis);
  lot.washAdjustment = lot.washAdjustment.minus(adjustment);
  return part;
}
