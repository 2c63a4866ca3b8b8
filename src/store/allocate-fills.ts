/**
 * Booking an order's fills to its accounts: each allocation's shares at the order's average
 * price — the lots through the tax ledger (fill-ledger.ts), a `transactions` row (cash amount,
 * realized gain for sells, the trade it came from) and the account's cash. Every account of a
 * block order gets the same price, however many executions the broker reported (the average
 * price allocation of aggregated client orders), and one lot per buy.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { LotPick } from '../domain/index.js';
import { roundCents, type Exact } from '../tax/index.js';
import { bookFill, freshLotId } from './fill-ledger.js';
import { Refused, type Booking } from './fills-common.js';
import type { Db } from './open-store.js';
import { picksFor } from './pick-slice.js';
import {
  accounts,
  orderAllocations,
  proposals,
  trades,
  transactions,
  type orders,
} from './schema/index.js';

/**
 * The lots each sell of the order named in its proposal, by trade id. Trade ids are
 * `<proposal>:<account>:<index of the trade in the account>`; the lookup runs in SQL so that
 * only the picks, not whole responses, leave the database.
 */
async function picksOf(db: Db, orderId: string): Promise<Map<string, LotPick[]>> {
  const rows = await db
    .select({
      tradeId: trades.id,
      lots: sql<{ lot: string; quantity: number }[] | null>`(
        SELECT a.value -> 'trades' -> (substring(${trades.id} from ':([0-9]+)$')::int) -> 'lots'
        FROM jsonb_array_elements(${proposals.response} -> 'accounts') AS a
        WHERE a.value ->> 'id' = ${trades.accountId})`,
    })
    .from(orderAllocations)
    .innerJoin(trades, eq(trades.id, orderAllocations.tradeId))
    .innerJoin(proposals, eq(proposals.id, trades.proposalId))
    .where(eq(orderAllocations.orderId, orderId));
  return new Map(
    rows.flatMap((r) =>
      Array.isArray(r.lots)
        ? [[r.tradeId, r.lots.map((l) => ({ lot: l.lot, quantity: l.quantity }))] as const]
        : [],
    ),
  );
}

/** What {@link bookAllocations} books: the order, its allocations and each one's shares. */
export interface AllocationBooking {
  order: typeof orders.$inferSelect;
  allocations: readonly { tradeId: string; accountId: string; householdId: string }[];
  /** Each allocation's shares, in allocation order (0: nothing booked to it). */
  shares: readonly Exact[];
  /** The price per share every allocation books at. */
  price: Exact;
  /** The trade date, YYYY-MM-DD. */
  date: string;
}

/**
 * Books each allocation's shares (inside the caller's transaction); a ledger refusal rolls
 * the whole transaction back as `Refused('ledger')`.
 */
export async function bookAllocations(db: Db, b: AllocationBooking): Promise<Booking[]> {
  const { order, price, date } = b;
  const picks = order.side === 'sell' ? await picksOf(db, order.id) : new Map();
  const bookings: Booking[] = [];
  for (const [i, a] of b.allocations.entries()) {
    const quantity = b.shares[i]!;
    if (quantity.isZero()) continue;
    const booked = await bookFill(db, {
      householdId: a.householdId,
      accountId: a.accountId,
      securityId: order.securityId,
      side: order.side,
      quantity,
      price,
      date,
      ...(order.side === 'buy'
        ? { lotId: await freshLotId(db, a.accountId, order.id) }
        : { picks: picksFor(picks.get(a.tradeId), quantity) }),
    });
    if (!booked.ok) throw new Refused('ledger', booked.why);
    const gross = roundCents(quantity.times(price));
    const amount = (order.side === 'buy' ? gross.negated() : gross).toFixed(2);
    const realizedGain = booked.realizedGain?.toFixed(2) ?? null;
    const realizedLoss = booked.realizedLoss?.toFixed(2) ?? null;
    await db.insert(transactions).values({
      accountId: a.accountId,
      date,
      type: order.side,
      securityId: order.securityId,
      quantity: quantity.toFixed(),
      price: price.toFixed(),
      amount,
      realizedGain,
      realizedLoss,
      tradeId: a.tradeId,
    });
    await db
      .update(accounts)
      .set({ cash: sql`${accounts.cash} + ${amount}::numeric` })
      .where(eq(accounts.id, a.accountId));
    await db
      .update(orderAllocations)
      .set({ filledQuantity: quantity.toFixed() })
      .where(and(eq(orderAllocations.orderId, order.id), eq(orderAllocations.tradeId, a.tradeId)));
    bookings.push({
      accountId: a.accountId,
      tradeId: a.tradeId,
      quantity: quantity.toFixed(),
      amount,
      realizedGain,
      washSaleDisallowed: booked.washSaleDisallowed.toFixed(2),
    });
  }
  return bookings;
}
