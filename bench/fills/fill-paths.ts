/**
 * The two ways the fills benchmark fills the same orders: one `fillOrder` call per order (the
 * measured path), and as a broker reports them — two executions per order, half and then the
 * rest, through `bookExecutions` (the peer).
 */
import { Decimal } from 'decimal.js';
import { bookExecutions, fillOrder, type Db, type ExecutionToBook } from '../../src/store/index.js';
import { exact } from '../../src/tax/index.js';
import type { OrderToFill } from './prepare-book.js';

/** One order's fill time. */
export interface OrderTime {
  orderId: string;
  securityId: string;
  side: 'buy' | 'sell';
  allocations: number;
  ms: number;
}

/** What a fill path did. */
export interface PathResult {
  seconds: number;
  orders: number;
  allocations: number;
  /** Fill calls made (one per execution). */
  fills: number;
  /** Fills refused, with why (a refusal is a failure of the benchmark). */
  refused: { orderId: string; why: string }[];
  /** Each order's time, in the order filled. */
  perOrder: OrderTime[];
}

/** What filling one order did: its fill calls and the refusals among them. */
interface OrderFilled {
  fills: number;
  refusals: string[];
}

/** Fills the orders one after another with `fill`, timing each. */
async function timeOrders(
  orders: readonly OrderToFill[],
  fill: (order: OrderToFill) => Promise<OrderFilled>,
): Promise<PathResult> {
  const refused: PathResult['refused'] = [];
  const perOrder: OrderTime[] = [];
  let fills = 0;
  const start = performance.now();
  for (const order of orders) {
    const t0 = performance.now();
    const done = await fill(order);
    perOrder.push(timeOf(order, performance.now() - t0));
    fills += done.fills;
    for (const why of done.refusals) refused.push({ orderId: order.id, why });
  }
  return {
    seconds: (performance.now() - start) / 1000,
    orders: orders.length,
    allocations: orders.reduce((n, o) => n + o.allocations, 0),
    fills,
    refused,
    perOrder,
  };
}

/** Fills every order in one `fillOrder` call at its proposals' price, on the run's date. */
export function fillEach(
  db: Db,
  orders: readonly OrderToFill[],
  actor: string,
): Promise<PathResult> {
  return timeOrders(orders, async (order) => {
    const outcome = await fillOrder(db, order.id, order.price, actor);
    return { fills: 1, refusals: outcome.ok ? [] : [outcome.why] };
  });
}

/**
 * The order's executions: half its shares (whole shares when its accounts trade whole shares,
 * else to the ledger's millionth, rounded down), then the rest; one execution when half is nothing.
 */
export function executionsOf(order: OrderToFill): ExecutionToBook[] {
  const total = exact(order.quantity);
  const halved = total.dividedBy(2);
  const half = order.allWhole ? halved.floor() : halved.toDecimalPlaces(6, Decimal.ROUND_DOWN);
  const parts = half.isZero() ? [total] : [half, total.minus(half)];
  return parts.map((q, k) => ({
    orderId: order.id,
    execId: `${order.id}-x${k + 1}`,
    quantity: q.toFixed(),
    price: order.price,
  }));
}

/** Fills every order as a broker's executions: half, then the rest, through `bookExecutions`. */
export function fillByExecutions(
  db: Db,
  orders: readonly OrderToFill[],
  actor: string,
): Promise<PathResult> {
  // The executions are made outside the timed call, as a broker's file would arrive.
  const executions = new Map(orders.map((o) => [o.id, executionsOf(o)]));
  return timeOrders(orders, async (order) => {
    const mine = executions.get(order.id)!;
    const booked = await bookExecutions(db, mine, actor);
    return {
      fills: mine.length,
      refusals: booked.flatMap(({ outcome }) => (outcome.ok ? [] : [outcome.why])),
    };
  });
}

function timeOf(order: OrderToFill, ms: number): OrderTime {
  return {
    orderId: order.id,
    securityId: order.securityId,
    side: order.side,
    allocations: order.allocations,
    ms,
  };
}
