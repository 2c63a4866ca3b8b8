/**
 * Booking a broker's executions: each one a fill of its order (fills.ts) for its shares at its
 * price, in the order given, each in its own transaction and keyed by its ExecID — so a file
 * cut short by a crash books again from the start without booking anything twice. A trade bust
 * takes its execution's fill back, and a correction replaces it, while the order is open
 * (undo-execution.ts).
 */
import { fillOrder, type OrderOutcome } from './fills.js';
import type { Db } from './open-store.js';
import { undoExecution } from './undo-execution.js';

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
  /** A trade correction: the ExecID of the execution it replaces. */
  corrects?: string;
}

/** A trade bust to apply: execution `busts` of the order is taken back. */
export interface BustToBook {
  orderId: string;
  /** The bust's own ExecID. */
  execId: string;
  busts: string;
}

const isBust = (e: ExecutionToBook | BustToBook): e is BustToBook => 'busts' in e;

/** How one execution ended (`undone`: a bust took its execution back). */
export type ExecutionOutcome = 'booked' | 'undone' | 'alreadyBooked' | 'refused';

/** The outcome of a fill or bust, as an execution's. */
export function executionOutcome(
  e: ExecutionToBook | BustToBook,
  o: OrderOutcome,
): ExecutionOutcome {
  if (!o.ok) return o.code === 'alreadyBooked' ? 'alreadyBooked' : 'refused';
  return isBust(e) ? 'undone' : 'booked';
}

/** How many executions ended each way. */
export function outcomeCounts(
  outcomes: readonly ExecutionOutcome[],
): Record<ExecutionOutcome, number> {
  const counts = { booked: 0, undone: 0, alreadyBooked: 0, refused: 0 };
  for (const o of outcomes) counts[o]++;
  return counts;
}

/** What happened to an execution, in a line (a refusal: why, and what to do). */
export function executionMessage(e: ExecutionToBook | BustToBook, o: OrderOutcome): string {
  if (!o.ok) return o.why;
  const what = isBust(e)
    ? `took back execution ${e.busts} (a trade bust); ${o.filledQuantity} shares filled`
    : e.corrects !== undefined
      ? `corrected execution ${e.corrects} to ${e.quantity} shares at ${e.price}`
      : `filled ${e.quantity} shares at ${e.price}`;
  if (o.status === 'open') return `${what}; ${o.remainingQuantity} shares still open`;
  const accounts = o.bookings.length === 1 ? '1 account' : `${o.bookings.length} accounts`;
  return `${what}; the order is complete, booked to ${accounts} at its average price`;
}

/** One execution, bust or correction, in its own transaction. */
function bookOne(db: Db, e: ExecutionToBook | BustToBook, actor: string): Promise<OrderOutcome> {
  if (isBust(e))
    return undoExecution(db, { orderId: e.orderId, execId: e.execId, execRefId: e.busts }, actor);
  if (e.corrects !== undefined)
    return undoExecution(
      db,
      {
        orderId: e.orderId,
        execId: e.execId,
        execRefId: e.corrects,
        correction: {
          quantity: e.quantity,
          price: e.price,
          ...(e.date === undefined ? {} : { date: e.date }),
        },
      },
      actor,
    );
  return fillOrder(db, e.orderId, e.price, actor, {
    quantity: e.quantity,
    execId: e.execId,
    ...(e.date === undefined ? {} : { date: e.date }),
  });
}

/**
 * Books `executions` one after another; each answer is its fill's (or bust's) outcome (a
 * refusal books nothing of that execution and does not stop the others). `onBooked` hears the
 * count done.
 */
export async function bookExecutions<E extends ExecutionToBook | BustToBook>(
  db: Db,
  executions: readonly E[],
  actor: string,
  onBooked?: (done: number, total: number) => void,
): Promise<{ execution: E; outcome: OrderOutcome }[]> {
  const out: { execution: E; outcome: OrderOutcome }[] = [];
  for (const e of executions) {
    const outcome = await bookOne(db, e, actor);
    out.push({ execution: e, outcome });
    onBooked?.(out.length, executions.length);
  }
  return out;
}
