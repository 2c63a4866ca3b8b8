import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFirm } from './firm-writer.js';
import { loadHouseholdInputs } from './household-requests.js';
import { loadMarketSnapshot } from './market-snapshot.js';
import type { Store } from './open-store.js';
import {
  createRun,
  finishRun,
  getRun,
  pendingHouseholds,
  runSummary,
  writeProposal,
} from './runs-repo.js';
import { auditLog, lots, models, trades } from './schema/index.js';
import { testStoreKinds } from './testing/test-stores.js';
import { oneBuyResponse } from './testing/one-buy-response.js';
import { TINY_AS_OF, tinyFirm } from './testing/tiny-firm.js';
import {
  modelVersion,
  saveAccountSettings,
  saveModelVersion,
  settingsHistory,
} from './versions.js';

describe.each(testStoreKinds())('store on $name', ({ open }) => {
  let store: Store;
  beforeAll(async () => {
    store = await open();
    await writeFirm(store.db, tinyFirm(), 'loader');
  });
  afterAll(async () => store?.close());

  it('keeps money and quantities exact', async () => {
    const [lot] = await store.db.select().from(lots).where(eq(lots.accountId, 'H1-TAX'));
    expect(lot?.costBasis).toBe('35000.00');
    expect(lot?.acquired).toBe('2024-02-01');
  });

  it('rejects a feed that breaks a reference, writing none of it', async () => {
    const before = await store.db.select().from(models);
    await expect(
      writeFirm(
        store.db,
        {
          models: [{ id: 'orphan-test', targets: [] }],
          lots: [
            {
              accountId: 'NOPE',
              id: 'X',
              securityId: 'VTI',
              quantity: 1,
              costBasis: 1,
              acquired: '2020-01-01',
            },
          ],
        },
        'loader',
      ),
    ).rejects.toThrow();
    expect(await store.db.select().from(models)).toHaveLength(before.length);
  });

  it('versions models and settings instead of editing them', async () => {
    const v = await saveModelVersion(
      store.db,
      'balanced',
      [{ security: 'VTI', weight: 1 }],
      'pm1',
      'all equity',
    );
    expect(v).toBe(2);
    expect((await modelVersion(store.db, 'balanced'))?.targets).toEqual([
      { security: 'VTI', weight: 1 },
    ]);
    expect((await modelVersion(store.db, 'balanced', 1))?.targets).toHaveLength(2);
    await saveAccountSettings(store.db, 'H1-TAX', { cash: { min: 0.02 } }, 'pm1', 'client asked');
    const history = await settingsHistory(store.db, 'H1-TAX');
    expect(history.map((h) => [h.version, h.changedBy])).toEqual([
      [2, 'pm1'],
      [1, 'loader'],
    ]);
    // Back to the original model for the tests below.
    await saveModelVersion(store.db, 'balanced', tinyFirm().models![0]!.targets, 'pm1');
  });

  it('builds requests from the latest versions and gates bad data with every reason', async () => {
    const snap = await loadMarketSnapshot(store.db, TINY_AS_OF);
    expect(snap.prices.get('VTI')).toEqual({ date: '2026-11-20', close: 301.25 });
    const [h1, h2, h3] = await loadHouseholdInputs(store.db, snap, ['H1', 'H2', 'NOPE']);
    expect(h1?.status).toBe('ready');
    if (h1?.status !== 'ready') throw new Error('H1 gated');
    expect(h1.request.accounts.map((a) => a.id)).toEqual(['H1-IRA', 'H1-TAX']);
    expect(h1.request.accounts[1]?.settings).toEqual({ cash: { min: 0.02 } });
    expect(h1.request.securities.map((s) => [s.id, s.price])).toEqual([
      ['BND', 72.4],
      ['VTI', 301.25],
    ]);
    expect(h2).toMatchObject({
      status: 'gated',
      reasons: ['stale price for OLD: last 2026-10-01, run date 2026-11-20'],
    });
    expect(h3).toMatchObject({ status: 'gated', reasons: ['unknown household'] });
  });

  it('writes each proposal once per run and resumes with what is left', async () => {
    const runId = await createRun(store.db, {
      asOf: TINY_AS_OF,
      selection: { kind: 'all' },
      householdIds: ['H1', 'H2'],
      startedBy: 'pm1',
    });
    const run = (await getRun(store.db, runId))!;
    expect(await pendingHouseholds(store.db, run)).toEqual(['H1', 'H2']);
    const response = oneBuyResponse('H1-TAX', 'BND', 10, 72.4);
    const p = { runId, householdId: 'H1', inputHash: 'h', status: 'proposed' as const, response };
    expect(await writeProposal(store.db, p)).toBe(true);
    expect(await writeProposal(store.db, p)).toBe(false);
    expect(await pendingHouseholds(store.db, run)).toEqual(['H2']);
    await writeProposal(store.db, {
      runId,
      householdId: 'H2',
      inputHash: 'x',
      status: 'gated',
      reason: 'stale price',
    });
    await finishRun(store.db, runId, 'done', 'pm1');
    expect(await runSummary(store.db, runId)).toMatchObject({
      status: 'done',
      householdsSelected: 2,
      proposalsWritten: 2,
      proposed: 1,
      gated: 1,
      trades: 1,
    });
    // The trades live in the response: a run writes no trades rows (orders make them).
    expect(await store.db.select().from(trades)).toEqual([]);
  });

  it('keeps the audit log append-only', async () => {
    // Drizzle wraps the server's error; the trigger's message is its cause.
    const refused = (e: unknown): boolean =>
      /append-only/.test(String((e as { cause?: Error }).cause?.message));
    const rows = await store.db.select().from(auditLog);
    expect(rows.map((r) => r.action)).toContain('firm.write');
    await expect(store.db.execute(sql`UPDATE audit_log SET actor = 'mallory'`)).rejects.toSatisfy(
      refused,
    );
    await expect(store.db.execute(sql`DELETE FROM audit_log`)).rejects.toSatisfy(refused);
  });
});
