/** The orders table's columns. */
import type { OrderSummary } from '../../api/types';
import type { Column } from '../../components/data-table/column';
import { StatusBadge } from '../../components/status-badge';

/** Order, security, side, quantity, status, accounts, dates, fill price. */
export const ORDER_COLUMNS: Column<OrderSummary>[] = [
  { key: 'id', header: 'Order', value: (o) => o.id },
  { key: 'security', header: 'Security', value: (o) => o.securityId },
  {
    key: 'side',
    header: 'Side',
    value: (o) => o.side,
    render: (o) => <span className={`side side-${o.side}`}>{o.side}</span>,
  },
  { key: 'quantity', header: 'Shares', value: (o) => o.quantity, format: 'quantity' },
  {
    key: 'status',
    header: 'Status',
    value: (o) => o.status,
    render: (o) => <StatusBadge status={o.status} />,
  },
  { key: 'accounts', header: 'Accounts', value: (o) => o.allocationCount, format: 'count' },
  { key: 'created', header: 'Created', value: (o) => o.createdAt, format: 'dateTime' },
  { key: 'fillPrice', header: 'Fill price', value: (o) => o.fillPriceUsd, format: 'price' },
  { key: 'filled', header: 'Filled', value: (o) => o.filledAt, format: 'date' },
];

/** The columns for a status filter: open orders have no fill yet, so those columns go. */
export function orderColumns(status: string): Column<OrderSummary>[] {
  return status === 'open'
    ? ORDER_COLUMNS.filter((c) => c.key !== 'fillPrice' && c.key !== 'filled')
    : ORDER_COLUMNS;
}
