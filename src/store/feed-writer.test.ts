import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFeed, loadKnownIds, type FeedWriteData } from './feed-writer.js';
import type { Store } from './open-store.js';
import {
  accountSettings,
  accounts,
  auditLog,
  households,
  lots,
  models,
  prices,
  securities,
  transactions,
} from './schema/index.js';
import { testStoreKinds } from './testing/test-stores.js';
import { tinyFirm } from './testing/tiny-firm.js';
import { modelVersion, settingsHistory } from './versions.js';

const opts = { actor: 'ops', source: 'feeds/2026-11-20' };

/** Every table a feed writes, in a stable order, for before/after comparisons. */
async function snapshot(store: Store) {
  const { db } = store;
  const tx = await db.select().from(transactions);
  return {
    securities: await db.select().from(securities).orderBy(securities.id),
    prices: await db.select().from(prices).orderBy(prices.securityId, prices.date),
    models: await db.select().from(models).orderBy(models.id, models.version),
    households: await db.select().from(households).orderBy(households.id),
    accounts: await db.select().from(accounts).orderBy(accounts.id),
    lots: await db.select().from(lots).orderBy(lots.accountId, lots.id),
    transactions: tx
      .map((t) => ({ ...t, id: 0 }))
      .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
    settings: await db
      .select()
      .from(accountSettings)
      .orderBy(accountSettings.accountId, accountSettings.version),
  };
}

