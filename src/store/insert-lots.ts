/**
 * The one way lots are written. The lots table has no foreign keys (migration 0010): checked
 * row by row, its keys to accounts and securities were about 60% of writing the 20,000-account
 * demo firm (1.8 million lots: 41-42 s with them, 15-18 s without). Instead the distinct
 * accounts and securities of the rows are probed by key in one query, in the caller's
 * transaction (known-references.ts), and an unknown one refuses the whole write. Accounts and
 * securities are never deleted.
 */
import { sql } from 'drizzle-orm';
import { arrayLiteral } from './array-literal.js';
import { insertChunked } from './chunked-insert.js';
import { assertKnownReferences } from './known-references.js';
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
  await assertKnownReferences(
    db,
    sql`SELECT unnest(${arrayLiteral([...accountIds])}::text[]) AS id`,
    sql`SELECT unnest(${arrayLiteral([...securityIds])}::text[]) AS id`,
    (list) => `lots name an unknown ${list}; add them first (nothing was written)`,
  );
}
