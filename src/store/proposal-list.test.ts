import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approve } from './lifecycle.js';
import { openLifecycleStore, propose } from './lifecycle-testing.js';
import type { Store } from './open-store.js';
import { latestRunId, listProposals } from './proposal-list.js';
import { getRun, writeProposal } from './runs-repo.js';
import { testStoreKinds } from './testing/test-stores.js';

describe.each(testStoreKinds())('listing proposals on $name', ({ open }) => {
  let store: Store;
  beforeAll(async () => {
    store = await openLifecycleStore(open);
  });
  afterAll(async () => store?.close());

  it('lists by run and status with trade counts, estimated tax and what gave way', async () => {
    const h1 = await propose(store.db, 'H1', [
      { account: 'H1-TAX', security: 'BND', side: 'buy', quantity: 10, price: 72.4 },
    ]);
    expect(await approve(store.db, h1, 'pm1')).toMatchObject({ ok: true });
    const relaxed = [{ setting: 'accounts[0].settings.turnover', limit: 0.1, actual: 0.2 }];
    const h3 = await propose(
      store.db,
      'H3',
      [
        { account: 'H3-TAX', security: 'VTI', side: 'sell', quantity: 10, price: 301.25 },
        { account: 'H3-TAX', security: 'BND', side: 'buy', quantity: 40, price: 72.4 },
      ],
      { estimatedTax: -123.45, relaxed },
    );
    const runId = (await latestRunId(store.db))!;
    expect((await getRun(store.db, runId))?.selection).toMatchObject({ households: ['H3'] });
    expect(await listProposals(store.db, { runId })).toEqual([
      {
        id: h3,
        runId,
        householdId: 'H3',
        status: 'proposed',
        trades: 2,
        estimatedTax: -123.45,
        relaxed: ['H3-TAX: accounts[0].settings.turnover'],
        reason: null,
      },
    ]);
    const approved = await listProposals(store.db, { status: 'approved' });
    expect(approved.map((p) => [p.id, p.trades])).toEqual([[h1, 1]]);
    await writeProposal(store.db, {
      runId,
      householdId: 'H2',
      inputHash: 'x',
      status: 'gated',
      reason: 'stale price for OLD',
    });
    expect(await listProposals(store.db, { runId, status: 'gated' })).toMatchObject([
      { householdId: 'H2', reason: 'stale price for OLD', trades: 0, relaxed: [] },
    ]);
    expect((await listProposals(store.db)).map((p) => p.householdId)).toEqual(['H1', 'H2', 'H3']);
  });
});
