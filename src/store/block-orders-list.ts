/**
 * Reading block orders back with their allocations and fills (for `tailor orders list`, the
 * exports and fills).
 */
import { and, asc, eq, inArray, type SQL } from 'drizzle-orm';
import { exact } from '../tax/index.js';
import { fillParts } from './fill-parts.js';
import type { BlockAllocation, BlockFill, BlockOrder } from './block-orders.js';
import type { Db } from './open-store.js';
import {
  orderAllocations,
  orderFills,
  orders,
  proposals,
  securities,
  trades,
  type OrderStatus,
} from './schema/index.js';

/** Which orders {@link listOrders} reads. */
export interface OrderFilter {
  /** Default `open`; `all` for every status. */
  status?: OrderStatus | 'all';
  ids?: readonly string[];
}

/** Orders with their allocations (by account) and fills (oldest first), oldest first. */
export async function listOrders(db: Db, filter: OrderFilter = {}): Promise<BlockOrder[]> {
  const where: SQL[] = [];
  const status = filter.status ?? 'open';
  if (status !== 'all') where.push(eq(orders.status, status));
  if (filter.ids) where.push(inArray(orders.id, [...filter.ids, '']));
  const matching = where.length ? and(...where) : undefined;
  const rows = await db
    .select({ order: orders, lotSize: securities.lotSize })
    .from(orders)
    .leftJoin(securities, eq(securities.id, orders.securityId))
    .where(matching)
    .orderBy(asc(orders.createdAt), asc(orders.securityId), asc(orders.side), asc(orders.id));
  if (rows.length === 0) return [];
  // The same filter again, as a join: no list of order ids to bind, however many there are.
  const allocs = await db
    .select({
      orderId: orderAllocations.orderId,
      tradeId: orderAllocations.tradeId,
      accountId: orderAllocations.accountId,
      quantity: orderAllocations.quantity,
      filledQuantity: orderAllocations.filledQuantity,
      proposalId: trades.proposalId,
      householdId: proposals.householdId,
    })
    .from(orderAllocations)
    .innerJoin(orders, eq(orders.id, orderAllocations.orderId))
    .innerJoin(trades, eq(trades.id, orderAllocations.tradeId))
    .innerJoin(proposals, eq(proposals.id, trades.proposalId))
    .where(matching)
    .orderBy(asc(orderAllocations.accountId), asc(orderAllocations.tradeId));
  const byOrder = new Map<string, BlockAllocation[]>(rows.map((r) => [r.order.id, []]));
  for (const a of allocs)
    byOrder.get(a.orderId)?.push({
      tradeId: a.tradeId,
      proposalId: a.proposalId,
      householdId: a.householdId,
      accountId: a.accountId,
      quantity: exact(a.quantity).toFixed(),
      filledQuantity: exact(a.filledQuantity).toFixed(),
    });
  const fills = await db
    .select({ fill: orderFills })
    .from(orderFills)
    .innerJoin(orders, eq(orders.id, orderFills.orderId))
    .where(matching)
    .orderBy(asc(orderFills.orderId), asc(orderFills.seq));
  const fillsOf = new Map<string, BlockFill[]>(rows.map((r) => [r.order.id, []]));
  for (const { fill: f } of fills)
    fillsOf.get(f.orderId)?.push({
      quantity: exact(f.quantity).toFixed(),
      price: exact(f.price).toFixed(),
      date: f.date,
      filledAt: f.filledAt,
      actor: f.actor,
      ...(f.undoneBy === null ? {} : { undoneBy: f.undoneBy }),
    });
  return rows.map(({ order: r, lotSize }) => ({
    ...r,
    quantity: exact(r.quantity).toFixed(),
    fillPrice: r.fillPrice === null ? null : exact(r.fillPrice).toFixed(),
    filledQuantity: exact(r.filledQuantity).toFixed(),
    ...(lotSize === null ? {} : { lotSize: exact(lotSize).toFixed() }),
    allocations: byOrder.get(r.id)!,
    fills: fillsOf.get(r.id)!,
  }));
}

/** One order with its allocations, or undefined. */
export async function getOrder(db: Db, id: string): Promise<BlockOrder | undefined> {
  return (await listOrders(db, { status: 'all', ids: [id] }))[0];
}

/**
 * What an order still needs: its quantity less what filled, and each allocation's less its part
 * of the filled shares (the pro-rata part it books should the rest be cancelled; fill-parts.ts),
 * allocations already complete left out — what the exports send for an open order, so that a
 * partly filled order is not sent for its filled shares again.
 */
export function unfilledPart(o: BlockOrder): BlockOrder {
  const filled = exact(o.filledQuantity);
  const quantities = o.allocations.map((a) => exact(a.quantity));
  const lotSize = o.lotSize === undefined ? undefined : exact(o.lotSize);
  const shared = filled.isZero() ? undefined : fillParts(quantities, filled, lotSize);
  if (shared && !shared.ok)
    throw new Error(`unfilledPart: the filled shares of ${o.id} cannot be shared`, {
      cause: shared.why,
    });
  const rest = quantities.map((q, i) => (shared?.ok ? q.minus(shared.parts[i]!) : q));
  return {
    ...o,
    quantity: exact(o.quantity).minus(filled).toFixed(),
    filledQuantity: '0',
    allocations: o.allocations.flatMap((a, i) =>
      rest[i]!.greaterThan(0) ? [{ ...a, quantity: rest[i]!.toFixed(), filledQuantity: '0' }] : [],
    ),
  };
}
