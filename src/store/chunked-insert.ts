/**
 * Bulk inserts in chunks: PostgreSQL takes at most 65,535 bind parameters per statement, and
 * smaller statements keep the embedded store's memory flat.
 */
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from './open-store.js';

const MAX_PARAMS = 30_000;

/** Inserts `rows` into `table` in chunks sized by the number of columns per row. */
export async function insertChunked<T extends PgTable>(
  db: Db,
  table: T,
  rows: readonly T['$inferInsert'][],
): Promise<void> {
  if (rows.length === 0) return;
  const columns = Math.max(1, Object.keys(rows[0]!).length);
  const size = Math.max(1, Math.floor(MAX_PARAMS / columns));
  for (let i = 0; i < rows.length; i += size) {
    await db.insert(table).values(rows.slice(i, i + size) as T['$inferInsert'][]);
  }
}
