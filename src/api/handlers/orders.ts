/**
 * `/v1/orders`: block orders — a page of them, one with its allocations, creating them from the
 * approved proposals, exporting the open ones (CSV or FIX 4.4), filling and cancelling.
 */
import type { z } from 'zod';
import { exportOrderFrom, ordersCsv, newOrderSingles } from '../../io/index.js';
import {
  cancelOrder,
  createBlockOrders,
  fillOrder,
  getOrder,
  listOrderPage,
  listOrders,
  unfilledPart,
  type BlockOrder,
  type OrderOutcome as StoreOutcome,
} from '../../store/index.js';
import type {
  FillRequest,
  OrderDetail,
  OrderExportQuerySchema,
  OrderListQuerySchema,
  OrderOutcome,
  OrderSummary,
} from '../contract/index.js';
import { conflict, invalid, notFound, ok, type Reply } from '../reply.js';
import { caller, type RouteContext } from '../route-types.js';

const summaryOf = (o: BlockOrder): OrderSummary => ({
  id: o.id,
  securityId: o.securityId,
  side: o.side,
  quantity: Number(o.quantity),
  status: o.status,
  createdAt: o.createdAt.toISOString(),
  filledAt: o.filledAt?.toISOString() ?? null,
  fillPriceUsd: o.fillPrice === null ? null : Number(o.fillPrice),
  allocationCount: o.allocations.length,
  filledQuantity: Number(o.filledQuantity),
});

/** `GET /v1/orders`. */
export async function listOrdersHandler(
  ctx: RouteContext<z.output<typeof OrderListQuerySchema>, undefined>,
): Promise<Reply> {
  const page = await listOrderPage(ctx.state.store.db, ctx.query);
  const items: OrderSummary[] = page.items.map((o) => ({
    ...o,
    createdAt: o.createdAt.toISOString(),
    filledAt: o.filledAt?.toISOString() ?? null,
  }));
  return ok({ items, total: page.total });
}

/** `GET /v1/orders/:id` with every allocation. */
export async function orderHandler(ctx: RouteContext<undefined, undefined>): Promise<Reply> {
  const id = ctx.params['id']!;
  const o = await getOrder(ctx.state.store.db, id);
  if (!o) return notFound('order', id);
  const detail: OrderDetail = {
    ...summaryOf(o),
    allocations: o.allocations.map((a) => ({
      ...a,
      quantity: Number(a.quantity),
      filledQuantity: Number(a.filledQuantity),
    })),
    fills: o.fills.map((f) => ({
      quantity: Number(f.quantity),
      priceUsd: Number(f.price),
      date: f.date,
      filledAt: f.filledAt.toISOString(),
      filledBy: f.actor,
      ...(f.undoneBy === undefined ? {} : { takenBackBy: f.undoneBy }),
    })),
  };
  return ok(detail);
}

/** `POST /v1/orders`: 201 with the orders, 200 when nothing was approved. */
export async function createOrdersHandler(ctx: RouteContext<undefined, undefined>): Promise<Reply> {
  const made = await createBlockOrders(ctx.state.store.db, caller(ctx).username);
  return ok(
    { orders: made.orders.map(summaryOf), proposalIds: made.proposalIds },
    made.orders.length ? 201 : 200,
  );
}

/** `GET /v1/orders/export`: the open orders as CSV or FIX (as `tailor export-orders`). */
export async function exportOrdersHandler(
  ctx: RouteContext<z.output<typeof OrderExportQuerySchema>, undefined>,
): Promise<Reply> {
  const q = ctx.query;
  if (q.format === 'csv' && (q.sender ?? q.target ?? q.seq) !== undefined)
    return invalid([
      {
        path: ['query', 'format'],
        code: 'fix_only',
        message: 'sender, target and seq apply to format=fix only',
      },
    ]);
  const orders = (await listOrders(ctx.state.store.db, { status: 'open' })).map((o) =>
    exportOrderFrom(unfilledPart(o)),
  );
  if (q.format === 'csv')
    return new Response(ordersCsv(orders), {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': 'attachment; filename="orders.csv"',
      },
    });
  const fix = newOrderSingles(orders, {
    senderCompId: q.sender ?? 'TAILOR',
    targetCompId: q.target ?? 'BROKER',
    firstSeqNum: q.seq ?? 1,
    display: false,
  });
  if (!fix.ok) return conflict(`cannot write FIX: ${fix.why}`, 'fix');
  return new Response(fix.messages.map((m) => `${m}\n`).join(''), {
    headers: {
      'content-type': 'text/plain; charset=utf-8',
      'content-disposition': 'attachment; filename="orders.fix"',
    },
  });
}

/** A fill's or cancel's answer: 200, 404, 400 for a bad price, date or quantity, else 409. */
function outcomeReply(r: StoreOutcome): Reply {
  if (r.ok) {
    const out: OrderOutcome = {
      orderId: r.orderId,
      bookings: r.bookings.map((b) => ({
        accountId: b.accountId,
        tradeId: b.tradeId,
        quantity: Number(b.quantity),
        amountUsd: Number(b.amount),
        realizedGainUsd: b.realizedGain === null ? null : Number(b.realizedGain),
        washSaleDisallowedUsd: Number(b.washSaleDisallowed),
      })),
      proposals: r.proposals,
      status: r.status,
      filledQuantity: Number(r.filledQuantity),
      remainingQuantity: Number(r.remainingQuantity),
    };
    return ok(out);
  }
  if (r.code === 'notFound') return notFound('order', r.orderId);
  if (r.code === 'badPrice')
    return invalid([{ path: ['price'], code: 'bad_price', message: r.why }]);
  if (r.code === 'badDate') return invalid([{ path: ['date'], code: 'bad_date', message: r.why }]);
  if (r.code === 'badQuantity')
    return invalid([{ path: ['quantity'], code: 'bad_quantity', message: r.why }]);
  return conflict(r.why, r.code);
}

/** `POST /v1/orders/:id/fill`. */
export async function fillHandler(ctx: RouteContext<undefined, FillRequest>): Promise<Reply> {
  const b = ctx.body;
  return outcomeReply(
    await fillOrder(ctx.state.store.db, ctx.params['id']!, b.price, caller(ctx).username, {
      ...(b.date ? { date: b.date } : {}),
      ...(b.quantity === undefined ? {} : { quantity: b.quantity }),
      ...(b.execId === undefined ? {} : { execId: b.execId }),
    }),
  );
}

/** `POST /v1/orders/:id/cancel`. */
export async function cancelHandler(
  ctx: RouteContext<undefined, { note: string }>,
): Promise<Reply> {
  return outcomeReply(
    await cancelOrder(ctx.state.store.db, ctx.params['id']!, caller(ctx).username, ctx.body.note),
  );
}
