/** An order's fills, oldest first: shares, price, trade date, when and by whom booked. */
import type { OrderFill } from '../../api/types';
import type { Column } from '../../components/data-table/column';
import { DataTable } from '../../components/data-table/data-table';

/** A fill with its place in the order (fills carry no id of their own). */
interface NumberedFill extends OrderFill {
  n: number;
}

const COLUMNS: Column<NumberedFill>[] = [
  { key: 'n', header: '#', value: (f) => f.n, format: 'count' },
  { key: 'quantity', header: 'Shares', value: (f) => f.quantity, format: 'quantity' },
  { key: 'price', header: 'Price', value: (f) => f.priceUsd, format: 'price' },
  { key: 'date', header: 'Trade date', value: (f) => f.date, format: 'date' },
  { key: 'filledAt', header: 'Booked at', value: (f) => f.filledAt, format: 'dateTime' },
  { key: 'filledBy', header: 'By', value: (f) => f.filledBy },
];

/** Props of {@link FillsTable}. */
export interface FillsTableProps {
  fills: readonly OrderFill[];
}

/** The fills of one order, numbered in the order they were booked. */
export function FillsTable({ fills }: FillsTableProps) {
  return (
    <DataTable
      rows={fills.map((f, i) => ({ ...f, n: i + 1 }))}
      columns={COLUMNS}
      rowKey={(f) => String(f.n)}
      filterable={false}
      testId="order-fills"
    />
  );
}
