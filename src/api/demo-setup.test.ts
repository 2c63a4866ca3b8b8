/** `tailor serve --demo`'s setup: the firm and a first run once, one demo backtest, the logins. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listBacktests, openStore, type Store } from '../store/index.js';
import { DEMO_BACKTEST, setUpDemo, type DemoSetup } from './demo-setup.js';

describe('the demo setup', () => {
  let store: Store;
  let first: DemoSetup;
  beforeAll(async () => {
    store = await openStore({ home: 'memory' });
    first = await setUpDemo(store, { accounts: 12, password: 'demo-password', threads: 0 });
  }, 120_000);
  afterAll(async () => store?.close());

  it('builds the firm, runs it, and saves one backtest for the Evidence page', async () => {
    expect(first).toMatchObject({ built: true, runId: expect.any(String) });
    expect(first.logins.map((l) => l.username)).toEqual([
      'admin',
      'pm',
      'trader',
      'advisor',
      'viewer',
    ]);
    const saved = await listBacktests(store.db, { limit: 10, offset: 0 });
    expect(saved.items).toEqual([
      expect.objectContaining({
        id: first.backtestId,
        createdBy: 'demo',
        scenario: DEMO_BACKTEST.scenario,
        start: DEMO_BACKTEST.start,
        end: DEMO_BACKTEST.end,
      }),
    ]);
  });

  it('adds nothing on a store that already has them', async () => {
    const again = await setUpDemo(store, { accounts: 12, password: 'demo-password', threads: 0 });
    expect(again).toMatchObject({ built: false, runId: null, backtestId: null });
    expect((await listBacktests(store.db, { limit: 10, offset: 0 })).total).toBe(1);
  }, 60_000);
});
