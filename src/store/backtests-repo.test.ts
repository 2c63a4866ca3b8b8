import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeResult } from '../backtest/report/testing/fixture.js';
import type { BacktestResult } from '../backtest/index.js';
import { auditPage } from './audit-reads.js';
import { getBacktest, listBacktests, saveBacktest } from './backtests-repo.js';
import type { Store } from './open-store.js';
import { testStoreKinds } from './testing/test-stores.js';

describe.each(testStoreKinds())('saved backtests on $name', ({ open }) => {
  let store: Store;
  const first = makeResult();
  const second: BacktestResult = {
    ...makeResult(),
    config: { ...makeResult().config, scenario: 'etf-model', start: '2019-01-02' },
  };
  let ids: string[] = [];

  beforeAll(async () => {
    store = await open();
    ids = [
      await saveBacktest(store.db, first, 'ana'),
      await saveBacktest(store.db, second, 'demo'),
    ];
  }, 30_000);
  afterAll(async () => store?.close());

  it('reads a saved result back whole, every digit and character as written', async () => {
    const row = await getBacktest<BacktestResult>(store.db, ids[0]!);
    expect(row).toMatchObject({
      id: ids[0],
      createdBy: 'ana',
      scenario: first.config.scenario,
      start: first.config.start,
      end: first.config.end,
    });
    expect(row!.createdAt).toBeInstanceOf(Date);
    expect(row!.result).toEqual(first);
    expect(row!.config).toEqual(first.config);
    expect(row!.summary).toEqual(first.summary);
    expect(await getBacktest(store.db, 'no-such-backtest')).toBeUndefined();
  });

  it('lists newest first without the result document, a page at a time', async () => {
    const all = await listBacktests<BacktestResult>(store.db, { limit: 10, offset: 0 });
    expect(all.total).toBe(2);
    expect(all.items.map((b) => b.id)).toEqual([ids[1], ids[0]]);
    expect(all.items[0]).toMatchObject({ scenario: 'etf-model', start: '2019-01-02' });
    expect(all.items[0]!.summary.taxAlphaAnnual).toBe(second.summary.taxAlphaAnnual);
    expect(all.items.every((b) => !('result' in b))).toBe(true);
    const page = await listBacktests(store.db, { limit: 1, offset: 1 });
    expect(page).toMatchObject({ total: 2, items: [{ id: ids[0] }] });
  });

  it('logs every save in the audit log', async () => {
    const log = await auditPage(store.db, { entity: 'backtest', limit: 10 });
    expect(log.items.map((e) => [e.actor, e.action, e.entityId])).toEqual([
      ['demo', 'backtest.save', ids[1]],
      ['ana', 'backtest.save', ids[0]],
    ]);
    expect(log.items[0]!.detail).toEqual({
      scenario: 'etf-model',
      start: '2019-01-02',
      end: second.config.end,
      schedule: second.config.schedule,
    });
  });
});
