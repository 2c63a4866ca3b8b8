/**
 * Applies a validated nightly feed in one transaction (docs/import.md): securities, households,
 * accounts and prices upserted; each account's lots replaced by the feed's full list; transactions
 * appended without duplicates; models and settings versioned only when they change. Re-applying
 * the same feed changes nothing but the audit log's record of the attempt.
 */
import { Decimal } from 'decimal.js';
import { and, desc, getTableColumns, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable, PgUpdateSetSource } from 'drizzle-orm/pg-core';
import { groupBy } from '../domain/index.js';
import { insertChunked } from './chunked-insert.js';
import { chunksOf, selectInChunks } from './id-chunks.js';
import type {
  DecimalInput,
  FirmData,
  FirmLot,
  FirmModel,
  FirmSettings,
  FirmTransaction,
} from './firm-writer.js';
import { insertLots } from './insert-lots.js';
import type { Db } from './open-store.js';
import { refreshStatistics } from './refresh-statistics.js';
import {
  accountSettings,
  accounts,
  auditLog,
  households,
  lots,
  models,
  prices,
  securities,
  transactions,
} from './schema/index.js';

/** What a feed did to one kind of row. */
export interface FeedKindCount {
  added: number;
  updated: number;
  unchanged: number;
  /** Lots only: removed from accounts whose lot list changed. */
  removed?: number;
}

/** Per kind of row. */
export type FeedCounts = Record<keyof FirmData, FeedKindCount>;

/** A transaction of a feed: the firm's shape plus the Tailor trade it filled, if any. */
export type FeedWriteTransaction = FirmTransaction & { tradeId?: string | null };

/** What a feed writes: the firm's shapes; a model's empty name keeps the stored one. */
export type FeedWriteData = Omit<FirmData, 'transactions'> & {
  transactions?: FeedWriteTransaction[];
};

/** Who applies the feed, and where it came from (the feed directory). */
export interface FeedWriteOptions {
  actor: string;
  source: string;
}

const MAX_PARAMS = 30_000;

/** The ids in the store a feed may refer to (for the validator). */
export async function loadKnownIds(db: Db) {
  const ids = async (column: PgColumn, table: PgTable) =>
    new Set((await db.selectDistinct({ id: column }).from(table)).map((r) => r.id as string));
  return {
    securities: await ids(securities.id, securities),
    models: await ids(models.id, models),
    households: await ids(households.id, households),
    accounts: await ids(accounts.id, accounts),
  };
}

/**
 * Writes `data` in one transaction with nightly-feed semantics and records a `feed.import` row in
 * the audit log with the counts and the source. Throws (writing nothing) on any database error.
 * The planner's statistics are refreshed afterwards (see refresh-statistics.ts).
 */
export async function writeFeed(
  db: Db,
  data: FeedWriteData,
  options: FeedWriteOptions,
): Promise<FeedCounts> {
  const written = await db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const counts: FeedCounts = {
      securities: await upsert(
        t,
        securities,
        [securities.id],
        (data.securities ?? []).map((s) => ({
          id: s.id,
          name: s.name ?? '',
          assetClass: s.assetClass ?? null,
          sector: s.sector ?? null,
          tags: s.tags ?? [],
          washGroup: s.washGroup ?? null,
          lotSize: decOrNull(s.lotSize),
          cashEquivalent: s.cashEquivalent ?? false,
          taxDrag: decOrNull(s.taxDrag),
        })),
      ),
      prices: await upsert(
        t,
        prices,
        [prices.securityId, prices.date],
        (data.prices ?? []).map((p) => ({
          securityId: p.securityId,
          date: p.date,
          close: dec(p.close),
        })),
      ),
      models: await versionModels(t, data.models ?? [], options),
      households: await upsert(
        t,
        households,
        [households.id],
        (data.households ?? []).map((h) => ({
          id: h.id,
          name: h.name ?? '',
          advisor: h.advisor ?? '',
          shortTermRate: dec(h.shortTermRate),
          longTermRate: dec(h.longTermRate),
          modelId: h.modelId ?? null,
        })),
      ),
      accounts: await upsert(
        t,
        accounts,
        [accounts.id],
        (data.accounts ?? []).map((a) => ({
          id: a.id,
          householdId: a.householdId,
          name: a.name ?? '',
          taxStatus: a.taxStatus,
          tradable: a.tradable ?? true,
          modelId: a.modelId,
          cash: dec(a.cash),
        })),
      ),
      lots: await replaceLots(t, data.lots ?? []),
      transactions: await appendTransactions(t, data.transactions ?? []),
      settings: await versionSettings(t, data.settings ?? [], options),
    };
    await t.insert(auditLog).values({
      actor: options.actor,
      action: 'feed.import',
      entity: 'feed',
      entityId: options.source,
      detail: { source: options.source, counts },
    });
    return counts;
  });
  await refreshStatistics(db);
  return written;
}

