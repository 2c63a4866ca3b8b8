/**
 * Booking a broker's executions: each one a fill of its order (fills.ts) for its shares at its
 * price, in the order given, each in its own transaction and keyed by its ExecID — so a file
 * cut short by a crash books again from the start without booking anything twice.
 */
import { fillOrder, type OrderOutcome } from './fills.js';
import type { Db } from './open-store.js';

/** One execution to book (src/io reads them from CSV or FIX execution reports). */
export interface ExecutionToBook {
  orderId: string;
  execId: string;
  /** Shares, exact decimal text. */
  quantity: string;
  /** Price per share, exact decimal text. */
  price: string;
  /** The trade date, YYYY-MM-DD (default: the run's date, as for any fill). */
  date?: string;
}

/** How one execution ended. */
export type ExecutionOutcome = 'booked' | 'alreadyBooked' | 'refused';

/** The outcome of a fill, as an execution's. */
export function executionOutcome(o: OrderOutcome): ExecutionOutcome {
  return o.ok ? 'booked' : o.code === 'alreadyBooked' ? 'alreadyBooked' : 'refused';
}

/** How many executions ended each way. */
export function outcomeCounts(
  outcomes: readonly ExecutionOutcome[],
): Record<ExecutionOutcome, number> {
  const counts = { booked: 0, alreadyBooked: 0, refused: 0 };
  for (const o of outcomes) counts[o]++;
  return counts;
}

/** What happened to an execution, in a line (a refusal: why, and what to do). */
export function executionMessage(e: ExecutionToBook, o: OrderOutcome): string {
  if (!o.ok) return o.why;
  const what = `filled ${e.quantity} shares at ${e.price}`;
  if (o.status === 'open') return `${what}; ${o.remainingQuantity} shares still open`;
  const accounts = o.bookings.length === 1 ? '1 account' : `${o.bookings.length} accounts`;
  return `${what}; the order is complete, booked to ${accounts} at its average price`;
}

/**
 * Books `executions` one after another; each answer is its fill's outcome (a refusal books
 * nothing of that execution and does not stop the others). `onBooked` hears the count done.
 */
export async function bookExecutions<E extends ExecutionToBook>(
  db: Db,
  executions: readonly E[],
  actor: string,
  onBooked?: (done: number, total: number) => void,
): Promise<{ execution: E; outcome: OrderOutcome }[]> {
  const out: { execution: E; outcome: OrderOutcome }[] = [];
  for (const e of executions) {
    const outcome = await fillOrder(db, e.orderId, e.price, actor, {
      quantity: e.quantity,
      execId: e.execId,
      ...(e.date === undefined ? {} : { date: e.date }),
    });
    out.push({ execution: e, outcome });
    onBooked?.(out.length, executions.length);
  }
  return out;
}
