/**
 * Every account's value, cash and largest drift at the latest prices, from one SQL statement
 * that reads each account's lots once: the household list, a household, and the book overview
 * all read from here. Drift is the engine's drift before trading (spec Definitions, "Drift"), as
 * the `drift` trigger measures it: against the benchmark with substitutions and the cash target
 * applied and `noHold` securities left out, the household's combined figure for every account of
 * a household with a model of its own. The store knows no engine: its reads take the measure
 * (`DriftMeasure`; `householdDriftBefore` of src/rebalance) from their callers.
 */
import { sql, type SQL } from 'drizzle-orm';
import type {
  AccountSettings,
  DriftAccountInput,
  DriftBefore,
  DriftMeasure,
  DriftSources,
} from '../domain/index.js';
import { groupBy } from '../domain/index.js';
import { rowsOf } from './market-snapshot.js';
import { latestModels } from './model-weights.js';
import type { Db } from './open-store.js';
import { securities } from './schema/index.js';

/** Drift threshold where no account sets one (as the `drift` trigger). */
export const DEFAULT_DRIFT_THRESHOLD = 0.02;

/** The threshold a drift figure is held to: its own, or the default. */
export const thresholdOf = (b: Pick<DriftBefore, 'threshold'>): number =>
  b.threshold ?? DEFAULT_DRIFT_THRESHOLD;

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
  /** With `detail`: each security's drift target and drift (see `DriftBefore.bySecurity`). */
  driftBySecurity?: ReadonlyMap<string, { target: number; drift: number }>;
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
  /** Each account's drift per security too (for one account's page). */
  detail?: boolean;
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
  household_model_id: string | null;
  model_id: string | null;
  cash: number;
  tax_status: string;
  tradable: boolean;
  /** The account's lots as the text of one flat JSON array: security, value, basis, … */
  lots: string | null;
  settings: AccountSettings | null;
}

/** One account's lots: security, value at the latest price, cost basis. */
interface HeldLots {
  security: string[];
  valueUsd: number[];
  basisUsd: number[];
}

/**
 * The lots of a row. They travel as one JSON text per account rather than three SQL arrays: the
 * database builds a string faster than an array (PGlite about twice as fast for the 1.8 million
 * lots of a 20,000-account book), and `JSON.parse` reads it faster than a driver's array parser.
 */
function heldLots(row: Row): HeldLots {
  const held: HeldLots = { security: [], valueUsd: [], basisUsd: [] };
  if (row.lots === null) return held;
  const flat = JSON.parse(row.lots) as (string | number)[];
  for (let i = 0; i + 2 < flat.length; i += 3) {
    held.security.push(String(flat[i]));
    held.valueUsd.push(Number(flat[i + 1]));
    held.basisUsd.push(Number(flat[i + 2]));
  }
  return held;
}

/** The lots' losses beyond `minHarvest`, where the account harvests losses. */
function harvestable(row: Row, held: HeldLots): number {
  const tax = row.settings?.tax;
  if (row.tax_status !== 'taxable' || !row.tradable || tax?.harvestLosses !== true) return 0;
  const min = Math.max(tax.minHarvest ?? 0, 0);
  return held.valueUsd.reduce((sum: number, v, i) => {
    const loss = held.basisUsd[i]! - v;
    return loss > min ? sum + loss : sum;
  }, 0);
}

/**
 * The figures of the accounts in `scope`, by account id. One pass over the lots in SQL, grouped
 * by account only (each account's lots arrive as one JSON text); drift is then computed here, a
 * household at a time — cheaper than making the database join every (account, security) pair
 * with every target. Accounts asked for by id are read with their households' other accounts,
 * which a household model's drift combines.
 */
