/**
 * The whole book's per-account figures, kept in `book_figures` between reads. Computing them
 * reads every lot of the book (`accountFigures`): 6.5 s for the 20,000-account demo book on the
 * embedded store and 4.2 s on a PostgreSQL server (10.2 and 6.9 s while the lots came back as
 * arrays; 61 s at 100,000 accounts then), on every look at the book. Kept,
 * a read recomputes only what triggers (migration 0011) marked since the last one: the
 * households whose lots, accounts, settings or household row changed, or the whole book after
 * prices, securities or models changed.
 *
 * One refresh runs at a time. In a process, callers that come while one runs share it; across
 * processes (a server store), an advisory lock lets one through and the others read the table
 * as the last refresh left it (`busy`) rather than wait — a whole-book refresh takes a minute
 * at 100,000 accounts, and every waiting request would hold a pooled connection. A refresh
 * deletes only the marks it read before it read the lots: a change committed while it runs
 * keeps its mark for the next one.
 * A change of the drift formula itself (src/rebalance) is not seen by the triggers: the
 * migration that ships it adds a mark for the whole book (`INSERT … VALUES (NULL)`).
 */
import { sql } from 'drizzle-orm';
import type { DriftMeasure } from '../domain/index.js';
import {
  accountFigures,
  inJsonList,
  outOfTolerance,
  type AccountFigures,
} from './account-figures.js';
import { insertChunked } from './chunked-insert.js';
import { rowsOf } from './market-snapshot.js';
import type { Db } from './open-store.js';
import { bookFigures, bookFiguresStale } from './schema/index.js';

/** Key of the advisory lock one refresh at a time holds (any constant no other lock uses). */
const REFRESH_LOCK = 7_204_511;

/**
 * What a refresh recomputed: nothing, some households, or the whole book; `busy`: another
 * process was refreshing, so this one left it to that.
 */
export type Refreshed =
  | { scope: 'none' }
  | { scope: 'households'; households: number }
  | { scope: 'book' }
  | { scope: 'busy' };

/** The refresh under way in this process, by store handle. */
const running = new WeakMap<Db, Promise<Refreshed>>();

/** Recomputes the figures of whatever is marked stale; `measure`: the engine's drift. */
export function refreshBookFigures(db: Db, measure: DriftMeasure): Promise<Refreshed> {
  const current = running.get(db);
  if (current !== undefined) return current;
  const started = refreshOnce(db, measure).finally(() => running.delete(db));
  running.set(db, started);
  return started;
}

async function refreshOnce(db: Db, measure: DriftMeasure): Promise<Refreshed> {
  const [any] = await db.select({ seq: bookFiguresStale.seq }).from(bookFiguresStale).limit(1);
  if (any === undefined) return { scope: 'none' };
  return db.transaction(async (tx) => {
    const [lock] = rowsOf<{ got: boolean }>(
      await tx.execute(sql`SELECT pg_try_advisory_xact_lock(${REFRESH_LOCK}) AS got`),
    );
    if (lock?.got !== true) return { scope: 'busy' as const };
    const marks = await tx.select().from(bookFiguresStale);
    if (marks.length === 0) return { scope: 'none' };
    const whole = marks.some((m) => m.householdId === null);
    const householdIds = whole ? [] : [...new Set(marks.map((m) => m.householdId!))];
    const figures = await accountFigures(tx, measure, whole ? {} : { householdIds });
    if (whole) await tx.delete(bookFigures);
    // By household (an account that moved leaves its old one, which is marked too) and by
    // account, so no row of an account recomputed here can be left to collide with its new one.
    else
      await tx.delete(bookFigures).where(
        sql`${inJsonList(sql`${bookFigures.householdId}`, householdIds)} OR ${inJsonList(
          sql`${bookFigures.accountId}`,
          figures.map((f) => f.accountId),
        )}`,
      );
    await insertChunked(tx, bookFigures, figures.map(rowOf));
    // The marks read, not every mark up to the largest: one committed meanwhile stays.
    await tx.delete(bookFiguresStale).where(
      inJsonList(
        sql`${bookFiguresStale.seq}::text`,
        marks.map((m) => String(m.seq)),
      ),
    );
    return whole
      ? { scope: 'book' as const }
      : { scope: 'households' as const, households: householdIds.length };
  });
}

/** The table as one row of column arrays (null when empty), in one scan. */
interface Columns {
  account_id: string[] | null;
  household_id: string[];
  model_id: (string | null)[];
  cash_usd: number[];
  value_usd: number[];
  max_drift: (number | null)[];
  drift_threshold: number[];
  harvestable_loss_usd: number[];
}

/**
 * Every account's figures, by account id: refreshed where stale, then read from the table.
 */
export async function bookFigureRows(db: Db, measure: DriftMeasure): Promise<AccountFigures[]> {
  await refreshBookFigures(db, measure);
  return keptFigures(db);
}

/**
 * The kept figures, by account id, as last refreshed: of these households' accounts, or (none
 * given) of the whole book. They travel as one row of arrays, a column each: 100,000 rows cost
 * the embedded store about four times as long to hand over as the same values in eight arrays.
 */
export async function keptFigures(
  db: Db,
  householdIds?: readonly string[],
): Promise<AccountFigures[]> {
  const where = householdIds ? sql`WHERE ${inJsonList(sql`household_id`, householdIds)}` : sql``;
  const [c] = rowsOf<Columns>(
    await db.execute(sql`
      SELECT array_agg(account_id) AS account_id, array_agg(household_id) AS household_id,
             array_agg(model_id) AS model_id, array_agg(cash_usd) AS cash_usd,
             array_agg(value_usd) AS value_usd, array_agg(max_drift) AS max_drift,
             array_agg(drift_threshold) AS drift_threshold,
             array_agg(harvestable_loss_usd) AS harvestable_loss_usd
      FROM (SELECT * FROM book_figures ${where} ORDER BY account_id) f`),
  );
  if (c?.account_id == null) return [];
  return c.account_id.map((accountId, i) => ({
    accountId,
    householdId: c.household_id[i]!,
    modelId: c.model_id[i] ?? null,
    cashUsd: c.cash_usd[i]!,
    valueUsd: c.value_usd[i]!,
    maxDrift: c.max_drift[i] ?? null,
    driftThreshold: c.drift_threshold[i]!,
    harvestableLossUsd: c.harvestable_loss_usd[i]!,
  }));
}

function rowOf(f: AccountFigures): typeof bookFigures.$inferInsert {
  return {
    accountId: f.accountId,
    householdId: f.householdId,
    modelId: f.modelId,
    cashUsd: f.cashUsd,
    valueUsd: f.valueUsd,
    maxDrift: f.maxDrift,
    driftThreshold: f.driftThreshold,
    outOfTolerance: outOfTolerance(f),
    harvestableLossUsd: f.harvestableLossUsd,
  };
}
