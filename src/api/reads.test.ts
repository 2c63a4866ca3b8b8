/**
 * Every read of the table answers 200 in its contract's shape (the test app checks each JSON
 * answer against the route's schema and turns a mismatch into a 500) on a store holding a run,
 * proposals, an order, a customization request and a saved backtest.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveBacktest } from '../store/index.js';
import { propose } from '../store/lifecycle-testing.js';
import { ROUTES } from './routes.js';
import { smallBacktest } from './testing/small-backtest.js';
import { as, openTestApp, type TestApp } from './testing/test-app.js';

describe('every read answers in its contract shape', () => {
  let t: TestApp;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    t = await openTestApp();
    ids['proposal'] = await propose(
      t.store.db,
      'H1',
      [{ account: 'H1-TAX', security: 'BND', side: 'buy', quantity: 3, price: 72.4 }],
      {
        estimatedTax: 12.5,
        relaxed: [{ setting: 'tax.gainBudget.longTerm', limit: 0, actual: 10 }],
      },
    );
    await t.app.request(`/v1/proposals/${ids['proposal']}/approve`, as(t, 'trader', 'POST'));
    const made = (await (await t.app.request('/v1/orders', as(t, 'trader', 'POST'))).json()) as {
      orders: { id: string }[];
    };
    ids['order'] = made.orders[0]!.id;
    const run = (await (
      await t.app.request('/v1/runs', as(t, 'pm', 'POST', { selection: { kind: 'all' } }))
    ).json()) as { id: string };
    ids['run'] = run.id;
    await t.idle();
    await t.app.request(
      '/v1/customization-requests',
      as(t, 'advisor', 'POST', { account: 'H1-TAX', settings: {} }),
    );
    ids['backtest'] = await saveBacktest(t.store.db, smallBacktest(), 'test');
  }, 60_000);
  afterAll(async () => t?.close());

  const reads = ROUTES.filter(
    (r) => r.method === 'GET' && !r.path.endsWith('/events') && r.path !== '/v1/orders/export',
  );

  it.each(reads.map((r) => [r.path] as const))('GET %s', async (path) => {
    const concrete = path
      .replace('/households/:id', '/households/H1')
      .replace('/accounts/:id', '/accounts/H1-TAX')
      .replace('/models/:id', '/models/balanced')
      .replace('/runs/:id', `/runs/${ids['run']}`)
      .replace('/proposals/:id', `/proposals/${ids['proposal']}`)
      .replace('/orders/:id', `/orders/${ids['order']}`)
      .replace('/backtests/:id', `/backtests/${ids['backtest']}`)
      .replace('/charts/:file', '/charts/tax-alpha-by-year.svg');
    const res = await t.app.request(concrete, as(t, 'admin'));
    const text = await res.text();
    expect({ status: res.status, text: res.status === 200 ? '' : text, logs: t.logs }).toEqual({
      status: 200,
      text: '',
      logs: [],
    });
  });

  it('lists hold what was written', async () => {
    const proposals = (await (
      await t.app.request('/v1/proposals?run=latest', as(t, 'viewer'))
    ).json()) as { total: number };
    expect(proposals.total).toBe(3);
    const one = (await (
      await t.app.request(`/v1/proposals?household=H1&status=ordered`, as(t, 'viewer'))
    ).json()) as {
      items: { id: string; estimatedTaxUsd: number; relaxed: string[]; trades: number }[];
    };
    expect(one.items).toEqual([
      expect.objectContaining({
        id: ids['proposal'],
        estimatedTaxUsd: 12.5,
        relaxed: ['H1-TAX: tax.gainBudget.longTerm'],
        trades: 1,
      }),
    ]);
  });
});
