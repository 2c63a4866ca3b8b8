/**
 * Test fixtures for the proposal lifecycle: the tiny firm plus a second VTI lot for H1 (older,
 * so first in, first out would pick it) and a third household H3, and proposals written with
 * trades chosen by the test — hashed from the store exactly as a run hashes them, so they are
 * fresh until the test changes something.
 */
import { eq, inArray } from 'drizzle-orm';
import type { ProposedTrade, RebalanceResponse, Relaxation } from '../domain/index.js';
import { writeFirm, type FirmData } from './firm-writer.js';
import { loadHouseholdInputs } from './household-requests.js';
import { loadMarketSnapshot } from './market-snapshot.js';
import type { Db, Store } from './open-store.js';
import { createRun, writeProposal } from './runs-repo.js';
import { accounts, lots, proposals } from './schema/index.js';
import { TINY_AS_OF, tinyFirm } from './testing/tiny-firm.js';

/** The run date of every fixture proposal. */
export const LIFECYCLE_AS_OF = TINY_AS_OF;

/** The tiny firm with H1-TAX also holding `L0` (20 VTI from 2023) and H3 (30 VTI in H3-TAX). */
export function lifecycleFirm(): FirmData {
  const firm = tinyFirm();
  return {
    ...firm,
    households: [
      ...firm.households!,
      { id: 'H3', name: 'Lee', advisor: 'alice', shortTermRate: '0.3', longTermRate: '0.15' },
    ],
    accounts: [
      ...firm.accounts!,
      { id: 'H3-TAX', householdId: 'H3', taxStatus: 'taxable', modelId: 'balanced', cash: '5000' },
    ],
    lots: [
      ...firm.lots!,
      {
        accountId: 'H1-TAX',
        id: 'L0',
        securityId: 'VTI',
        quantity: '20',
        costBasis: '4000.00',
        acquired: '2023-03-01',
      },
      {
        accountId: 'H3-TAX',
        id: 'L1',
        securityId: 'VTI',
        quantity: '30',
        costBasis: '6000.00',
        acquired: '2022-06-01',
      },
    ],
  };
}

/** Opens a store and writes {@link lifecycleFirm} into it. */
export async function openLifecycleStore(open: () => Promise<Store>): Promise<Store> {
  const store = await open();
  await writeFirm(store.db, lifecycleFirm(), 'loader');
  return store;
}

/** A trade as a test writes it: `lots` are the sell's named lots as `[lot, quantity]`. */
export interface TestTrade {
  account: string;
  security: string;
  side: 'buy' | 'sell';
  quantity: number;
  price: number;
  lots?: [string, number][];
}

function proposedTrade(t: TestTrade): ProposedTrade {
  return {
    security: t.security,
    side: t.side,
    quantity: t.quantity,
    price: t.price,
    value: Math.round(t.quantity * t.price * 100) / 100,
    reasons: ['model'],
    ...(t.lots
      ? {
          lots: t.lots.map(([lot, quantity]) => ({
            lot,
            quantity,
            costBasis: 0,
            gain: 0,
            term: 'long' as const,
          })),
        }
      : {}),
  };
}

/** A response with `trades` (grouped by account), an estimated tax and what gave way. */
export function testResponse(
  trades: readonly TestTrade[],
  options: { estimatedTax?: number; relaxed?: Relaxation[] } = {},
): RebalanceResponse {
  const accounts = [...new Set(trades.map((t) => t.account))];
  const snapshot = { value: 1, cash: 0, trackingError: 0, maxDrift: 0 };
  return {
    asOf: LIFECYCLE_AS_OF,
    accounts: accounts.map((id, i) => ({
      id,
      status: options.relaxed && i === 0 ? 'relaxed' : 'ok',
      trades: trades.filter((t) => t.account === id).map(proposedTrade),
      summary: {
        before: snapshot,
        after: snapshot,
        realized: { shortTerm: 0, longTerm: 0, washSaleDisallowed: 0 },
        estimatedTax: i === 0 ? (options.estimatedTax ?? 0) : 0,
        turnover: 0,
        relaxed: i === 0 ? (options.relaxed ?? []) : [],
        warnings: [],
      },
      error: null,
    })),
  };
}

/** The household's input hash as a run on {@link LIFECYCLE_AS_OF} would record it now. */
export async function currentHash(db: Db, householdId: string): Promise<string> {
  const snap = await loadMarketSnapshot(db, LIFECYCLE_AS_OF);
  const [input] = await loadHouseholdInputs(db, snap, [householdId]);
  return input!.inputHash;
}

/** Writes a run with one `proposed` proposal of `trades` for the household; its id. */
export async function propose(
  db: Db,
  householdId: string,
  trades: readonly TestTrade[],
  options: { estimatedTax?: number; relaxed?: Relaxation[] } = {},
): Promise<string> {
  const runId = await createRun(db, {
    asOf: LIFECYCLE_AS_OF,
    selection: { kind: 'households', households: [householdId] },
    householdIds: [householdId],
    startedBy: 'test',
  });
  const inputHash = await currentHash(db, householdId);
  await writeProposal(db, {
    runId,
    householdId,
    inputHash,
    status: 'proposed',
    response: testResponse(trades, options),
  });
  const [row] = await db.select().from(proposals).where(eq(proposals.runId, runId));
  return row!.id;
}

/** The accounts' lots as `account/lot security quantity basis acquired` lines, and their cash. */
export async function holdingsOf(
  db: Db,
  accountIds: readonly string[],
): Promise<{ lots: string[]; cash: Record<string, string> }> {
  const lotRows = await db
    .select()
    .from(lots)
    .where(inArray(lots.accountId, [...accountIds]));
  const cashRows = await db
    .select()
    .from(accounts)
    .where(inArray(accounts.id, [...accountIds]));
  return {
    lots: lotRows
      .map(
        (l) => `${l.accountId}/${l.id} ${l.securityId} ${l.quantity} ${l.costBasis} ${l.acquired}`,
      )
      .sort(),
    cash: Object.fromEntries(cashRows.map((a) => [a.id, a.cash])),
  };
}
