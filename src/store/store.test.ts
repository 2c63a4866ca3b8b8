import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFirm } from './firm-writer.js';
import { loadHouseholdInputs } from './household-requests.js';
import { loadMarketSnapshot, rowsOf } from './market-snapshot.js';
import type { Store } from './open-store.js';
import {
  createRun,
  finishRun,
  getRun,
  pendingHouseholds,
  runSummary,
  writeProposal,
  writeProposals,
} from './runs-repo.js';
import { auditLog, lots, models, proposals, trades } from './schema/index.js';
import { testStoreKinds } from './testing/test-stores.js';
import { TINY_AS_OF, tinyFirm } from './testing/tiny-firm.js';
import {
  modelVersion,
  saveAccountSettings,
  saveModelVersion,
  settingsHistory,
} from './versions.js';

/** A response proposing one buy of `security` in account `id` (summary figures are placeholders). */
function oneBuyResponse(id: string, security: string, quantity = 1, price = 1) {
  return {
    asOf: TINY_AS_OF,
    accounts: [
      {
        id,
        status: 'ok' as const,
        trades: [
          {
            security,
            side: 'buy' as const,
            quantity,
            price,
            value: quantity * price,
            reasons: ['model' as const],
          },
        ],
        summary: {
          before: { value: 1, cash: 1, trackingError: 0, maxDrift: 0 },
          after: { value: 1, cash: 1, trackingError: 0, maxDrift: 0 },
          realized: { shortTerm: 0, longTerm: 0, washSaleDisallowed: 0 },
          estimatedTax: 0,
          turnover: 0,
          relaxed: [],
          warnings: [],
        },
        error: null,
      },
    ],
  };
}

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
    // What the dropped foreign key guaranteed (migration 0007): every trade's proposal exists.
    const orphans = await store.db.execute(
      sql`SELECT count(*)::int AS n FROM trades t LEFT JOIN proposals p ON p.id = t.proposal_id WHERE p.id IS NULL`,
    );
    expect(rowsOf<{ n: number }>(orphans)[0]?.n).toBe(0);
  });

  it('writes one trades row per trade of the response, numbers exactly as the response has them', async () => {
    const runId = await createRun(store.db, {
      asOf: TINY_AS_OF,
      selection: { kind: 'all' },
      householdIds: ['H1'],
      startedBy: 'pm1',
    });
    const first = oneBuyResponse('H1-TAX', 'BND', 0.1 + 0.2, 1e-7).accounts[0]!;
    const sell = { ...first.trades[0]!, security: 'VTI', side: 'sell' as const, quantity: 1e21 };
    const second = oneBuyResponse('H1-IRA', 'VTI', 3, 301.25).accounts[0]!;
    const response = {
      asOf: TINY_AS_OF,
      accounts: [
        { ...first, trades: [first.trades[0]!, { ...sell, reasons: ['taxLossHarvest' as const] }] },
        second,
      ],
    };
    const p = { runId, householdId: 'H1', inputHash: 'h', status: 'proposed' as const, response };
    expect(await writeProposal(store.db, p)).toBe(true);
    const [proposal] = await store.db.select().from(proposals).where(eq(proposals.runId, runId));
    const rows = await store.db.select().from(trades).where(eq(trades.proposalId, proposal!.id));
    // In the response's order: account by account, each account's trades in turn.
    const order = response.accounts.map((a) => a.id);
    rows.sort(
      (x, y) =>
        order.indexOf(x.accountId) - order.indexOf(y.accountId) ||
        Number(x.id.split(':')[2]) - Number(y.id.split(':')[2]),
    );
    const expected = response.accounts.flatMap((a) =>
      a.trades.map((t, k) => ({
        id: `${proposal!.id}:${a.id}:${k}`,
        proposalId: proposal!.id,
        accountId: a.id,
        securityId: t.security,
        side: t.side,
        quantity: t.quantity,
        price: t.price,
        valueUsd: t.value,
        reasons: t.reasons,
      })),
    );
    expect(
      rows.map((r) => ({
        ...r,
        quantity: Number(r.quantity),
        price: Number(r.price),
        valueUsd: Number(r.valueUsd),
      })),
    ).toEqual(expected);
    // Exact decimals: the shortest decimal of each double, not a rounded one.
    expect(rows.map((r) => r.quantity)).toEqual([
      '0.30000000000000004',
      '1000000000000000000000',
      '3',
    ]);
    expect(rows[0]!.price).toBe('0.0000001');
  });

  it('refuses trades that name an unknown account or security, writing none of the batch', async () => {
    const runId = await createRun(store.db, {
      asOf: TINY_AS_OF,
      selection: { kind: 'all' },
      householdIds: ['H1', 'H2'],
      startedBy: 'pm1',
    });
    const proposal = (householdId: string, account: string, security: string) => ({
      runId,
      householdId,
      inputHash: 'h',
      status: 'proposed' as const,
      response: oneBuyResponse(account, security),
    });
    await expect(
      writeProposals(store.db, [proposal('H1', 'H1-TAX', 'BND'), proposal('H2', 'H2-TAX', 'NOPE')]),
    ).rejects.toThrow(/unknown security NOPE/);
    await expect(writeProposals(store.db, [proposal('H1', 'H9-GONE', 'VTI')])).rejects.toThrow(
      /unknown account H9-GONE/,
    );
    expect(await pendingHouseholds(store.db, (await getRun(store.db, runId))!)).toEqual([
      'H1',
      'H2',
    ]);
    expect(await writeProposals(store.db, [proposal('H1', 'H1-TAX', 'BND')])).toEqual([true]);
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
