/**
 * What an executions import did: the one-line summary, and — when some lines could not be read
 * or some executions were refused — a table of exactly those, so a trader knows which lines of
 * the broker's file to chase.
 */
import type { ExecutionsOutcome } from '../../api/types';
import type { Column } from '../../components/data-table/column';
import { DataTable } from '../../components/data-table/data-table';
import { Notice } from '../../components/notice';
import { describeExecutions } from './describe-executions';
import { executionProblemRows, type ExecutionProblemRow } from './execution-problems';
import type { ExecutionsFormat } from './executions-format';

/** An executions file as sent, and the server's answer to it. */
export interface ExecutionsImport {
  format: ExecutionsFormat;
  outcome: ExecutionsOutcome;
}

/** A problem row with its place in the table (two problems may share a line). */
interface NumberedRow extends ExecutionProblemRow {
  n: number;
}

const COLUMNS: Column<NumberedRow>[] = [
  { key: 'at', header: 'Where', value: (r) => r.at },
  { key: 'order', header: 'Order', value: (r) => r.orderId },
  { key: 'exec', header: 'Execution', value: (r) => r.execId },
  { key: 'message', header: 'Problem', value: (r) => r.message, wrap: true },
];

/** Props of {@link ExecutionsReport}. */
export interface ExecutionsReportProps {
  report: ExecutionsImport;
  onDismiss: () => void;
}

/** The summary line and, when there is anything to chase, the problems table. */
export function ExecutionsReport({ report, onDismiss }: ExecutionsReportProps) {
  const rows = executionProblemRows(report.outcome).map((r, n) => ({ ...r, n }));
  return (
    <div className="executions-report">
      <Notice
        tone={rows.length === 0 ? 'ok' : 'warn'}
        onDismiss={onDismiss}
        testId="executions-outcome"
      >
        {describeExecutions(report.outcome, report.format)}
      </Notice>
      {rows.length > 0 && (
        <DataTable
          rows={rows}
          columns={COLUMNS}
          rowKey={(r) => String(r.n)}
          filterable={false}
          testId="executions-problems"
        />
      )}
    </div>
  );
}
