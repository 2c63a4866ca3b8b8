/**
 * What fills and cancels share: the outcome type, locking an open order, reading its
 * allocations and its security's lot size, and settling its proposals once none of their
 * orders is open.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { exact, type Exact } from '../tax/index.js';
import { rowsOf } from './market-snapshot.js';
import type { Db } from './open-store.js';
import {
  auditLog,
  orderAllocations,
  orders,
  proposals,
  runs,
  securities,
  trades,
} from './schema/index.js';

/** One account's booking of a fill. */
export interface Booking {
  accountId: string;
  tradeId: string;
  quantity: string;
  /** Cash effect: − for a buy, + for a sell: quantity × price to the cent (half up). */
  amount: string;
  /** Sells: realized gain to the cent (negative: a loss); buys: null. */
  realizedGain: string | null;
  /** The loss the wash-sale rule disallowed (0 for none). */
  washSaleDisallowed: string;
}

/** Why a fill or cancel was refused. */
export type OrderRefusal =
  'notFound' | 'notOpen' | 'badPrice' | 'badDate' | 'badQuantity' | 'alreadyBooked' | 'ledger';

/** A proposal an order settled, and its new status. */
export interface Settled {
  id: string;
  status: 'filled' | 'cancelled';
}

/**
 * The outcome of a fill or cancel: done, with the order's status and shares after it (a partial
 * fill leaves it `open` with shares remaining; a cancel leaves none), or refused (nothing
 * written) with what to do.
 */
export type OrderOutcome =
  | {
      ok: true;
      orderId: string;
      bookings: Booking[];
      proposals: Settled[];
      status: 'open' | 'filled' | 'cancelled';
      filledQuantity: string;
      remainingQuantity: string;
    }
  | { ok: false; orderId: string; code: OrderRefusal; why: string };

/** Thrown inside a transaction to roll it back with an expected refusal (see {@link refusalOf}). */
export class Refused extends Error {
  constructor(
    readonly code: OrderRefusal,
    readonly why: string,
  ) {
    super(why);
  }
}

/** Runs `work`, turning a {@link Refused} into the refusal value; anything else is a bug. */
export async function refusalOf(
  orderId: string,
  work: () => Promise<OrderOutcome>,
): Promise<OrderOutcome> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof Refused) return { ok: false, orderId, code: error.code, why: error.why };
    throw error;
  }
}

/** The order, locked until the transaction ends; refused unless it exists. */
export async function lockOrder(db: Db, orderId: string) {
  const [order] = await db.select().from(orders).where(eq(orders.id, orderId)).for('update');
  if (!order)
    throw new Refused('notFound', `no order ${orderId}; list open orders with tailor orders list`);
  return order;
}

/** The order, locked until the transaction ends; refused unless it exists and is open. */
export async function lockOpenOrder(db: Db, orderId: string) {
  return assertOpen(await lockOrder(db, orderId));
}

/** `order`, refused unless it is open. */
export function assertOpen<T extends { id: string; status: string }>(order: T): T {
  const orderId = order.id;
  if (order.status !== 'open')
    throw new Refused(
      'notOpen',
      `order ${orderId} is ${order.status}; only an open order can be filled or cancelled`,
    );
  return order;
}

/**
 * The order's allocations with their proposal, household and run date, and the shares booked
 * to each so far, by account.
 */
export async function allocationsOf(db: Db, orderId: string) {
  return db
    .select({
      tradeId: orderAllocations.tradeId,
      accountId: orderAllocations.accountId,
      quantity: orderAllocations.quantity,
      filledQuantity: orderAllocations.filledQuantity,
      proposalId: trades.proposalId,
      householdId: proposals.householdId,
      runAsOf: runs.asOf,
    })
    .from(orderAllocations)
    .innerJoin(trades, eq(trades.id, orderAllocations.tradeId))
    .innerJoin(proposals, eq(proposals.id, trades.proposalId))
    .innerJoin(runs, eq(runs.id, proposals.runId))
    .where(eq(orderAllocations.orderId, orderId))
    .orderBy(orderAllocations.accountId, orderAllocations.tradeId);
}

/**
 * Settles the `ordered` proposals among `proposalIds` whose orders are all closed: `filled`
 * when every one of them filled, else `cancelled` (a proposal only partly filled is not what
 * was approved: its household needs a new run). One audit row each, listing its orders.
 *
 * Called once for each order that closes, with the proposals holding its trades: each counts
 * one open order fewer (`proposals.open_orders`, set when it went into orders), and only those
 * left with none are read — their orders in one grouped pass from their trades (by their index)
 * to their allocations and orders, which also decides filled or cancelled. So each proposal's
 * trades are read once, when its last order closes. (A first form asked, per proposal, whether
 * any of its orders was open with a correlated subquery over every allocation: 41 of 46 s of
 * filling 120 orders of the 2,000-account demo book. The grouped pass alone, run for every
 * proposal an order touched on each fill — 15,000 trades for one ETF order of that book — was
 * 13.4 of 41.4 s of filling all its orders, bench/fills.ts.)
 */
export async function settleProposals(
  db: Db,
  proposalIds: readonly string[],
  actor: string,
  orderId: string,
): Promise<Settled[]> {
  if (proposalIds.length === 0) return [];
  const counted = await db
    .update(proposals)
    .set({ openOrders: sql`${proposals.openOrders} - 1` })
    .where(and(inArray(proposals.id, [...proposalIds]), eq(proposals.status, 'ordered')))
    .returning({ id: proposals.id, openOrders: proposals.openOrders });
  // ≤ 0, not = 0: were a count ever low, its proposal is still read (the pass below decides).
  const last = counted.filter((c) => c.openOrders <= 0).map((c) => c.id);
  if (last.length === 0) return [];
  const ids = sql.join(
    last.map((id) => sql`${id}`),
    sql`, `,
  );
  // One grouped pass decides each proposal's status and lists its orders for the audit row.
  const moved = rowsOf<{ id: string; status: string; orders: { id: string; status: string }[] }>(
    await db.execute(sql`
      WITH closed AS (
        SELECT t.proposal_id,
               bool_or(o.status = 'cancelled') AS any_cancelled,
               bool_or(o.status = 'open') AS any_open,
               jsonb_agg(DISTINCT jsonb_build_object('id', o.id, 'status', o.status)) AS orders
        FROM trades t
        JOIN order_allocations oa ON oa.trade_id = t.id
        JOIN orders o ON o.id = oa.order_id
        WHERE t.proposal_id IN (${ids})
        GROUP BY t.proposal_id)
      UPDATE proposals AS p
      SET status = CASE WHEN c.any_cancelled THEN 'cancelled' ELSE 'filled' END
      FROM closed c
      WHERE p.id = c.proposal_id AND p.status = 'ordered' AND NOT c.any_open
      RETURNING p.id, p.status, c.orders`),
  );
  if (moved.length === 0) return [];
  await db.insert(auditLog).values(
    moved.map((p) => ({
      actor,
      action: `proposal.${p.status}`,
      entity: 'proposal',
      entityId: p.id,
      detail: { orderId, orders: p.orders },
    })),
  );
  return moved.map((p) => ({ id: p.id, status: p.status === 'filled' ? 'filled' : 'cancelled' }));
}

/** The security's lot size (shares), where it sets one. */
export async function lotSizeOf(db: Db, securityId: string): Promise<Exact | undefined> {
  const [row] = await db
    .select({ lotSize: securities.lotSize })
    .from(securities)
    .where(eq(securities.id, securityId));
  return row?.lotSize == null ? undefined : exact(row.lotSize);
}
