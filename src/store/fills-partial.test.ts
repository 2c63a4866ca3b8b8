/**
 * Orders that fill in parts: a buy and a sell at two prices, booked to every account at the
 * average price once complete, and a cancel of the rest after a part filled, which books the
 * filled shares pro rata — on both stores.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBlockOrders } from './block-orders.js';
import { getOrder, unfilledPart } from './block-orders-list.js';
import { cancelOrder } from './fills-cancel.js';
import { fillOrder } from './fills.js';
import { approve } from './lifecycle.js';
import { holdingsOf, LIFECYCLE_AS_OF, openLifecycleStore, propose } from './lifecycle-testing.js';
import type { Store } from './open-store.js';
import { auditLog, proposals, securities } from './schema/index.js';
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

  it('fills a buy in two parts at two prices: nothing booked until complete, then every account at the average price', async () => {
    const before = await holdingsOf(store.db, ACCOUNTS);
    const first = await fillOrder(store.db, buyBnd, '72', 'trader1', { quantity: '50' });
    expect(first).toEqual({
      ok: true,
      orderId: buyBnd,
      bookings: [],
      proposals: [],
      status: 'open',
      filledQuantity: '50',
      remainingQuantity: '67.75',
    });
    expect(await holdingsOf(store.db, ACCOUNTS)).toEqual(before);
    expect(await statusOf(h3)).toBe('ordered');
    const part = await getOrder(store.db, buyBnd);
    expect(part).toMatchObject({ status: 'open', filledQuantity: '50', fillPrice: '72' });
    expect(part!.fills).toMatchObject([
      { quantity: '50', price: '72', date: DAY, actor: 'trader1' },
    ]);
    // The exports send what is still open: each allocation less its pro-rata part of the 50
    // (H1-IRA 5.5, H1-TAX 100 in whole shares, H3-TAX 12.25: 2.478873, 42, 5.521127).
    const open = unfilledPart(part!);
    expect([open.quantity, ...open.allocations.map((a) => a.quantity)]).toEqual([
      '67.75',
      '3.021127',
      '58',
      '6.728873',
    ]);

    expect(await fillOrder(store.db, buyBnd, '73', 'trader1', { quantity: '67.76' })).toEqual({
      ok: false,
      orderId: buyBnd,
      code: 'badQuantity',
      why: 'quantity 67.76 is more than the 67.75 shares the order still needs',
    });
    expect(await fillOrder(store.db, buyBnd, '73', 'trader1', { quantity: '1.0000001' })).toEqual({
      ok: false,
      orderId: buyBnd,
      code: 'badQuantity',
      why: 'quantity 1.0000001 has more than 6 decimals',
    });

    const rest = await fillOrder(store.db, buyBnd, '73', 'trader2');
    // (50 × 72 + 67.75 × 73) / 117.75 = 72.575371549…
    expect(rest).toMatchObject({
      ok: true,
      status: 'filled',
      filledQuantity: '117.75',
      remainingQuantity: '0',
      proposals: [{ id: h3, status: 'filled' }],
    });
    if (!rest.ok) return;
    expect(rest.bookings.map((b) => [b.accountId, b.quantity, b.amount])).toEqual([
      ['H1-IRA', '5.5', '-399.16'],
      ['H1-TAX', '100', '-7257.54'],
      ['H3-TAX', '12.25', '-889.05'],
    ]);
    const { lots: held } = await holdingsOf(store.db, ACCOUNTS);
    expect(held.filter((l) => l.includes(' BND ') && l.includes(buyBnd))).toEqual([
      `H1-IRA/${buyBnd} BND 5.5 399.16 ${DAY}`,
      `H1-TAX/${buyBnd} BND 100 7257.54 ${DAY}`,
      `H3-TAX/${buyBnd} BND 12.25 889.05 ${DAY}`,
    ]);
    const done = await getOrder(store.db, buyBnd);
    expect(done).toMatchObject({ status: 'filled', fillPrice: '72.57537155' });
    expect(done!.fills.map((f) => [f.quantity, f.price, f.actor])).toEqual([
      ['50', '72', 'trader1'],
      ['67.75', '73', 'trader2'],
    ]);
    expect(done!.allocations.every((a) => a.filledQuantity === a.quantity)).toBe(true);
    expect(await statusOf(h1)).toBe('ordered'); // its VTI sell is still open
  });

  it('fills a sell in two parts: complete, it relieves the lots the proposal named at the average price', async () => {
    const vti = async () =>
      (await holdingsOf(store.db, ['H1-TAX'])).lots.filter((l) => l.includes(' VTI '));
    const before = await vti();
    expect(await fillOrder(store.db, sellVti, '300.5', 'trader1', { quantity: 25 })).toMatchObject({
      ok: true,
      status: 'open',
      bookings: [],
    });
    expect(await vti()).toEqual(before);
    const rest = await fillOrder(store.db, sellVti, '310', 'trader1');
    // Average (25 × 300.5 + 5 × 310) / 30 = 302.0833333…; L0: 20 × 302.08333333 − 4000 =
    // 2041.67; L1: 10 × 302.08333333 − 3500 = −479.17.
    expect(rest).toMatchObject({
      ok: true,
      status: 'filled',
      bookings: [
        { accountId: 'H1-TAX', quantity: '30', amount: '9062.50', realizedGain: '1562.50' },
      ],
      proposals: [{ id: h1, status: 'filled' }],
    });
    expect(await vti()).toEqual(['H1-TAX/L1 VTI 90 31500.00 2024-02-01']);
  });

  it('cancels the rest of a partly filled order: the filled shares are booked, the proposal is cancelled', async () => {
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
      "badQuantity: quantity 2.5: this order's accounts trade whole shares; fill a whole number of shares",
    );
    expect(await refused('4')).toBe('filled');
    expect((await holdingsOf(store.db, ['H3-TAX'])).lots).toContain(
      'H3-TAX/L1 VTI 30 6000.00 2022-06-01',
    );
    expect(await cancelOrder(store.db, order, 'trader1', 'the market closed')).toMatchObject({
      ok: true,
      status: 'cancelled',
      bookings: [{ accountId: 'H3-TAX', quantity: '4', amount: '1200.00', realizedGain: '400.00' }],
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
      allocations: [{ accountId: 'H3-TAX', quantity: '10', filledQuantity: '4' }],
    });
    const [entry] = await store.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, order), eq(auditLog.action, 'order.cancel')));
    expect(entry?.detail).toMatchObject({ filledQuantity: '4', cancelledQuantity: '6' });
  });

  it('cancels the rest of a round-lot order: the filled shares go in round lots, the odd ones to one account', async () => {
    await store.db.update(securities).set({ lotSize: '10' }).where(eq(securities.id, 'BND'));
    const h1 = await propose(store.db, 'H1', [
      { account: 'H1-TAX', security: 'BND', side: 'buy', quantity: 30, price: 72.4 },
      { account: 'H1-IRA', security: 'BND', side: 'buy', quantity: 20, price: 72.4 },
    ]);
    const h3 = await propose(store.db, 'H3', [
      { account: 'H3-TAX', security: 'BND', side: 'buy', quantity: 50, price: 72.4 },
    ]);
    for (const id of [h1, h3])
      expect(await approve(store.db, id, 'pm1')).toMatchObject({ ok: true });
    const order = (await createBlockOrders(store.db, 'trader1')).orders[0]!.id;
    expect(await fillOrder(store.db, order, '72', 'trader1', { quantity: '45' })).toMatchObject({
      ok: true,
      status: 'open',
    });
    // Quotas of 45: H1-IRA 9, H1-TAX 13.5, H3-TAX 22.5. In lots of 10: 0, 10, 20, and the lot
    // left goes to H1-IRA (9 is closest to its next lot); the 5 odd shares all to H1-TAX (3.5
    // below its quota). Without the lot size: 9, 14, 22.
    const part = await getOrder(store.db, order);
    expect(part).toMatchObject({ lotSize: '10' });
    expect(unfilledPart(part!).allocations.map((a) => [a.accountId, a.quantity])).toEqual([
      ['H1-IRA', '10'],
      ['H1-TAX', '15'],
      ['H3-TAX', '30'],
    ]);
    const done = await cancelOrder(store.db, order, 'trader1');
    expect(done.ok && done.bookings.map((b) => [b.accountId, b.quantity])).toEqual([
      ['H1-IRA', '10'],
      ['H1-TAX', '15'],
      ['H3-TAX', '20'],
    ]);
  });
});
