/**
 * Cheap checks after the fills benchmark: every order it filled is `filled`, and both copies of
 * the store booked the same ledger for the orders both filled.
 */
import { inArray, ne, and, sql } from 'drizzle-orm';
import { rowsOf, schema, type Db } from '../../src/store/index.js';

/** The ledger rows the fills wrote, in figures two stores can be compared by. */
export interface LedgerFigures {
  /** Transactions booked for the orders' allocations. */
  transactions: number;
  /** Their cash, summed (exact decimal text). */
  amount: string;
  /** Their realized gains, summed (exact decimal text). */
  realizedGain: string;
  /** Every lot in the store. */
  lots: number;
  /** Every lot's shares, summed (exact decimal text). */
  lotShares: string;
  /** Proposals by status. */
  proposals: Record<string, number>;
}

/** The orders among `orderIds` that are not `filled`, with their status. */
export async function unfilledOrders(
  db: Db,
  orderIds: readonly string[],
): Promise<{ id: string; status: string }[]> {
  if (orderIds.length === 0) return [];
  return db
    .select({ id: schema.orders.id, status: schema.orders.status })
    .from(schema.orders)
    .where(and(inArray(schema.orders.id, [...orderIds]), ne(schema.orders.status, 'filled')));
}

/** The ledger figures of the orders `orderIds` (transactions) and of the whole store (lots). */
export async function ledgerFigures(db: Db, orderIds: readonly string[]): Promise<LedgerFigures> {
  const ids = sql.join(
    orderIds.map((id) => sql`${id}`),
    sql`, `,
  );
  const [booked] = rowsOf<{ n: number; amount: string | null; gain: string | null }>(
    await db.execute(sql`
      SELECT count(*)::int AS n, sum(t.amount)::text AS amount, sum(t.realized_gain)::text AS gain
      FROM transactions t
      JOIN order_allocations oa ON oa.trade_id = t.trade_id
      WHERE oa.order_id IN (${ids})`),
  );
  const [lots] = rowsOf<{ n: number; shares: string | null }>(
    await db.execute(sql`SELECT count(*)::int AS n, sum(quantity)::text AS shares FROM lots`),
  );
  const statuses = rowsOf<{ status: string; n: number }>(
    await db.execute(sql`SELECT status, count(*)::int AS n FROM proposals GROUP BY status`),
  );
  return {
    transactions: booked?.n ?? 0,
    amount: booked?.amount ?? '0',
    realizedGain: booked?.gain ?? '0',
    lots: lots?.n ?? 0,
    lotShares: lots?.shares ?? '0',
    proposals: Object.fromEntries(statuses.map((s) => [s.status, s.n])),
  };
}

/**
 * Where two stores' figures differ, as lines (none: the same). The store-wide lot figures and
 * proposal counts are compared only when both stores filled every order (`whole`).
 */
export function ledgerDifferences(a: LedgerFigures, b: LedgerFigures, whole: boolean): string[] {
  const keys: (keyof LedgerFigures)[] = ['transactions', 'amount', 'realizedGain'];
  if (whole) keys.push('lots', 'lotShares', 'proposals');
  return keys
    .filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]))
    .map((k) => `${k}: ${JSON.stringify(a[k])} vs ${JSON.stringify(b[k])}`);
}
