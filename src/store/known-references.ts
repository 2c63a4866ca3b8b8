/**
 * The check the foreign keys of trades and lots made row by row (migrations 0006 and 0010), as
 * one query over a write's distinct ids. Each account is looked up by its key (LATERAL … LIMIT 1
 * makes that a probe per account whatever the statistics say: as a plain anti-join the planner,
 * with no statistics for rows written since the last ANALYZE, hashed every account of the book
 * for each batch). The securities table is small enough to hash.
 */
import { sql, type SQL } from 'drizzle-orm';
import { rowsOf } from './market-snapshot.js';
import type { Db } from './open-store.js';

/**
 * Throws `message(list)` when an id of `accountIds` or `securityIds` (queries yielding a column
 * `id`) names no account or security; `list` reads `account A, security S`. Call it inside the
 * writing transaction, so that a miss writes nothing.
 */
export async function assertKnownReferences(
  db: Db,
  accountIds: SQL,
  securityIds: SQL,
  message: (list: string) => string,
): Promise<void> {
  const missing = rowsOf<{ kind: string; id: string }>(
    await db.execute(sql`
      SELECT 'account' AS kind, t.id FROM (${accountIds}) t
        LEFT JOIN LATERAL (SELECT true AS found FROM accounts a WHERE a.id = t.id LIMIT 1) f
          ON true
        WHERE f.found IS NULL
      UNION ALL
      SELECT 'security' AS kind, t.id FROM (${securityIds}) t
        WHERE NOT EXISTS (SELECT 1 FROM securities s WHERE s.id = t.id)`),
  );
  if (missing.length > 0)
    throw new Error(message(missing.map((m) => `${m.kind} ${m.id}`).join(', ')));
}
