import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { householdDriftBefore } from '../rebalance/index.js';
import { accountFigures, outOfTolerance } from './account-figures.js';
import { writeFirm } from './firm-writer.js';
import { listHouseholds } from './household-reads.js';
import type { Store } from './open-store.js';
import { testStoreKinds } from './testing/test-stores.js';
import { tinyFirm } from './testing/tiny-firm.js';

/**
 * The tiny firm (H1, H2: 60% off target) and three more: H3 on target, H8 with no account, H9
 * all cash against an all-stock model — last by id, first by drift.
 */
async function writeBook(store: Store): Promise<void> {
  await writeFirm(store.db, tinyFirm(), 'loader');
  await store.db.execute(sql`
    INSERT INTO households (id, name, advisor, short_term_rate, long_term_rate) VALUES
      ('H3', 'On target', 'alice', '0.3', '0.15'), ('H8', 'Empty', 'bob', '0.3', '0.15'),
      ('H9', 'All cash', 'bob', '0.3', '0.15')`);
  await store.db.execute(sql`
    INSERT INTO accounts (id, household_id, tax_status, model_id, cash) VALUES
      ('H3-TAX', 'H3', 'taxable', 'balanced', '2000'), ('H9-TAX', 'H9', 'taxable', 'stocks', '5000')`);
  await store.db.execute(sql`
    INSERT INTO models (id, version, name, targets, changed_by)
    VALUES ('stocks', 1, 'All stock', '[{"security":"VTI","weight":1}]', 'pm')`);
  // 60% VTI at 301.25 and 38% BND at 72.40 of 100,000, to the share's 6 decimals.
  await store.db.execute(sql`
    INSERT INTO lots (account_id, id, security_id, quantity, cost_basis, acquired) VALUES
      ('H3-TAX', 'L1', 'VTI', '199.170124', '60000', '2025-01-02'),
      ('H3-TAX', 'L2', 'BND', '524.861878', '38000', '2025-01-02')`);
}

describe.each(testStoreKinds())('the household list over the whole book on $name', ({ open }) => {
  let store: Store;
  beforeAll(async () => {
    store = await open();
    await writeBook(store);
  });
  afterAll(async () => store?.close());

  /** Household ids by largest drift, largest first, none last, then by id: from the figures. */
  async function expectedByDrift(): Promise<{ ids: string[]; out: string[] }> {
    const figs = await accountFigures(store.db, householdDriftBefore);
    const ids = ['H1', 'H2', 'H3', 'H8', 'H9'];
    const largest = (id: string): number | null => {
      const drifts = figs.filter((f) => f.householdId === id && f.maxDrift !== null);
      return drifts.length ? Math.max(...drifts.map((f) => f.maxDrift!)) : null;
    };
    const sorted = [...ids].sort((a, b) => {
      const da = largest(a);
      const db = largest(b);
      if (da === null || db === null) return da === db ? a.localeCompare(b) : da === null ? 1 : -1;
      return db - da || a.localeCompare(b);
    });
    const out = ids.filter((id) => figs.some((f) => f.householdId === id && outOfTolerance(f)));
    return { ids: sorted, out };
  }

  it('sorts by largest drift over the whole book, page after page', async () => {
    const { ids } = await expectedByDrift();
    // The case that matters: the first page by drift is not the first page by id.
    expect(ids.slice(0, 2)).not.toEqual(['H1', 'H2']);
    expect(ids.at(-1)).toBe('H8');
    const pages = [];
    for (const offset of [0, 2, 4]) {
      const page = await listHouseholds(store.db, householdDriftBefore, {
        sort: 'drift',
        limit: 2,
        offset,
      });
      expect(page.total).toBe(5);
      pages.push(...page.items.map((h) => h.id));
    }
    expect(pages).toEqual(ids);
    const byId = await listHouseholds(store.db, householdDriftBefore, { limit: 2, offset: 0 });
    expect(byId.items.map((h) => h.id)).toEqual(['H1', 'H2']);
  });

  it('filters to the households out of tolerance, and counts them', async () => {
    const { out } = await expectedByDrift();
    expect(out).toContain('H9');
    expect(out).not.toContain('H3');
    const page = await listHouseholds(store.db, householdDriftBefore, {
      outOfTolerance: true,
      limit: 10,
      offset: 0,
    });
    expect(page.items.map((h) => h.id)).toEqual(out);
    expect(page.total).toBe(out.length);
    expect(page.items.every((h) => h.outOfTolerance)).toBe(true);
    const advisors = await listHouseholds(store.db, householdDriftBefore, {
      outOfTolerance: true,
      advisor: 'alice',
      limit: 10,
      offset: 0,
    });
    expect(advisors.items.map((h) => h.id)).toEqual(out.filter((id) => id === 'H1'));
  });

  it('sees a change at once: a household that trades back to target leaves the filter', async () => {
    await store.db.execute(sql`UPDATE accounts SET cash = '0' WHERE id = 'H9-TAX'`);
    await store.db.execute(sql`
      INSERT INTO lots (account_id, id, security_id, quantity, cost_basis, acquired)
      VALUES ('H9-TAX', 'L1', 'VTI', '16.597510', '5000', '2026-11-20')`);
    const page = await listHouseholds(store.db, householdDriftBefore, {
      outOfTolerance: true,
      limit: 10,
      offset: 0,
    });
    expect(page.items.map((h) => h.id)).not.toContain('H9');
    expect(page.items.map((h) => h.id)).toEqual((await expectedByDrift()).out);
  });
});
