/**
 * Which households a run looks at: all; by household, model or advisor; or by trigger — drift
 * over the threshold (an account's, or a household model's combined), cash activity, settings
 * changed, model changed (both since the last finished run), or a loss-harvest scan of taxable
 * accounts (the two scans of lots: lot-scans.ts).
 */
import { and, eq, gt, inArray, or, sql } from 'drizzle-orm';
import type { AccountSettings } from '../domain/index.js';
import {
  DEFAULT_DRIFT_THRESHOLD,
  rowsOf,
  schema,
  type Db,
  type MarketSnapshot,
} from '../store/index.js';
import { driftScan, harvestScan } from './lot-scans.js';

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
    case 'harvest': {
      const settings = new Map((await latestSettings(db)).map((s) => [s.account_id, s.settings]));
      return trigger === 'drift' ? driftScan(db, snap, settings) : harvestScan(db, snap, settings);
    }
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
