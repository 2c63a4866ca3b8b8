import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFeed, type FeedWriteData } from './feed-writer.js';
import { writeFirm } from './firm-writer.js';
import { rowsOf } from './market-snapshot.js';
import type { Store } from './open-store.js';
import { refreshStatistics } from './refresh-statistics.js';
import { testStoreKinds } from './testing/test-stores.js';
import { tinyFirm } from './testing/tiny-firm.js';

/** The planner's row count of a table: −1 until statistics are gathered (PostgreSQL 14+). */
async function plannedRows(store: Store, table: string): Promise<number> {
  const [row] = rowsOf<{ n: number | string }>(
    await store.db.execute(sql`SELECT reltuples AS n FROM pg_class WHERE relname = ${table}`),
  );
  return Number(row?.n);
}

const RUN_TABLES = ['households', 'accounts', 'lots', 'transactions', 'account_settings'];

// One store per kind, the tests in order: each checks a count the one before did not leave.
describe.each(testStoreKinds())('planner statistics on $name', ({ open }) => {
  let store: Store;
  beforeAll(async () => {
    store = await open();
  });
  afterAll(async () => store?.close());

  it('are missing for rows inserted without a writer, until refreshed', async () => {
    await store.db.execute(
      sql`INSERT INTO households (id, name, advisor, short_term_rate, long_term_rate)
          VALUES ('H9', '', '', 0.3, 0.15)`,
    );
    expect(await plannedRows(store, 'households')).toBe(-1);
    await refreshStatistics(store.db);
    expect(await plannedRows(store, 'households')).toBe(1);
  });

  it('are current after the demo or a test firm is written', async () => {
    const firm = tinyFirm();
    await writeFirm(store.db, firm, 'loader');
    expect(await plannedRows(store, 'lots')).toBe(firm.lots!.length);
    for (const table of RUN_TABLES) expect(await plannedRows(store, table)).toBeGreaterThan(0);
  });

  it('are current after a nightly feed is imported', async () => {
    const feed = tinyFirm() as FeedWriteData;
    const first = feed.lots![0]!;
    feed.lots!.push({ ...first, id: `${first.id}-2` });
    await writeFeed(store.db, feed, { actor: 'ops', source: 'feeds/2026-11-20' });
    expect(await plannedRows(store, 'lots')).toBe(feed.lots!.length);
  });
});
