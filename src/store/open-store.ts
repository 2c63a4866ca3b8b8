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

const MIGRATIONS = fileURLToPath(new URL('./migrations', import.meta.url));

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
    close: () => pool.end(),
  };
}
