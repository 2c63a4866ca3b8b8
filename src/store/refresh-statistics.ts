/**
 * Planner statistics for the tables a run reads, refreshed after a bulk write.
 *
 * A run reads each chunk of households' accounts, lots, fills and settings by id. Without
 * statistics the planner guesses a table's size from its pages and, for `lots`, scans the whole
 * table for every chunk instead of using its (account_id, id) key: a cost that grows with the
 * book for each of its chunks. The embedded store never gathers statistics by itself (it runs
 * no autovacuum), and a server's autovacuum gets to a freshly imported table only later.
 * Measured on the 20,000-account demo book against a PostgreSQL server: the run took 77.7 s
 * straight after the import, 64.0 s after `ANALYZE`; one chunk's lots read by its key instead
 * of a scan of all 1.8 million lots.
 */
import { getTableName, sql } from 'drizzle-orm';
import type { Db } from './open-store.js';
import {
  accounts,
  accountSettings,
  households,
  lots,
  models,
  prices,
  securities,
  transactions,
} from './schema/index.js';

/** Tables whose rows a bulk import adds and a run then looks up by id. */
const RUN_TABLES = [
  securities,
  prices,
  models,
  households,
  accounts,
  lots,
  transactions,
  accountSettings,
];

/** Refreshes the planner's statistics of the tables a run reads (`ANALYZE`). */
export async function refreshStatistics(db: Db): Promise<void> {
  const names = RUN_TABLES.map((t) => `"${getTableName(t)}"`).join(', ');
  await db.execute(sql.raw(`ANALYZE ${names}`));
}
