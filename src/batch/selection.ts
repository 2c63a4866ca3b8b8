/**
 * Which households a run looks at: all; by household, model or advisor; or by trigger — drift
 * over the account's threshold, cash activity, settings changed, model changed (both since the
 * last finished run), or a loss-harvest scan of taxable accounts.
 */
import { and, eq, gt, inArray, or, sql } from 'drizzle-orm';
import type { AccountSettings } from '../domain/index.js';
import { rowsOf, schema, type Db, type MarketSnapshot } from '../store/index.js';

export type Trigger = 'drift' | 'cash' | 'settings' | 'model' | 'harvest';

export type Selection =
  | { kind: 'all' }
  | { kind: 'households'; households: string[] }
  | { kind: 'model'; model: string }
  | { kind: 'advisor'; advisor: string }
  | { kind: 'trigger'; trigger: Trigger };

/** Drift threshold of an account without one in its settings. */
export const DEFAULT_DRIFT_THRESHOLD = 0.02;

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
    case 'harvest':
      return scanLots(db, trigger, snap);
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

/** Flattened security weights of a model (sub-models multiplied through). */
function flatten(
  id: string,
  snap: MarketSnapshot,
  scale = 1,
  out = new Map<string, number>(),
  depth = 0,
): Map<string, number> {
  const m = snap.models.get(id);
  if (!m || depth > 16) return out;
  for (const t of m.targets) {
    if ('security' in t) out.set(t.security, (out.get(t.security) ?? 0) + scale * t.weight);
    else flatten(t.model, snap, scale * t.weight, out, depth + 1);
  }
  return out;
}

/** Drift (max |weight − target| over an account) and harvestable losses, from lots and prices. */
async function scanLots(
  db: Db,
  trigger: 'drift' | 'harvest',
  snap: MarketSnapshot,
): Promise<string[]> {
  const settings = new Map((await latestSettings(db)).map((s) => [s.account_id, s.settings]));
  const allAccounts = await db.select().from(accounts).where(eq(accounts.tradable, true));
  const out: string[] = [];
  // Accounts a slice at a time: a 100,000-account book's lots never sit in memory at once.
  for (let i = 0; i < allAccounts.length; i += SCAN_SLICE) {
    const accs = allAccounts.slice(i, i + SCAN_SLICE);
    const lotRows = await db
      .select()
      .from(schema.lots)
      .where(
        inArray(
          schema.lots.accountId,
          accs.map((a) => a.id),
        ),
      );
    const lotsOf = new Map<string, (typeof lotRows)[number][]>();
    for (const l of lotRows) {
      const list = lotsOf.get(l.accountId);
      if (list) list.push(l);
      else lotsOf.set(l.accountId, [l]);
    }
    out.push(...scanSlice(trigger, snap, accs, lotsOf, settings));
  }
  return out;
}

/** Accounts per query of the lot scan. */
const SCAN_SLICE = 2000;

function scanSlice(
  trigger: 'drift' | 'harvest',
  snap: MarketSnapshot,
  accs: (typeof accounts.$inferSelect)[],
  lotsOf: Map<string, (typeof schema.lots.$inferSelect)[]>,
  settings: Map<string, AccountSettings>,
): string[] {
  const out: string[] = [];
  for (const a of accs) {
    const own = lotsOf.get(a.id) ?? [];
    const st = settings.get(a.id);
    if (trigger === 'harvest') {
      if (a.taxStatus !== 'taxable' || !st?.tax?.harvestLosses) continue;
      const min = Math.max(st.tax.minHarvest ?? 0, 0);
      const loss = own.some((l) => {
        const p = snap.prices.get(l.securityId);
        return p !== undefined && Number(l.quantity) * p.close - Number(l.costBasis) < -min;
      });
      if (loss) out.push(a.householdId);
      continue;
    }
    if (!a.modelId) continue;
    const value = new Map<string, number>();
    let total = Number(a.cash);
    for (const l of own) {
      const v = Number(l.quantity) * (snap.prices.get(l.securityId)?.close ?? 0);
      value.set(l.securityId, (value.get(l.securityId) ?? 0) + v);
      total += v;
    }
    if (!(total > 0)) continue;
    const target = flatten(a.modelId, snap);
    let drift = 0;
    for (const id of new Set([...target.keys(), ...value.keys()])) {
      drift = Math.max(drift, Math.abs((value.get(id) ?? 0) / total - (target.get(id) ?? 0)));
    }
    if (drift > (st?.drift?.threshold ?? DEFAULT_DRIFT_THRESHOLD)) out.push(a.householdId);
  }
  return out;
}
