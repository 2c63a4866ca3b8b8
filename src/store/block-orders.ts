/**
 * Block orders: the trades of approved proposals, aggregated per (security, side) into one
 * order each, with an allocation back to every trade and its account. The proposals become
 * `ordered` in the same transaction, so a trade is in exactly one order.
 */
import { randomBytes } from 'node:crypto';
import { eq, inArray, sql } from 'drizzle-orm';
import { exact, sum } from '../tax/index.js';
import { insertChunked } from './chunked-insert.js';
import { chunksOf, selectInChunks } from './id-chunks.js';
import type { Db } from './open-store.js';
import { materializeTrades } from './proposal-trades.js';
import {
  auditLog,
  orderAllocations,
  orders,
  proposals,
  trades,
  type OrderStatus,
} from './schema/index.js';

/** One account's part of a block order. */
export interface BlockAllocation {
  tradeId: string;
  proposalId: string;
  householdId: string;
  accountId: string;
  /** Exact decimal shares. */
  quantity: string;
  /** Exact decimal shares booked to it so far (its parts of the order's fills). */
  filledQuantity: string;
}

/** One fill of a block order. */
export interface BlockFill {
  /** Exact decimal shares. */
  quantity: string;
  /** Exact decimal price per share. */
  price: string;
  /** The trade date, YYYY-MM-DD. */
  date: string;
  filledAt: Date;
  actor: string;
  /**
   * The ExecID of the broker's bust or correction that took it back; such a fill counts for
   * nothing (undo-execution.ts) and is listed for the record.
   */
  undoneBy?: string;
}

/** A block order and its allocations (quantities are exact decimal strings summing exactly). */
export interface BlockOrder {
  id: string;
  securityId: string;
  side: 'buy' | 'sell';
  quantity: string;
  status: OrderStatus;
  createdAt: Date;
  /** When the last fill was booked. */
  filledAt: Date | null;
  /** The average price of its fills, weighted by their shares. */
  fillPrice: string | null;
  /** Exact decimal shares filled so far (0 … quantity). */
  filledQuantity: string;
  /**
   * The security's tradable increment in shares, where it sets one (read back by
   * `listOrders`): a partly filled order's filled shares are shared among its allocations in
   * such lots (fill-parts.ts).
   */
  lotSize?: string;
  allocations: BlockAllocation[];
  /** Its fills, oldest first, those a broker's bust or correction took back marked `undoneBy`. */
  fills: BlockFill[];
}

/** What {@link createBlockOrders} did: the orders written and the proposals now `ordered`. */
export interface BlockOrderResult {
  orders: BlockOrder[];
  proposalIds: string[];
}

/** A fresh order id, short enough to type and to send as a FIX ClOrdID. */
function orderId(): string {
  return `ord-${randomBytes(6).toString('hex')}`;
}

type TradeRow = typeof trades.$inferSelect;

/** One order per (security, side) of `rows`, allocated back to each trade (in `rows` order). */
function aggregate(rows: readonly TradeRow[], householdOf: ReadonlyMap<string, string>) {
  const groups = new Map<string, TradeRow[]>();
  for (const r of rows) {
    const key = `${r.securityId}\u0000${r.side}`;
    const group = groups.get(key);
    if (group) group.push(r);
    else groups.set(key, [r]);
  }
  const createdAt = new Date();
  return [...groups.values()].map((group): BlockOrder => ({
    id: orderId(),
    securityId: group[0]!.securityId,
    side: group[0]!.side,
    // Exact decimals: the allocations sum to the order quantity to the last digit.
    quantity: sum(group.map((t) => exact(t.quantity))).toFixed(),
    status: 'open',
    createdAt,
    filledAt: null,
    fillPrice: null,
    filledQuantity: '0',
    allocations: group.map((t) => ({
      tradeId: t.id,
      proposalId: t.proposalId,
      householdId: householdOf.get(t.proposalId)!,
      accountId: t.accountId,
      quantity: exact(t.quantity).toFixed(),
      filledQuantity: '0',
    })),
    fills: [],
  }));
}

