/**
 * Filling a block order, in one fill or in several (a broker's executions). Each fill is
 * recorded on the order (order-fills.ts); when the fills reach the order's quantity, every
 * allocation is booked at the order's average price (allocate-fills.ts: lots through the tax
 * ledger, cash, a transaction), the order becomes `filled` and its proposals settle
 * (fills-common.ts). One transaction per fill, audit-logged; an expected refusal is a value and
 * writes nothing.
 */
import { eq } from 'drizzle-orm';
import { exact } from '../tax/index.js';
import { bookAllocations } from './allocate-fills.js';
import { dateOf, fillSharesProblem, priceOf, quantityOf } from './fill-inputs.js';
import {
  allocationsOf,
  assertOpen,
  lockOrder,
  refusalOf,
  Refused,
  settleProposals,
  type OrderOutcome,
} from './fills-common.js';
import type { Db } from './open-store.js';
import { averagePrice, recordFill, refuseBooked } from './order-fills.js';
import { auditLog, orders } from './schema/index.js';

export {
  type Booking,
  type OrderOutcome,
  type OrderRefusal,
  type Settled,
} from './fills-common.js';
export { MAX_FILL_PRICE } from './fill-inputs.js';

/** Options of {@link fillOrder}. */
export interface FillOptions {
  /** The trade date, YYYY-MM-DD (default: the run's as-of date). */
  date?: string;
  /** Shares filled (default: all the order still needs); fewer is a partial fill. */
  quantity?: string | number;
  /**
   * The broker's id of the execution (FIX ExecID): an execution already booked on the order is
   * refused as `alreadyBooked` and books nothing, so a file of executions can be read twice.
   */
  execId?: string;
}

/**
 * Fills an open order at `price` on `date` — by default the trade date its proposals were made
 * for (the run's as-of date: a book run as of today fills today, and a run as of a past date
 * books lots a later run on that date can reconcile); never before that date. By default it
 * fills all the order still needs; `quantity` fills part of it. The order stays `open` until its
 * fills reach its quantity; then every allocation books at the average price of the fills, on
 * this fill's date, and its proposals settle. A fill that leaves the order open books nothing
 * to the accounts (cancelling the rest books what filled, pro rata: fills-cancel.ts).
 */
export async function fillOrder(
  db: Db,
  orderId: string,
  price: string | number,
  actor: string,
  options: FillOptions = {},
): Promise<OrderOutcome> {
  const p = priceOf(price);
  if (typeof p === 'string') return { ok: false, orderId, code: 'badPrice', why: p };
  const askedShares = options.quantity === undefined ? undefined : quantityOf(options.quantity);
  if (typeof askedShares === 'string')
    return { ok: false, orderId, code: 'badQuantity', why: askedShares };
  const given = options.date === undefined ? undefined : dateOf(options.date);
  if (typeof given === 'object') return { ok: false, orderId, code: 'badDate', why: given.why };
  return refusalOf(orderId, () =>
    db.transaction(async (tx) => {
      const t = tx as unknown as Db;
      const order = await lockOrder(t, orderId);
      if (options.execId !== undefined) await refuseBooked(t, orderId, options.execId);
      assertOpen(order);
      const allocs = await allocationsOf(t, orderId);
      const latestRun = allocs.reduce((d, a) => (a.runAsOf > d ? a.runAsOf : d), '');
      const date = given ?? latestRun;
      if (date < latestRun)
        throw new Refused(
          'badDate',
          `date ${date} is before the run date ${latestRun}; a fill cannot precede its run`,
        );
      const orderRemaining = exact(order.quantity).minus(order.filledQuantity);
      const fillShares = askedShares ?? orderRemaining;
      const problem = fillSharesProblem(
        fillShares,
        orderRemaining,
        allocs.every((a) => exact(a.quantity).isInteger()),
      );
      if (problem) throw new Refused('badQuantity', problem);
      await recordFill(t, {
        orderId,
        quantity: fillShares,
        price: p,
        date,
        actor,
        ...(options.execId === undefined ? {} : { execId: options.execId }),
      });
      const filled = exact(order.filledQuantity).plus(fillShares);
      const remaining = exact(order.quantity).minus(filled);
      const status = remaining.isZero() ? ('filled' as const) : ('open' as const);
      const average = await averagePrice(t, orderId);
      // Complete: every account books its whole allocation at the average price, on the date
      // of the fill that completed the order.
      const bookings =
        status === 'filled'
          ? await bookAllocations(t, {
              order,
              allocations: allocs,
              shares: allocs.map((a) => exact(a.quantity)),
              price: exact(average),
              date,
            })
          : [];
      await t
        .update(orders)
        .set({ status, filledAt: new Date(), fillPrice: average, filledQuantity: filled.toFixed() })
        .where(eq(orders.id, orderId));
      await t.insert(auditLog).values({
        actor,
        action: 'order.fill',
        entity: 'order',
        entityId: orderId,
        detail: {
          price: p.toFixed(),
          date,
          quantity: fillShares.toFixed(),
          orderQuantity: exact(order.quantity).toFixed(),
          ...(options.execId === undefined ? {} : { execId: options.execId }),
          filledQuantity: filled.toFixed(),
          averagePrice: average,
          bookings,
        },
      });
      const ids = [...new Set(allocs.map((a) => a.proposalId))];
      const settled = status === 'filled' ? await settleProposals(t, ids, actor, orderId) : [];
      return {
        ok: true as const,
        orderId,
        bookings,
        proposals: settled,
        status,
        filledQuantity: filled.toFixed(),
        remainingQuantity: remaining.toFixed(),
      };
    }),
  );
}
