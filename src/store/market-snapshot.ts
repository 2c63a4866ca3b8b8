/**
 * What every household of a run shares: securities, each one's last price on or before the
 * run date, and the latest version of every model. Loaded once per run.
 */
import { sql } from 'drizzle-orm';
import type { Model } from '../domain/index.js';
import type { Db } from './open-store.js';
import { securities } from './schema/index.js';

export interface PriceOn {
  date: string;
  close: number;
}

export interface MarketSnapshot {
  asOf: string;
  securities: Map<string, typeof securities.$inferSelect>;
  prices: Map<string, PriceOn>;
  /** Latest version of each model, with that version number. */
  models: Map<string, Model & { version: number }>;
}

/** Loads the snapshot for a run on `asOf` (YYYY-MM-DD). */
export async function loadMarketSnapshot(db: Db, asOf: string): Promise<MarketSnapshot> {
  const secRows = await db.select().from(securities);
  const priceRows = await db.execute(sql`
    SELECT DISTINCT ON (security_id) security_id, to_char(date, 'YYYY-MM-DD') AS date, close
    FROM prices WHERE date <= ${asOf}::date ORDER BY security_id, date DESC`);
  const modelRows = await db.execute(sql`
    SELECT DISTINCT ON (id) id, version, targets FROM models ORDER BY id, version DESC`);
  const prices = new Map<string, PriceOn>();
  for (const r of rowsOf<{ security_id: string; date: string; close: string }>(priceRows))
    prices.set(r.security_id, { date: r.date, close: Number(r.close) });
  const models = new Map<string, Model & { version: number }>();
  for (const r of rowsOf<{ id: string; version: number; targets: Model['targets'] }>(modelRows))
    models.set(r.id, { id: r.id, targets: r.targets, version: r.version });
  return { asOf, securities: new Map(secRows.map((s) => [s.id, s])), prices, models };
}

/** The rows of a raw query result (node-postgres and PGlite both answer `{ rows }`). */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}
