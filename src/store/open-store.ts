/**
 * Opening the store: embedded PGlite in `$TAILOR_HOME` (default `./.tailor/`) unless a
 * `DATABASE_URL` names a PostgreSQL server. Either way the migrations are applied first, so a
 * store is always at the current schema.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import * as schema from './schema/index.js';

/** The typed database handle every repository takes. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface Store {
  readonly db: Db;
  /** `pglite` (embedded) or `postgres` (a server). */
  readonly kind: 'pglite' | 'postgres';
  /** Where the data lives: a directory, `memory`, or the server URL without its password. */
  readonly location: string;
  close(): Promise<void>;
}

export interface StoreOptions {
  /** A PostgreSQL URL; default `process.env.DATABASE_URL`. */
  databaseUrl?: string;
  /** PGlite data directory, or `memory` for a throwaway store; default `$TAILOR_HOME/db`. */
  home?: string;
}

/** This package's migrations folder. */
export const MIGRATIONS = fileURLToPath(new URL('./migrations', import.meta.url));

/** The directory Tailor keeps its embedded database and files in. */
export function tailorHome(): string {
  return resolve(process.env.TAILOR_HOME ?? '.tailor');
}

/** Hides the password of a connection URL (for messages and logs). */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparseable DATABASE_URL)';
  }
}

/** Opens (and migrates) the store. */
export async function openStore(options: StoreOptions = {}): Promise<Store> {
  const url = options.databaseUrl ?? process.env.DATABASE_URL;
  if (url !== undefined && url !== '' && options.home === undefined) return openPostgres(url);
  const home = options.home ?? join(tailorHome(), 'db');
  return openPglite(home);
}

async function openPglite(home: string): Promise<Store> {
  const memory = home === 'memory';
  if (!memory) mkdirSync(home, { recursive: true });
  const client = memory ? new PGlite() : new PGlite(home);
  const db = drizzlePglite(client, { schema });
  await migratePglite(db, { migrationsFolder: MIGRATIONS });
  return {
    db: db as unknown as Db,
    kind: 'pglite',
    location: memory ? 'memory' : home,
    close: () => client.close(),
  };
}

async function openPostgres(url: string): Promise<Store> {
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  let closing = false;
  keepConnectionLossesFromEndingTheProcess(pool, () => closing);
  const db = drizzleNodePg(pool, { schema });
  try {
    await migrateNodePg(db, { migrationsFolder: MIGRATIONS });
  } catch (error) {
    await pool.end();
    throw new Error(
      `could not open the PostgreSQL store at ${redactUrl(url)}: ${(error as Error).message}; ` +
        'check DATABASE_URL (or unset it to use the embedded store)',
      { cause: error },
    );
  }
  return {
    db: db as unknown as Db,
    kind: 'postgres',
    location: redactUrl(url),
    close: () => {
      closing = true;
      return pool.end();
    },
  };
}

/**
 * A server restart, `pg_terminate_backend` or a proxy closing idle sockets ends a connection at
 * any time, and `pg` reports it as an `'error'` event on the client. pg-pool forwards an idle
 * client's error to the pool but stops listening while a client is checked out (a transaction
 * holds one across statements), and an `'error'` event nobody listens to throws: `tailor serve` or
 * a long `tailor run` would end on an uncaught exception. So every client gets a listener of its
 * own, which warns (unless the store is closing). Nothing else is needed: pg-pool discards a
 * failed client, and a checked-out client's next query rejects, so its caller still sees it.
 */
function keepConnectionLossesFromEndingTheProcess(pool: pg.Pool, isClosing: () => boolean): void {
  const warn = (error: Error & { code?: string }): void => {
    if (isClosing()) return;
    // The message only: pg sets `error.client`, whose parameters hold the password.
    process.emitWarning(
      `a pooled PostgreSQL connection was lost${error.code ? ` (${error.code})` : ''}: ` +
        `${error.message}; the next query opens a new one`,
    );
  };
  pool.on('connect', (client) => client.on('error', warn));
  // The client's own listener has already warned; this one only keeps the re-emit from throwing.
  pool.on('error', () => undefined);
}
