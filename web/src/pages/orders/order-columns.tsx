/** The orders table's columns. */
import type { OrderSummary } from '../../api/types';
import type { Column } from '../../components/data-table/column';
import { StatusBadge } from '../../components/status-badge';
import { filledOf, hasFill } from './fill-shares';

/** Order, security, side, quantity, filled, status, accounts, dates, fill price. */
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
    // Beside the shares, so a partly filled open order stands out in the open list.
    key: 'filledShares',
    header: 'Filled',
    title: 'Shares filled of the order’s shares (an open order with some is partly filled)',
    value: (o) => (hasFill(o) ? o.filledQuantity : null),
    align: 'right',
    render: (o) => <span data-testid={`order-filled-${o.id}`}>{filledOf(o) ?? '—'}</span>,
  },
  {
    key: 'status',
    header: 'Status',
    value: (o) => o.status,
    render: (o) => <StatusBadge status={o.status} />,
  },
  { key: 'accounts', header: 'Accounts', value: (o) => o.allocationCount, format: 'count' },
  { key: 'created', header: 'Created', value: (o) => o.createdAt, format: 'dateTime' },
  {
    key: 'fillPrice',
    header: 'Fill price',
    title: 'The average price of its fills, weighted by their shares',
    value: (o) => o.fillPriceUsd,
    format: 'price',
  },
  {
    key: 'filled',
    header: 'Last fill',
    title: 'When the last fill was booked',
    value: (o) => o.filledAt,
    format: 'date',
  },
];

/** The columns that only say something once an order has a fill. */
const FILL_KEYS: ReadonlySet<string> = new Set(['filledShares', 'fillPrice', 'filled']);

/**
 * The columns for a status filter and the orders listed: open orders are mostly unfilled, so
 * the fill columns go from the open list unless one of its orders is partly filled.
 */
export function orderColumns(
  status: string,
  orders: readonly OrderSummary[] | undefined,
): Column<OrderSummary>[] {
  return status === 'open' && !(orders ?? []).some(hasFill)
    ? ORDER_COLUMNS.filter((c) => !FILL_KEYS.has(c.key))
    : ORDER_COLUMNS;
}
