/**
 * Households for people: a page of them (filtered by advisor, by id or name and to those out of
 * tolerance; by id or by largest drift) with value and largest drift, and one household with its
 * accounts. An advisor filter that does not match reads as "no such household", so a caller
 * scoped to one advisor cannot tell the difference.
 */
import { and, asc, count, desc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { AccountSettings, DriftMeasure, TaxStatus } from '../domain/index.js';
import { groupBy } from '../domain/index.js';
import { accountFigures, outOfTolerance, usd, type AccountFigures } from './account-figures.js';
import { keptFigures, refreshBookFigures } from './book-figures.js';
import type { Db } from './open-store.js';
import { accountSettings, accounts, bookFigures, households, proposals } from './schema/index.js';

/** A household in the list. */
export interface HouseholdLine {
  id: string;
  name: string;
  advisor: string;
  accounts: number;
  valueUsd: number;
  cashUsd: number;
  maxDrift: number | null;
  outOfTolerance: boolean;
}

/** Which households, in which order, and which page. */
export interface HouseholdQuery {
  advisor?: string;
  /** Part of the id or name, any case. */
  q?: string;
  /** Only households with an account beyond its drift threshold. */
  outOfTolerance?: boolean;
  /** By id (the default), or by largest drift, largest first (households without one last). */
  sort?: 'id' | 'drift';
  limit: number;
  offset: number;
}

/** `%` and `_` in a search are letters, not wildcards. */
const likeText = (q: string): string => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Sums an account's figures into its household's line. */
function lineOf(h: { id: string; name: string; advisor: string }, figs: AccountFigures[]) {
  const drifts = figs.flatMap((f) => (f.maxDrift === null ? [] : [f.maxDrift]));
  return {
    ...h,
    accounts: figs.length,
    valueUsd: usd(figs.reduce((s, f) => s + f.valueUsd, 0)),
    cashUsd: usd(figs.reduce((s, f) => s + f.cashUsd, 0)),
    maxDrift: drifts.length ? Math.max(...drifts) : null,
    outOfTolerance: figs.some(outOfTolerance),
  };
}

/**
 * A page of households, valued at the latest prices. Filtered and sorted over the whole book by
 * the figures the store keeps (book-figures.ts, refreshed first), so "largest drift first"
 * means the book's, not a page's.
 */
export async function listHouseholds(
  db: Db,
  measure: DriftMeasure,
  query: HouseholdQuery,
): Promise<{ items: HouseholdLine[]; total: number }> {
  await refreshBookFigures(db, measure);
  const where: SQL[] = [];
  if (query.advisor !== undefined) where.push(eq(households.advisor, query.advisor));
  if (query.q !== undefined)
    where.push(
      or(ilike(households.id, likeText(query.q)), ilike(households.name, likeText(query.q)))!,
    );
  // Each household's largest drift and whether any account is out of tolerance, grouped once
  // (joined, five times faster than asking per household at 46,402 households).
  const kept = db
    .select({
      householdId: bookFigures.householdId,
      largestDrift: sql<number | null>`max(${bookFigures.maxDrift})`.as('largest_drift'),
      anyOut: sql<boolean>`bool_or(${bookFigures.outOfTolerance})`.as('any_out'),
    })
    .from(bookFigures)
    .groupBy(bookFigures.householdId)
    .as('kept');
  if (query.outOfTolerance === true) where.push(sql`${kept.anyOut}`);
  const matching = where.length ? and(...where) : undefined;
  const page = await db
    .select({ id: households.id, name: households.name, advisor: households.advisor })
    .from(households)
    .leftJoin(kept, eq(kept.householdId, households.id))
    .where(matching)
    .orderBy(
      ...(query.sort === 'drift' ? [sql`${kept.largestDrift} DESC NULLS LAST`] : []),
      asc(households.id),
    )
    .limit(query.limit)
    .offset(query.offset);
  const [total] = await db
    .select({ n: count() })
    .from(households)
    .leftJoin(kept, eq(kept.householdId, households.id))
    .where(matching);
  const byHousehold = groupBy(
    await keptFigures(
      db,
      page.map((h) => h.id),
    ),
    (f) => f.householdId,
  );
  return {
    items: page.map((h) => lineOf(h, byHousehold.get(h.id) ?? [])),
    total: total?.n ?? 0,
  };
}

/** An account of a household, with its settings. */
export interface HouseholdAccountView extends AccountFigures {
  name: string;
  taxStatus: TaxStatus;
  tradable: boolean;
  settings: AccountSettings;
  settingsVersion: number;
}

/** One household with its accounts. */
export interface HouseholdView {
  id: string;
  name: string;
  advisor: string;
  shortTermRate: number;
  longTermRate: number;
  modelId: string | null;
  valueUsd: number;
  cashUsd: number;
  accounts: HouseholdAccountView[];
  latestProposal: { id: string; runId: string; status: string } | null;
}

/** One household (undefined when missing, or not the given advisor's). */
export async function getHousehold(
  db: Db,
  measure: DriftMeasure,
  id: string,
  advisor?: string,
): Promise<HouseholdView | undefined> {
  const [h] = await db.select().from(households).where(eq(households.id, id));
  if (!h || (advisor !== undefined && h.advisor !== advisor)) return undefined;
  const accs = await db
    .select()
    .from(accounts)
    .where(eq(accounts.householdId, id))
    .orderBy(asc(accounts.id));
  const figs = new Map(
    (await accountFigures(db, measure, { householdIds: [id] })).map((f) => [f.accountId, f]),
  );
  const views: HouseholdAccountView[] = [];
  for (const a of accs) {
    const [st] = await db
      .select()
      .from(accountSettings)
      .where(eq(accountSettings.accountId, a.id))
      .orderBy(desc(accountSettings.version))
      .limit(1);
    views.push({
      ...figs.get(a.id)!,
      name: a.name,
      taxStatus: a.taxStatus,
      tradable: a.tradable,
      settings: st?.settings ?? {},
      settingsVersion: st?.version ?? 0,
    });
  }
  const [latest] = await db
    .select({ id: proposals.id, runId: proposals.runId, status: proposals.status })
    .from(proposals)
    .where(eq(proposals.householdId, id))
    .orderBy(desc(proposals.createdAt))
    .limit(1);
  return {
    id: h.id,
    name: h.name,
    advisor: h.advisor,
    shortTermRate: Number(h.shortTermRate),
    longTermRate: Number(h.longTermRate),
    modelId: h.modelId,
    valueUsd: usd(views.reduce((s, v) => s + v.valueUsd, 0)),
    cashUsd: usd(views.reduce((s, v) => s + v.cashUsd, 0)),
    accounts: views,
    latestProposal: latest ?? null,
  };
}
