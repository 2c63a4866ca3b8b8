/**
 * Filling a block order. A fill books every allocation at the fill price — the lots through the
 * tax ledger (fill-ledger.ts), a `transactions` row (cash amount, realized gain for sells, the
 * trade it came from), the account's cash — marks the order filled and settles its proposals
 * (fills-common.ts). One transaction per order, audit-logged; an expected refusal is a value
 * and writes nothing.
 */
import { eq, sql } from 'drizzle-orm';
import type { LotPick } from '../domain/index.js';
import { exact, roundCents, type Exact } from '../tax/index.js';
import { bookFill, freshLotId } from './fill-ledger.js';
import {
  allocationsOf,
  lockOpenOrder,
  refusalOf,
  Refused,
  settleProposals,
  type Booking,
  type OrderOutcome,
} from './fills-common.js';
import type { Db } from './open-store.js';
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

/** The fill price, or why it is not one. */
/** The largest fill price per share the ledger accepts (the API's contract says the same). */
export const MAX_FILL_PRICE = 100_000_000;

function priceOf(price: string | number): Exact | string {
  let p: Exact;
  try {
    p = exact(price);
  } catch {
    return `price must be a number; got "${price}"`;
  }
  if (!p.isFinite() || !p.greaterThan(0)) return `price must be above 0; got "${price}"`;
  return p.lessThanOrEqualTo(MAX_FILL_PRICE)
    ? p
    : `price must be at most ${MAX_FILL_PRICE} per share; got "${price}"`;
}

/**
 * Fills an open order in full at `price` on `date` — by default the trade date its proposals
 * were made for (the run's as-of date: a book run as of today fills today, and a run as of a
 * past date books lots a later run on that date can reconcile); never before that date.
 */
export async function fillOrder(
  db: Db,
  orderId: string,
  price: string | number,
  actor: string,
  options: { date?: string } = {},
): Promise<OrderOutcome> {
  const p = priceOf(price);
  if (typeof p === 'string') return { ok: false, orderId, code: 'badPrice', why: p };
  const given = options.date;
  if (
    given !== undefined &&
    (!/^\d{4}-\d{2}-\d{2}$/.test(given) || Number.isNaN(Date.parse(`${given}T00:00:00Z`)))
  )
    return { ok: false, orderId, code: 'badDate', why: `date must be YYYY-MM-DD; got "${given}"` };
  const today = new Date().toISOString().slice(0, 10);
  if (given !== undefined && given > today)
    return {
      ok: false,
      orderId,
      code: 'badDate',
      why: `date ${given} is in the future; a fill is booked on or after its trade date, up to today (${today})`,
    };
  return refusalOf(orderId, () =>
    db.transaction(async (tx) => {
      const t = tx as unknown as Db;
      const order = await lockOpenOrder(t, orderId);
      const allocs = await allocationsOf(t, orderId);
      const latestRun = allocs.reduce((d, a) => (a.runAsOf > d ? a.runAsOf : d), '');
      const date = given ?? latestRun;
      if (date < latestRun)
        throw new Refused(
          'badDate',
          `date ${date} is before the run date ${latestRun}; a fill cannot precede its run`,
        );
      const picks = order.side === 'sell' ? await picksOf(t, orderId) : new Map();
      const bookings: Booking[] = [];
      for (const a of allocs) {
        const quantity = exact(a.quantity);
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
            : { picks: picks.get(a.tradeId) }),
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
        bookings.push({
          accountId: a.accountId,
          tradeId: a.tradeId,
          quantity: quantity.toFixed(),
          amount,
          realizedGain,
          washSaleDisallowed: booked.washSaleDisallowed.toFixed(2),
        });
      }
      await t
        .update(orders)
        .set({ status: 'filled', filledAt: new Date(), fillPrice: p.toFixed() })
        .where(eq(orders.id, orderId));
      await t.insert(auditLog).values({
        actor,
        action: 'order.fill',
        entity: 'order',
        entityId: orderId,
        detail: { price: p.toFixed(), date, quantity: order.quantity, bookings },
      });
      const ids = [...new Set(allocs.map((a) => a.proposalId))];
      const settled = await settleProposals(t, ids, actor, orderId);
      return { ok: true as const, orderId, bookings, proposals: settled };
    }),
  );
}
