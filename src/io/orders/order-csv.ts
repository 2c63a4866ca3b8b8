/**
 * Orders as CSV (RFC 4180): one record per allocation, the order's fields repeated, CRLF line
 * ends, and a field quoted only when it holds a comma, a double quote or a line break.
 */
import type { ExportOrder } from './order-types.js';

/** The header record, in column order. */
export const ORDER_CSV_COLUMNS = [
  'order_id',
  'symbol',
  'side',
  'order_quantity',
  'account',
  'allocation_quantity',
  'household',
  'proposal',
  'trade',
] as const;

/** One field: quoted (inner quotes doubled) when it holds `,`, `"`, CR or LF. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * The orders as CSV text, header first, every record ending in CRLF. An order without
 * allocations still gets one record (its account columns empty), so no order goes missing.
 *
 * @example
 * ordersCsv([{ id: 'ord-1', symbol: 'VTI', side: 'buy', quantity: '3',
 *   allocations: [{ account: 'A', quantity: '3' }] }]);
 * // 'order_id,symbol,...\r\nord-1,VTI,buy,3,A,3,,,\r\n'
 */
export function ordersCsv(orders: readonly ExportOrder[]): string {
  const records: string[][] = [[...ORDER_CSV_COLUMNS]];
  for (const o of orders) {
    const head = [o.id, o.symbol, o.side, o.quantity];
    if (o.allocations.length === 0) records.push([...head, '', '', '', '', '']);
    for (const a of o.allocations)
      records.push([
        ...head,
        a.account,
        a.quantity,
        a.household ?? '',
        a.proposal ?? '',
        a.trade ?? '',
      ]);
  }
  return records.map((r) => `${r.map(csvField).join(',')}\r\n`).join('');
}
