import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createRun,
  getRun,
  getRunLine,
  loadMarketSnapshot,
  schema,
  writeFirm,
  writeProposal,
  type Store,
} from '../store/index.js';
import { testStoreKinds } from '../store/testing/test-stores.js';
import { TINY_AS_OF, tinyFirm } from '../store/testing/tiny-firm.js';
import { latestPriceDate, runBook } from './run-book.js';
import { tallyRunProposals } from './run-tally.js';
import { selectHouseholds } from './selection.js';

describe.each(testStoreKinds())('runs on $name', ({ open }) => {
  let store: Store;
  beforeAll(async () => {
    store = await open();
    await writeFirm(store.db, tinyFirm(), 'loader');
  });
  afterAll(async () => store?.close());

  it('selects by advisor, model, cash activity and harvestable losses', async () => {
    const snap = await loadMarketSnapshot(store.db, TINY_AS_OF);
    const sel = (s: Parameters<typeof selectHouseholds>[1]) => selectHouseholds(store.db, s, snap);
    expect(await sel({ kind: 'all' })).toEqual(['H1', 'H2']);
    expect(await sel({ kind: 'advisor', advisor: 'bob' })).toEqual(['H2']);
    expect(await sel({ kind: 'advisor', advisor: 'nobody' })).toEqual([]);
    expect(await sel({ kind: 'model', model: 'balanced' })).toEqual(['H1', 'H2']);
    expect(await sel({ kind: 'households', households: ['H2', 'NOPE'] })).toEqual(['H2']);
    expect(await sel({ kind: 'trigger', trigger: 'cash' })).toEqual(['H1']);
    // H1-TAX: 100 VTI bought for $35,000, worth $30,125, harvesting on.
    expect(await sel({ kind: 'trigger', trigger: 'harvest' })).toEqual(['H1']);
    expect(await sel({ kind: 'trigger', trigger: 'settings' })).toEqual([]);
    // Both hold far from 60/40 (H2 only a delisted stock).
    expect(await sel({ kind: 'trigger', trigger: 'drift' })).toEqual(['H1', 'H2']);
  });

  it('rebalances the ready households on worker threads and gates the rest', async () => {
    expect(await latestPriceDate(store.db)).toBe(TINY_AS_OF);
    const events: number[] = [];
    const report = await runBook(store.db, {
      selection: { kind: 'all' },
      threads: 2,
      actor: 'pm1',
      onProgress: (p) => events.push(p.done),
    });
    expect(report).toMatchObject({
      asOf: TINY_AS_OF,
      householdsSelected: 2,
      proposalsWritten: 2,
      gated: 1,
      errors: 0,
      status: 'done',
    });
    expect(report.proposed + report.noTrade).toBe(1);
    expect(events.at(-1)).toBe(2);
    const rows = await store.db.select().from(schema.proposals);
    const h2 = rows.find((r) => r.runId === report.runId && r.householdId === 'H2');
    expect(h2?.reason).toMatch(/stale price for OLD/);
    // The run keeps its tally as it finishes: the one this call summed, which is every proposal's.
    const kept = (await getRunLine(store.db, report.runId))?.book;
    expect(kept).toEqual({ ...report.book });
    expect(kept).toEqual({ ...(await tallyRunProposals(store.db, report.runId)) });
    expect(report.book.accounts).toBeGreaterThan(0);
  });

  it('resumes an interrupted run with only what is left, on this thread', async () => {
    const runId = await createRun(store.db, {
      asOf: TINY_AS_OF,
      selection: { kind: 'all' },
      householdIds: ['H1', 'H2'],
      startedBy: 'pm1',
    });
    await writeProposal(store.db, {
      runId,
      householdId: 'H2',
      inputHash: 'x',
      status: 'gated',
      reason: 'earlier attempt',
    });
    const report = await runBook(store.db, {
      selection: { kind: 'all' },
      threads: 0,
      actor: 'pm1',
      resume: runId,
    });
    expect(report).toMatchObject({ runId, proposalsWritten: 2, status: 'done' });
    expect((await getRun(store.db, runId))?.status).toBe('done');
    // The earlier proposal was kept, not rewritten.
    const rows = await store.db.select().from(schema.proposals);
    expect(rows.find((r) => r.runId === runId && r.householdId === 'H2')?.reason).toBe(
      'earlier attempt',
    );
  });

  it("keeps the whole run's tally when the call that finished it saw only part of it", async () => {
    // A first run gives H1 a real answer; a second run already has it when it is resumed, so
    // the resuming call rebalances only H2 (gated: no accounts of its own to count).
    const first = await runBook(store.db, { selection: { kind: 'all' }, threads: 0, actor: 'pm1' });
    const rows = await store.db.select().from(schema.proposals);
    const h1 = rows.find((r) => r.runId === first.runId && r.householdId === 'H1')!;
    const runId = await createRun(store.db, {
      asOf: TINY_AS_OF,
      selection: { kind: 'all' },
      householdIds: ['H1', 'H2'],
      startedBy: 'pm1',
    });
    await writeProposal(store.db, {
      runId,
      householdId: 'H1',
      inputHash: h1.inputHash,
      status: h1.status as 'proposed' | 'noTrade',
      response: h1.response!,
    });
    const resumed = await runBook(store.db, {
      selection: { kind: 'all' },
      threads: 0,
      actor: 'pm1',
      resume: runId,
    });
    expect(resumed.book.accounts).toBe(0);
    const kept = (await getRunLine(store.db, runId))?.book;
    expect(kept).toEqual({ ...(await tallyRunProposals(store.db, runId)) });
    expect(kept).toEqual({ ...first.book });
  });

  it('refuses to resume a run that does not exist', async () => {
    await expect(
      runBook(store.db, { selection: { kind: 'all' }, threads: 0, actor: 'pm1', resume: 'nope' }),
    ).rejects.toThrow(/no run nope/);
  });
});
