import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RebalanceResponse } from '../domain/index.js';
import { writeFirm } from './firm-writer.js';
import type { Db, Store } from './open-store.js';
import { getProposal } from './proposal-reads.js';
import { materializeTrades, proposalTrades, tradeCountOf } from './proposal-trades.js';
import { createRun, writeProposal } from './runs-repo.js';
import { proposals, trades } from './schema/index.js';
import { oneBuyResponse } from './testing/one-buy-response.js';
import { testStoreKinds } from './testing/test-stores.js';
import { TINY_AS_OF, tinyFirm } from './testing/tiny-firm.js';

/** Writes a run with one proposal of `response` for `householdId`; the proposal's id. */
async function proposeResponse(
  db: Db,
  householdId: string,
  response: RebalanceResponse,
): Promise<string> {
  const runId = await createRun(db, {
    asOf: TINY_AS_OF,
    selection: { kind: 'all' },
    householdIds: [householdId],
    startedBy: 'pm1',
  });
  const p = { runId, householdId, inputHash: 'h', status: 'proposed' as const, response };
  expect(await writeProposal(db, p)).toBe(true);
  const [row] = await db.select().from(proposals).where(eq(proposals.runId, runId));
  return row!.id;
}

/** Two accounts: a tiny-priced buy and a huge sell in one, a buy in the other. */
function twoAccountResponse(): RebalanceResponse {
  const first = oneBuyResponse('H1-TAX', 'BND', 0.1 + 0.2, 1e-7).accounts[0]!;
  const sell = { ...first.trades[0]!, security: 'VTI', side: 'sell' as const, quantity: 1e21 };
  const second = oneBuyResponse('H1-IRA', 'VTI', 3, 301.25).accounts[0]!;
  return {
    asOf: TINY_AS_OF,
    accounts: [
      { ...first, trades: [first.trades[0]!, { ...sell, reasons: ['taxLossHarvest' as const] }] },
      second,
    ],
  } as RebalanceResponse;
}

describe.each(testStoreKinds())('proposal trades on $name', ({ open }) => {
  let store: Store;
  beforeAll(async () => {
    store = await open();
    await writeFirm(store.db, tinyFirm(), 'loader');
  });
  afterAll(async () => store?.close());

  it('counts, reads and makes rows of the trades a response proposes, numbers exactly as it has them', async () => {
    const response = twoAccountResponse();
    const id = await proposeResponse(store.db, 'H1', response);
    const expected = response.accounts.flatMap((a) =>
      a.trades.map((t, k) => ({
        id: `${id}:${a.id}:${k}`,
        proposalId: id,
        accountId: a.id,
        securityId: t.security,
        side: t.side,
        quantity: t.quantity,
        price: t.price,
        valueUsd: t.value,
        reasons: t.reasons,
      })),
    );
    // Written with the proposal: its count. Rows: none yet.
    const [row] = await store.db.select().from(proposals).where(eq(proposals.id, id));
    expect(row!.tradeCount).toBe(3);
    expect((await getProposal(store.db, id))!.trades).toBe(3);
    expect(await store.db.select().from(trades).where(eq(trades.proposalId, id))).toEqual([]);
    // Read for people: from the response, in id order.
    const byId = (x: { id: string }, y: { id: string }) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);
    const read = expected
      .map((t) => ({
        id: t.id,
        accountId: t.accountId,
        securityId: t.securityId,
        side: t.side,
        quantity: t.quantity,
        priceUsd: t.price,
        valueUsd: t.valueUsd,
        reasons: t.reasons,
      }))
      .sort(byId);
    expect(await proposalTrades(store.db, id)).toEqual(read);
    expect((await getProposal(store.db, id))!.tradeList).toEqual(read);
    // Made into rows (twice: the second time keeps the first's rows).
    await materializeTrades(store.db, [id]);
    await materializeTrades(store.db, [id]);
    const rows = await store.db.select().from(trades).where(eq(trades.proposalId, id));
    const order = response.accounts.map((a) => a.id);
    rows.sort(
      (x, y) =>
        order.indexOf(x.accountId) - order.indexOf(y.accountId) ||
        Number(x.id.split(':')[2]) - Number(y.id.split(':')[2]),
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

  it('refuses to make rows of trades that name an unknown account or security, writing none', async () => {
    const badSecurity = await proposeResponse(store.db, 'H2', oneBuyResponse('H2-TAX', 'NOPE'));
    const badAccount = await proposeResponse(store.db, 'H1', oneBuyResponse('H9-GONE', 'VTI'));
    const good = await proposeResponse(store.db, 'H1', oneBuyResponse('H1-TAX', 'BND'));
    const inOne = (ids: string[]) =>
      store.db.transaction((tx) => materializeTrades(tx as unknown as Db, ids));
    await expect(inOne([good, badSecurity])).rejects.toThrow(/unknown security NOPE/);
    await expect(inOne([badAccount])).rejects.toThrow(/unknown account H9-GONE/);
    expect(await store.db.select().from(trades).where(eq(trades.proposalId, good))).toEqual([]);
    await inOne([good]);
    expect(await store.db.select().from(trades).where(eq(trades.proposalId, good))).toHaveLength(1);
  });

  it('counts no trades for a missing response', () => {
    expect(tradeCountOf(null)).toBe(0);
    expect(tradeCountOf(undefined)).toBe(0);
    expect(tradeCountOf(twoAccountResponse())).toBe(3);
  });
});
