/**
 * Filling a block order. A fill books every allocation at the fill price — the lots through the
 * tax ledger (fill-ledger.ts), a `transactions` row (cash amount, realized gain for sells, the
 * trade it came from), the account's cash — marks the order filled and settles its proposals
 * (fills-common.ts). One transaction per order, audit-logged; an expected refusal is a value
 * and writes nothing.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { LotPick } from '../domain/index.js';
import { exact, roundCents } from '../tax/index.js';
import { bookFill, freshLotId } from './fill-ledger.js';
import { dateOf, priceOf, quantityOf } from './fill-inputs.js';
import { fillParts } from './fill-parts.js';
import {
  allocationsOf,
  assertOpen,
  lockOrder,
  refusalOf,
  Refused,
  settleProposals,
  type Booking,
  type OrderOutcome,
} from './fills-common.js';
import type { Db } from './open-store.js';
import { averagePrice, recordFill, refuseBooked } from './order-fills.js';
import { pickSlice } from './pick-slice.js';
import {
  accounts,
  auditLog,
  orderAllocations,
  orders,
  proposals,
  trades,
  transactions,
} from './schema/index.js';

export {
  type Booking,
  type OrderOutcome,
  type OrderRefusal,
  type Settled,
} from './fills-common.js';
export { MAX_FILL_PRICE } from './fill-inputs.js';

/**
 * The lots each sell of the order named in its proposal, by trade id. Trade ids are
 * `<proposal>:<account>:<index of the trade in the account>`; the lookup runs in SQL so that
 * only the picks, not whole responses, leave the database.
 */
async function picksOf(db: Db, orderId: string): Promise<Map<string, LotPick[]>> {
  const rows = await db
    .select({
      tradeId: trades.id,
      lots: sql<{ lot: string; quantity: number }[] | null>`(
        SELECT a.value -> 'trades' -> (substring(${trades.id} from ':([0-9]+)$')::int) -> 'lots'
        FROM jsonb_array_elements(${proposals.response} -> 'accounts') AS a
        WHERE a.value ->> 'id' = ${trades.accountId})`,
    })
    .from(orderAllocations)
    .innerJoin(trades, eq(trades.id, orderAllocations.tradeId))
    .innerJoin(proposals, eq(proposals.id, trades.proposalId))
    .where(eq(orderAllocations.orderId, orderId));
  return new Map(
    rows.flatMap((r) =>
      Array.isArray(r.lots)
        ? [[r.tradeId, r.lots.map((l) => ({ lot: l.lot, quantity: l.quantity }))] as const]
        : [],
    ),
  );
}

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
 * fills all the order still needs; `quantity` fills part of it, shared among the allocations pro
 * rata (fill-parts.ts), each sell relieving the next of the lots its proposal named
 * (pick-slice.ts). The order stays `open` until its fills reach its quantity; its proposals
 * settle then.
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
      const shared = fillParts(
        allocs.map((a) => exact(a.quantity).minus(a.filledQuantity)),
        fillShares,
      );
      if (!shared.ok) throw new Refused('badQuantity', shared.why);
      const picks = order.side === 'sell' ? await picksOf(t, orderId) : new Map();
      const bookings: Booking[] = [];
      for (const [i, a] of allocs.entries()) {
        const quantity = shared.parts[i]!;
        if (quantity.isZero()) continue;
        const booked = await bookFill(t, {
          householdId: a.householdId,
          accountId: a.accountId,
          securityId: order.securityId,
          side: order.side,
          quantity,
          price: p,
          date,
          ...(order.side === 'buy'
            ? { lotId: await freshLotId(t, a.accountId, orderId) }
            : { picks: pickSlice(picks.get(a.tradeId), exact(a.filledQuantity), quantity) }),
        });
        if (!booked.ok) throw new Refused('ledger', booked.why);
        const gross = roundCents(quantity.times(p));
        const amount = (order.side === 'buy' ? gross.negated() : gross).toFixed(2);
        const realizedGain = booked.realizedGain?.toFixed(2) ?? null;
        const realizedLoss = booked.realizedLoss?.toFixed(2) ?? null;
        await t.insert(transactions).values({
          accountId: a.accountId,
          date,
          type: order.side,
          securityId: order.securityId,
          quantity: quantity.toFixed(),
          price: p.toFixed(),
          amount,
          realizedGain,
          realizedLoss,
          tradeId: a.tradeId,
        });
        await t
          .update(accounts)
          .set({ cash: sql`${accounts.cash} + ${amount}::numeric` })
          .where(eq(accounts.id, a.accountId));
        await t
          .update(orderAllocations)
          .set({ filledQuantity: exact(a.filledQuantity).plus(quantity).toFixed() })
          .where(
            and(eq(orderAllocations.orderId, orderId), eq(orderAllocations.tradeId, a.tradeId)),
          );
        bookings.push({
          accountId: a.accountId,
          tradeId: a.tradeId,
          quantity: quantity.toFixed(),
          amount,
          realizedGain,
          washSaleDisallowed: booked.washSaleDisallowed.toFixed(2),
        });
      }
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
      await t
        .update(orders)
        .set({
          status,
          filledAt: new Date(),
          fillPrice: await averagePrice(t, orderId),
          filledQuantity: filled.toFixed(),
        })
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