/**
 * Inserts or updates rows by `target`, leaving rows whose every column is the same untouched
 * (`IS DISTINCT FROM`, so `10.0` and `10` are the same number). Counts come from `xmax`.
 */
async function upsert<T extends PgTable>(
  db: Db,
  table: T,
  target: PgColumn[],
  input: readonly object[],
): Promise<FeedKindCount> {
  const counts = { added: 0, updated: 0, unchanged: 0 };
  if (input.length === 0) return counts;
  const rows = input as T['$inferInsert'][];
  const targetNames = new Set(target.map((c) => c.name));
  const update = Object.entries(getTableColumns(table) as Record<string, PgColumn>).filter(
    ([, c]) => !targetNames.has(c.name),
  );
  const excluded = (c: PgColumn): SQL => sql.raw(`excluded."${c.name}"`);
  const set = Object.fromEntries(
    update.map(([key, c]) => [key, excluded(c)]),
  ) as PgUpdateSetSource<T>;
  const differs = sql`(${sql.join(
    update.map(([, c]) => sql`${c}`),
    sql`, `,
  )}) IS DISTINCT FROM (${sql.join(
    update.map(([, c]) => excluded(c)),
    sql`, `,
  )})`;
  const size = Math.max(1, Math.floor(MAX_PARAMS / (update.length + target.length)));
  for (let i = 0; i < rows.length; i += size) {
    const chunk = rows.slice(i, i + size);
    const written = (await db
      .insert(table)
      .values(chunk)
      .onConflictDoUpdate({ target, set, setWhere: differs })
      .returning({ inserted: sql<boolean>`(xmax = 0)` })) as { inserted: boolean }[];
    const added = written.filter((w) => w.inserted).length;
    counts.added += added;
    counts.updated += written.length - added;
    counts.unchanged += chunk.length - written.length;
  }
  return counts;
}

const dec = (v: DecimalInput): string => (typeof v === 'number' ? String(v) : v);
const decOrNull = (v: DecimalInput | null | undefined): string | null =>
  v === undefined || v === null ? null : dec(v);
/** A decimal's canonical text, so `10.50` and `10.5` compare equal. */
const exact = (v: DecimalInput | null | undefined): string =>
  v === undefined || v === null ? '' : new Decimal(v).toFixed();

/** JSON with object keys sorted, so equal documents give equal text. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The lot list of an account as comparable text (order does not matter). */
const lotListKey = (list: readonly FirmLot[]): string =>
  list
    .map((l) =>
      [l.id, l.securityId, exact(l.quantity), exact(l.costBasis), l.acquired].join('\u0000'),
    )
    .sort()
    .join('\u0001');

/** Replaces the lots of every account whose list in the feed differs from the store's. */
async function replaceLots(db: Db, input: readonly FirmLot[]): Promise<FeedKindCount> {
  const counts = { added: 0, updated: 0, unchanged: 0, removed: 0 };
  const feed = groupBy(input, (l) => l.accountId);
  const stored: FirmLot[] = await selectInChunks([...feed.keys()], (ids) =>
    db.select().from(lots).where(inArray(lots.accountId, ids)),
  );
  const before = groupBy(stored, (l) => l.accountId);
  const changed: string[] = [];
  for (const [accountId, list] of feed) {
    const old = before.get(accountId) ?? [];
    if (lotListKey(old) === lotListKey(list)) counts.unchanged += list.length;
    else {
      changed.push(accountId);
      counts.removed += old.length;
      counts.added += list.length;
    }
  }
  for (const ids of chunksOf(changed)) await db.delete(lots).where(inArray(lots.accountId, ids));
  const replaced = new Set(changed);
  await insertLots(
    db,
    input
      .filter((l) => replaced.has(l.accountId))
      .map((l) => ({
        accountId: l.accountId,
        id: l.id,
        securityId: l.securityId,
        quantity: dec(l.quantity),
        costBasis: dec(l.costBasis),
        acquired: l.acquired,
      })),
  );
  return counts;
}

const transactionKey = (x: FeedWriteTransaction): string =>
  [
    x.accountId,
    x.date,
    x.type,
    x.securityId ?? '',
    exact(x.quantity),
    exact(x.price),
    exact(x.amount),
    exact(x.realizedGain),
    exact(x.realizedLoss),
    x.tradeId ?? '',
  ].join('\u0000');

/**
 * Appends transactions, skipping each one the store already has exactly (as many times as it
 * has it, so two identical fills on one day are both kept once).
 */
