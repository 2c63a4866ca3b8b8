/**
 * Exports of block orders for a broker: CSV with one record per allocation, and FIX 4.4
 * NewOrderSingle messages.
 */
export { csvField, ORDER_CSV_COLUMNS, ordersCsv } from './order-csv.js';
export {
  fixChecksum,
  fixMessage,
  newOrderSingles,
  SOH,
  utcTimestamp,
  type FixOptions,
  type FixResult,
} from './fix44.js';
export { exportOrderFrom, type StoredBlockOrder } from './export-order-from.js';
export type { ExportAllocation, ExportOrder } from './order-types.js';
export {
  isBust,
  type Execution,
  type ExecutionBust,
  type ExecutionFile,
  type ExecutionProblem,
} from './execution.js';
export { EXECUTION_CSV_COLUMNS, parseExecutionsCsv } from './executions-csv.js';
export { parseExecutionReports } from './execution-reports.js';
