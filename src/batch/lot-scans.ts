/**
 * The triggers that read every account's lots at the run's prices: drift beyond the threshold and
 * losses worth harvesting, a slice of accounts at a time (a 100,000-account book's lots never sit
 * in memory at once).
 */
import { eq, inArray } from 'drizzle-orm';
import type { AccountSettings, DriftSources } from '../domain/index.js';
import { householdDriftBefore } from '../rebalance/index.js';
import {
  outOfTolerance,
  schema,
  thresholdOf,
  type Db,
  type MarketSnapshot,
} from '../store/index.js';

const { accounts, households } = schema;

/** The latest settings of each account, by id. */
export type SettingsOf = ReadonlyMap<string, AccountSettings>;

/**
 * Households with drift beyond the threshold at the snapshot's prices: the engine's drift before
 * trading (`householdDriftBefore`: an account against its benchmark, or a household with a model
 * of its own as one combined portfolio, held-away accounts included). Only tradable accounts
 * trigger.
 */
export async function driftScan(
  db: Db,
  snap: MarketSnapshot,
  settingsOf: SettingsOf,
): Promise<string[]> {
  const rows = await db
    .select({ account: accounts, householdModelId: households.modelId })
    .from(accounts)
    .innerJoin(households, eq(households.id, accounts.householdId))
    .orderBy(accounts.householdId, accounts.id);
  const sources: DriftSources = {
    models: snap.models,
    traits: (id) => snap.securities.get(id),
  };
  const out: string[] = [];
  for (const slice of householdSlices(rows, (r) => r.account.householdId)) {
    const lotsOf = await lotsOfAccounts(
      db,
      slice.flatMap((members) => members.map((r) => r.account.id)),
    );
    for (const members of slice) {
      const figures = householdDriftBefore(
        members.map(({ account: a }) => ({
          modelId: a.modelId,
          tradable: a.tradable,
          cashUsd: Number(a.cash),
          valueUsd: valuesAt(lotsOf.get(a.id) ?? [], snap),
          settings: settingsOf.get(a.id) ?? {},
        })),
        members[0]!.householdModelId,
        sources,
      );
      const triggered = members.some((r, i) => {
        const figure = figures[i]!;
        const driftThreshold = thresholdOf(figure);
        return r.account.tradable && outOfTolerance({ maxDrift: figure.maxDrift, driftThreshold });
      });
      if (triggered) out.push(members[0]!.account.householdId);
    }
  }
  return out;
}

/** The value of each security the lots hold, at the snapshot's prices (0 without a price). */
function valuesAt(
  lots: readonly (typeof schema.lots.$inferSelect)[],
  snap: MarketSnapshot,
): Map<string, number> {
  const valueUsd = new Map<string, number>();
  for (const l of lots) {
    const v = Number(l.quantity) * (snap.prices.get(l.securityId)?.close ?? 0);
    valueUsd.set(l.securityId, (valueUsd.get(l.securityId) ?? 0) + v);
  }
  return valueUsd;
}

/** Consecutive runs of `rows` with the same key (rows sorted by it). */
function groupBy<T>(rows: readonly T[], key: (row: T) => string): T[][] {
  const out: T[][] = [];
  for (const r of rows) {
    const last = out[out.length - 1];
    if (last && key(last[0]!) === key(r)) last.push(r);
    else out.push([r]);
  }
  return out;
}

/**
 * The households of `rows` (sorted by household), in slices of about SCAN_SLICE rows that never
 * split a household.
 */
function householdSlices<T>(rows: readonly T[], household: (row: T) => string): T[][][] {
  const slices: T[][][] = [];
  let slice: T[][] = [];
  let size = 0;
  for (const group of groupBy(rows, household)) {
    if (size > 0 && size + group.length > SCAN_SLICE) {
      slices.push(slice);
      slice = [];
      size = 0;
    }
    slice.push(group);
    size += group.length;
  }
  if (slice.length > 0) slices.push(slice);
  return slices;
}

/** The lots of some accounts, by account id. */
async function lotsOfAccounts(db: Db, ids: string[]) {
  const lotRows = await db.select().from(schema.lots).where(inArray(schema.lots.accountId, ids));
  const lotsOf = new Map<string, (typeof lotRows)[number][]>();
  for (const l of lotRows) {
    const list = lotsOf.get(l.accountId);
    if (list) list.push(l);
    else lotsOf.set(l.accountId, [l]);
  }
  return lotsOf;
}

/** Taxable accounts that harvest losses and hold a lot at a loss beyond `minHarvest`. */
export async function harvestScan(
  db: Db,
  snap: MarketSnapshot,
  settings: SettingsOf,
): Promise<string[]> {
  const allAccounts = await db.select().from(accounts).where(eq(accounts.tradable, true));
  const out: string[] = [];
  // Accounts a slice at a time: a 100,000-account book's lots never sit in memory at once.
  for (let i = 0; i < allAccounts.length; i += SCAN_SLICE) {
    const accs = allAccounts.slice(i, i + SCAN_SLICE);
    const lotsOf = await lotsOfAccounts(
      db,
      accs.map((a) => a.id),
    );
    for (const a of accs) {
      const st = settings.get(a.id);
      if (a.taxStatus !== 'taxable' || !st?.tax?.harvestLosses) continue;
      const min = Math.max(st.tax.minHarvest ?? 0, 0);
      const loss = (lotsOf.get(a.id) ?? []).some((l) => {
        const p = snap.prices.get(l.securityId);
        return p !== undefined && Number(l.quantity) * p.close - Number(l.costBasis) < -min;
      });
      if (loss) out.push(a.householdId);
    }
  }
  return out;
}

/** Accounts per query of a lot scan. */
const SCAN_SLICE = 2000;