export async function accountFigures(
  db: Db,
  measure: DriftMeasure,
  scope: FigureScope = {},
): Promise<AccountFigures[]> {
  const accountWhere = scope.accountIds
    ? sql`a.household_id IN (SELECT o.household_id FROM accounts o WHERE ${inJsonList(sql`o.id`, scope.accountIds)})`
    : scope.householdIds
      ? inJsonList(sql`a.household_id`, scope.householdIds)
      : sql`true`;
  const lotWhere =
    scope.accountIds || scope.householdIds
      ? sql`l.account_id IN (SELECT a.id FROM accounts a WHERE ${accountWhere})`
      : sql`true`;
  const sources = await driftSources(db);
  const rows = rowsOf<Row>(
    await db.execute(sql`
      WITH px AS (${LATEST_PRICES}),
      held AS (SELECT l.account_id,
                      '[' || string_agg(to_json(l.security_id)::text || ',' ||
                                        (l.quantity::float8 * coalesce(px.close, 0))::text || ',' ||
                                        l.cost_basis::text, ',') || ']' AS lots
               FROM lots l LEFT JOIN px ON px.security_id = l.security_id
               WHERE ${lotWhere} GROUP BY l.account_id)
      SELECT a.id, a.household_id, h.model_id AS household_model_id, a.model_id,
             a.cash::float8 AS cash, a.tax_status, a.tradable, held.lots,
             (SELECT s.settings FROM account_settings s
              WHERE s.account_id = a.id ORDER BY s.version DESC LIMIT 1) AS settings
      FROM accounts a JOIN households h ON h.id = a.household_id
      LEFT JOIN held ON held.account_id = a.id
      WHERE ${accountWhere} ORDER BY a.id`),
  );
  // Each text is let go once read: at 100,000 accounts (9 million lots) they hold ≈ 300 MB.
  const held = new Map(
    rows.map((r) => {
      const lots = heldLots(r);
      r.lots = null;
      return [r.id, lots];
    }),
  );
  const drift = driftByAccount(rows, held, measure, sources, scope.detail === true);
  const wanted = scope.accountIds ? new Set(scope.accountIds) : undefined;
  return rows
    .filter((r) => wanted === undefined || wanted.has(r.id))
    .map((r) => {
      const lots = held.get(r.id)!;
      const total = Number(r.cash) + lots.valueUsd.reduce((s, v) => s + v, 0);
      const figure = drift.get(r.id)!;
      const detail = figure.bySecurity ? { driftBySecurity: figure.bySecurity } : {};
      return {
        accountId: r.id,
        householdId: r.household_id,
        modelId: r.model_id,
        cashUsd: usd(Number(r.cash)),
        valueUsd: usd(total),
        maxDrift: figure.maxDrift,
        driftThreshold: figure.threshold,
        harvestableLossUsd: usd(harvestable(r, lots)),
        ...detail,
      };
    });
}

/** Models and security traits for the drift measure, read once. */
async function driftSources(db: Db): Promise<DriftSources> {
  const models = await latestModels(db);
  const traits = new Map(
    (
      await db
        .select({ id: securities.id, sector: securities.sector, tags: securities.tags })
        .from(securities)
    ).map((s) => [s.id, s]),
  );
  return { models, traits: (id) => traits.get(id) };
}

/** Each account's drift figure, household by household. */
function driftByAccount(
  rows: readonly Row[],
  held: ReadonlyMap<string, HeldLots>,
  measure: DriftMeasure,
  sources: DriftSources,
  detail: boolean,
) {
  const out = new Map<string, DriftBefore & { threshold: number }>();
  for (const members of groupBy(rows, (r) => r.household_id).values()) {
    const figures = measure(
      members.map((r) => driftAccount(r, held.get(r.id)!)),
      members[0]!.household_model_id,
      sources,
      detail,
    );
    members.forEach((r, i) =>
      out.set(r.id, { ...figures[i]!, threshold: thresholdOf(figures[i]!) }),
    );
  }
  return out;
}

function driftAccount(r: Row, lots: HeldLots): DriftAccountInput {
  const valueUsd = new Map<string, number>();
  lots.security.forEach((s, i) => valueUsd.set(s, (valueUsd.get(s) ?? 0) + lots.valueUsd[i]!));
  return {
    modelId: r.model_id,
    tradable: r.tradable,
    cashUsd: Number(r.cash),
    valueUsd,
    settings: r.settings ?? {},
  };
}

/** An amount of USD to the cent (figures computed in float64 shed their noise). */
export const usd = (x: number): number => Math.round(x * 100) / 100;

/** Drift beyond the account's threshold. */
export const outOfTolerance = (f: Pick<AccountFigures, 'maxDrift' | 'driftThreshold'>): boolean =>
  f.maxDrift !== null && f.maxDrift > f.driftThreshold;
