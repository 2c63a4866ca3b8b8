/**
 * The shares of a block order that are filled and still to fill, as the orders table and the
 * fill form show them. An order fills in one go or in several partial fills; these keep the
 * arithmetic and the wording in one place.
 */
import type { OrderSummary } from '../../api/types';
import { quantity } from '../../format/format';

/** The fields of an order these helpers read. */
export type FillShares = Pick<OrderSummary, 'quantity' | 'filledQuantity'>;

/**
 * Shares still to fill: quantity − filledQuantity, never below zero. Rounded to 8 decimals
 * because the difference of two doubles leaves noise (10.3 − 5.1 = 5.200000000000001) that
 * would otherwise show in the form's placeholder.
 */
export function remainingShares(o: FillShares): number {
  const left = Math.round((o.quantity - o.filledQuantity) * 1e8) / 1e8;
  return left > 0 ? left : 0;
}

/** True once any share of the order is filled (an open order with some is partly filled). */
export const hasFill = (o: FillShares): boolean => o.filledQuantity > 0;

/** "300 of 1,000" for an order with any fill; null before the first. */
export function filledOf(o: FillShares): string | null {
  return hasFill(o) ? `${quantity(o.filledQuantity)} of ${quantity(o.quantity)}` : null;
}

/**
 * The shares typed into the fill form as the request's `quantity`: undefined when the box is
 * left empty, so the request omits it and the server fills the rest of the order.
 */
export function sharesToFill(text: string): number | undefined {
  const t = text.trim();
  return t === '' ? undefined : Number(t);
}
