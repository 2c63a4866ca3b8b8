/**
 * Builds each household's rebalance request (spec §1) from the store, as of a run's date, and
 * gates the ones whose data cannot be trusted: a missing or stale price, an unknown security or
 * model, a lot that does not reconcile. Gated households are reported with every reason and are
 * never traded.
 *
 * Store values are exact decimals (strings); this is where they become JSON numbers, the
 * interchange format's type.
 */
import { createHash } from 'node:crypto';
import { and, gte, inArray, lte, sql } from 'drizzle-orm';
import type {
  AccountSettings,
  Model,
  RebalanceAccount,
  RebalanceRequest,
  RecentTrade,
  Security,
} from '../domain/index.js';
import { groupBy } from '../domain/index.js';
import { lotsByAccount } from './lots-by-account.js';
import type { MarketSnapshot } from './market-snapshot.js';
import { rowsOf } from './market-snapshot.js';
import type { Db } from './open-store.js';
import { accounts, households, transactions } from './schema/index.js';

export type HouseholdInput =
  | {
      householdId: string;
      status: 'ready';
      request: RebalanceRequest;
      /** The request as JSON text: what inputHash hashes, and what a worker thread is sent. */
      requestJson: string;
      inputHash: string;
    }
  | { householdId: string; status: 'gated'; reasons: string[]; inputHash: string };

export interface RequestOptions {
  /** A price older than this many calendar days before the run date is stale (default 5). */
  maxPriceAgeDays?: number;
}

/** Days of fills a request carries for the wash-sale rules (30-day window, plus a margin). */
const RECENT_DAYS = 31;

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Securities a model reaches, through sub-models (cycles and unknown sub-models reported). */
function modelSecurities(
  id: string,
  snap: MarketSnapshot,
  out: Set<string>,
  used: Map<string, Model>,
  problems: string[],
  path: string[] = [],
): void {
  if (used.has(id)) return;
  const model = snap.models.get(id);
  if (!model) {
    problems.push(`unknown model ${id}`);
    return;
  }
  if (path.includes(id)) {
    problems.push(`model cycle ${[...path, id].join(' → ')}`);
    return;
  }
  used.set(id, { id: model.id, targets: model.targets });
  for (const t of model.targets) {
    if ('security' in t) out.add(t.security);
    else modelSecurities(t.model, snap, out, used, problems, [...path, id]);
  }
}

