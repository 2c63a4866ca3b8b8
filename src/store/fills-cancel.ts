/**
 * Cancelling a block order, or the rest of one partly filled: what filled stays booked, nothing
 * more trades, so no lot, cash or transaction changes; the order becomes `cancelled` and its
 * proposals settle (fills-common.ts) — as cancelled, since they were not carried out as
 * approved. One transaction, audit-logged.
 */
import { eq } from 'drizzle-orm';
import { exact } from '../tax/index.js';
import {
  allocationsOf,
  lockOpenOrder,
  refusalOf,
  settleProposals,
  type OrderOutcome,
} from './fills-common.js';
import type { Db } from './open-store.js';
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
      await t.update(orders).set({ status: 'cancelled' }).where(eq(orders.id, orderId));
      const filledQuantity = exact(order.filledQuantity).toFixed();
      const cancelledQuantity = exact(order.quantity).minus(order.filledQuantity).toFixed();
      await t.insert(auditLog).values({
        actor,
        action: 'order.cancel',
        entity: 'order',
        entityId: orderId,
        detail: { note, allocations: allocs.length, filledQuantity, cancelledQuantity },
      });
      const ids = [...new Set(allocs.map((a) => a.proposalId))];
      const settled = await settleProposals(t, ids, actor, orderId);
      return {
        ok: true as const,
        orderId,
        bookings: [],
        proposals: settled,
        status: 'cancelled' as const,
        filledQuantity,
        remainingQuantity: '0',
      };
    }),
  );
}
