/**
 * The one way lots are written. The lots table has no foreign keys (migration 0010): checked
 * row by row, its keys to accounts and securities were about 60% of writing the 20,000-account
 * demo firm (1.8 million lots: 41-42 s with them, 15-18 s without). Instead the distinct
 * accounts and securities of the rows are probed by key in one query, in the caller's
 * transaction, and an unknown one refuses the whole write. Accounts and securities are never
 * deleted.
 */
import { sql } from 'drizzle-orm';
import { arrayLiteral } from './array-literal.js';
import { insertChunked } from './chunked-insert.js';
import { rowsOf } from './market-snapshot.js';
import type { Db } from './open-store.js';
import { lots } from './schema/index.js';

/**
 * Inserts `rows` into lots, then checks their accounts and securities exist. Throws (so the
 * caller's transaction writes nothing) naming every unknown id. Call it inside a transaction.
 */
export async function insertLots(
  db: Db,
  rows: readonly (typeof lots.$inferInsert)[],
): Promise<void> {
  if (rows.length === 0) return;
  await insertChunked(db, lots, rows);
  const accountIds = new Set<string>();
  const securityIds = new Set<string>();
  for (const r of rows) {
    accountIds.add(r.accountId);
    securityIds.add(r.securityId);
  }
  const missing = rowsOf<{ kind: string; id: string }>(
    await db.execute(sql`
      SELECT 'account' AS kind, u.id FROM unnest(${arrayLiteral([...accountIds])}::text[]) AS u(id)
        WHERE NOT EXISTS (SELECT 1 FROM accounts a WHERE a.id = u.id)
      UNION ALL
      SELECT 'security' AS kind, u.id FROM unnest(${arrayLiteral([...securityIds])}::text[]) AS u(id)
        WHERE NOT EXISTS (SELECT 1 FROM securities s WHERE s.id = u.id)`),
  );
  if (missing.length > 0) {
    const list = missing.map((m) => `${m.kind} ${m.id}`).join(', ');
    throw new Error(`lots name an unknown ${list}; add them first (nothing was written)`);
  }
}
