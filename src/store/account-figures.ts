/**
 * Every account's value, cash and largest drift at the latest prices, from one SQL statement
 * that reads each account's lots once: the household list, a household, and the book overview
 * all read from here. Drift is as the `drift` trigger
 * measures it: max |held weight − flattened model weight| over the securities either holds.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { AccountSettings } from '../domain/index.js';
import { rowsOf } from './market-snapshot.js';
import { flattenModel, latestModels } from './model-weights.js';
import type { Db } from './open-store.js';

/** Drift threshold of an account without one in its settings (as the `drift` trigger). */
export const DEFAULT_DRIFT_THRESHOLD = 0.02;

/** One account's figures. */
export interface AccountFigures {
  accountId: string;
  householdId: string;
  modelId: string | null;
  cashUsd: number;
  valueUsd: number;
  /** Null for an account without a model or without value. */
  maxDrift: number | null;
  driftThreshold: number;
  /**
   * Unrealized losses a harvest could take (as the `harvest` trigger finds them): lots at a loss
   * larger than `minHarvest`, in a taxable, tradable account that harvests losses; else 0.
   */
  harvestableLossUsd: number;
}

/** Which accounts: these households', these accounts, or (neither) every account. */
export interface FigureScope {
  householdIds?: readonly string[];
  accountIds?: readonly string[];
}

/** `column = ANY(list)` with the whole list as one JSON parameter, however long it is. */
export function inJsonList(column: SQL, ids: readonly string[]): SQL {
  return sql`${column} IN (SELECT jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))`;
}

/** Each security's latest close (a CTE body). */
export const LATEST_PRICES = sql`
  SELECT DISTINCT ON (security_id) security_id, close::float8 AS close,
         to_char(date, 'YYYY-MM-DD') AS date
  FROM prices ORDER BY security_id, date DESC`;

interface Row {
  id: string;
  household_id: string;
  model_id: string | null;
  cash: number;
  tax_status: string;
  tradable: boolean;
  secs: string[] | null;
  vals: number[] | null;
  bases: number[] | null;
  settings: AccountSettings | null;
}

/** max |held weight − target| over the securities either holds (null: no model or no value). */
function maxDrift(row: Row, total: number, target: ReadonlyMap<string, number> | undefined) {
  if (row.model_id === null || !(total > 0)) return null;
  const held = new Map<string, number>();
  (row.secs ?? []).forEach((s, i) => held.set(s, (held.get(s) ?? 0) + Number(row.vals![i])));
  let drift = 0;
  for (const [s, v] of held) drift = Math.max(drift, Math.abs(v / total - (target?.get(s) ?? 0)));
  for (const [s, w] of target ?? []) if (!held.has(s)) drift = Math.max(drift, w);
  return drift;
}

/** The lots' losses beyond `minHarvest`, where the account harvests losses. */
function harvestable(row: Row): number {
  const tax = row.settings?.tax;
  if (row.tax_status !== 'taxable' || !row.tradable || tax?.harvestLosses !== true) return 0;
  const min = Math.max(tax.minHarvest ?? 0, 0);
  return (row.vals ?? []).reduce((sum: number, v, i) => {
    const loss = Number(row.bases![i]) - Number(v);
    return loss > min ? sum + loss : sum;
  }, 0);
}

/**
 * The figures of the accounts in `scope`, by account id. One pass over the lots in SQL, grouped
 * by account only (each account's lots arrive as two arrays); drift against the flattened
 * model is then a loop here — cheaper than making the database join every (account, security)
 * pair with every target.
 */
export async function accountFigures(db: Db, scope: FigureScope = {}): Promise<AccountFigures[]> {
  const accountWhere = scope.accountIds
    ? inJsonList(sql`a.id`, scope.accountIds)
    : scope.householdIds
      ? inJsonList(sql`a.household_id`, scope.householdIds)
      : sql`true`;
  const lotWhere = scope.accountIds
    ? inJsonList(sql`l.account_id`, scope.accountIds)
    : scope.householdIds
      ? sql`l.account_id IN (SELECT a.id FROM accounts a WHERE ${accountWhere})`
      : sql`true`;
  const models = await latestModels(db);
  const targets = new Map([...models.keys()].map((id) => [id, flattenModel(id, models)]));
  const rows = rowsOf<Row>(
    await db.execute(sql`
      WITH px AS (${LATEST_PRICES}),
      held AS (SELECT l.account_id, array_agg(l.security_id) AS secs,
                      array_agg(l.quantity::float8 * coalesce(px.close, 0)) AS vals,
                      array_agg(l.cost_basis::float8) AS bases
               FROM lots l LEFT JOIN px ON px.security_id = l.security_id
               WHERE ${lotWhere} GROUP BY l.account_id)
      SELECT a.id, a.household_id, a.model_id, a.cash::float8 AS cash, a.tax_status, a.tradable,
             held.secs, held.vals, held.bases,
             (SELECT s.settings FROM account_settings s
              WHERE s.account_id = a.id ORDER BY s.version DESC LIMIT 1) AS settings
      FROM accounts a LEFT JOIN held ON held.account_id = a.id
      WHERE ${accountWhere} ORDER BY a.id`),
  );
  return rows.map((r) => {
    const total = Number(r.cash) + (r.vals ?? []).reduce((s: number, v) => s + Number(v), 0);
    return {
      accountId: r.id,
      householdId: r.household_id,
      modelId: r.model_id,
      cashUsd: usd(Number(r.cash)),
      valueUsd: usd(total),
      maxDrift: maxDrift(r, total, r.model_id === null ? undefined : targets.get(r.model_id)),
      driftThreshold: r.settings?.drift?.threshold ?? DEFAULT_DRIFT_THRESHOLD,
      harvestableLossUsd: usd(harvestable(r)),
    };
  });
}

/** An amount of USD to the cent (figures computed in float64 shed their noise). */
export const usd = (x: number): number => Math.round(x * 100) / 100;

/** Drift beyond the account's threshold. */
export const outOfTolerance = (f: AccountFigures): boolean =>
  f.maxDrift !== null && f.maxDrift > f.driftThreshold;
