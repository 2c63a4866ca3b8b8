/**
 * Which households a run looks at: all; by household, model or advisor; or by trigger — drift
 * over the threshold (an account's, or a household model's combined), cash activity, settings changed, model changed (both since the
 * last finished run), or a loss-harvest scan of taxable accounts.
 */
import { and, eq, gt, inArray, or, sql } from 'drizzle-orm';
import type { AccountSettings } from '../domain/index.js';
import { householdDriftBefore, type DriftSources } from '../rebalance/index.js';
import {
  DEFAULT_DRIFT_THRESHOLD,
  rowsOf,
  schema,
  type Db,
  type MarketSnapshot,
} from '../store/index.js';

export type Trigger = 'drift' | 'cash' | 'settings' | 'model' | 'harvest';

export type Selection =
  | { kind: 'all' }
  | { kind: 'households'; households: string[] }
  | { kind: 'model'; model: string }
  | { kind: 'advisor'; advisor: string }
  | { kind: 'trigger'; trigger: Trigger };

export { DEFAULT_DRIFT_THRESHOLD };

const { accounts, households, models, accountSettings, transactions, runs } = schema;

/** The selected household ids, sorted. */
export async function selectHouseholds(
  db: Db,
  selection: Selection,
  snap: MarketSnapshot,
): Promise<string[]> {
  const ids = await select(db, selection, snap);
  return [...new Set(ids)].sort();
}

async function select(db: Db, s: Selection, snap: MarketSnapshot): Promise<string[]> {
  switch (s.kind) {
    case 'all':
      return (await db.select({ id: households.id }).from(households)).map((r) => r.id);
    case 'households': {
      if (s.households.length === 0) return [];
      const found = await db
        .select({ id: households.id })
        .from(households)
        .where(inArray(households.id, s.households));
      return found.map((r) => r.id);
    }
    case 'advisor':
      return (
        await db
          .select({ id: households.id })
          .from(households)
          .where(eq(households.advisor, s.advisor))
      ).map((r) => r.id);
    case 'model':
      return householdsOnModels(db, modelsContaining(s.model, snap));
    case 'trigger':
      return selectByTrigger(db, s.trigger, snap);
  }
}

/** `id` and every model that holds it as a sub-model, at any depth. */
export function modelsContaining(id: string, snap: MarketSnapshot): string[] {
  const out = new Set([id]);
  for (let grew = true; grew;) {
    grew = false;
    for (const m of snap.models.values()) {
      if (out.has(m.id)) continue;
      if (m.targets.some((t) => 'model' in t && out.has(t.model))) {
        out.add(m.id);
        grew = true;
      }
    }
  }
  return [...out];
}

async function householdsOnModels(db: Db, modelIds: string[]): Promise<string[]> {
  const a = await db
    .select({ id: accounts.householdId })
    .from(accounts)
    .where(inArray(accounts.modelId, modelIds));
  const h = await db
    .select({ id: households.id })
    .from(households)
    .where(inArray(households.modelId, modelIds));
  return [...a, ...h].map((r) => r.id);
}

/** Start of the last finished run, or the epoch: "since the last run". */
async function lastRunStart(db: Db): Promise<Date> {
  const [r] = await db
    .select({ at: sql<Date>`max(${runs.startedAt})` })
    .from(runs)
    .where(eq(runs.status, 'done'));
  return r?.at ? new Date(r.at) : new Date(0);
}

