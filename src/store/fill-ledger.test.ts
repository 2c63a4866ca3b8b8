import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exact } from '../tax/index.js';
import { bookFill, freshLotId } from './fill-ledger.js';
import { holdingsOf, LIFECYCLE_AS_OF, openLifecycleStore } from './lifecycle-testing.js';
import type { Store } from './open-store.js';
import { lots } from './schema/index.js';
import { testStoreKinds } from './testing/test-stores.js';

describe.each(testStoreKinds())('booking fills through the ledger on $name', ({ open }) => {
  let store: Store;
  beforeAll(async () => {
    store = await openLifecycleStore(open);
    await store.db.insert(lots).values([
      // Bought ten days before the sale below: replacement shares for its loss.
      {
        accountId: 'H1-TAX',
        id: 'R1',
        securityId: 'VTI',
        quantity: '5',
        costBasis: '1450.00',
        acquired: '2026-11-10',
      },
      // More digits than cents: a fill that does not change it must not round it.
      {
        accountId: 'H1-TAX',
        id: 'L9',
        securityId: 'VTI',
        quantity: '1.5',
        costBasis: '123.456',
        acquired: '2020-01-02',
      },
    ]);
  });
  afterAll(async () => store?.close());

  it('moves a loss sale’s disallowed loss into replacement shares, leaving other lots as stored', async () => {
    // 10 of L1 (350.00 a share) sold at 300: a 500.00 loss, half of it replaced by R1's 5 shares.
    const booked = await bookFill(store.db, {
      householdId: 'H1',
      accountId: 'H1-TAX',
      securityId: 'VTI',
      side: 'sell',
      quantity: exact(10),
      price: exact(300),
      date: LIFECYCLE_AS_OF,
      picks: [{ lot: 'L1', quantity: 10 }],
    });
    expect(
      booked.ok && [booked.realizedGain?.toFixed(2), booked.washSaleDisallowed.toFixed(2)],
    ).toEqual(['-500.00', '250.00']);
    // R1's basis grows by 250.00 and its holding period starts 1,023 days (L1's) before its purchase.
    expect((await holdingsOf(store.db, ['H1-TAX'])).lots).toEqual([
      'H1-TAX/L0 VTI 20 4000.00 2023-03-01',
      'H1-TAX/L1 VTI 90 31500.00 2024-02-01',
      'H1-TAX/L9 VTI 1.5 123.456 2020-01-02',
      'H1-TAX/R1 VTI 5 1700.00 2024-01-22',
    ]);
  });

  it('refuses what the ledger cannot book, changing nothing', async () => {
    const before = await holdingsOf(store.db, ['H1-TAX']);
    const booked = await bookFill(store.db, {
      householdId: 'H1',
      accountId: 'H1-TAX',
      securityId: 'VTI',
      side: 'sell',
      quantity: exact(5),
      price: exact(300),
      date: LIFECYCLE_AS_OF,
      picks: [{ lot: 'GONE', quantity: 5 }],
    });
    expect(booked).toMatchObject({
      ok: false,
      why: expect.stringMatching(/lot "GONE" is not an open lot/),
    });
    expect(await holdingsOf(store.db, ['H1-TAX'])).toEqual(before);
  });

  it('names a new lot after its order, unless the account already uses that id', async () => {
    expect(await freshLotId(store.db, 'H1-TAX', 'ord-1')).toBe('ord-1');
    expect(await freshLotId(store.db, 'H1-TAX', 'L1')).toBe('L1-2');
  });
});
