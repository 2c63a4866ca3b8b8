/**
 * `POST /v1/orders/executions`: a broker's executions (a CSV file or FIX execution reports)
 * booked as fills, each keyed by its ExecID so that a file sent twice books once; a trade bust or
 * correction takes back a fill of an order still open. Lines that cannot be read are listed and
 * left out; the others are booked in file order.
 */
import {
  parseExecutionReports,
  parseExecutionsCsv,
  type Execution,
  type ExecutionBust,
  type ExecutionFile,
} from '../../io/index.js';
import {
  bookExecutions,
  executionMessage,
  executionOutcome,
  outcomeCounts,
  type OrderOutcome,
} from '../../store/index.js';
import type { ExecutionResult, ExecutionsOutcome, ExecutionsRequest } from '../contract/index.js';
import { invalid, ok, type Reply } from '../reply.js';
import { caller, type RouteContext } from '../route-types.js';

/** One execution's result. */
function resultOf(e: Execution | ExecutionBust, o: OrderOutcome): ExecutionResult {
  return {
    at: e.at,
    orderId: e.orderId,
    execId: e.execId,
    outcome: executionOutcome(e, o),
    message: executionMessage(e, o),
    status: o.ok ? o.status : null,
    filledQuantity: o.ok ? Number(o.filledQuantity) : null,
    remainingQuantity: o.ok ? Number(o.remainingQuantity) : null,
  };
}

/** `POST /v1/orders/executions`: 200 with every result; 400 when nothing in the text could be read. */
export async function executionsHandler(
  ctx: RouteContext<undefined, ExecutionsRequest>,
): Promise<Reply> {
  const { format, text } = ctx.body;
  const file: ExecutionFile =
    format === 'csv' ? parseExecutionsCsv(text) : parseExecutionReports(text);
  if (file.executions.length === 0 && file.problems.length > 0)
    return invalid(
      file.problems.map((p) => ({
        path: ['text'],
        code: 'unreadable',
        message: `${p.at}: ${p.field === undefined ? '' : `${p.field}: `}${p.message}`,
      })),
    );
  const booked = await bookExecutions(ctx.state.store.db, file.executions, caller(ctx).username);
  const results = booked.map(({ execution, outcome }) => resultOf(execution, outcome));
  const out: ExecutionsOutcome = {
    ...outcomeCounts(results.map((r) => r.outcome)),
    ignored: file.ignored,
    problems: file.problems,
    results,
  };
  return ok(out);
}
