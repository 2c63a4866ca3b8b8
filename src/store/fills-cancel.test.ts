import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBlockOrders } from './block-orders.js';
import { getOrder } from './block-orders-list.js';
import { cancelOrder } from './fills-cancel.js';
import { fillOrder } from './fills.js';
import { approve } from './lifecycle.js';
import { holdingsOf, LIFECYCLE_AS_OF, openLifecycleStore, propose } from './lifecycle-testing.js';
import type { Store } from './open-store.js';
import { auditLog, proposals, transactions } from './schema/index.js';
import { testStoreKinds } from './testing/test-stores.js';

const ACCOUNTS = ['H1-TAX', 'H1-IRA', 'H3-TAX'];

describe.each(testStoreKinds())('cancelling orders on $name', ({ open }) => {
  let store: Store;
  let h1: string;
  let h3: string;
  const order: Record<string, string> = {};
  beforeAll(async () => {
    store = await openLifecycleStore(open);
    h1 = await propose(store.db, 'H1', [
      {
        account: 'H1-TAX',
        security: 'VTI',
        side: 'sell',
        quantity: 5,
        price: 301.25,
        lots: [['L0', 5]],
      },
      { account: 'H1-TAX', security: 'BND', side: 'buy', quantity: 2, price: 72.4 },
    ]);
    h3 = await propose(store.db, 'H3', [
      { account: 'H3-TAX', security: 'VTI', side: 'buy', quantity: 1, price: 301.25 },
    ]);
    for (const id of [h1, h3])
      expect(await approve(store.db, id, 'pm1')).toMatchObject({ ok: true });
    for (const o of (await createBlockOrders(store.db, 'trader1')).orders)
      order[`${o.side} ${o.securityId}`] = o.id;
    expect(Object.keys(order).sort()).toEqual(['buy BND', 'buy VTI', 'sell VTI']);
  });
  afterAll(async () => store?.close());

  const statusOf = async (id: string) =>
    (await store.db.select().from(proposals).where(eq(proposals.id, id)))[0]?.status;
  const auditOf = (entityId: string) =>
    store.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'proposal'), eq(auditLog.entityId, entityId)));

  it('cancels an open order: ordered → cancelled, no lot, cash or transaction touched', async () => {
    const before = await holdingsOf(store.db, ACCOUNTS);
    const txCount = (await store.db.select().from(transactions)).length;
    const done = await cancelOrder(store.db, order['buy VTI']!, 'trader1', 'price ran away');
    expect(done).toEqual({
      ok: true,
      orderId: order['buy VTI'],
      bookings: [],
      proposals: [{ id: h3, status: 'cancelled' }],
      status: 'cancelled',
      filledQuantity: '0',
      remainingQuantity: '0',
    });
    expect(await holdingsOf(store.db, ACCOUNTS)).toEqual(before);
    expect(await store.db.select().from(transactions)).toHaveLength(txCount);
    expect(await getOrder(store.db, order['buy VTI']!)).toMatchObject({ status: 'cancelled' });
    expect(await statusOf(h3)).toBe('cancelled');
    const cancelled = await store.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'order.cancel'), eq(auditLog.entityId, order['buy VTI']!)));
    expect(cancelled.map((a) => [a.actor, a.detail.note])).toEqual([['trader1', 'price ran away']]);

    expect(await cancelOrder(store.db, order['buy VTI']!, 'trader1')).toMatchObject({
      ok: false,
      code: 'notOpen',
    });
    const fill = await fillOrder(store.db, order['buy VTI']!, '300', 'trader1');
    expect(fill.ok || fill.why).toMatch(/is cancelled; only an open order can be filled/);
    expect(await approve(store.db, h3, 'pm1')).toMatchObject({ ok: false, code: 'notProposed' });
  });

  it('settles a proposal only when its last order closes: partly filled ends cancelled', async () => {
    const sold = await fillOrder(store.db, order['sell VTI']!, '300', 'trader1', {
      date: LIFECYCLE_AS_OF,
    });
    expect(sold).toMatchObject({ ok: true, proposals: [] });
    expect(await statusOf(h1)).toBe('ordered');
    const done = await cancelOrder(store.db, order['buy BND']!, 'trader1');
    expect(done).toMatchObject({ ok: true, proposals: [{ id: h1, status: 'cancelled' }] });
    expect(await statusOf(h1)).toBe('cancelled');
    const settled = (await auditOf(h1)).find((a) => a.action === 'proposal.cancelled');
    expect(settled?.detail.orders).toEqual(
      expect.arrayContaining([
        { id: order['sell VTI'], status: 'filled' },
        { id: order['buy BND'], status: 'cancelled' },
      ]),
    );
    // Only the sell was booked: L0 gave 5 shares, no BND lot, cash up by 5 × 300.
    expect(await holdingsOf(store.db, ['H1-TAX'])).toEqual({
      lots: ['H1-TAX/L0 VTI 15 3000.00 2023-03-01', 'H1-TAX/L1 VTI 100 35000.00 2024-02-01'],
      cash: { 'H1-TAX': '11500.00' },
    });
  });
});
