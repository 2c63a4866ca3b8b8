/** Block orders a page at a time, newest first, each with its number of allocations. */
import { count, desc, eq, sql } from 'drizzle-orm';
import type { Db } from './open-store.js';
import { orders, type OrderStatus } from './schema/index.js';

/** A block order as the list shows it. */
export interface OrderLine {
  id: string;
  securityId: string;
  side: 'buy' | 'sell';
  quantity: number;
  status: OrderStatus;
  createdAt: Date;
  filledAt: Date | null;
  /** The average price of its fills, weighted by their shares. */
  fillPriceUsd: number | null;
  allocationCount: number;
  /** Shares filled so far. */
  filledQuantity: number;
}

/** A page of orders (of one status, or all). */
export async function listOrderPage(
  db: Db,
  q: { status?: OrderStatus; limit: number; offset: number },
): Promise<{ items: OrderLine[]; total: number }> {
  const where = q.status === undefined ? undefined : eq(orders.status, q.status);
  const rows = await db
    .select({
      order: orders,
      allocationCount: sql<number>`(SELECT count(*) FROM order_allocations oa WHERE oa.order_id = ${orders.id})::int`,
    })
    .from(orders)
    .where(where)
    .orderBy(desc(orders.createdAt), desc(orders.id))
    .limit(q.limit)
    .offset(q.offset);
  const [total] = await db.select({ n: count() }).from(orders).where(where);
  return {
    items: rows.map(({ order: o, allocationCount }) => ({
      id: o.id,
      securityId: o.securityId,
      side: o.side,
      quantity: Number(o.quantity),
      status: o.status,
      createdAt: o.createdAt,
      filledAt: o.filledAt,
      fillPriceUsd: o.fillPrice === null ? null : Number(o.fillPrice),
      allocationCount: Number(allocationCount),
      filledQuantity: Number(o.filledQuantity),
    })),
    total: total?.n ?? 0,
  };
}
