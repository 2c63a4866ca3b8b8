import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBook } from '../batch/run-book.js';
import { writeFirm } from './firm-writer.js';
import { approve, approveMany, reject } from './lifecycle.js';
import {
  LIFECYCLE_AS_OF,
  openLifecycleStore,
  propose,
  type TestTrade,
} from './lifecycle-testing.js';
import type { Store } from './open-store.js';
import { listProposals } from './proposal-list.js';
import { accounts, approvals, auditLog, lots, prices, proposals } from './schema/index.js';
import { testStoreKinds } from './testing/test-stores.js';

const sellH3: TestTrade[] = [
  {
    account: 'H3-TAX',
    security: 'VTI',
    side: 'sell',
    quantity: 10,
    price: 301.25,
    lots: [['L1', 10]],
  },
];

describe.each(testStoreKinds())('proposal decisions on $name', ({ open }) => {
  let store: Store;
  beforeAll(async () => {
    store = await openLifecycleStore(open);
  });
  afterAll(async () => store?.close());

  const statusOf = async (id: string) =>
    (await store.db.select().from(proposals).where(eq(proposals.id, id)))[0]?.status;
  const approvalsOf = (id: string) =>
    store.db.select().from(approvals).where(eq(approvals.proposalId, id));
  const auditOf = (id: string) =>
    store.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'proposal'), eq(auditLog.entityId, id)));

  it('approves a proposal with who, when and the note, once', async () => {
    const id = await propose(store.db, 'H3', sellH3);
    const before = new Date();
    const done = await approve(store.db, id, 'pm1', 'looks right');
    const after = new Date();
    expect(done).toMatchObject({
      ok: true,
      status: 'approved',
      decidedBy: 'pm1',
      householdId: 'H3',
    });
    expect(await statusOf(id)).toBe('approved');
    const [row, ...more] = await approvalsOf(id);
    expect(more).toEqual([]);
    expect(row).toMatchObject({ decision: 'approved', decidedBy: 'pm1', note: 'looks right' });
    expect(row!.decidedAt.getTime()).toBeGreaterThanOrEqual(before.getTime());
    expect(row!.decidedAt.getTime()).toBeLessThanOrEqual(after.getTime());
    const audit = await auditOf(id);
    expect(audit.map((a) => [a.action, a.actor, a.detail.note])).toEqual([
      ['proposal.approve', 'pm1', 'looks right'],
    ]);

    const again = await approve(store.db, id, 'pm2');
    expect(again).toMatchObject({ ok: false, code: 'notProposed' });
    expect(again.ok || again.why).toMatch(/is approved.*already been approved/);
    expect(await reject(store.db, id, 'pm2', 'changed my mind')).toMatchObject({
      ok: false,
      code: 'notProposed',
    });
    expect(await approvalsOf(id)).toHaveLength(1);
    expect(await auditOf(id)).toHaveLength(1);
  });

  it('refuses a second live proposal for a household; rejecting needs a note', async () => {
    const id = await propose(store.db, 'H3', sellH3);
    const busy = await approve(store.db, id, 'pm1');
    expect(busy).toMatchObject({ ok: false, code: 'busy' });
    expect(busy.ok || busy.why).toMatch(/household H3 already has approved proposal/);
    expect(await statusOf(id)).toBe('proposed');

    expect(await reject(store.db, id, 'pm1', '  ')).toMatchObject({ ok: false, code: 'noNote' });
    expect(await approvalsOf(id)).toEqual([]);
    const done = await reject(store.db, id, 'pm1', 'duplicate of the approved one');
    expect(done).toMatchObject({ ok: true, status: 'rejected', decidedBy: 'pm1' });
    expect(await statusOf(id)).toBe('rejected');
    expect((await approvalsOf(id)).map((a) => [a.decision, a.note])).toEqual([
      ['rejected', 'duplicate of the approved one'],
    ]);
    expect((await auditOf(id)).map((a) => a.action)).toEqual(['proposal.reject']);
  });

  it('refuses unknown and untradable proposals, reporting each in order', async () => {
    const gated = await propose(store.db, 'H2', []);
    await store.db.update(proposals).set({ status: 'gated' }).where(eq(proposals.id, gated));
    const [unknown, notTradable] = await approveMany(store.db, ['nope', gated], 'pm1');
    expect(unknown).toMatchObject({ ok: false, proposalId: 'nope', code: 'notFound' });
    expect(notTradable).toMatchObject({ ok: false, proposalId: gated, code: 'notProposed' });
    expect(notTradable!.ok || notTradable!.why).toMatch(/failed the data checks/);
    expect(await reject(store.db, 'nope', 'pm1', 'x')).toMatchObject({ code: 'notFound' });
  });

  it('refuses a proposal whose household no longer passes the data checks', async () => {
    // H2 holds a stock whose last price is weeks old: gated now, whatever it was then.
    const id = await propose(store.db, 'H2', [
      { account: 'H2-TAX', security: 'OLD', side: 'sell', quantity: 10, price: 5 },
    ]);
    const r = await approve(store.db, id, 'pm1');
    expect(r).toMatchObject({ ok: false, code: 'stale' });
    expect(r.ok || r.why).toMatch(/no longer passes the data checks.*stale price for OLD/);
  });

  it('refuses while prices or holdings differ from the proposal, approves once they match', async () => {
    const buy = { account: 'H1-TAX', security: 'BND', side: 'buy' as const };
    const id = await propose(store.db, 'H1', [{ ...buy, quantity: 10, price: 72.4 }]);
    const refused = async (change: () => Promise<unknown>, undo: () => Promise<unknown>) => {
      await change();
      const r = await approve(store.db, id, 'pm1');
      await undo();
      return r;
    };
    const vti = and(eq(prices.securityId, 'VTI'), eq(prices.date, LIFECYCLE_AS_OF));
    const setClose = (close: string) => store.db.update(prices).set({ close }).where(vti);
    const lot = and(eq(lots.accountId, 'H1-TAX'), eq(lots.id, 'L0'));
    const setQuantity = (quantity: string) => store.db.update(lots).set({ quantity }).where(lot);
    const setCash = (cash: string) =>
      store.db.update(accounts).set({ cash }).where(eq(accounts.id, 'H1-IRA'));
    const newer = eq(prices.date, '2026-11-23');

    const byPrice = await refused(
      () => setClose('301.30'),
      () => setClose('301.25'),
    );
    const byLot = await refused(
      () => setQuantity('19'),
      () => setQuantity('20'),
    );
    const byCash = await refused(
      () => setCash('499'),
      () => setCash('500'),
    );
    const byNewPrice = await refused(
      () =>
        store.db.insert(prices).values({ securityId: 'BND', date: '2026-11-23', close: '72.5' }),
      () => store.db.delete(prices).where(newer),
    );
    for (const r of [byPrice, byLot, byCash, byNewPrice]) {
      expect(r).toMatchObject({ ok: false, code: 'stale' });
      expect(r.ok || r.why).toMatch(
        /stale.*re-run the household \(the dashboard's Runs page, or tailor run --household H1\)/,
      );
    }
    expect(byPrice.ok || byPrice.why).toMatch(/holdings, cash, settings, models or prices changed/);
    expect(byNewPrice.ok || byNewPrice.why).toMatch(
      /newer prices than its run date.*BND 2026-11-23/,
    );
    expect(await approvalsOf(id)).toEqual([]);
    expect(await statusOf(id)).toBe('proposed');

    expect(await approve(store.db, id, 'pm1')).toMatchObject({ ok: true, status: 'approved' });
  });

  it('approves what a real run proposed: approval recomputes the hash the run recorded', async () => {
    await writeFirm(
      store.db,
      {
        households: [{ id: 'H4', shortTermRate: '0.3', longTermRate: '0.15' }],
        accounts: [
          {
            id: 'H4-TAX',
            householdId: 'H4',
            taxStatus: 'taxable',
            modelId: 'balanced',
            cash: '20000',
          },
        ],
      },
      'loader',
    );
    const report = await runBook(store.db, {
      selection: { kind: 'households', households: ['H4'] },
      threads: 0,
      actor: 'pm1',
    });
    const [line] = await listProposals(store.db, { runId: report.runId });
    expect(line).toMatchObject({ householdId: 'H4', status: 'proposed' });
    expect(line!.trades).toBeGreaterThan(0);
    expect(await approve(store.db, line!.id, 'pm1')).toMatchObject({ ok: true });
  });
});
