import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFirm } from './firm-writer.js';
import { lotsByAccount } from './lots-by-account.js';
import type { Store } from './open-store.js';
import { accounts, lots } from './schema/index.js';
import { testStoreKinds } from './testing/test-stores.js';
import { tinyFirm } from './testing/tiny-firm.js';

// Lot ids as a feed may spell them: separators, quotes, JSON's own escapes, other scripts.
// Array-literal syntax too: braces, the word NULL, an empty-looking quoted pair.
const AWKWARD_IDS = [
  'b',
  'a,b',
  'say "hi"',
  'back\\slash',
  'two\nlines',
  'Z',
  'ünïcödé €',
  '10',
  'NULL',
  '{x}',
  'a}b{',
  '""',
];

describe.each(testStoreKinds())('lotsByAccount on $name', ({ open }) => {
  let store: Store;
  beforeAll(async () => {
    store = await open();
    await writeFirm(store.db, tinyFirm(), 'test');
    await store.db.insert(accounts).values({
      id: 'H2-ODD',
      householdId: 'H2',
      taxStatus: 'taxable',
      modelId: null,
      cash: '0',
    });
    await store.db.insert(lots).values(
      AWKWARD_IDS.map((id, i) => ({
        accountId: 'H2-ODD',
        id,
        securityId: 'VTI',
        quantity: `${i}.000000000001`,
        costBasis: '1234567890.123456789',
        acquired: `2020-0${1 + (i % 9)}-0${1 + (i % 9)}`,
      })),
    );
  });
  afterAll(async () => store?.close());

  it('gives every lot of each account once, exactly as stored, in code-unit id order', async () => {
    const byAccount = await lotsByAccount(store.db, ['H2-ODD', 'H1-TAX', 'NO-SUCH']);
    expect([...byAccount.keys()].sort()).toEqual(['H1-TAX', 'H2-ODD']);
    const odd = byAccount.get('H2-ODD')!;
    expect(odd.map((l) => l.id)).toEqual([...AWKWARD_IDS].sort((a, b) => (a < b ? -1 : 1)));
    const quote = odd.find((l) => l.id === 'say "hi"')!;
    expect(quote).toEqual({
      id: 'say "hi"',
      securityId: 'VTI',
      quantity: '2.000000000001',
      costBasis: '1234567890.123456789',
      acquired: '2020-03-03',
    });
    expect(byAccount.get('H1-TAX')).toEqual([
      {
        id: 'L1',
        securityId: 'VTI',
        quantity: '100',
        costBasis: '35000.00',
        acquired: '2024-02-01',
      },
    ]);
  });

  it('gives dates as stored, before 2000, on leap days and far ahead', async () => {
    const dates = ['1999-12-31', '1970-01-01', '2000-01-01', '2024-02-29', '2099-12-31'];
    await store.db.insert(accounts).values({
      id: 'H2-DATES',
      householdId: 'H2',
      taxStatus: 'taxable',
      modelId: null,
      cash: '0',
    });
    await store.db.insert(lots).values(
      dates.map((acquired, i) => ({
        accountId: 'H2-DATES',
        id: `D${i}`,
        securityId: 'VTI',
        quantity: '1',
        costBasis: '1',
        acquired,
      })),
    );
    const read = (await lotsByAccount(store.db, ['H2-DATES'])).get('H2-DATES')!;
    expect(read.map((l) => l.acquired)).toEqual(dates);
  });

  it('reads nothing for no accounts', async () => {
    expect((await lotsByAccount(store.db, [])).size).toBe(0);
  });
});
