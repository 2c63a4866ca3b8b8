import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFirm } from './firm-writer.js';
import { insertLots } from './insert-lots.js';
import type { Db, Store } from './open-store.js';
import { lots } from './schema/index.js';
import { testStoreKinds } from './testing/test-stores.js';
import { tinyFirm } from './testing/tiny-firm.js';

const lot = (accountId: string, id: string, securityId: string) => ({
  accountId,
  id,
  securityId,
  quantity: '1',
  costBasis: '10',
  acquired: '2024-02-01',
});

describe.each(testStoreKinds())('lots written on $name', ({ open }) => {
  let store: Store;
  beforeAll(async () => {
    store = await open();
    await writeFirm(store.db, tinyFirm(), 'loader');
  });
  afterAll(async () => store?.close());

  const inOne = (rows: ReturnType<typeof lot>[]) =>
    store.db.transaction((tx) => insertLots(tx as unknown as Db, rows));
  const lotsOf = (accountId: string) =>
    store.db.select().from(lots).where(eq(lots.accountId, accountId));

  it('writes lots of known accounts and securities', async () => {
    await inOne([lot('H2-TAX', 'N1', 'VTI'), lot('H2-TAX', 'N2', 'BND')]);
    expect((await lotsOf('H2-TAX')).map((l) => l.id).sort()).toEqual(
      expect.arrayContaining(['N1', 'N2']),
    );
  });

  it('refuses the whole write when a lot names an unknown account or security', async () => {
    const before = await lotsOf('H2-TAX');
    await expect(
      inOne([
        lot('H2-TAX', 'N3', 'VTI'),
        lot('H9-GONE', 'N4', 'NOPE'),
        lot('H2-TAX', 'N5', 'NOPE'),
      ]),
    ).rejects.toThrow(/unknown account H9-GONE, security NOPE; add them first/);
    expect(await lotsOf('H2-TAX')).toEqual(before);
    expect(await lotsOf('H9-GONE')).toEqual([]);
  });
});
