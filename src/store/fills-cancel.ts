/**
 * Cancelling a block order, or the rest of one partly filled. Nothing filled: nothing trades,
 * so no lot, cash or transaction changes. Some filled: those shares are booked now — shared
 * among the allocations pro rata, in round lots where the security has a lot size
 * (fill-parts.ts), at the average price of the fills, on the last fill's date
 * (allocate-fills.ts) — and the rest is cancelled. The order becomes
 * `cancelled` and its proposals settle (fills-common.ts) as cancelled, since they were not
 * carried out as approved. One transaction, audit-logged.
 */
import { eq } from 'drizzle-orm';
import { exact, type Exact } from '../tax/index.js';
import { bookAllocations } from './allocate-fills.js';
import { fillParts } from './fill-parts.js';
import {
  allocationsOf,
  lockOpenOrder,
  lotSizeOf,
  refusalOf,
  settleProposals,
  type Booking,
  type OrderOutcome,
} from './fills-common.js';
import type { Db } from './open-store.js';
import { lastFillDate } from './order-fills.js';
import { auditLog, orders } from './schema/index.js';

/** Cancels an open order; its proposals become `cancelled` once none of their orders is open. */
export async function cancelOrder(
  db: Db,
  orderId: string,
  actor: string,
  note = '',
): Promise<OrderOutcome> {
  return refusalOf(orderId, () =>
    db.transaction(async (tx) => {
      const t = tx as unknown as Db;
      const order = await lockOpenOrder(t, orderId);
      const allocs = await allocationsOf(t, orderId);
      const filled = exact(order.filledQuantity);
      let bookings: Booking[] = [];
      if (filled.greaterThan(0)) {
        const shared = fillParts(
          allocs.map((a) => exact(a.quantity)),
          filled,
          await lotSizeOf(t, order.securityId),
        );
        // Every fill was checked to leave shares the allocations can share (fill-inputs.ts), and
        // each one set the average price.
        if (!shared.ok || order.fillPrice === null)
          throw new Error(`cancelOrder: the filled shares of ${orderId} cannot be booked`, {
            cause: shared.ok ? 'no average price' : shared.why,
          });
        bookings = await bookAllocations(t, {
          order,
          allocations: allocs,
          shares: shared.parts,
          price: exact(order.fillPrice),
          date: await lastFillDate(t, orderId),
        });
      }
      await t.update(orders).set({ status: 'cancelled' }).where(eq(orders.id, orderId));
      const cancelledQuantity: Exact = exact(order.quantity).minus(filled);
      await t.insert(auditLog).values({
        actor,
        action: 'order.cancel',
        entity: 'order',
        entityId: orderId,
        detail: {
          note,
          allocations: allocs.length,
          filledQuantity: filled.toFixed(),
          cancelledQuantity: cancelledQuantity.toFixed(),
          bookings,
        },
      });
      const ids = [...new Set(allocs.map((a) => a.proposalId))];
      const settled = await settleProposals(t, ids, actor, orderId);
      return {
        ok: true as const,
        orderId,
        bookings,
        proposals: settled,
        status: 'cancelled' as const,
        filledQuantity: filled.toFixed(),
        remainingQuantity: '0',
      };
    }),
  );
}
