import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exact, roundCents } from '../tax/index.js';
import { createBlockOrders } from './block-orders.js';
import { getOrder } from './block-orders-list.js';
import { cancelOrder } from './fills-cancel.js';
import { fillOrder } from './fills.js';
import { loadHouseholdInputs } from './household-requests.js';
import { approve } from './lifecycle.js';
import { holdingsOf, LIFECYCLE_AS_OF, openLifecycleStore, propose } from './lifecycle-testing.js';
import { loadMarketSnapshot } from './market-snapshot.js';
import type { Store } from './open-store.js';
import { auditLog, lots, proposals, transactions } from './schema/index.js';
import { testStoreKinds } from './testing/test-stores.js';

const ACCOUNTS = ['H1-TAX', 'H1-IRA', 'H3-TAX'];
const DAY = LIFECYCLE_AS_OF;

describe.each(testStoreKinds())('fills on $name', ({ open }) => {
  let store: Store;
  let h1: string;
  let h3: string;
  let sellVti: string;
  let buyBnd: string;
  beforeAll(async () => {
    store = await openLifecycleStore(open);
    // H1 sells from L1 by name: first in, first out would take the older L0.
    h1 = await propose(store.db, 'H1', [
      {
        account: 'H1-TAX',
        security: 'VTI',
        side: 'sell',
        quantity: 40,
        price: 301.25,
        lots: [['L1', 40]],
      },
      { account: 'H1-TAX', security: 'BND', side: 'buy', quantity: 100, price: 72.4 },
      { account: 'H1-IRA', security: 'BND', side: 'buy', quantity: 5.5, price: 72.4 },
    ]);
    h3 = await propose(store.db, 'H3', [
      {
        account: 'H3-TAX',
        security: 'VTI',
        side: 'sell',
        quantity: 10,
        price: 301.25,
        lots: [['L1', 10]],
      },
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
  const openOrdersOf = async (id: string) =>
    (await store.db.select().from(proposals).where(eq(proposals.id, id)))[0]?.openOrders;
  const state = async () => ({
    holdings: await holdingsOf(store.db, ACCOUNTS),
    transactions: (await store.db.select().from(transactions)).length,
    orders: [
      (await getOrder(store.db, sellVti))?.status,
      (await getOrder(store.db, buyBnd))?.status,
    ],
  });

  it('refuses a bad price, a date before the run, an unknown order and what the ledger cannot book, writing nothing', async () => {
    const before = await state();
    // Each proposal went into two orders (a VTI sell and a BND buy), both open.
    expect([await openOrdersOf(h1), await openOrdersOf(h3)]).toEqual([2, 2]);
    const fill = (id: string, price: string, date = DAY) =>
      fillOrder(store.db, id, price, 'trader1', { date });
    expect(await fill(sellVti, 'abc')).toMatchObject({ ok: false, code: 'badPrice' });
    expect(await fill(sellVti, '0')).toMatchObject({ ok: false, code: 'badPrice' });
    expect(await fill(sellVti, '1e308')).toMatchObject({
      ok: false,
      code: 'badPrice',
      why: 'price must be at most 100000000 per share; got "1e308"',
    });
    expect(await fill(sellVti, '300', '9999-12-31')).toMatchObject({
      ok: false,
      code: 'badDate',
      why: expect.stringContaining('date 9999-12-31 is in the future'),
    });
    expect(await fill(sellVti, '300', '2026-11-19')).toMatchObject({
      ok: false,
      code: 'badDate',
      why: 'date 2026-11-19 is before the run date 2026-11-20; a fill cannot precede its run',
    });
    expect(await fill(sellVti, '300', '20/11/2026')).toMatchObject({ ok: false, code: 'badDate' });
    const unknown = await fill('nope', '300');
    expect(unknown).toMatchObject({ ok: false, code: 'notFound' });
    expect(unknown.ok || unknown.why).toMatch(/tailor orders list/);
    expect(await cancelOrder(store.db, 'nope', 'trader1')).toMatchObject({ code: 'notFound' });
    // H3's named lot shrank since: H1-TAX's part books first, then H3's fails; all rolls back.
    const l1 = and(eq(lots.accountId, 'H3-TAX'), eq(lots.id, 'L1'));
    await store.db.update(lots).set({ quantity: '5' }).where(l1);
    const ledger = await fill(sellVti, '300');
    await store.db.update(lots).set({ quantity: '30' }).where(l1);
    expect(ledger).toMatchObject({ ok: false, code: 'ledger' });
    expect(ledger.ok || ledger.why).toMatch(
      /cannot book the sell in H3-TAX: sells 10 VTI but account "H3-TAX" holds 5/,
    );
    expect(await state()).toEqual(before);
  });

  it('fills a sell: relieves the lots the proposal named, credits cash, records the gain', async () => {
    const filled = await fillOrder(store.db, sellVti, '300.5', 'trader1', { date: DAY });
    expect(filled).toEqual({
      ok: true,
      orderId: sellVti,
      bookings: [
        {
          accountId: 'H1-TAX',
          tradeId: `${h1}:H1-TAX:0`,
          quantity: '40',
          amount: '12020.00',
          realizedGain: '-1980.00',
          washSaleDisallowed: '0.00',
        },
        {
          accountId: 'H3-TAX',
          tradeId: `${h3}:H3-TAX:0`,
          quantity: '10',
          amount: '3005.00',
          realizedGain: '1005.00',
          washSaleDisallowed: '0.00',
        },
      ],
      proposals: [],
      status: 'filled',
      filledQuantity: '50',
      remainingQuantity: '0',
    });
    expect(await holdingsOf(store.db, ACCOUNTS)).toEqual({
      lots: [
        'H1-IRA/L1 BND 50 3700 2023-05-10',
        'H1-TAX/L0 VTI 20 4000.00 2023-03-01',
        'H1-TAX/L1 VTI 60 21000.00 2024-02-01',
        'H3-TAX/L1 VTI 20 4000.00 2022-06-01',
      ],
      cash: { 'H1-TAX': '22020.00', 'H1-IRA': '500', 'H3-TAX': '8005.00' },
    });
    const [tx] = await store.db
      .select()
      .from(transactions)
      .where(eq(transactions.tradeId, `${h1}:H1-TAX:0`));
    expect(tx).toMatchObject({
      type: 'sell',
      securityId: 'VTI',
      date: DAY,
      price: '300.5',
      realizedGain: '-1980.00',
      realizedLoss: '-1980.00',
    });
    const [h3Tx] = await store.db
      .select()
      .from(transactions)
      .where(eq(transactions.tradeId, `${h3}:H3-TAX:0`));
    expect(h3Tx).toMatchObject({ realizedGain: '1005.00', realizedLoss: '0.00' });
    expect(await getOrder(store.db, sellVti)).toMatchObject({
      status: 'filled',
      fillPrice: '300.5',
    });
    // The BND order is still open: the proposals are not filled yet, each with one order open.
    expect([await statusOf(h1), await statusOf(h3)]).toEqual(['ordered', 'ordered']);
    expect([await openOrdersOf(h1), await openOrdersOf(h3)]).toEqual([1, 1]);
    expect(await fillOrder(store.db, sellVti, '300.5', 'trader1')).toMatchObject({
      ok: false,
      code: 'notOpen',
    });
  });

  it('fills a buy on its run date by default: new lots cost quantity × price, cash debited, proposals filled', async () => {
    expect(DAY).not.toBe(new Date().toISOString().slice(0, 10));
    const filled = await fillOrder(store.db, buyBnd, '72.41', 'trader2');
    expect(filled.ok && filled.proposals.map((p) => [p.id, p.status]).sort()).toEqual(
      [
        [h1, 'filled'],
        [h3, 'filled'],
      ].sort(),
    );
    const { lots: held, cash } = await holdingsOf(store.db, ACCOUNTS);
    expect(held).toEqual(
      [
        `H1-IRA/${buyBnd} BND 5.5 398.26 ${DAY}`,
        'H1-IRA/L1 BND 50 3700 2023-05-10',
        'H1-TAX/L0 VTI 20 4000.00 2023-03-01',
        'H1-TAX/L1 VTI 60 21000.00 2024-02-01',
        `H1-TAX/${buyBnd} BND 100 7241.00 ${DAY}`,
        'H3-TAX/L1 VTI 20 4000.00 2022-06-01',
        `H3-TAX/${buyBnd} BND 12.25 887.02 ${DAY}`,
      ].sort(),
    );
    for (const [quantity, basis] of [
      ['5.5', '398.26'],
      ['100', '7241.00'],
      ['12.25', '887.02'],
    ])
      expect(roundCents(exact(quantity!).times('72.41')).toFixed(2)).toBe(basis);
    expect(cash).toEqual({ 'H1-TAX': '14779.00', 'H1-IRA': '101.74', 'H3-TAX': '7117.98' });
    expect([await statusOf(h1), await statusOf(h3)]).toEqual(['filled', 'filled']);
    expect([await openOrdersOf(h1), await openOrdersOf(h3)]).toEqual([0, 0]);
    const audit = await store.db.select().from(auditLog).where(eq(auditLog.actor, 'trader2'));
    expect(audit.map((a) => a.action).sort()).toEqual([
      'order.fill',
      'proposal.filled',
      'proposal.filled',
    ]);
    expect(await cancelOrder(store.db, buyBnd, 'trader2')).toMatchObject({ code: 'notOpen' });
    const [bndTx] = await store.db
      .select()
      .from(transactions)
      .where(eq(transactions.tradeId, `${h1}:H1-TAX:1`));
    expect(bndTx).toMatchObject({ type: 'buy', realizedGain: null, realizedLoss: null });
  });

  it('records the losses of a sell at a net gain, and the next request carries them for the wash-sale rules', async () => {
    // L0: 20 VTI at 200 a share (a gain at 300.5); L1: 60 left at 350 a share (a loss).
    const id = await propose(store.db, 'H1', [
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
    ]);
    expect(await approve(store.db, id, 'pm1')).toMatchObject({ ok: true });
    const made = await createBlockOrders(store.db, 'trader1');
    const order = made.orders.find((o) => o.securityId === 'VTI')!.id;
    const filled = await fillOrder(store.db, order, '300.5', 'trader1', { date: DAY });
    // +2010.00 on L0, −495.00 on L1: a net gain, yet a loss lot for the wash-sale rules.
    expect(filled).toMatchObject({
      ok: true,
      bookings: [{ accountId: 'H1-TAX', realizedGain: '1515.00' }],
    });
    const [tx] = await store.db
      .select()
      .from(transactions)
      .where(eq(transactions.tradeId, `${id}:H1-TAX:0`));
    expect(tx).toMatchObject({ realizedGain: '1515.00', realizedLoss: '-495.00' });
    const snap = await loadMarketSnapshot(store.db, DAY);
    const [input] = await loadHouseholdInputs(store.db, snap, ['H1']);
    const tax = input?.status === 'ready' ? input.request.accounts : [];
    const sells = tax.find((a) => a.id === 'H1-TAX')?.recentTrades.filter((t) => t.side === 'sell');
    expect(sells).toEqual([
      expect.objectContaining({ quantity: 40, realizedGain: -1980, realizedLoss: -1980 }),
      expect.objectContaining({ quantity: 30, realizedGain: 1515, realizedLoss: -495 }),
    ]);
  });
});
