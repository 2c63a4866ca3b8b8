/**
 * The `order_fills` rows of a block order: one per fill, numbered in the order they were
 * booked, with the execution's ExecID when the fill came from a broker's report. A fill a
 * broker's bust or correction took back (`undone_by`, undo-execution.ts) stays for the record
 * and counts for nothing.
 */
import { and, count, desc, eq, isNull, type SQL } from 'drizzle-orm';
import { exact, sum, type Exact } from '../tax/index.js';
import { Refused } from './fills-common.js';
import type { Db } from './open-store.js';
import { orderFills } from './schema/index.js';

/** Refuses an execution the order already booked (whatever the order's status now). */
export async function refuseBooked(db: Db, orderId: string, execId: string): Promise<void> {
  const [booked] = await db
    .select({
      seq: orderFills.seq,
      date: orderFills.date,
      quantity: orderFills.quantity,
      undoneBy: orderFills.undoneBy,
    })
    .from(orderFills)
    .where(and(eq(orderFills.orderId, orderId), eq(orderFills.execId, execId)));
  if (booked)
    throw new Refused(
      'alreadyBooked',
      `execution ${execId} of order ${orderId} is already booked (fill ${booked.seq}: ` +
        `${exact(booked.quantity).toFixed()} shares on ${booked.date}` +
        `${booked.undoneBy === null ? '' : `, taken back by ${booked.undoneBy}`}); nothing more was booked`,
    );
}

/** The order's fills that stand: none a broker's bust or correction took back. */
const standingFillsOf = (orderId: string): SQL =>
  and(eq(orderFills.orderId, orderId), isNull(orderFills.undoneBy))!;

/**
 * The average price of an order's standing fills, weighted by their shares, to 1e-8 (one fill:
 * its price). The order has at least one.
 */
export async function averagePrice(db: Db, orderId: string): Promise<string> {
  const rows = await db
    .select({ quantity: orderFills.quantity, price: orderFills.price })
    .from(orderFills)
    .where(standingFillsOf(orderId));
  if (rows.length === 1) return exact(rows[0]!.price).toFixed();
  const shares = sum(rows.map((r) => exact(r.quantity)));
  const paid = sum(rows.map((r) => exact(r.quantity).times(r.price)));
  return paid.dividedBy(shares).toDecimalPlaces(8).toFixed();
}

/** The date of an order's last standing fill; the order has at least one. */
export async function lastFillDate(db: Db, orderId: string): Promise<string> {
  const [last] = await db
    .select({ date: orderFills.date })
    .from(orderFills)
    .where(standingFillsOf(orderId))
    .orderBy(desc(orderFills.seq))
    .limit(1);
  if (!last) throw new Error(`lastFillDate: order ${orderId} has filled shares but no fill`);
  return last.date;
}

/** Appends a fill to the order's fills (inside the fill's transaction, under the order's lock). */
export async function recordFill(
  db: Db,
  f: {
    orderId: string;
    quantity: Exact;
    price: Exact;
    date: string;
    actor: string;
    execId?: string;
  },
): Promise<void> {
  const [{ fills } = { fills: 0 }] = await db
    .select({ fills: count() })
    .from(orderFills)
    .where(eq(orderFills.orderId, f.orderId));
  await db.insert(orderFills).values({
    orderId: f.orderId,
    seq: fills + 1,
    quantity: f.quantity.toFixed(),
    price: f.price.toFixed(),
    date: f.date,
    actor: f.actor,
    execId: f.execId ?? null,
  });
}
