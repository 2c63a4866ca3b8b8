/** Held lots with the figures of selling them on `asOf`: value, gain, term. */
import type { HeldLot, Term } from '../../domain/index.js';
import { anniversary, isLongTerm, toDay, type Day } from '../../tax/index.js';
import type { LotFacts, SecurityFacts } from './types.js';

/** The `avoidShortTermGains` horizon: a lot turning long-term within this many days waits. */
export const TURNS_LONG_WINDOW_DAYS = 31;

/** Term of a sale on `asOf`: long iff `asOf` is after the anniversary of `acquired`. */
export function termOn(acquired: Day, asOf: Day): Term {
  return isLongTerm(acquired, asOf) ? 'long' : 'short';
}

/**
 * Spec `avoidShortTermGains`: a short-term lot turns long-term "within the next 31 days" when the
 * day after its anniversary (its first long-term day) is at most 31 days after `asOf`.
 */
export function turnsLongSoon(acquired: Day, asOf: Day): boolean {
  if (isLongTerm(acquired, asOf)) return false;
  return anniversary(acquired) + 1 - asOf <= TURNS_LONG_WINDOW_DAYS;
}

/** One lot of account `account`, valued at its security's price on `asOf`. */
export function lotFacts(
  lot: HeldLot,
  account: number,
  security: SecurityFacts,
  asOf: Day,
): LotFacts {
  const acquired = toDay(lot.acquired);
  const valueUsd = lot.quantity * security.priceUsd;
  return {
    id: lot.id,
    account,
    security: security.index,
    quantity: lot.quantity,
    costBasisUsd: lot.costBasis,
    acquired: lot.acquired,
    valueUsd,
    gainUsd: valueUsd - lot.costBasis,
    term: termOn(acquired, asOf),
    turnsLongSoon: turnsLongSoon(acquired, asOf),
  };
}
