/**
 * The figures an account's lots add up to, read from the database in one pass: value at the
 * latest close, harvestable losses beyond `minHarvest`, drift per security — whatever characters
 * a security's id holds (the lots travel as JSON text) — on both stores.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { householdDriftBefore } from '../rebalance/index.js';
import { accountFigures } from './account-figures.js';
import { writeFirm } from './firm-writer.js';
import type { Store } from './open-store.js';
import { testStoreKinds } from './testing/test-stores.js';
import { tinyFirm } from './testing/tiny-firm.js';

/** An id with JSON's and SQL's special characters, a separator and a non-ASCII letter. */
const ODD = 'BRK "B", \\ class\u00e9';

describe.each(testStoreKinds())('account figures on $name', ({ open }) => {
  let store: Store;
  beforeAll(async () => {
    store = await open();
    const firm = tinyFirm();
    firm.securities!.push({ id: ODD, name: 'Odd id', assetClass: 'equity' });
    firm.prices!.push({ securityId: ODD, date: '2026-11-20', close: '12.5' });
    // H1-TAX (harvesting, minHarvest 100) holds 40 at a loss of 300 and 8 at a loss of 20.
    firm.lots!.push(
      {
        accountId: 'H1-TAX',
        id: 'L2',
        securityId: ODD,
        quantity: '40',
        costBasis: '800',
        acquired: '2025-01-02',
      },
      {
        accountId: 'H1-TAX',
        id: 'L3',
        securityId: ODD,
        quantity: '8',
        costBasis: '120',
        acquired: '2025-03-02',
      },
    );
    await writeFirm(store.db, firm, 'loader');
  });
  afterAll(async () => store?.close());

  it("adds up an account's lots at the latest closes, whatever its securities' ids hold", async () => {
    const [tax] = await accountFigures(store.db, householdDriftBefore, {
      accountIds: ['H1-TAX'],
      detail: true,
    });
    // Cash 10,000 + 100 VTI at 301.25 + 48 at 12.5.
    expect(tax).toMatchObject({ accountId: 'H1-TAX', valueUsd: 40725, cashUsd: 10000 });
    // VTI: 35,000 − 30,125 = 4,875 (above 100); the odd lots: 300 (above), 20 (not).
    expect(tax!.harvestableLossUsd).toBe(5175);
    expect(tax!.driftBySecurity?.get(ODD)?.drift).toBeCloseTo(600 / 40725, 12);
  });

  it('counts a lot of a security without a close at 0', async () => {
    await store.db.execute(sql`DELETE FROM prices WHERE security_id = ${ODD}`);
    const [tax] = await accountFigures(store.db, householdDriftBefore, { accountIds: ['H1-TAX'] });
    expect(tax).toMatchObject({ valueUsd: 40125, harvestableLossUsd: 4875 + 800 + 120 });
  });
});
