/**
 * The columns of an order's fills table: shares, price, trade date, when and by whom booked, and
 * — only for an order with one — the broker's bust or correction that took a fill back.
 */
import type { OrderFill } from '../../api/types';
import type { Column } from '../../components/data-table/column';

/** A fill with its place in the order (fills carry no id of their own). */
export interface NumberedFill extends OrderFill {
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

const TAKEN_BACK: Column<NumberedFill> = {
  key: 'takenBack',
  header: 'Taken back by',
  value: (f) => f.takenBackBy ?? null,
};

/** The columns for `fills`: "Taken back by" only when a fill was taken back. */
export function fillColumns(fills: readonly OrderFill[]): Column<NumberedFill>[] {
  return fills.some((f) => f.takenBackBy !== undefined) ? [...COLUMNS, TAKEN_BACK] : COLUMNS;
}
