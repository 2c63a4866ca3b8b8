/**
 * What the lifecycle commands (proposals, approve, orders, export-orders, fill) share: a store
 * opened for one command and closed after it, and the order table people read.
 */
import type { BlockOrder, Db } from '../../store/index.js';
import { formatTable } from '../format-table.js';

/** Opens the store ($TAILOR_HOME or DATABASE_URL), runs `work`, and closes it whatever happens. */
export async function withStore<T>(work: (db: Db) => Promise<T>): Promise<T> {
  const { openStore } = await import('../../store/index.js');
  const store = await openStore();
  try {
    return await work(store.db);
  } finally {
    await store.close();
  }
}

/** The default actor of the audit log: the login name. */
export const defaultActor = (): string => process.env.USER ?? 'tailor';

/** Orders as a table: one line per order, with its shares filled and how many accounts it is allocated to. */
export function ordersTable(orders: readonly BlockOrder[]): string {
  return formatTable(
    [
      { heading: 'order' },
      { heading: 'security' },
      { heading: 'side' },
      { heading: 'quantity', numeric: true },
      { heading: 'filled', numeric: true },
      { heading: 'accounts', numeric: true },
      { heading: 'status' },
      { heading: 'fill price', numeric: true },
    ],
    orders.map((o) => [
      o.id,
      o.securityId,
      o.side,
      o.quantity,
      o.filledQuantity,
      String(o.allocations.length),
      o.status,
      o.fillPrice ?? '',
    ]),
  );
}
