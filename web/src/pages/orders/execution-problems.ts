/**
 * The lines of an executions file a trader has to chase: those that could not be read and the
 * executions the server refused, together in file order, so the table after an import reads
 * top to bottom like the broker's file.
 */
import type { ExecutionProblem, ExecutionResult, ExecutionsOutcome } from '../../api/types';

/** One row of the problems table. */
export interface ExecutionProblemRow {
  /** Where in the file (`line 4`, `message 2`), with the column or tag to blame when known. */
  at: string;
  /** The order and execution named, when the line could be read that far. */
  orderId: string | null;
  execId: string | null;
  message: string;
}

/** The number in `line 4` / `message 2`; what names none goes last. */
const position = (at: string): number => Number(/(\d+)\s*$/.exec(at)?.[1] ?? Infinity);

const fromProblem = (p: ExecutionProblem): ExecutionProblemRow => ({
  at: p.field === undefined ? p.at : `${p.at} (${p.field})`,
  orderId: p.orderId ?? null,
  execId: p.execId ?? null,
  message: p.message,
});

const fromRefusal = (r: ExecutionResult): ExecutionProblemRow => ({
  at: r.at,
  orderId: r.orderId,
  execId: r.execId,
  message: r.message,
});

/**
 * Unreadable lines and refused executions in file order; booked and already-booked executions
 * need no chasing and are left out. Empty when the whole file went through.
 */
export function executionProblemRows(o: ExecutionsOutcome): ExecutionProblemRow[] {
  const placed = [
    ...o.problems.map((p) => ({ n: position(p.at), row: fromProblem(p) })),
    ...o.results
      .filter((r) => r.outcome === 'refused')
      .map((r) => ({ n: position(r.at), row: fromRefusal(r) })),
  ];
  // Stable, so two problems of one line keep the server's order; the equality test keeps two
  // unnumbered rows (Infinity − Infinity is NaN) from confusing the sort.
  return placed.sort((a, b) => (a.n === b.n ? 0 : a.n - b.n)).map((p) => p.row);
}
