import { describe, expect, it } from 'vitest';
import { createBlockOrders } from './block-orders.js';
import { approve } from './lifecycle.js';
import { openLifecycleStore, propose, type TestTrade } from './lifecycle-testing.js';
import { openStore } from './open-store.js';

describe('block orders for a whole book', () => {
  it('orders more trades than a call takes arguments (a whole approved book)', async () => {
    // 140,000 trades: past what `rows.push(...batch)` took before it threw a RangeError.
    const store = await openLifecycleStore(() => openStore({ home: 'memory' }));
    try {
      const trades: TestTrade[] = [];
      for (let k = 0; k < 140_000; k++)
        trades.push({ account: 'H1-TAX', security: 'BND', side: 'buy', quantity: 1, price: 72.4 });
      const id = await propose(store.db, 'H1', trades);
      expect(await approve(store.db, id, 'pm1')).toMatchObject({ ok: true });
      const result = await createBlockOrders(store.db, 'trader1');
      expect(result.proposalIds).toEqual([id]);
      expect(result.orders.map((o) => [o.securityId, o.side, o.quantity])).toEqual([
        ['BND', 'buy', '140000'],
      ]);
      expect(result.orders[0]!.allocations).toHaveLength(140_000);
    } finally {
      await store.close();
    }
  }, 120_000);
});
