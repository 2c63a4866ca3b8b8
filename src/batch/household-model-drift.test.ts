/**
 * A household with a model of its own (asset location): the stocks in the taxable account, the
 * bonds in the IRA. Each account is far from 60/40; the household is on it. The book's figures
 * and the drift trigger measure it as the engine does, as one portfolio.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { householdDriftBefore } from '../rebalance/index.js';
import {
  accountFigures,
  bookOverview,
  getAccount,
  loadMarketSnapshot,
  writeFirm,
  type FirmData,
  type Store,
} from '../store/index.js';
import { testStoreKinds } from '../store/testing/test-stores.js';
import { TINY_AS_OF, tinyFirm } from '../store/testing/tiny-firm.js';
import { selectHouseholds } from './selection.js';

/** tinyFirm plus H3 (household model 60/38) and H4 (the same holdings, no household model). */
function firm(): FirmData {
  const base = tinyFirm();
  const pair = (household: string, modelId: string | null) => ({
    household: { id: household, shortTermRate: '0.3', longTermRate: '0.15', modelId },
    accounts: [
      {
        id: `${household}-TAX`,
        householdId: household,
        taxStatus: 'taxable' as const,
        modelId: 'balanced',
        cash: '0',
      },
      {
        id: `${household}-IRA`,
        householdId: household,
        taxStatus: 'deferred' as const,
        modelId: 'balanced',
        cash: '1000',
      },
    ],
    // 100 VTI at 301.25 and 263.5 BND at 72.40: 60.0% / 38.0% of $50,202 with the IRA's cash.
    lots: [
      {
        accountId: `${household}-TAX`,
        id: 'L1',
        securityId: 'VTI',
        quantity: '100',
        costBasis: '20000',
        acquired: '2020-01-02',
      },
      {
        accountId: `${household}-IRA`,
        id: 'L1',
        securityId: 'BND',
        quantity: '263.5',
        costBasis: '19000',
        acquired: '2020-01-02',
      },
    ],
  });
  const located = pair('H3', 'balanced');
  const separate = pair('H4', null);
  return {
    ...base,
    households: [...base.households!, located.household, separate.household],
    accounts: [...base.accounts!, ...located.accounts, ...separate.accounts],
    lots: [...base.lots!, ...located.lots, ...separate.lots],
  };
}

describe.each(testStoreKinds())('drift of a household model on $name', ({ open }) => {
  let store: Store;
  beforeAll(async () => {
    store = await open();
    await writeFirm(store.db, firm(), 'loader');
  });
  afterAll(async () => store?.close());

  it('gives every account the combined figure; without the household model, its own', async () => {
    const figs = new Map(
      (await accountFigures(store.db, householdDriftBefore)).map((f) => [f.accountId, f]),
    );
    for (const id of ['H3-TAX', 'H3-IRA']) expect(figs.get(id)!.maxDrift).toBeLessThan(0.001);
    expect(figs.get('H4-TAX')!.maxDrift).toBeCloseTo(0.4, 9);
    expect(figs.get('H4-IRA')!.maxDrift).toBeGreaterThan(0.55);
    // Asked for one account, the figure still combines its household.
    const [one] = await accountFigures(store.db, householdDriftBefore, { accountIds: ['H3-TAX'] });
    expect(one).toEqual(figs.get('H3-TAX'));
  });

  it("shows an account's positions against the household model, with the household's drift", async () => {
    const tax = (await getAccount(store.db, householdDriftBefore, 'H3-TAX'))!;
    expect(tax).toMatchObject({ householdModelId: 'balanced', modelId: 'balanced' });
    const bnd = tax.holdings.find((h) => h.securityId === 'BND')!;
    expect(bnd).toMatchObject({ weight: 0, targetWeight: 0.38 });
    expect(Math.abs(bnd.drift)).toBeLessThan(0.001);
    const vti = tax.holdings.find((h) => h.securityId === 'VTI')!;
    expect(vti.weight).toBe(1);
    expect(Math.abs(vti.drift)).toBeLessThan(0.001);
    const own = (await getAccount(store.db, householdDriftBefore, 'H4-TAX'))!;
    expect(own.householdModelId).toBeNull();
    expect(own.holdings.find((h) => h.securityId === 'VTI')!.drift).toBeCloseTo(0.4, 9);
  });

  it("counts the household once, by its combined drift, in the book's distribution", async () => {
    const book = await bookOverview(store.db, householdDriftBefore);
    // H3 on its model (band 0); H1, H2 and H4 60% off (the last band).
    expect(book.householdsByDrift).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3]);
  });

  it('triggers on the household figure', async () => {
    const snap = await loadMarketSnapshot(store.db, TINY_AS_OF);
    const drifted = await selectHouseholds(store.db, { kind: 'trigger', trigger: 'drift' }, snap);
    expect(drifted).toEqual(['H1', 'H2', 'H4']);
  });
});
