/** Money to the cent (spec Definitions: Money), compared with exact decimals. */
import { exact, isLongTerm, toDay, type Day } from '../../tax/index.js';

/** True when `amount` is a whole number of cents (within float noise). */
export function isWholeCents(amount: number): boolean {
  const hundredths = amount * 100;
  return Math.abs(hundredths - Math.round(hundredths)) <= 1e-6;
}

/**
 * True when `reported` is `exactValue` rounded to the cent: whole cents, and within half a cent
 * (a tie may go either way).
 */
export function isRoundedToCent(reported: number, exactValue: string): boolean {
  const distance = exact(reported).minus(exact(exactValue)).abs();
  return isWholeCents(reported) && distance.lessThanOrEqualTo('0.005000001');
}

/** quantity × price as exact decimal text. */
export function product(quantity: number, price: number): string {
  return exact(quantity).times(exact(price)).toString();
}

/** The lot's basis pro rata for `quantity` of its `lotQuantity` shares, as exact decimal text. */
export function proRataBasis(basis: number, quantity: number, lotQuantity: number): string {
  return exact(basis).times(exact(quantity)).div(exact(lotQuantity)).toString();
}

/** The term of a sale on `asOf` of a lot acquired on `acquired` (Feb 29 → Feb 28 anniversary). */
export function termOf(acquired: string, asOf: Day): 'short' | 'long' {
  return isLongTerm(toDay(acquired), asOf) ? 'long' : 'short';
}
