/**
 * Cancelling a block order: nothing traded, so no lot, cash or transaction changes; the order
 * becomes `cancelled` and its proposals settle (fills-common.ts). One transaction,
 * audit-logged.
 */
import { eq } from 'drizzle-orm';
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
      await lockOpenOrder(t, orderId);
      const allocs = await allocationsOf(t, orderId);
      await t.update(orders).set({ status: 'cancelled' }).where(eq(orders.id, orderId));
      await t.insert(auditLog).values({
        actor,
        action: 'order.cancel',
        entity: 'order',
        entityId: orderId,
        detail: { note, allocations: allocs.length },
      });
      const ids = [...new Set(allocs.map((a) => a.proposalId))];
      const settled = await settleProposals(t, ids, actor, orderId);
      return { ok: true as const, orderId, bookings: [], proposals: settled };
    }),
  );
}
