/**
 * Executions from CSV: a header with `order_id`, `exec_id`, `quantity`, `price` and optionally
 * `date` (YYYY-MM-DD), in any order; other columns (a broker's file carries more) are left
 * alone. One execution per row.
 */
import { parseCsv } from '../feed/csv.js';
import {
  fieldReader,
  idText,
  isoDate,
  positiveDecimal,
  type Execution,
  type ExecutionFile,
  type ExecutionProblem,
} from './execution.js';

/** The columns an executions file must have, and the one it may have. */
export const EXECUTION_CSV_COLUMNS = ['order_id', 'exec_id', 'quantity', 'price'] as const;
const OPTIONAL = 'date';

/** Reads executions from CSV text; a row with a problem is reported and left out. */
export function parseExecutionsCsv(text: string): ExecutionFile {
  const [header, ...rows] = parseCsv(text);
  const problems: ExecutionProblem[] = [];
  if (!header)
    return {
      executions: [],
      problems: [{ at: 'line 1', message: 'the file is empty' }],
      ignored: 0,
    };
  const names = header.cells.map((c) => c.trim().toLowerCase());
  const missing = EXECUTION_CSV_COLUMNS.filter((c) => !names.includes(c));
  if (missing.length > 0)
    return {
      executions: [],
      problems: [
        {
          at: `line ${header.line}`,
          message: `the header lacks ${missing.join(', ')}; it needs ${EXECUTION_CSV_COLUMNS.join(', ')} (and may have ${OPTIONAL})`,
        },
      ],
      ignored: 0,
    };
  const column = (name: string): number => names.indexOf(name);
  const executions: Execution[] = [];
  for (const row of rows) {
    const at = `line ${row.line}`;
    if (row.problem) {
      problems.push({ at, message: row.problem });
      continue;
    }
    const cell = (name: string): string => row.cells[column(name)] ?? '';
    const { read, ok, identify } = fieldReader(at, problems);
    const orderId = read('order_id', idText(cell('order_id'), 'order_id'));
    const execId = read('exec_id', idText(cell('exec_id'), 'exec_id'));
    identify(orderId, execId);
    const quantity = read('quantity', positiveDecimal(cell('quantity'), 'quantity'));
    const price = read('price', positiveDecimal(cell('price'), 'price'));
    const dateText = column(OPTIONAL) >= 0 ? cell(OPTIONAL).trim() : '';
    const date = dateText === '' ? undefined : read('date', isoDate(dateText));
    if (ok())
      executions.push({
        at,
        orderId,
        execId,
        quantity,
        price,
        ...(date === undefined ? {} : { date }),
      });
  }
  return { executions, problems, ignored: 0 };
}
