/**
 * One account for people: its positions against their drift target, its lots with unrealized
 * gain and holding-period term at the latest prices, and its current settings.
 */
import { asc, desc, eq, sql } from 'drizzle-orm';
import type { AccountSettings, DriftMeasure, TaxStatus } from '../domain/index.js';
import { isLongTerm, toDay } from '../tax/index.js';
import {
  accountFigures,
  DEFAULT_DRIFT_THRESHOLD,
  inJsonList,
  LATEST_PRICES,
  usd,
} from './account-figures.js';
import { rowsOf } from './market-snapshot.js';
import type { Db } from './open-store.js';
import { holdingsOf, type HoldingLine, type LotLine, type LotRow } from './account-holdings.js';
import { accountSettings, accounts, households, securities } from './schema/index.js';

/** One account at the latest prices. */
export interface AccountView {
  id: string;
  householdId: string;
  householdName: string;
  name: string;
  taxStatus: TaxStatus;
  tradable: boolean;
  modelId: string | null;
  /** The household's own model (household mode), which the drift figures then measure; or null. */
  householdModelId: string | null;
  asOf: string | null;
  valueUsd: number;
  cashUsd: number;
  cashWeight: number;
  unrealizedGainUsd: number;
  maxDrift: number | null;
  driftThreshold: number;
  holdings: HoldingLine[];
  lots: LotLine[];
  settings: AccountSettings;
  settingsVersion: number;
}

/** One account (undefined when missing, or not in the given advisor's households). */
export async function getAccount(
  db: Db,
  measure: DriftMeasure,
  id: string,
  advisor?: string,
): Promise<AccountView | undefined> {
  const [row] = await db
    .select({
      account: accounts,
      householdName: households.name,
      advisor: households.advisor,
      householdModelId: households.modelId,
    })
    .from(accounts)
    .innerJoin(households, eq(households.id, accounts.householdId))
    .where(eq(accounts.id, id));
  if (!row || (advisor !== undefined && row.advisor !== advisor)) return undefined;
  const a = row.account;
  const lots = rowsOf<LotRow>(
    await db.execute(sql`
      WITH px AS (${LATEST_PRICES})
      SELECT l.id, l.security_id, l.quantity, l.cost_basis, to_char(l.acquired, 'YYYY-MM-DD') AS acquired,
             px.close, px.date
      FROM lots l LEFT JOIN px ON px.security_id = l.security_id
      WHERE l.account_id = ${id} ORDER BY l.security_id, l.acquired, l.id`),
  );
  const [asOfRow] = rowsOf<{ d: string | null }>(
    await db.execute(sql`SELECT to_char(max(date), 'YYYY-MM-DD') AS d FROM prices`),
  );
  const asOf = asOfRow?.d ?? null;
  const [fig] = await accountFigures(db, measure, { accountIds: [id], detail: true });
  // The engine's drift target per security (household mode: the household's), as the figure.
  const bySecurity = fig?.driftBySecurity ?? new Map<string, { target: number; drift: number }>();
  const ids = [...new Set([...lots.map((l) => l.security_id), ...bySecurity.keys()])];
  const named = await db
    .select({ id: securities.id, name: securities.name })
    .from(securities)
    .where(inJsonList(sql`${securities.id}`, ids));
  const names = new Map(named.map((s) => [s.id, s.name]));
  const [st] = await db
    .select()
    .from(accountSettings)
    .where(eq(accountSettings.accountId, id))
    .orderBy(desc(accountSettings.version))
    .limit(1);
  const total = fig?.valueUsd ?? Number(a.cash);
  const lotLines = lots.map((l): LotLine => {
    const valueUsd = Number(l.quantity) * (l.close ?? 0);
    return {
      id: l.id,
      securityId: l.security_id,
      quantity: Number(l.quantity),
      acquired: l.acquired,
      costBasisUsd: Number(l.cost_basis),
      valueUsd: usd(valueUsd),
      unrealizedGainUsd: usd(valueUsd - Number(l.cost_basis)),
      term: asOf !== null && isLongTerm(toDay(l.acquired), toDay(asOf)) ? 'long' : 'short',
    };
  });
  return {
    id: a.id,
    householdId: a.householdId,
    householdName: row.householdName,
    name: a.name,
    taxStatus: a.taxStatus,
    tradable: a.tradable,
    modelId: a.modelId,
    householdModelId: row.householdModelId,
    asOf,
    valueUsd: total,
    cashUsd: Number(a.cash),
    cashWeight: total > 0 ? Number(a.cash) / total : 0,
    unrealizedGainUsd: usd(lotLines.reduce((s, l) => s + l.unrealizedGainUsd, 0)),
    maxDrift: fig?.maxDrift ?? null,
    driftThreshold: fig?.driftThreshold ?? DEFAULT_DRIFT_THRESHOLD,
    holdings: holdingsOf(lots, names, total, bySecurity),
    lots: lotLines,
    settings: st?.settings ?? {},
    settingsVersion: st?.version ?? 0,
  };
}

/** The household an account belongs to, with its advisor; undefined for an unknown account. */
export async function accountOwner(
  db: Db,
  accountId: string,
): Promise<{ householdId: string; advisor: string } | undefined> {
  const [row] = await db
    .select({ householdId: accounts.householdId, advisor: households.advisor })
    .from(accounts)
    .innerJoin(households, eq(households.id, accounts.householdId))
    .where(eq(accounts.id, accountId))
    .orderBy(asc(accounts.id));
  return row;
}
