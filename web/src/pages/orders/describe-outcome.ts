/** What a fill or a cancel did, in the one line the orders page shows after it. */
import type { OrderOutcome } from '../../api/types';
import { counted, money, quantity } from '../../format/format';

/**
 * E.g. "Filled ORD-1: 12 bookings, realized $1,234; 3 proposals settled." for a fill that
 * completes the order (every account booked at the average price of its fills), and "Filled
 * ORD-1: 300 of 1,000 shares so far, 700 still open; the accounts are booked at the average
 * price when it completes." for a partial one, which books nothing to the accounts yet.
 */
export function describeFill(o: OrderOutcome): string {
  if (o.status === 'open' && o.remainingQuantity > 0) {
    const total = o.filledQuantity + o.remainingQuantity;
    return (
      `Filled ${o.orderId}: ${quantity(o.filledQuantity)} of ${quantity(total)} shares so far, ` +
      `${quantity(o.remainingQuantity)} still open; the accounts are booked at the average ` +
      'price when it completes.'
    );
  }
  const gain = o.bookings.reduce((s, b) => s + (b.realizedGainUsd ?? 0), 0);
  const wash = o.bookings.reduce((s, b) => s + b.washSaleDisallowedUsd, 0);
  const booked =
    `${counted(o.bookings.length, 'booking')}, realized ${money(gain)}` +
    (wash > 0 ? `, wash sale disallowed ${money(wash)}` : '');
  return `Filled ${o.orderId}: ${booked}; ${counted(o.proposals.length, 'proposal')} settled.`;
}

/**
 * E.g. "Cancelled ORD-1; 1 proposal cancelled." — and for an order partly filled before, what
 * stays booked: "Cancelled the rest of ORD-1 (300 of 1,000 shares filled stay booked); …".
 */
export function describeCancel(o: OrderOutcome, orderQuantity: number): string {
  const what =
    o.filledQuantity > 0
      ? `the rest of ${o.orderId} (${quantity(o.filledQuantity)} of ${quantity(orderQuantity)} ` +
        'shares filled stay booked)'
      : o.orderId;
  return `Cancelled ${what}; ${counted(o.proposals.length, 'proposal')} cancelled.`;
}
