/**
 * The stores every store test runs against: embedded PGlite (in memory) and a real PostgreSQL
 * server — a fresh database per store, dropped on close, on the server named by
 * `TAILOR_TEST_DATABASE_URL` (default `postgres://postgres@127.0.0.1:5432/test`, as in CI).
 * `TAILOR_TEST_PG=skip` leaves the server out (on a machine without one); otherwise an
 * unreachable server fails the tests, so CI can never silently stop exercising it.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openStore, type Store } from '../open-store.js';

export interface TestStoreKind {
  name: 'pglite' | 'postgres';
  open(): Promise<Store>;
}

const serverUrl = (): string =>
  process.env.TAILOR_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Opens a store in a new, empty database on the test server; closing drops the database. */
export async function openTestPostgres(): Promise<Store> {
  const admin = new URL(serverUrl());
  const name = `tailor_test_${randomBytes(6).toString('hex')}`;
  const adminClient = new pg.Client({ connectionString: admin.toString() });
  await adminClient.connect();
  try {
    await adminClient.query(`CREATE DATABASE ${name}`);
  } finally {
    await adminClient.end();
  }
  const url = new URL(admin.toString());
  url.pathname = `/${name}`;
  const store = await openStore({ databaseUrl: url.toString() });
  return {
    ...store,
    close: async () => {
      await store.close();
      const c = new pg.Client({ connectionString: admin.toString() });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}

/** PGlite always; PostgreSQL unless TAILOR_TEST_PG=skip. */
export function testStoreKinds(): TestStoreKind[] {
  const kinds: TestStoreKind[] = [{ name: 'pglite', open: () => openStore({ home: 'memory' }) }];
  if (process.env.TAILOR_TEST_PG !== 'skip')
    kinds.push({ name: 'postgres', open: openTestPostgres });
  return kinds;
}
