/**
 * Exact decimal arithmetic for the ledger. Every ledger amount and share quantity is a
 * {@link Exact}; a JSON number enters through {@link exact}, which reads its shortest round-trip
 * text (so `0.1` is exactly one tenth), and leaves through {@link cents} or {@link shares}.
 * Float arithmetic never touches a ledger amount.
 */
import { Decimal } from 'decimal.js';

/**
 * The ledger's decimal type: 50 significant digits, so that pro-rata shares of a basis
 * (basis × sold ÷ held) stay exact to far below a cent before the one rounding at the end of a line.
 */
export const Exact = Decimal.clone({ precision: 50, rounding: Decimal.ROUND_HALF_UP });
/** An exact decimal value. */
export type Exact = InstanceType<typeof Exact>;

/** Zero, shared. */
export const ZERO: Exact = new Exact(0);

/** A JSON number as an exact decimal: `exact(0.1)` is 1/10, not 0.1000000000000000055…. */
export function exact(value: number | string): Exact {
  return new Exact(typeof value === 'number' ? String(value) : value);
}

/** Rounds money to the cent, half away from zero. */
export function roundCents(value: Exact): Exact {
  return value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

/** Money to a JSON number of cents precision (the one exit from exact money). */
export function cents(value: Exact): number {
  // Amounts already in cents convert directly; others round once, straight to text.
  const rounded =
    value.decimalPlaces() <= 2 ? value.toNumber() : Number(value.toFixed(2, Decimal.ROUND_HALF_UP));
  return Object.is(rounded, -0) ? 0 : rounded;
}

/** Rounds a share quantity to 6 decimals (spec: split results), half away from zero. */
export function roundShares(value: Exact): Exact {
  return value.toDecimalPlaces(6, Decimal.ROUND_HALF_UP);
}

/** A share quantity to a JSON number (quantities carry at most 6 decimals after a split). */
export function shares(value: Exact): number {
  const n = value.toNumber();
  return Object.is(n, -0) ? 0 : n;
}

/** Sum of exact values. */
export function sum(values: Iterable<Exact>): Exact {
  let total = ZERO;
  for (const v of values) total = total.plus(v);
  return total;
}
