/**
 * Booking an order's fills to its accounts: each allocation's shares at the order's average
 * price — the lots through the tax ledger (fill-ledger.ts), a `transactions` row (cash amount,
 * realized gain for sells, the trade it came from) and the account's cash. Every account of a
 * block order gets the same price, however many executions the broker reported (the average
 * price allocation of aggregated client orders), and one lot per buy.
 */
import { eq, sql, type SQL } from 'drizzle-orm';
import type { LotPick } from '../domain/index.js';
import { roundCents, type Exact } from '../tax/index.js';
import { insertChunked } from './chunked-insert.js';
import { bookFills, freshLotIds } from './fill-ledger.js';
import { Refused, type Booking } from './fills-common.js';
import { chunksOf } from './id-chunks.js';
import type { Db } from './open-store.js';
import { picksFor } from './pick-slice.js';
import { orderAllocations, proposals, trades, transactions, type orders } from './schema/index.js';

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
 * Books each allocation's shares (inside the caller's transaction), in bulk: one ledger pass
 * per household (fill-ledger.ts), then the transactions, cash and allocations written a chunk
 * of rows per statement. A ledger refusal rolls the whole transaction back as
 * `Refused('ledger')`.
 */
export async function bookAllocations(db: Db, b: AllocationBooking): Promise<Booking[]> {
  const { order, price, date } = b;
  const booked = b.allocations.flatMap((a, i) =>
    b.shares[i]!.isZero() ? [] : [{ ...a, quantity: b.shares[i]! }],
  );
  if (booked.length === 0) return [];
  const picks = order.side === 'sell' ? await picksOf(db, order.id) : new Map();
  const lotIds =
    order.side === 'buy'
      ? await freshLotIds(
          db,
          booked.map((a) => a.accountId),
          order.id,
        )
      : new Map<string, string>();
  const results = await bookFills(
    db,
    booked.map((a) => ({
      householdId: a.householdId,
      accountId: a.accountId,
      securityId: order.securityId,
      side: order.side,
      quantity: a.quantity,
      price,
      date,
      ...(order.side === 'buy'
        ? { lotId: lotIds.get(a.accountId)! }
        : { picks: picksFor(picks.get(a.tradeId), a.quantity) }),
    })),
  );
  const bookings: Booking[] = booked.map((a, i) => {
    const r = results[i]!;
    if (!r.ok) throw new Refused('ledger', r.why);
    const gross = roundCents(a.quantity.times(price));
    return {
      accountId: a.accountId,
      tradeId: a.tradeId,
      quantity: a.quantity.toFixed(),
      amount: (order.side === 'buy' ? gross.negated() : gross).toFixed(2),
      realizedGain: r.realizedGain?.toFixed(2) ?? null,
      washSaleDisallowed: r.washSaleDisallowed.toFixed(2),
    };
  });
  await insertChunked(
    db,
    transactions,
    bookings.map((k, i) => ({
      accountId: k.accountId,
      date,
      type: order.side,
      securityId: order.securityId,
      quantity: k.quantity,
      price: price.toFixed(),
      amount: k.amount,
      realizedGain: k.realizedGain,
      // Every result is ok here (a refusal threw above); the loss column is the ledger's.
      realizedLoss: results[i]!.ok ? (results[i]!.realizedLoss?.toFixed(2) ?? null) : null,
      tradeId: k.tradeId,
    })),
  );
  for (const chunk of chunksOf(bookings, 1_000)) {
    const values = (f: (k: Booking) => SQL): SQL => sql.join(chunk.map(f), sql`, `);
    await db.execute(sql`
      UPDATE accounts AS a SET cash = a.cash + v.amount::numeric
      FROM (VALUES ${values((k) => sql`(${k.accountId}, ${k.amount})`)}) AS v(id, amount)
      WHERE a.id = v.id`);
    await db.execute(sql`
      UPDATE order_allocations AS oa SET filled_quantity = v.quantity::numeric
      FROM (VALUES ${values((k) => sql`(${k.tradeId}, ${k.quantity})`)}) AS v(trade_id, quantity)
      WHERE oa.order_id = ${order.id} AND oa.trade_id = v.trade_id`);
  }
  return bookings;
}
