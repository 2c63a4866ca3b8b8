/**
 * A broker's executions booked as fills, keyed by ExecID: read twice, or again after a crash
 * part way, they book once; a bad one is refused without stopping the rest.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBlockOrders } from './block-orders.js';
import { getOrder } from './block-orders-list.js';
import { bookExecutions, executionOutcome } from './executions.js';
import { approve } from './lifecycle.js';
import { holdingsOf, openLifecycleStore, propose } from './lifecycle-testing.js';
import type { Store } from './open-store.js';
import { testStoreKinds } from './testing/test-stores.js';

describe.each(testStoreKinds())('executions on $name', ({ open }) => {
  let store: Store;
  let order: string;
  beforeAll(async () => {
    store = await openLifecycleStore(open);
    const id = await propose(store.db, 'H3', [
      { account: 'H3-TAX', security: 'BND', side: 'buy', quantity: 12, price: 72.4 },
    ]);
    expect(await approve(store.db, id, 'pm1')).toMatchObject({ ok: true });
    order = (await createBlockOrders(store.db, 'trader1')).orders[0]!.id;
  });
  afterAll(async () => store?.close());

  const file = () => [
    { orderId: order, execId: 'E-1', quantity: '5', price: '72' },
    { orderId: order, execId: 'E-2', quantity: '9', price: '72.5' },
    { orderId: order, execId: 'E-3', quantity: '7', price: '72.5' },
    { orderId: 'ord-none', execId: 'E-4', quantity: '1', price: '72.5' },
  ];
  const outcomes = async (executions: ReturnType<typeof file>) =>
    (await bookExecutions(store.db, executions, 'desk')).map(
      ({ execution, outcome }) =>
        `${execution.execId} ${executionOutcome(outcome)}${outcome.ok ? '' : `: ${outcome.why}`}`,
    );

  it('books a file cut short by a crash, then the whole file, once', async () => {
    // The first execution booked, then the process died.
    expect(await outcomes(file().slice(0, 1))).toEqual(['E-1 booked']);
    expect(await outcomes(file())).toEqual([
      `E-1 alreadyBooked: execution E-1 of order ${order} is already booked (fill 1: 5 shares on 2026-11-20); nothing more was booked`,
      `E-2 refused: quantity 9 is more than the 7 shares the order still needs`,
      'E-3 booked',
      'E-4 refused: no order ord-none; list open orders with tailor orders list',
    ]);
    const booked = await holdingsOf(store.db, ['H3-TAX']);
    // One lot at the average price, (5 × 72 + 7 × 72.5) / 12 = 72.29166667.
    expect(booked.lots.filter((l) => l.includes(' BND '))).toEqual([
      `H3-TAX/${order} BND 12 867.50 2026-11-20`,
    ]);
    // Read a third time: nothing more moves, the filled order names each execution booked.
    expect((await outcomes(file())).map((o) => o.split(':')[0])).toEqual([
      'E-1 alreadyBooked',
      'E-2 refused',
      'E-3 alreadyBooked',
      'E-4 refused',
    ]);
    expect(await holdingsOf(store.db, ['H3-TAX'])).toEqual(booked);
    expect(await getOrder(store.db, order)).toMatchObject({
      status: 'filled',
      filledQuantity: '12',
    });
  });
});
