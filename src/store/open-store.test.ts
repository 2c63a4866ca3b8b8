import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from './market-snapshot.js';
import type { Store } from './open-store.js';
import { testStoreKinds } from './testing/test-stores.js';

const server = testStoreKinds().find((k) => k.name === 'postgres');

/** The server process ids of the store's connections, but the one asking. */
async function backends(store: Store): Promise<number[]> {
  const rows = rowsOf<{ pid: number }>(
    await store.db.execute(
      sql`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
    ),
  );
  return rows.map((r) => r.pid);
}

describe.skipIf(server === undefined)('a PostgreSQL store whose connections are dropped', () => {
  let store: Store;
  const warnings: string[] = [];
  const onWarning = (w: Error): void => {
    warnings.push(w.message);
  };
  beforeAll(async () => {
    store = await server!.open();
    process.on('warning', onWarning);
  });
  afterAll(async () => {
    process.off('warning', onWarning);
    await store?.close();
  });

  it('warns and goes on when the server ends an idle or a checked-out connection', async () => {
    const admin = new pg.Client({
      connectionString:
        process.env.TAILOR_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
    });
    await admin.connect();
    try {
      // Two connections in the pool: one idle, one held by a transaction across statements.
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      const transaction = store.db
        .transaction(async (tx) => {
          await tx.execute(sql`SELECT 1`);
          await held;
          await tx.execute(sql`SELECT 1`);
        })
        .catch((e: unknown) => e);
      await store.db.execute(sql`SELECT 1`);
      const pids = await backends(store);
      expect(pids.length).toBeGreaterThanOrEqual(1);
      await admin.query('SELECT pg_terminate_backend(pid) FROM unnest($1::int[]) AS pid', [pids]);
      // Let the terminations arrive: without listeners they were uncaught exceptions.
      await new Promise((resolve) => setTimeout(resolve, 200));
      release();
      // The transaction's next statement fails, to its caller, as it should.
      expect(await transaction).toBeInstanceOf(Error);
      const [row] = rowsOf<{ one: number }>(await store.db.execute(sql`SELECT 1 AS one`));
      expect(row?.one).toBe(1);
      expect(warnings.some((w) => /pooled PostgreSQL connection was lost \(57P01\)/.test(w))).toBe(
        true,
      );
      expect(warnings.join('\n')).not.toMatch(/password/);
    } finally {
      await admin.end();
    }
  });
});