async function selectByTrigger(db: Db, trigger: Trigger, snap: MarketSnapshot): Promise<string[]> {
  const since = await lastRunStart(db);
  switch (trigger) {
    case 'settings': {
      const rows = await db
        .select({ id: accounts.householdId })
        .from(accountSettings)
        .innerJoin(accounts, eq(accounts.id, accountSettings.accountId))
        .where(and(gt(accountSettings.changedAt, since), sql`${accountSettings.version} > 1`));
      return rows.map((r) => r.id);
    }
    case 'model': {
      const changed = await db
        .select({ id: models.id })
        .from(models)
        .where(and(gt(models.changedAt, since), sql`${models.version} > 1`));
      const ids = new Set(changed.flatMap((m) => modelsContaining(m.id, snap)));
      return ids.size ? householdsOnModels(db, [...ids]) : [];
    }
    case 'cash': {
      const sinceDate = since.getTime() === 0 ? '0001-01-01' : since.toISOString().slice(0, 10);
      const moved = await db
        .select({ id: accounts.householdId })
        .from(transactions)
        .innerJoin(accounts, eq(accounts.id, transactions.accountId))
        .where(
          and(
            or(eq(transactions.type, 'deposit'), eq(transactions.type, 'withdrawal')),
            gt(transactions.date, sinceDate),
          ),
        );
      const withdrawing = (await latestSettings(db)).filter(
        (s) => (s.settings.cash?.withdrawal ?? 0) > 0,
      );
      return [...moved.map((r) => r.id), ...withdrawing.map((s) => s.household_id)];
    }
    case 'drift':
      return driftScan(db, snap);
    case 'harvest':
      return harvestScan(db, snap);
  }
}

interface LatestSettings {
  account_id: string;
  household_id: string;
  settings: AccountSettings;
}

async function latestSettings(db: Db): Promise<LatestSettings[]> {
  return rowsOf<LatestSettings>(
    await db.execute(sql`
      SELECT DISTINCT ON (s.account_id) s.account_id, a.household_id, s.settings
      FROM account_settings s JOIN accounts a ON a.id = s.account_id
      ORDER BY s.account_id, s.version DESC`),
  );
}

/**
 * Households with drift beyond the threshold at the snapshot's prices: the engine's drift before
 * trading (`householdDriftBefore`: an account against its benchmark, or a household with a model
 * of its own as one combined portfolio, held-away accounts included). Only tradable accounts
 * trigger.
 */
async function driftScan(db: Db, snap: MarketSnapshot): Promise<string[]> {
  const settingsOf = new Map((await latestSettings(db)).map((s) => [s.account_id, s.settings]));
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
      slice.map((r) => r.account.id),
    );
    for (const members of groupBy(slice, (r) => r.account.householdId)) {
      const figures = householdDriftBefore(
        members.map(({ account: a }) => {
          const valueUsd = new Map<string, number>();
          for (const l of lotsOf.get(a.id) ?? []) {
            const v = Number(l.quantity) * (snap.prices.get(l.securityId)?.close ?? 0);
            valueUsd.set(l.securityId, (valueUsd.get(l.securityId) ?? 0) + v);
          }
          const settings = settingsOf.get(a.id) ?? {};
          return {
            modelId: a.modelId,
            tradable: a.tradable,
            cashUsd: Number(a.cash),
            valueUsd,
            settings,
          };
        }),
        members[0]!.householdModelId,
        sources,
      );
      const triggered = members.some((r, i) => {
        const { maxDrift, threshold } = figures[i]!;
        return (
          r.account.tradable &&
          maxDrift !== null &&
          maxDrift > (threshold ?? DEFAULT_DRIFT_THRESHOLD)
        );
      });
      if (triggered) out.push(members[0]!.account.householdId);
    }
  }
  return out;
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

/** Slices of about SCAN_SLICE rows that never split a household (rows sorted by household). */
function householdSlices<T>(rows: readonly T[], household: (row: T) => string): T[][] {
  const slices: T[][] = [];
  let slice: T[] = [];
  for (const group of groupBy(rows, household)) {
    if (slice.length > 0 && slice.length + group.length > SCAN_SLICE) {
      slices.push(slice);
      slice = [];
    }
    slice.push(...group);
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
async function harvestScan(db: Db, snap: MarketSnapshot): Promise<string[]> {
  const settings = new Map((await latestSettings(db)).map((s) => [s.account_id, s.settings]));
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
