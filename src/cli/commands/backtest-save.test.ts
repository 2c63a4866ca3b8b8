/** `tailor backtest --save` as a user runs it: a real process on a fresh TAILOR_HOME. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { auditPage, getBacktest, openStore } from '../../store/index.js';
import { tailorIn } from '../testing/tailor-process.js';

describe('tailor backtest --save', () => {
  const home = mkdtempSync(join(tmpdir(), 'tailor-backtest-'));
  const tailor = tailorIn(home);
  afterAll(() => rmSync(home, { recursive: true, force: true }));

  it('keeps the result in the store, names its id on stderr, and logs who saved it', async () => {
    const window = ['--scenario', 'etf-model', '--start', '2020-01-02', '--end', '2020-03-31'];
    const { code, stdout, stderr } = await tailor(
      'backtest',
      ...window,
      '--json',
      '--save',
      '--as',
      'ana',
    );
    expect(code, stderr).toBe(0);
    const printed = JSON.parse(stdout) as { config: unknown; summary: unknown };
    const id = /saved backtest (\S+)/.exec(stderr)?.[1];
    expect(id, stderr).toBeDefined();
    const store = await openStore({ home: join(home, 'db') });
    try {
      const row = await getBacktest(store.db, id!);
      expect(row).toMatchObject({ createdBy: 'ana', scenario: 'etf-model', start: '2020-01-02' });
      expect(row!.config).toEqual(printed.config);
      expect(row!.summary).toEqual(printed.summary);
      const log = await auditPage(store.db, { entity: 'backtest', limit: 10 });
      expect(log.items.map((e) => [e.actor, e.action, e.entityId])).toEqual([
        ['ana', 'backtest.save', id],
      ]);
    } finally {
      await store.close();
    }
  }, 120_000);
});
