/**
 * The lots of many accounts in one query, one row per account. A run reads every lot of the
 * book (≈ 190,000 for the 2,000-account demo firm); read as one row per lot, the embedded
 * store's protocol decoder copies each of the 1.1 million fields into a buffer of its own, and
 * that read took 3.1 of the 4.0 s the run spent building requests. Aggregated per account in the
 * database, the same lots arrive as a few fields per account.
 *
 * Each column comes as its own array (`array_agg`), which both drivers parse with their array
 * quoting, so no id can break the framing. Building a JSON array per lot instead
 * (`json_agg(json_build_array(…))`) cost the embedded store 2.5× as long (720 against 290 ms
 * for the 2,000-account book's 188,872 lots): PostgreSQL's JSON builders, and `to_char` for the
 * date, were most of the read.
 *
 * Quantities and cost bases stay exact decimal strings (numeric::text); a date travels as its
 * day number (days since 1970-01-01, the tax calendar's `Day`) and is written back by the
 * calendar's memoised `toIso`, so neither the session's DateStyle nor the machine's time zone can
 * change it, and each of the few thousand distinct dates is formatted once.
 */
import { sql } from 'drizzle-orm';
import { toIso } from '../tax/index.js';
import { rowsOf } from './market-snapshot.js';
import type { Db } from './open-store.js';

/** One lot as a request needs it; decimals as the store's exact strings. */
export interface StoredLot {
  id: string;
  securityId: string;
  quantity: string;
  costBasis: string;
  acquired: string;
}

/** One row of the query: an account's lots, column by column. */
interface LotColumns {
  account_id: string;
  ids: string[];
  securities: string[];
  quantities: string[];
  cost_bases: string[];
  days: number[];
}

const byId = (a: StoredLot, b: StoredLot): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Lots per account id, each account's lots in id order (code-unit order, as elsewhere). */
export async function lotsByAccount(
  db: Db,
  accountIds: readonly string[],
): Promise<Map<string, StoredLot[]>> {
  const out = new Map<string, StoredLot[]>();
  if (accountIds.length === 0) return out;
  const rows = rowsOf<LotColumns>(
    await db.execute(sql`
      SELECT account_id,
             array_agg(id) AS ids,
             array_agg(security_id) AS securities,
             array_agg(quantity::text) AS quantities,
             array_agg(cost_basis::text) AS cost_bases,
             array_agg(acquired - DATE '1970-01-01') AS days
      FROM lots
      WHERE account_id IN (${sql.join(
        accountIds.map((id) => sql`${id}`),
        sql`, `,
      )})
      GROUP BY account_id`),
  );
  for (const row of rows) {
    const lots: StoredLot[] = [];
    for (let i = 0; i < row.ids.length; i++) {
      lots.push({
        id: row.ids[i]!,
        securityId: row.securities[i]!,
        quantity: row.quantities[i]!,
        costBasis: row.cost_bases[i]!,
        acquired: toIso(row.days[i]!),
      });
    }
    out.set(row.account_id, lots.sort(byId));
  }
  return out;
}
