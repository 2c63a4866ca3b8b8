/** An order's fills, oldest first (fill-columns.ts says what each row shows). */
import type { OrderFill } from '../../api/types';
import { DataTable } from '../../components/data-table/data-table';
import { fillColumns } from './fill-columns';

/** Props of {@link FillsTable}. */
export interface FillsTableProps {
  fills: readonly OrderFill[];
}

/** The fills of one order, numbered in the order they were booked. */
export function FillsTable({ fills }: FillsTableProps) {
  return (
    <DataTable
      rows={fills.map((f, i) => ({ ...f, n: i + 1 }))}
      columns={fillColumns(fills)}
      rowKey={(f) => String(f.n)}
      filterable={false}
      testId="order-fills"
    />
  );
}