describe.each(testStoreKinds())('feed writer on $name', ({ open }) => {
  let store: Store;
  beforeAll(async () => {
    store = await open();
  });
  afterAll(async () => store?.close());

  it('writes a whole feed, then re-importing it changes nothing', async () => {
    const feed = tinyFirm() as FeedWriteData;
    feed.transactions!.push({ ...feed.transactions![0]! }); // two identical deposits, both kept
    const first = await writeFeed(store.db, feed, opts);
    expect(first.accounts).toEqual({ added: 3, updated: 0, unchanged: 0 });
    expect(first.transactions).toEqual({ added: 2, updated: 0, unchanged: 0 });
    const before = await snapshot(store);
    const second = await writeFeed(store.db, feed, opts);
    for (const kind of Object.values(second)) {
      expect(kind.added + kind.updated + (kind.removed ?? 0)).toBe(0);
    }
    expect(second.lots.unchanged).toBe(3);
    expect(await snapshot(store)).toEqual(before);
    const audit = await store.db.select().from(auditLog).where(eq(auditLog.action, 'feed.import'));
    expect(audit.map((a) => a.entityId)).toEqual([opts.source, opts.source]);
    expect(audit[1]?.detail).toMatchObject({ counts: { lots: { unchanged: 3 } } });
    expect(await loadKnownIds(store.db)).toMatchObject({
      accounts: new Set(['H1-TAX', 'H1-IRA', 'H2-TAX']),
    });
  });

  it('upserts by id and by (security, date), treating 10.0 and 10 as the same', async () => {
    const counts = await writeFeed(
      store.db,
      {
        securities: [{ id: 'VTI', name: 'Vanguard Total', assetClass: 'equity', sector: 'Broad' }],
        prices: [
          { securityId: 'VTI', date: '2026-11-20', close: '301.250' },
          { securityId: 'BND', date: '2026-11-20', close: '72.50' },
        ],
        households: [{ id: 'H3', shortTermRate: '0.3', longTermRate: '0.1' }],
      },
      opts,
    );
    expect(counts.securities).toEqual({ added: 0, updated: 1, unchanged: 0 });
    expect(counts.prices).toEqual({ added: 0, updated: 1, unchanged: 1 });
    expect(counts.households).toEqual({ added: 1, updated: 0, unchanged: 0 });
    const [vti] = await store.db.select().from(securities).where(eq(securities.id, 'VTI'));
    expect(vti?.name).toBe('Vanguard Total');
  });

  it("replaces the lots of each account in the feed and keeps other accounts' lots", async () => {
    const counts = await writeFeed(
      store.db,
      {
        lots: [
          {
            accountId: 'H1-TAX',
            id: 'L7',
            securityId: 'BND',
            quantity: '3',
            costBasis: '200',
            acquired: '2026-01-05',
          },
          {
            accountId: 'H1-TAX',
            id: 'L8',
            securityId: 'VTI',
            quantity: '1.5',
            costBasis: '450',
            acquired: '2026-02-05',
          },
        ],
      },
      opts,
    );
    expect(counts.lots).toEqual({ added: 2, updated: 0, unchanged: 0, removed: 1 });
    const held = await store.db.select().from(lots).orderBy(lots.accountId, lots.id);
    expect(held.map((l) => `${l.accountId}/${l.id}`)).toEqual([
      'H1-IRA/L1',
      'H1-TAX/L7',
      'H1-TAX/L8',
      'H2-TAX/L1',
    ]);
  });

  it('versions a model and settings only when they change', async () => {
    const balanced = tinyFirm().models![0]!;
    const same = await writeFeed(
      store.db,
      { models: [{ ...balanced, name: '', targets: [...balanced.targets].reverse() }] },
      opts,
    );
    expect(same.models).toEqual({ added: 0, updated: 0, unchanged: 1 });
    const changed = await writeFeed(
      store.db,
      { models: [{ id: 'balanced', targets: [{ security: 'VTI', weight: 1 }] }] },
      opts,
    );
    expect(changed.models).toEqual({ added: 0, updated: 1, unchanged: 0 });
    expect(await modelVersion(store.db, 'balanced')).toMatchObject({
      version: 2,
      name: '60/40',
      changedBy: 'ops',
    });
    const settings = tinyFirm().settings![0]!;
    const again = await writeFeed(store.db, { settings: [settings] }, opts);
    expect(again.settings).toEqual({ added: 0, updated: 0, unchanged: 1 });
    await writeFeed(
      store.db,
      { settings: [{ accountId: 'H1-TAX', settings: { cash: { min: 0.05 } } }] },
      opts,
    );
    expect((await settingsHistory(store.db, 'H1-TAX')).map((h) => h.version)).toEqual([2, 1]);
    const audit = await store.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'model.version'));
    expect(audit.map((a) => a.entityId)).toEqual(['balanced', 'balanced']);
  });

  it('stores a sell’s realized loss beside its net gain, and a re-import adds nothing', async () => {
    const sell = {
      accountId: 'H1-TAX',
      date: '2026-11-05',
      type: 'sell' as const,
      securityId: 'VTI',
      quantity: '30',
      price: '300.00',
      amount: '9000.00',
      realizedGain: '1515.00',
      realizedLoss: '-495.00',
    };
    const feed: FeedWriteData = { transactions: [sell, { ...sell, realizedLoss: null }] };
    expect((await writeFeed(store.db, feed, opts)).transactions).toEqual({
      added: 2,
      updated: 0,
      unchanged: 0,
    });
    const rows = await store.db
      .select()
      .from(transactions)
      .where(eq(transactions.date, '2026-11-05'));
    expect(rows.map((r) => [r.realizedGain, r.realizedLoss]).sort()).toEqual([
      ['1515.00', null],
      ['1515.00', '-495.00'],
    ]);
    expect((await writeFeed(store.db, feed, opts)).transactions).toMatchObject({
      added: 0,
      unchanged: 2,
    });
  });

  it('writes nothing when any part of the feed fails', async () => {
    const before = await snapshot(store);
    await expect(
      writeFeed(
        store.db,
        {
          securities: [{ id: 'NEW' }],
          lots: [
            {
              accountId: 'NOPE',
              id: 'X',
              securityId: 'VTI',
              quantity: '1',
              costBasis: '1',
              acquired: '2020-01-01',
            },
          ],
        },
        opts,
      ),
    ).rejects.toThrow();
    expect(await snapshot(store)).toEqual(before);
  });
});
