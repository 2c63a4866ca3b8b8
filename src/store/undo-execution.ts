/**
 * A broker's trade bust or correction (FIX ExecType H, G) of an execution booked on an order
 * still open: the fill is taken back — its row stays, marked with the ExecID of the report
 * (`undone_by`), and counts for nothing after: the order's filled shares and average price are
 * those of the fills that stand. A correction then books the corrected execution as a new fill
 * (fills.ts), in the same transaction: refused, it leaves the first fill standing too.
 *
 * An order no longer open has booked its fills to the accounts (lots, cash, transactions): a
 * bust of one of them is refused, with what to do — the accounts are corrected from the
 * custodian's lots and transactions, not from the order. The report is refused as well when
 * the order has no such execution, and answered `alreadyBooked` when read a second time.
 */
import { and, eq } from 'drizzle-orm';
import { exact } from '../tax/index.js';
import { lockOrder, refusalOf, Refused, type OrderOutcome } from './fills-common.js';
import { fillOrder } from './fills.js';
import type { Db } from './open-store.js';
import { averagePrice } from './order-fills.js';
import { auditLog, orderFills, orders } from './schema/index.js';

/** A report that takes back execution `execRefId` of order `orderId`. */
export interface ExecutionUndo {
  orderId: string;
  /** The bust's or correction's own ExecID (17). */
  execId: string;
  /** The execution it takes back (ExecRefID, 19). */
  execRefId: string;
  /** A correction: the execution as it should have been (LastQty, LastPx, TradeDate). */
  correction?: { quantity: string; price: string; date?: string };
}

const kindOf = (u: ExecutionUndo): string => (u.correction ? 'correction' : 'bust');

/**
 * Takes back a fill of an open order (a bust), or replaces it (a correction); one transaction,
 * audit-logged (`order.bust`, `order.correct`). The outcome is the order's after it.
 */
export async function undoExecution(
  db: Db,
  u: ExecutionUndo,
  actor: string,
): Promise<OrderOutcome> {
  return refusalOf(u.orderId, () =>
    db.transaction(async (tx) => {
      const t = tx as unknown as Db;
      const order = await lockOrder(t, u.orderId);
      const [fill] = await t
        .select()
        .from(orderFills)
        .where(and(eq(orderFills.orderId, u.orderId), eq(orderFills.execId, u.execRefId)));
      const what = `the trade ${kindOf(u)} ${u.execId} of execution ${u.execRefId}`;
      if (!fill)
        throw new Refused(
          'notFound',
          `${what}: order ${u.orderId} has no execution ${u.execRefId}; nothing was changed`,
        );
      if (fill.undoneBy === u.execId)
        throw new Refused('alreadyBooked', `${what} is already applied; nothing more was changed`);
      if (fill.undoneBy !== null)
        throw new Refused(
          'notOpen',
          `${what}: execution ${u.execRefId} was already taken back by ${fill.undoneBy}; nothing was changed`,
        );
      if (order.status !== 'open')
        throw new Refused(
          'notOpen',
          `${what} is not applied: order ${u.orderId} is ${order.status}, so its fills are booked ` +
            'to the accounts, and a booked fill is not undone here. Correct the accounts from ' +
            'the custodian’s lots and transactions (tailor import)',
        );
      await t
        .update(orderFills)
        .set({ undoneBy: u.execId })
        .where(and(eq(orderFills.orderId, u.orderId), eq(orderFills.seq, fill.seq)));
      const filled = exact(order.filledQuantity).minus(fill.quantity);
      // Every fill is of shares above 0: none filled is none standing, and no average price.
      await t
        .update(orders)
        .set({
          filledQuantity: filled.toFixed(),
          fillPrice: filled.isZero() ? null : await averagePrice(t, u.orderId),
        })
        .where(eq(orders.id, u.orderId));
      await t.insert(auditLog).values({
        actor,
        action: u.correction ? 'order.correct' : 'order.bust',
        entity: 'order',
        entityId: u.orderId,
        detail: {
          execId: u.execId,
          execRefId: u.execRefId,
          takenBack: {
            seq: fill.seq,
            quantity: exact(fill.quantity).toFixed(),
            price: exact(fill.price).toFixed(),
            date: fill.date,
          },
          filledQuantity: filled.toFixed(),
          ...(u.correction ? { correction: u.correction } : {}),
        },
      });
      if (u.correction) {
        const c = u.correction;
        const booked = await fillOrder(t, u.orderId, c.price, actor, {
          quantity: c.quantity,
          execId: u.execId,
          ...(c.date === undefined ? {} : { date: c.date }),
        });
        if (!booked.ok) throw new Refused(booked.code, `${what} is not applied: ${booked.why}`);
        return booked;
      }
      return {
        ok: true as const,
        orderId: u.orderId,
        bookings: [],
        proposals: [],
        status: 'open' as const,
        filledQuantity: filled.toFixed(),
        remainingQuantity: exact(order.quantity).minus(filled).toFixed(),
      };
    }),
  );
}