/** Loads and gates the given households (one query per table for the whole batch). */
export async function loadHouseholdInputs(
  db: Db,
  snap: MarketSnapshot,
  householdIds: readonly string[],
  options: RequestOptions = {},
): Promise<HouseholdInput[]> {
  if (householdIds.length === 0) return [];
  const oldest = addDays(snap.asOf, -(options.maxPriceAgeDays ?? 5));
  const hh = await db
    .select()
    .from(households)
    .where(inArray(households.id, [...householdIds]));
  const acc = await db
    .select()
    .from(accounts)
    .where(inArray(accounts.householdId, [...householdIds]));
  const accIds = acc.map((a) => a.id);
  const lotsOf = await lotsByAccount(db, accIds);
  const fills = accIds.length
    ? await db
        .select()
        .from(transactions)
        .where(
          and(
            inArray(transactions.accountId, accIds),
            gte(transactions.date, addDays(snap.asOf, -RECENT_DAYS)),
            lte(transactions.date, snap.asOf),
            inArray(transactions.type, ['buy', 'sell']),
          ),
        )
    : [];
  const settingRows = accIds.length
    ? rowsOf<{ account_id: string; settings: AccountSettings }>(
        await db.execute(sql`
          SELECT DISTINCT ON (account_id) account_id, settings FROM account_settings
          WHERE account_id IN (${sql.join(
            accIds.map((id) => sql`${id}`),
            sql`, `,
          )})
          ORDER BY account_id, version DESC`),
      )
    : [];
  const settingsOf = new Map(settingRows.map((r) => [r.account_id, r.settings]));
  fills.sort((x, y) => cmp(x.date, y.date) || x.id - y.id);
  const fillsOf = groupBy(fills, (f) => f.accountId);
  const accountsOf = groupBy(
    [...acc].sort((x, y) => cmp(x.id, y.id)),
    (a) => a.householdId,
  );
  const householdOf = new Map(hh.map((x) => [x.id, x]));

  const out: HouseholdInput[] = [];
  for (const householdId of householdIds) {
    const h = householdOf.get(householdId);
    const problems: string[] = [];
    if (!h) {
      out.push({ householdId, status: 'gated', reasons: ['unknown household'], inputHash: '' });
      continue;
    }
    const secIds = new Set<string>();
    const used = new Map<string, Model>();
    if (h.modelId) modelSecurities(h.modelId, snap, secIds, used, problems);
    const reqAccounts: RebalanceAccount[] = [];
    for (const a of accountsOf.get(householdId) ?? []) {
      if (a.modelId) modelSecurities(a.modelId, snap, secIds, used, problems);
      const settings = settingsOf.get(a.id);
      for (const s of settings?.substitutions ?? []) secIds.add(s.to);
      const heldLots: RebalanceAccount['lots'] = [];
      for (const l of lotsOf.get(a.id) ?? []) {
        secIds.add(l.securityId);
        const quantity = Number(l.quantity);
        const costBasis = Number(l.costBasis);
        if (!(quantity > 0))
          problems.push(`lot ${a.id}/${l.id}: quantity ${l.quantity} is not positive`);
        if (!(costBasis >= 0))
          problems.push(`lot ${a.id}/${l.id}: cost basis ${l.costBasis} is negative`);
        if (l.acquired > snap.asOf)
          problems.push(
            `lot ${a.id}/${l.id}: acquired ${l.acquired}, after the run date ${snap.asOf}`,
          );
        heldLots.push({
          id: l.id,
          security: l.securityId,
          quantity,
          costBasis,
          acquired: l.acquired,
        });
      }
      const recentTrades: RecentTrade[] = [];
      for (const f of fillsOf.get(a.id) ?? []) {
        if (f.securityId) secIds.add(f.securityId);
        recentTrades.push({
          date: f.date,
          security: f.securityId ?? '',
          side: f.type === 'buy' ? 'buy' : 'sell',
          quantity: Number(f.quantity ?? 0),
          price: Number(f.price ?? 0),
          ...(f.realizedGain !== null ? { realizedGain: Number(f.realizedGain) } : {}),
          ...(f.realizedLoss !== null ? { realizedLoss: Number(f.realizedLoss) } : {}),
        });
      }
      const cash = Number(a.cash);
      if (!Number.isFinite(cash)) problems.push(`account ${a.id}: cash ${a.cash} is not a number`);
      reqAccounts.push({
        id: a.id,
        taxStatus: a.taxStatus,
        tradable: a.tradable,
        model: a.modelId,
        cash,
        lots: heldLots,
        recentTrades,
        ...(settings ? { settings } : {}),
      });
    }
    const secs: Security[] = [];
    for (const id of [...secIds].sort()) {
      const s = snap.securities.get(id);
      const p = snap.prices.get(id);
      if (!s) problems.push(`unknown security ${id}`);
      else if (!p) problems.push(`no price for ${id} on or before ${snap.asOf}`);
      else if (p.date < oldest)
        problems.push(`stale price for ${id}: last ${p.date}, run date ${snap.asOf}`);
      if (!s || !p) continue;
      secs.push(securityOf(s, p.close));
    }
    const request: RebalanceRequest = {
      asOf: snap.asOf,
      securities: secs,
      models: [...used.values()].sort((x, y) => x.id.localeCompare(y.id)),
      household: {
        id: h.id,
        shortTermRate: Number(h.shortTermRate),
        longTermRate: Number(h.longTermRate),
        ...(h.modelId ? { model: h.modelId } : {}),
      },
      accounts: reqAccounts,
    };
    const requestJson = JSON.stringify(request);
    const inputHash = hashRequestJson(requestJson);
    out.push(
      problems.length > 0
        ? { householdId, status: 'gated', reasons: problems, inputHash }
        : { householdId, status: 'ready', request, requestJson, inputHash },
    );
  }
  return out;
}

function securityOf(
  s: MarketSnapshot['securities'] extends Map<string, infer R> ? R : never,
  price: number,
): Security {
  return {
    id: s.id,
    price,
    ...(s.assetClass ? { assetClass: s.assetClass } : {}),
    ...(s.sector ? { sector: s.sector } : {}),
    ...(s.tags.length ? { tags: s.tags } : {}),
    ...(s.washGroup ? { washGroup: s.washGroup } : {}),
    ...(s.lotSize !== null ? { lotSize: Number(s.lotSize) } : {}),
    ...(s.cashEquivalent ? { cashEquivalent: true } : {}),
    ...(s.taxDrag !== null ? { taxDrag: Number(s.taxDrag) } : {}),
  };
}

/** A stable hash of a request: what a proposal was made from (the staleness check compares it). */
export function hashRequest(request: RebalanceRequest): string {
  return hashRequestJson(JSON.stringify(request));
}

/** hashRequest of a request already written as JSON text (`JSON.stringify(request)`). */
function hashRequestJson(json: string): string {
  return createHash('sha256').update(json).digest('hex').slice(0, 32);
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
