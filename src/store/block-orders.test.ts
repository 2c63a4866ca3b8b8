import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exact, sum } from '../tax/index.js';
import { createBlockOrders } from './block-orders.js';
import { getOrder, listOrders } from './block-orders-list.js';
import { writeFirm } from './firm-writer.js';
import { approve } from './lifecycle.js';
import { openLifecycleStore, propose } from './lifecycle-testing.js';
import type { Store } from './open-store.js';
import { auditLog, orderAllocations, orders, proposals, trades } from './schema/index.js';
import { testStoreKinds } from './testing/test-stores.js';

describe.each(testStoreKinds())('block orders on $name', ({ open }) => {
  let store: Store;
  let h1: string;
  let h3: string;
  let h2: string;
  beforeAll(async () => {
    store = await openLifecycleStore(open);
    h1 = await propose(store.db, 'H1', [
      { account: 'H1-TAX', security: 'VTI', side: 'sell', quantity: 40, price: 301.25 },
      { account: 'H1-TAX', security: 'BND', side: 'buy', quantity: 100, price: 72.4 },
      { account: 'H1-IRA', security: 'BND', side: 'buy', quantity: 5.5, price: 72.4 },
    ]);
    h3 = await propose(store.db, 'H3', [
      { account: 'H3-TAX', security: 'VTI', side: 'sell', quantity: 10, price: 301.25 },
      { account: 'H3-TAX', security: 'BND', side: 'buy', quantity: 12.25, price: 72.4 },
    ]);
    // Never approved (its household is gated): its trade must stay out of every order.
    h2 = await propose(store.db, 'H2', [
      { account: 'H2-TAX', security: 'BND', side: 'buy', quantity: 3, price: 72.4 },
    ]);
    for (const id of [h1, h3])
      expect(await approve(store.db, id, 'pm1')).toMatchObject({ ok: true });
  });
  afterAll(async () => store?.close());

  const statuses = async () =>
    Object.fromEntries(
      (
        await store.db
          .select()
          .from(proposals)
          .where(inArray(proposals.id, [h1, h2, h3]))
      ).map((p) => [p.id, p.status]),
    );

  it('aggregates approved trades per security and side, allocated back to each account', async () => {
    const result = await createBlockOrders(store.db, 'trader1');
    expect(result.proposalIds.sort()).toEqual([h1, h3].sort());
    const summary = result.orders.map((o) => ({
      security: o.securityId,
      side: o.side,
      quantity: o.quantity,
      status: o.status,
      allocations: o.allocations.map((a) => [a.householdId, a.accountId, a.quantity]),
    }));
    expect(summary).toEqual([
      {
        security: 'BND',
        side: 'buy',
        quantity: '117.75',
        status: 'open',
        allocations: [
          ['H1', 'H1-IRA', '5.5'],
          ['H1', 'H1-TAX', '100'],
          ['H3', 'H3-TAX', '12.25'],
        ],
      },
      {
        security: 'VTI',
        side: 'sell',
        quantity: '50',
        status: 'open',
        allocations: [
          ['H1', 'H1-TAX', '40'],
          ['H3', 'H3-TAX', '10'],
        ],
      },
    ]);
    for (const o of result.orders)
      expect(sum(o.allocations.map((a) => exact(a.quantity))).equals(exact(o.quantity))).toBe(true);
    expect(await statuses()).toEqual({ [h1]: 'ordered', [h3]: 'ordered', [h2]: 'proposed' });
    // What was written reads back the same.
    expect(await listOrders(store.db)).toEqual(result.orders);
    expect(await getOrder(store.db, result.orders[1]!.id)).toEqual(result.orders[1]);
    expect(await getOrder(store.db, 'nope')).toBeUndefined();
    const audit = await store.db.select().from(auditLog).where(eq(auditLog.actor, 'trader1'));
    expect(audit.map((a) => a.action).sort()).toEqual([
      'order.create',
      'order.create',
      'proposal.ordered',
      'proposal.ordered',
    ]);
  });

  it('puts each trade of an approved proposal in exactly one order, and nothing twice', async () => {
    const again = await createBlockOrders(store.db, 'trader1');
    expect(again).toEqual({ orders: [], proposalIds: [] });
    const allocated = await store.db.select().from(orderAllocations);
    const approvedTrades = await store.db
      .select()
      .from(trades)
      .where(inArray(trades.proposalId, [h1, h3]));
    expect(allocated.map((a) => a.tradeId).sort()).toEqual(approvedTrades.map((t) => t.id).sort());
    expect(approvedTrades).toHaveLength(5);
    // Rows are made only for what goes into orders: the unapproved proposal's trade has none.
    expect(await store.db.select().from(trades).where(eq(trades.proposalId, h2))).toEqual([]);
    expect(await store.db.select().from(orders)).toHaveLength(2);
  });

  it('gives a proposal approved meanwhile to one of two concurrent calls only', async () => {
    await writeFirm(
      store.db,
      {
        households: [{ id: 'H5', shortTermRate: '0.3', longTermRate: '0.15' }],
        accounts: [
          { id: 'H5-TAX', householdId: 'H5', taxStatus: 'taxable', modelId: null, cash: '900' },
        ],
      },
      'loader',
    );
    const h5 = await propose(store.db, 'H5', [
      { account: 'H5-TAX', security: 'BND', side: 'buy', quantity: 2, price: 72.4 },
    ]);
    expect(await approve(store.db, h5, 'pm1')).toMatchObject({ ok: true });
    const both = await Promise.all([
      createBlockOrders(store.db, 'trader2'),
      createBlockOrders(store.db, 'trader3'),
    ]);
    expect(both.flatMap((r) => r.proposalIds)).toEqual([h5]);
    const made = both.flatMap((r) => r.orders);
    expect(made.map((o) => [o.securityId, o.side, o.quantity])).toEqual([['BND', 'buy', '2']]);
    expect(await listOrders(store.db, { status: 'open' })).toHaveLength(3);
    expect(await listOrders(store.db, { status: 'filled' })).toEqual([]);
  });
});