async function appendTransactions(
  db: Db,
  input: readonly FeedWriteTransaction[],
): Promise<FeedKindCount> {
  const counts = { added: 0, updated: 0, unchanged: 0 };
  if (input.length === 0) return counts;
  const dates = input.map((x) => x.date).sort();
  const inStore = new Map<string, number>();
  for (const ids of chunksOf([...new Set(input.map((x) => x.accountId))])) {
    const rows = await db
      .select()
      .from(transactions)
      .where(
        and(
          inArray(transactions.accountId, ids),
          gte(transactions.date, dates[0]!),
          lte(transactions.date, dates[dates.length - 1]!),
        ),
      );
    for (const row of rows) {
      const key = transactionKey(row);
      inStore.set(key, (inStore.get(key) ?? 0) + 1);
    }
  }
  const fresh = input.filter((x) => {
    const key = transactionKey(x);
    const left = inStore.get(key) ?? 0;
    if (left === 0) return true;
    inStore.set(key, left - 1);
    return false;
  });
  await insertChunked(
    db,
    transactions,
    fresh.map((x) => ({
      accountId: x.accountId,
      date: x.date,
      type: x.type,
      securityId: x.securityId ?? null,
      quantity: decOrNull(x.quantity),
      price: decOrNull(x.price),
      amount: dec(x.amount),
      realizedGain: decOrNull(x.realizedGain),
      realizedLoss: decOrNull(x.realizedLoss),
      tradeId: x.tradeId ?? null,
    })),
  );
  counts.added = fresh.length;
  counts.unchanged = input.length - fresh.length;
  return counts;
}

/** Targets as comparable text (order does not matter). */
const targetsKey = (targets: readonly unknown[]): string => targets.map(canonical).sort().join(',');

/**
 * Adds version n+1 of each model whose targets (or non-empty name) differ from its latest
 * version — `saveModelVersion` semantics, inside the feed's transaction.
 */
async function versionModels(
  db: Db,
  input: readonly FirmModel[],
  options: FeedWriteOptions,
): Promise<FeedKindCount> {
  const counts = { added: 0, updated: 0, unchanged: 0 };
  const latest = new Map<string, { version: number; name: string; targets: unknown[] }>();
  for (const ids of chunksOf(input.map((m) => m.id))) {
    const rows = await db
      .selectDistinctOn([models.id])
      .from(models)
      .where(inArray(models.id, ids))
      .orderBy(models.id, desc(models.version));
    for (const r of rows) latest.set(r.id, r);
  }
  const note = `nightly feed ${options.source}`;
  const fresh: (typeof models.$inferInsert)[] = [];
  for (const m of input) {
    const old = latest.get(m.id);
    const name = m.name ? m.name : (old?.name ?? '');
    if (old && old.name === name && targetsKey(old.targets) === targetsKey(m.targets)) {
      counts.unchanged++;
      continue;
    }
    if (old) counts.updated++;
    else counts.added++;
    const version = (old?.version ?? 0) + 1;
    fresh.push({ id: m.id, version, name, targets: m.targets, changedBy: options.actor, note });
  }
  await insertChunked(db, models, fresh);
  await insertChunked(
    db,
    auditLog,
    fresh.map((m) => ({
      actor: options.actor,
      action: 'model.version',
      entity: 'model',
      entityId: m.id,
      detail: { version: m.version, note },
    })),
  );
  return counts;
}

/**
 * Adds version n+1 of each account's settings that differ from its latest version —
 * `saveAccountSettings` semantics, inside the feed's transaction.
 */
async function versionSettings(
  db: Db,
  input: readonly FirmSettings[],
  options: FeedWriteOptions,
): Promise<FeedKindCount> {
  const counts = { added: 0, updated: 0, unchanged: 0 };
  const latest = new Map<string, { version: number; settings: unknown }>();
  for (const ids of chunksOf(input.map((s) => s.accountId))) {
    const rows = await db
      .selectDistinctOn([accountSettings.accountId])
      .from(accountSettings)
      .where(inArray(accountSettings.accountId, ids))
      .orderBy(accountSettings.accountId, desc(accountSettings.version));
    for (const r of rows) latest.set(r.accountId, r);
  }
  const fresh: (typeof accountSettings.$inferInsert)[] = [];
  for (const s of input) {
    const old = latest.get(s.accountId);
    if (old && canonical(old.settings) === canonical(s.settings)) {
      counts.unchanged++;
      continue;
    }
    if (old) counts.updated++;
    else counts.added++;
    const note = s.note ? s.note : `nightly feed ${options.source}`;
    const version = (old?.version ?? 0) + 1;
    fresh.push({
      accountId: s.accountId,
      version,
      settings: s.settings,
      changedBy: options.actor,
      note,
    });
  }
  await insertChunked(db, accountSettings, fresh);
  await insertChunked(
    db,
    auditLog,
    fresh.map((s) => ({
      actor: options.actor,
      action: 'settings.version',
      entity: 'account',
      entityId: s.accountId,
      detail: { version: s.version, note: s.note },
    })),
  );
  return counts;
}
