/** The demo firm through the store and the engine, as `tailor demo && tailor run` uses it. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRebalanceRequest } from '../io/index.js';
import { rebalance } from '../rebalance/index.js';
import {
  loadHouseholdInputs,
  loadMarketSnapshot,
  openStore,
  writeFirm,
  type HouseholdInput,
  type Store,
} from '../store/index.js';
import { buildDemoFirm } from './demo-firm.js';
import { DEMO_MODELS } from './models.js';

describe('the demo firm in the store', () => {
  const firm = buildDemoFirm({ accounts: 60, seed: 3 });
  let store: Store;
  let inputs: HouseholdInput[];

  beforeAll(async () => {
    store = await openStore({ home: 'memory' });
    await writeFirm(store.db, firm.data, 'demo');
    const snap = await loadMarketSnapshot(store.db, firm.asOf);
    inputs = await loadHouseholdInputs(
      store.db,
      snap,
      firm.data.households!.map((h) => h.id),
    );
  });
  afterAll(async () => {
    await store.close();
  });

  it('loads every household ready, as a valid interchange request', () => {
    expect(inputs.filter((i) => i.status !== 'ready')).toEqual([]);
    for (const input of inputs) {
      if (input.status !== 'ready') continue;
      const parsed = parseRebalanceRequest(input.request);
      expect(parsed.ok, input.householdId).toBe(true);
    }
  });

  it('refuses a second copy: the demo needs an empty store', async () => {
    await expect(writeFirm(store.db, firm.data, 'demo')).rejects.toThrow();
  });

  it('rebalances households of every shape without an account in error', () => {
    const ready = inputs.flatMap((i) => (i.status === 'ready' ? [i.request] : []));
    const direct = new Set<string>([DEMO_MODELS.direct, DEMO_MODELS.directPlusBond]);
    const picks = [
      ready.find((r) => r.accounts.some((a) => a.model !== null && direct.has(a.model))),
      ready.find((r) => r.household.model),
      ready.find((r) => r.accounts.some((a) => a.tradable === false)),
      ready.find((r) => r.accounts.some((a) => (a.settings?.cash?.withdrawal ?? 0) > 0)),
      ready.find((r) => r.accounts.some((a) => a.settings?.substitutions)),
      ready.find((r) => r.accounts.some((a) => a.model === null && a.tradable !== false)),
    ].filter((r) => r !== undefined);
    expect(picks.length).toBeGreaterThanOrEqual(4);
    for (const request of new Set(picks)) {
      const response = rebalance(request, { explain: false });
      const errors = response.accounts.filter((a) => a.status === 'error');
      expect(errors, request.household.id).toEqual([]);
      expect(response.accounts).toHaveLength(request.accounts.length);
      // No proxied security (the index keeps to covered stocks) and no lot missing its buy.
      const warnings = response.accounts.flatMap((a) => a.summary.warnings);
      expect(warnings.filter((w) => /not covered by the risk model|lists no buy/.test(w))).toEqual(
        [],
      );
    }
  });
});
