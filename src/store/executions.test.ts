/**
 * A broker's executions booked as fills, keyed by ExecID: read twice, or again after a crash
 * part way, they book once; a bad one is refused without stopping the rest. A trade bust takes
 * back an open order's fill and a correction replaces it; of a filled order, both are refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBlockOrders } from './block-orders.js';
import { getOrder } from './block-orders-list.js';
import {
  bookExecutions,
  executionMessage,
  executionOutcome,
  type BustToBook,
  type ExecutionToBook,
} from './executions.js';
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
        `${execution.execId} ${executionOutcome(execution, outcome)}${outcome.ok ? '' : `: ${outcome.why}`}`,
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

  it('takes back a busted fill of an open order, replaces a corrected one, and refuses both once the order is filled', async () => {
    const id = await propose(store.db, 'H3', [
      { account: 'H3-TAX', security: 'BND', side: 'buy', quantity: 10, price: 72.4 },
    ]);
    expect(await approve(store.db, id, 'pm1')).toMatchObject({ ok: true });
    const o = (await createBlockOrders(store.db, 'trader1')).orders[0]!.id;
    type Line = ExecutionToBook | BustToBook;
    const book = async (lines: Line[]) =>
      (await bookExecutions(store.db, lines, 'desk')).map(
        ({ execution, outcome }) =>
          `${execution.execId} ${executionOutcome(execution, outcome)}: ${executionMessage(execution, outcome)}`,
      );
    const lines: Line[] = [
      { orderId: o, execId: 'B-1', quantity: '4', price: '72' },
      { orderId: o, execId: 'B-2', quantity: '3', price: '73' },
      { orderId: o, execId: 'B-3', busts: 'B-1' },
      { orderId: o, execId: 'B-4', corrects: 'B-2', quantity: '2', price: '72.8' },
      { orderId: o, execId: 'B-5', busts: 'B-9' },
    ];
    expect(await book(lines)).toEqual([
      'B-1 booked: filled 4 shares at 72; 6 shares still open',
      'B-2 booked: filled 3 shares at 73; 3 shares still open',
      'B-3 undone: took back execution B-1 (a trade bust); 3 shares filled; 7 shares still open',
      'B-4 booked: corrected execution B-2 to 2 shares at 72.8; 8 shares still open',
      `B-5 refused: the trade bust B-5 of execution B-9: order ${o} has no execution B-9; nothing was changed`,
    ]);
    // Only the corrected fill stands: 2 shares at 72.8; the two taken back are listed, marked.
    const after = await getOrder(store.db, o);
    expect(after).toMatchObject({ status: 'open', filledQuantity: '2', fillPrice: '72.8' });
    expect(after!.fills.map((f) => [f.quantity, f.price, f.undoneBy])).toEqual([
      ['4', '72', 'B-3'],
      ['3', '73', 'B-4'],
      ['2', '72.8', undefined],
    ]);
    // The file again: nothing moves — the busted and corrected executions are not booked anew.
    expect((await book(lines)).map((l) => l.split(':')[0])).toEqual([
      'B-1 alreadyBooked',
      'B-2 alreadyBooked',
      'B-3 alreadyBooked',
      'B-4 alreadyBooked',
      'B-5 refused',
    ]);
    expect(await getOrder(store.db, o)).toMatchObject({ filledQuantity: '2', fillPrice: '72.8' });
    // A correction the order cannot take is refused whole: the fill it would replace stands.
    expect(
      await book([{ orderId: o, execId: 'B-6', corrects: 'B-4', quantity: '11', price: '73' }]),
    ).toEqual([
      'B-6 refused: the trade correction B-6 of execution B-4 is not applied: quantity 11 is more than the 10 shares the order still needs',
    ]);
    // (B-4's fill counted out for the check: with it taken back, 10 shares remain.)
    expect(await getOrder(store.db, o)).toMatchObject({ filledQuantity: '2', fillPrice: '72.8' });

    // Filled, the order's fills are booked to the account: a bust is refused, with what to do.
    const before = await holdingsOf(store.db, ['H3-TAX']);
    expect(await book([{ orderId: o, execId: 'B-7', quantity: '8', price: '73' }])).toEqual([
      'B-7 booked: filled 8 shares at 73; the order is complete, booked to 1 account at its average price',
    ]);
    const filled = await holdingsOf(store.db, ['H3-TAX']);
    expect(filled).not.toEqual(before);
    const [refused] = await book([{ orderId: o, execId: 'B-8', busts: 'B-7' }]);
    expect(refused).toMatch(
      new RegExp(
        `^B-8 refused: the trade bust B-8 of execution B-7 is not applied: order ${o} is filled, .*\\(tailor import\\)$`,
      ),
    );
    expect(await holdingsOf(store.db, ['H3-TAX'])).toEqual(filled);
  });
});
