import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { householdDriftBefore } from '../rebalance/index.js';
import { accountFigures } from './account-figures.js';
import { createApiToken, findApiToken } from './api-tokens-repo.js';
import {
  createCustomizationRequest,
  decideCustomizationRequest,
  listCustomizationRequests,
} from './customization-requests-repo.js';
import { propose } from './lifecycle-testing.js';
import { getProposal, listProposalPage } from './proposal-reads.js';
import { getRunLine } from './run-reads.js';
import { createSession, findSession } from './sessions-repo.js';
import { createUser, updateUser } from './users-repo.js';
import { getAccount } from './account-reads.js';
import { auditPage } from './audit-reads.js';
import { bookOverview } from './book-overview.js';
import { writeFirm } from './firm-writer.js';
import { getHousehold, listHouseholds } from './household-reads.js';
import { checkModelTargets, listModelPage, writeModelVersion } from './model-writes.js';
import type { Store } from './open-store.js';
import { testStoreKinds } from './testing/test-stores.js';
import { tinyFirm } from './testing/tiny-firm.js';

describe.each(testStoreKinds())('API reads on $name', ({ open }) => {
  let store: Store;
  beforeAll(async () => {
    store = await open();
    await writeFirm(store.db, tinyFirm(), 'loader');
  });
  afterAll(async () => store?.close());

  it('values accounts at the latest prices and measures drift against the model', async () => {
    const figs = await accountFigures(store.db, householdDriftBefore);
    const tax = figs.find((f) => f.accountId === 'H1-TAX')!;
    expect(tax.valueUsd).toBeCloseTo(10000 + 100 * 301.25, 6);
    // Holds no BND against a 38% target: the largest drift.
    expect(tax.maxDrift).toBeCloseTo(0.38, 9);
    expect(figs.find((f) => f.accountId === 'H1-IRA')!.maxDrift).toBeCloseTo(0.6, 9);
    expect(figs).toHaveLength(3);
  });

  it('lists households with value, filtered by advisor and by search text', async () => {
    const all = await listHouseholds(store.db, householdDriftBefore, { limit: 10, offset: 0 });
    expect(all.total).toBe(2);
    expect(all.items[0]).toMatchObject({ id: 'H1', accounts: 2, outOfTolerance: true });
    expect(all.items[0]!.valueUsd).toBeCloseTo(40125 + 4120, 6);
    const bobs = await listHouseholds(store.db, householdDriftBefore, {
      advisor: 'bob',
      limit: 10,
      offset: 0,
    });
    expect(bobs.items.map((h) => h.id)).toEqual(['H2']);
    const found = await listHouseholds(store.db, householdDriftBefore, {
      q: 'smi',
      limit: 10,
      offset: 0,
    });
    expect(found.items.map((h) => h.id)).toEqual(['H1']);
    expect(
      (await listHouseholds(store.db, householdDriftBefore, { q: '%', limit: 10, offset: 0 }))
        .total,
    ).toBe(0);
  });

  it("hides another advisor's household and account as if missing", async () => {
    expect(await getHousehold(store.db, householdDriftBefore, 'H1', 'alice')).toMatchObject({
      id: 'H1',
    });
    expect(await getHousehold(store.db, householdDriftBefore, 'H1', 'bob')).toBeUndefined();
    expect(await getAccount(store.db, householdDriftBefore, 'H1-TAX', 'bob')).toBeUndefined();
    expect(await getAccount(store.db, householdDriftBefore, 'NOPE')).toBeUndefined();
  });

  it('shows lots with unrealized gain and term, and holdings against targets', async () => {
    const a = (await getAccount(store.db, householdDriftBefore, 'H1-TAX'))!;
    expect(a.lots).toEqual([
      expect.objectContaining({ id: 'L1', term: 'long', unrealizedGainUsd: 30125 - 35000 }),
    ]);
    expect(a.holdings.map((h) => [h.securityId, h.targetWeight])).toEqual([
      ['VTI', 0.6],
      ['BND', 0.38],
    ]);
    expect(a.settings).toEqual({ tax: { harvestLosses: true, minHarvest: 100 } });
  });

  it('sums the book: tolerance, harvestable losses, models', async () => {
    const b = await bookOverview(store.db, householdDriftBefore);
    expect(b).toMatchObject({ asOf: '2026-11-20', households: 2, accounts: 3 });
    expect(b.accountsOutOfTolerance).toBe(3);
    expect(b.accountsWithHarvestableLosses).toBe(1);
    expect(b.harvestableLossesUsd).toBeCloseTo(35000 - 30125, 6);
    expect(b.byModel.map((m) => [m.modelId, m.accounts])).toEqual([['balanced', 3]]);
    expect(b.gainBudgets.households).toBe(0);
    // Both households hold far from 60/40: 60% off at most, in the open last band.
    expect(b.householdsByDrift).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2]);
  });

  it('refuses model targets that reference nothing or make a cycle', async () => {
    await writeModelVersion(
      store.db,
      { id: 'outer', name: 'Outer', targets: [{ model: 'balanced', weight: 1 }], note: '' },
      'pm1',
      true,
    );
    const problems = await checkModelTargets(store.db, 'balanced', [
      { security: 'NOPE', weight: 0.1 },
      { model: 'outer', weight: 0.5 },
    ]);
    expect(problems.map((p) => [p.path, p.code])).toEqual([
      [['targets', 0, 'security'], 'unknown_reference'],
      [['targets', 1, 'model'], 'model_cycle'],
    ]);
    expect(await checkModelTargets(store.db, 'x', [{ security: 'VTI', weight: 1 }])).toEqual([]);
    expect(
      await writeModelVersion(
        store.db,
        { id: 'outer', name: '', targets: [], note: '' },
        'pm1',
        true,
      ),
    ).toBeUndefined();
    const page = await listModelPage(store.db, { limit: 10, offset: 0 });
    expect(page.items.map((m) => [m.id, m.name, m.accounts])).toEqual([
      ['balanced', '60/40', 3],
      ['outer', 'Outer', 0],
    ]);
  });

  it('reads proposals and runs with their figures from the stored responses', async () => {
    const id = await propose(
      store.db,
      'H1',
      [{ account: 'H1-TAX', security: 'BND', side: 'buy', quantity: 2, price: 72.4 }],
      {
        estimatedTax: 10.005,
        relaxed: [{ setting: 'trading.maxTurnover', limit: 0.1, actual: 0.2 }],
      },
    );
    const page = await listProposalPage(store.db, { advisor: 'alice', limit: 10, offset: 0 });
    expect(page.items).toEqual([
      expect.objectContaining({
        id,
        trades: 1,
        estimatedTaxUsd: 10.01,
        relaxed: ['H1-TAX: trading.maxTurnover'],
      }),
    ]);
    expect((await listProposalPage(store.db, { advisor: 'bob', limit: 10, offset: 0 })).total).toBe(
      0,
    );
    expect(await getProposal(store.db, id, 'bob')).toBeUndefined();
    const line = await getRunLine(store.db, page.items[0]!.runId);
    expect(line?.counts).toMatchObject({ proposalsWritten: 1, proposed: 1, trades: 1 });
  });

  it('decides a customization request once, writing the settings version', async () => {
    const r = await createCustomizationRequest(
      store.db,
      { accountId: 'H2-TAX', settings: { drift: { threshold: 0.1 } }, note: '' },
      'adv',
    );
    expect(
      (await listCustomizationRequests(store.db, { advisor: 'alice', limit: 10, offset: 0 })).total,
    ).toBe(0);
    const done = await decideCustomizationRequest(store.db, r.id, 'approved', 'pm1', 'ok');
    expect(done).toMatchObject({ ok: true, request: { status: 'approved', settingsVersion: 1 } });
    expect(await decideCustomizationRequest(store.db, r.id, 'rejected', 'pm1', 'no')).toMatchObject(
      { ok: false, code: 'notPending' },
    );
  });

  it('finds sessions and tokens only while live, and never by the secret itself', async () => {
    await createUser(
      store.db,
      { username: 'u1', role: 'viewer', advisor: null, passwordHash: 'x' },
      'admin',
    );
    expect(
      await createUser(
        store.db,
        { username: 'u1', role: 'pm', advisor: null, passwordHash: 'y' },
        'admin',
      ),
    ).toBe(false);
    const now = new Date('2026-11-20T12:00:00Z');
    await createSession(
      store.db,
      { id: 'h1', username: 'u1', csrfToken: 'c', expiresAt: new Date(now.getTime() + 1000) },
      { address: 'a' },
    );
    expect((await findSession(store.db, 'h1', now))?.user.username).toBe('u1');
    expect(await findSession(store.db, 'h1', new Date(now.getTime() + 2000))).toBeUndefined();
    await createApiToken(store.db, { id: 't1', username: 'u1', name: 'n', tokenHash: 'th' });
    expect((await findApiToken(store.db, 'th'))?.token.id).toBe('t1');
    await updateUser(store.db, 'u1', { disabled: true }, 'admin');
    expect(await findApiToken(store.db, 'th')).toBeUndefined();
    expect(await findSession(store.db, 'h1', now)).toBeUndefined();
  });

  it('pages the audit log newest first with a cursor', async () => {
    const first = await auditPage(store.db, { limit: 1 });
    expect(first.items[0]!.action).toBe('user.update');
    expect(first.total).toBeGreaterThan(1);
    const next = await auditPage(store.db, { limit: 100, before: first.nextBefore! });
    expect(next.items.every((e) => e.id < first.items[0]!.id)).toBe(true);
    expect(next.nextBefore).toBeNull();
    expect((await auditPage(store.db, { entity: 'model', limit: 10 })).total).toBe(1);
  });
});
