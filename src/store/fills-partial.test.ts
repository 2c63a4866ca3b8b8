/**
 * Orders that fill in parts: a buy at two prices (shared pro rata, a whole-share account kept
 * whole), a sell whose parts relieve the lots its proposal named in order, and a cancel of the
 * rest after a part filled — on both stores.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exact, sum } from '../tax/index.js';
import { createBlockOrders } from './block-orders.js';
import { getOrder, unfilledPart } from './block-orders-list.js';
import { cancelOrder } from './fills-cancel.js';
import { fillOrder } from './fills.js';
import { approve } from './lifecycle.js';
import { holdingsOf, LIFECYCLE_AS_OF, openLifecycleStore, propose } from './lifecycle-testing.js';
import type { Store } from './open-store.js';
import { auditLog, proposals } from './schema/index.js';
import { testStoreKinds } from './testing/test-stores.js';

const DAY = LIFECYCLE_AS_OF;

describe.each(testStoreKinds())('partial fills on $name', ({ open }) => {
  let store: Store;
  let h1: string;
  let h3: string;
  let sellVti: string;
  let buyBnd: string;
  beforeAll(async () => {
    store = await openLifecycleStore(open);
    // H1 sells 30 VTI from L0 (20, bought at 200) then L1 (10 of 100, bought at 350).
    h1 = await propose(store.db, 'H1', [
      {
        account: 'H1-TAX',
        security: 'VTI',
        side: 'sell',
        quantity: 30,
        price: 300.5,
        lots: [
          ['L0', 20],
          ['L1', 10],
        ],
      },
      { account: 'H1-TAX', security: 'BND', side: 'buy', quantity: 100, price: 72.4 },
      { account: 'H1-IRA', security: 'BND', side: 'buy', quantity: 5.5, price: 72.4 },
    ]);
    h3 = await propose(store.db, 'H3', [
      { account: 'H3-TAX', security: 'BND', side: 'buy', quantity: 12.25, price: 72.4 },
    ]);
    for (const id of [h1, h3])
      expect(await approve(store.db, id, 'pm1')).toMatchObject({ ok: true });
    const made = await createBlockOrders(store.db, 'trader1');
    buyBnd = made.orders.find((o) => o.securityId === 'BND')!.id;
    sellVti = made.orders.find((o) => o.securityId === 'VTI')!.id;
  });
  afterAll(async () => store?.close());

  const statusOf = async (id: string) =>
    (await store.db.select().from(proposals).where(eq(proposals.id, id)))[0]?.status;
  const ACCOUNTS = ['H1-TAX', 'H1-IRA', 'H3-TAX'];

  it('fills a buy in two parts at two prices: pro rata, the whole-share account whole, a lot per part', async () => {
    const first = await fillOrder(store.db, buyBnd, '72', 'trader1', { quantity: '50' });
    expect(first).toMatchObject({
      ok: true,
      status: 'open',
      filledQuantity: '50',
      remainingQuantity: '67.75',
      proposals: [],
    });
    if (!first.ok) return;
    // Allocations by account: H1-IRA 5.5, H1-TAX 100 (whole shares), H3-TAX 12.25.
    expect(first.bookings.map((b) => [b.accountId, b.quantity])).toEqual([
      ['H1-IRA', '2.478873'],
      ['H1-TAX', '42'],
      ['H3-TAX', '5.521127'],
    ]);
    expect(sum(first.bookings.map((b) => exact(b.quantity))).toFixed()).toBe('50');
    expect(await statusOf(h3)).toBe('ordered');
    const part = await getOrder(store.db, buyBnd);
    expect(part).toMatchObject({ status: 'open', filledQuantity: '50', fillPrice: '72' });
    expect(part!.fills).toMatchObject([
      { quantity: '50', price: '72', date: DAY, actor: 'trader1' },
    ]);
    expect(part!.allocations.map((a) => [a.accountId, a.quantity, a.filledQuantity])).toEqual([
      ['H1-IRA', '5.5', '2.478873'],
      ['H1-TAX', '100', '42'],
      ['H3-TAX', '12.25', '5.521127'],
    ]);
    // The exports send what is still open, not the shares already filled.
    const open = unfilledPart(part!);
    expect([open.quantity, ...open.allocations.map((a) => a.quantity)]).toEqual([
      '67.75',
      '3.021127',
      '58',
      '6.728873',
    ]);

    const before = await holdingsOf(store.db, ACCOUNTS);
    expect(await fillOrder(store.db, buyBnd, '73', 'trader1', { quantity: '67.76' })).toEqual({
      ok: false,
      orderId: buyBnd,
      code: 'badQuantity',
      why: 'quantity 67.76 is more than the 67.75 shares the order still needs',
    });
    expect(await holdingsOf(store.db, ACCOUNTS)).toEqual(before);

    const rest = await fillOrder(store.db, buyBnd, '73', 'trader2');
    expect(rest).toMatchObject({
      ok: true,
      status: 'filled',
      filledQuantity: '117.75',
      remainingQuantity: '0',
    });
    const { lots: held } = await holdingsOf(store.db, ['H1-TAX']);
    expect(held.filter((l) => l.includes(' BND '))).toEqual([
      `H1-TAX/${buyBnd} BND 42 3024.00 ${DAY}`,
      `H1-TAX/${buyBnd}-2 BND 58 4234.00 ${DAY}`,
    ]);
    const done = await getOrder(store.db, buyBnd);
    // (50 × 72 + 67.75 × 73) / 117.75 = 72.575371549…
    expect(done).toMatchObject({ status: 'filled', fillPrice: '72.57537155' });
    expect(done!.fills.map((f) => [f.quantity, f.price, f.actor])).toEqual([
      ['50', '72', 'trader1'],
      ['67.75', '73', 'trader2'],
    ]);
    expect(done!.allocations.every((a) => a.filledQuantity === a.quantity)).toBe(true);
    // H3's only order filled; H1 waits for its VTI sell.
    expect([await statusOf(h1), await statusOf(h3)]).toEqual(['ordered', 'filled']);
  });

  it('fills a sell in two parts: each relieves the next of the lots the proposal named', async () => {
    const first = await fillOrder(store.db, sellVti, '300.5', 'trader1', { quantity: 25 });
    // L0: 20 × 300.5 − 4000 = 2010; 5 of L1: 1502.50 − 1750 = −247.50.
    expect(first).toMatchObject({
      ok: true,
      status: 'open',
      bookings: [{ accountId: 'H1-TAX', quantity: '25', realizedGain: '1762.50' }],
    });
    const vti = async () =>
      (await holdingsOf(store.db, ['H1-TAX'])).lots.filter((l) => l.includes(' VTI '));
    expect(await vti()).toEqual(['H1-TAX/L1 VTI 95 33250.00 2024-02-01']);
    const rest = await fillOrder(store.db, sellVti, '310', 'trader1');
    // 5 more of L1: 1550 − 1750 = −200.
    expect(rest).toMatchObject({
      ok: true,
      status: 'filled',
      bookings: [{ accountId: 'H1-TAX', quantity: '5', realizedGain: '-200.00' }],
      proposals: [{ id: h1, status: 'filled' }],
    });
    expect(await vti()).toEqual(['H1-TAX/L1 VTI 90 31500.00 2024-02-01']);
  });

  it('cancels the rest of a partly filled order: what filled stays booked, the proposal is cancelled', async () => {
    const id = await propose(store.db, 'H3', [
      {
        account: 'H3-TAX',
        security: 'VTI',
        side: 'sell',
        quantity: 10,
        price: 300,
        lots: [['L1', 10]],
      },
    ]);
    expect(await approve(store.db, id, 'pm1')).toMatchObject({ ok: true });
    const order = (await createBlockOrders(store.db, 'trader1')).orders[0]!.id;
    const refused = async (quantity: string) => {
      const r = await fillOrder(store.db, order, '300', 'trader1', { quantity });
      return r.ok ? 'filled' : `${r.code}: ${r.why}`;
    };
    expect(await refused('abc')).toBe('badQuantity: quantity must be a number; got "abc"');
    expect(await refused('0')).toBe('badQuantity: quantity must be above 0; got "0"');
    expect(await refused('2.5')).toBe(
      'badQuantity: quantity 2.5 cannot be shared in whole shares: fill a whole number of shares, or the whole rest of the order',
    );
    expect(await refused('4')).toBe('filled');
    expect(await cancelOrder(store.db, order, 'trader1', 'the market closed')).toMatchObject({
      ok: true,
      status: 'cancelled',
      filledQuantity: '4',
      remainingQuantity: '0',
      proposals: [{ id, status: 'cancelled' }],
    });
    expect((await holdingsOf(store.db, ['H3-TAX'])).lots).toContain(
      'H3-TAX/L1 VTI 26 5200.00 2022-06-01',
    );
    expect(await getOrder(store.db, order)).toMatchObject({
      status: 'cancelled',
      filledQuantity: '4',
    });
    const [entry] = await store.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, order), eq(auditLog.action, 'order.cancel')));
    expect(entry?.detail).toMatchObject({ filledQuantity: '4', cancelledQuantity: '6' });
  });
});
