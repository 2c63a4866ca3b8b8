/**
 * What a fill is given, checked before anything is read or locked: the price, the shares and
 * the date, each a value or why it cannot be one (the message names the field to change).
 */
import { exact, type Exact } from '../tax/index.js';

/** The largest fill price per share the ledger accepts (the API's contract says the same). */
export const MAX_FILL_PRICE = 100_000_000;

/** The fill price, or why it is not one. */
export function priceOf(price: string | number): Exact | string {
  let p: Exact;
  try {
    p = exact(price);
  } catch {
    return `price must be a number; got "${price}"`;
  }
  if (!p.isFinite() || !p.greaterThan(0)) return `price must be above 0; got "${price}"`;
  return p.lessThanOrEqualTo(MAX_FILL_PRICE)
    ? p
    : `price must be at most ${MAX_FILL_PRICE} per share; got "${price}"`;
}

/** The shares of a partial fill, or why they are not shares. */
export function quantityOf(quantity: string | number): Exact | string {
  let q: Exact;
  try {
    q = exact(quantity);
  } catch {
    return `quantity must be a number; got "${quantity}"`;
  }
  return q.isFinite() && q.greaterThan(0) ? q : `quantity must be above 0; got "${quantity}"`;
}

/** A fill date: YYYY-MM-DD, not after today; or why not. */
export function dateOf(given: string): string | { why: string } {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(given) || Number.isNaN(Date.parse(`${given}T00:00:00Z`)))
    return { why: `date must be YYYY-MM-DD; got "${given}"` };
  const today = new Date().toISOString().slice(0, 10);
  if (given > today)
    return {
      why: `date ${given} is in the future; a fill is booked on or after its trade date, up to today (${today})`,
    };
  return given;
}

/**
 * Why `fill` shares cannot fill an order that still needs `remaining`, or undefined: above what
 * remains, off the ledger's millionth grid, or fractional when every allocation is in whole
 * shares (the filled shares must always be shareable among the allocations, should the rest be
 * cancelled).
 */
export function fillSharesProblem(
  fill: Exact,
  remaining: Exact,
  allWhole: boolean,
): string | undefined {
  if (fill.greaterThan(remaining))
    return `quantity ${fill.toFixed()} is more than the ${remaining.toFixed()} shares the order still needs`;
  if (fill.decimalPlaces() > 6) return `quantity ${fill.toFixed()} has more than 6 decimals`;
  if (allWhole && !fill.isInteger())
    return `quantity ${fill.toFixed()}: this order's accounts trade whole shares; fill a whole number of shares`;
  return undefined;
}