/**
 * Aggregates the trades of every approved proposal into block orders, one per (security, side),
 * and marks those proposals `ordered`, all in one transaction. Nothing approved: no orders.
 */
export async function createBlockOrders(db: Db, actor: string): Promise<BlockOrderResult> {
  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    // The update claims each proposal once: a concurrent call waits on the row lock, then
    // finds it no longer approved and skips it. So a trade lands in exactly one order.
    const claimed = await t
      .update(proposals)
      .set({ status: 'ordered' })
      .where(eq(proposals.status, 'approved'))
      .returning({ id: proposals.id, householdId: proposals.householdId });
    if (claimed.length === 0) return { orders: [], proposalIds: [] };
    const householdOf = new Map(claimed.map((c) => [c.id, c.householdId]));
    // The claimed proposals' trades become rows here, the first time anything names them.
    await materializeTrades(t, [...householdOf.keys()]);
    const rows: TradeRow[] = await selectInChunks([...householdOf.keys()], (ids) =>
      t.select().from(trades).where(inArray(trades.proposalId, ids)),
    );
    rows.sort(
      (x, y) =>
        cmp(x.securityId, y.securityId) ||
        cmp(x.side, y.side) ||
        cmp(x.accountId, y.accountId) ||
        cmp(x.id, y.id),
    );
    for (const ids of chunksOf(rows.map((r) => r.id))) {
      const already = await t
        .select({ tradeId: orderAllocations.tradeId })
        .from(orderAllocations)
        .where(inArray(orderAllocations.tradeId, ids));
      // Only an approved proposal is claimed, and claiming is once: this is a bug if it happens.
      if (already.length > 0)
        throw new Error(`trades already in an order: ${already.map((a) => a.tradeId).join(', ')}`);
    }
    const written = aggregate(rows, householdOf);
    await insertChunked(
      t,
      orders,
      written.map((o) => ({
        id: o.id,
        securityId: o.securityId,
        side: o.side,
        quantity: o.quantity,
        status: o.status,
        createdAt: o.createdAt,
      })),
    );
    await insertChunked(
      t,
      orderAllocations,
      written.flatMap((o) =>
        o.allocations.map((a) => ({
          orderId: o.id,
          tradeId: a.tradeId,
          accountId: a.accountId,
          quantity: a.quantity,
        })),
      ),
    );
    const ordersOf = new Map<string, Set<string>>(claimed.map((c) => [c.id, new Set()]));
    for (const o of written) for (const a of o.allocations) ordersOf.get(a.proposalId)!.add(o.id);
    await countOpenOrders(t, ordersOf);
    await insertChunked(t, auditLog, [
      ...written.map((o) => ({
        actor,
        action: 'order.create',
        entity: 'order',
        entityId: o.id,
        detail: {
          security: o.securityId,
          side: o.side,
          quantity: o.quantity,
          allocations: o.allocations.length,
        },
      })),
      ...claimed.map((c) => ({
        actor,
        action: 'proposal.ordered',
        entity: 'proposal',
        entityId: c.id,
        detail: { orders: [...ordersOf.get(c.id)!] },
      })),
    ]);
    return { orders: written, proposalIds: claimed.map((c) => c.id) };
  });
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Sets each ordered proposal's count of open orders (all of its orders, just created). */
async function countOpenOrders(db: Db, ordersOf: ReadonlyMap<string, ReadonlySet<string>>) {
  for (const ids of chunksOf([...ordersOf.keys()])) {
    const rows = sql.join(
      ids.map((id) => sql`(${id}, ${ordersOf.get(id)!.size}::integer)`),
      sql`, `,
    );
    await db.execute(sql`
      UPDATE proposals AS p SET open_orders = v.n
      FROM (VALUES ${rows}) AS v(id, n)
      WHERE p.id = v.id`);
  }
}
