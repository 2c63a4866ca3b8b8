import { describe, expect, it } from 'vitest';
import type { Booking, OrderOutcome } from '../../api/types';
import { describeCancel, describeFill } from './describe-outcome';

const booking = (quantity: number, gain: number | null, wash = 0): Booking => ({
  accountId: `acct-${quantity}`,
  tradeId: `trade-${quantity}`,
  quantity,
  amountUsd: quantity * 100,
  realizedGainUsd: gain,
  washSaleDisallowedUsd: wash,
});

const outcome = (o: Partial<OrderOutcome>): OrderOutcome => ({
  orderId: 'ORD-1',
  bookings: [],
  proposals: [],
  status: 'filled',
  filledQuantity: 1000,
  remainingQuantity: 0,
  ...o,
});

describe('the line after a fill', () => {
  it('says a complete fill settled the proposals', () => {
    const o = outcome({
      bookings: [booking(600, 1200), booking(400, -200)],
      proposals: [{ id: 'p1', status: 'filled' }],
    });
    expect(describeFill(o)).toBe('Filled ORD-1: 2 bookings, realized $1,000; 1 proposal settled.');
  });

  it('says how far a partial fill got, and that nothing is booked to the accounts yet', () => {
    const o = outcome({
      bookings: [],
      status: 'open',
      filledQuantity: 300,
      remainingQuantity: 700,
    });
    expect(describeFill(o)).toBe(
      'Filled ORD-1: 300 of 1,000 shares so far, 700 still open; the accounts are booked at the average price when it completes.',
    );
  });

  it('names a disallowed wash sale, and only when there is one', () => {
    const washed = outcome({ bookings: [booking(10, -500, 300)] });
    expect(describeFill(washed)).toContain(', wash sale disallowed $300;');
    expect(describeFill(outcome({ bookings: [booking(10, -500)] }))).not.toContain('wash sale');
  });
});

describe('the line after a cancel', () => {
  const cancelled = (filledQuantity: number): OrderOutcome =>
    outcome({
      proposals: [{ id: 'p1', status: 'cancelled' }],
      status: 'cancelled',
      filledQuantity,
    });

  it('names the order and its proposals cancelled', () => {
    expect(describeCancel(cancelled(0), 1000)).toBe('Cancelled ORD-1; 1 proposal cancelled.');
  });

  it('says what stays booked of an order partly filled', () => {
    expect(describeCancel(cancelled(300), 1000)).toBe(
      'Cancelled the rest of ORD-1 (300 of 1,000 shares filled stay booked); ' +
        '1 proposal cancelled.',
    );
  });
});
