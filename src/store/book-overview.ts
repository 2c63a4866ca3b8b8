/**
 * The book at a glance, at the latest prices: value and cash, accounts out of tolerance,
 * harvestable losses (as the `harvest` trigger finds them), gain budgets against the latest
 * run's proposals, the accounts by model and the households by drift — all from the
 * per-account figures kept in the store (book-figures.ts), recomputed where anything changed.
 */
import { count, desc, sql } from 'drizzle-orm';
import type { DriftMeasure } from '../domain/index.js';
import { outOfTolerance, usd, type AccountFigures } from './account-figures.js';
import { bookFigureRows } from './book-figures.js';
import { gainBudgetUse, type GainBudgetUse } from './gain-budget-use.js';
import { rowsOf } from './market-snapshot.js';
import { latestModels } from './model-weights.js';
import type { Db } from './open-store.js';
import { households, runs } from './schema/index.js';

/** One model's accounts in the overview. */
export interface ModelLine {
  modelId: string | null;
  name: string;
  accounts: number;
  valueUsd: number;
  accountsOutOfTolerance: number;
}

/** The overview of the book. */
export interface BookView {
  asOf: string | null;
  households: number;
  accounts: number;
  valueUsd: number;
  cashUsd: number;
  accountsOutOfTolerance: number;
  harvestableLossesUsd: number;
  accountsWithHarvestableLosses: number;
  gainBudgets: GainBudgetUse;
  byModel: ModelLine[];
  /** Households by their largest account drift: DRIFT_BANDS bands of 1%, then one for the rest. */
  householdsByDrift: number[];
  latestRun: { id: string; asOf: string; status: string } | null;
}

/** Bands of 1% in {@link BookView.householdsByDrift} before the last, open one. */
const DRIFT_BANDS = 10;

/** Households by their largest account drift (a household without any figure is left out). */
function householdsByDrift(figs: readonly AccountFigures[]): number[] {
  const largest = new Map<string, number>();
  for (const f of figs) {
    if (f.maxDrift === null) continue;
    largest.set(f.householdId, Math.max(largest.get(f.householdId) ?? 0, Math.abs(f.maxDrift)));
  }
  const counts = new Array<number>(DRIFT_BANDS + 1).fill(0);
  for (const drift of largest.values()) {
    const band = Math.min(Math.floor(drift / 0.01), DRIFT_BANDS);
    counts[band] = counts[band]! + 1;
  }
  return counts;
}

/** The overview of the whole book; `measure`: the engine's drift (see account-figures.ts). */
export async function bookOverview(db: Db, measure: DriftMeasure): Promise<BookView> {
  const figs = await bookFigureRows(db, measure);
  const models = await latestModels(db);
  const byModel = new Map<string | null, ModelLine>();
  for (const f of figs) {
    const line = byModel.get(f.modelId) ?? {
      modelId: f.modelId,
      name: f.modelId === null ? '(no model)' : (models.get(f.modelId)?.name ?? ''),
      accounts: 0,
      valueUsd: 0,
      accountsOutOfTolerance: 0,
    };
    line.accounts++;
    line.valueUsd += f.valueUsd;
    if (outOfTolerance(f)) line.accountsOutOfTolerance++;
    byModel.set(f.modelId, line);
  }
  const [hh] = await db.select({ n: count() }).from(households);
  const [asOf] = rowsOf<{ d: string | null }>(
    await db.execute(sql`SELECT to_char(max(date), 'YYYY-MM-DD') AS d FROM prices`),
  );
  const [latest] = await db
    .select({ id: runs.id, asOf: runs.asOf, status: runs.status })
    .from(runs)
    .orderBy(desc(runs.startedAt))
    .limit(1);
  const harvesting = figs.filter((f) => f.harvestableLossUsd > 0);
  return {
    asOf: asOf?.d ?? null,
    households: hh?.n ?? 0,
    accounts: figs.length,
    valueUsd: usd(figs.reduce((s, f) => s + f.valueUsd, 0)),
    cashUsd: usd(figs.reduce((s, f) => s + f.cashUsd, 0)),
    accountsOutOfTolerance: figs.filter(outOfTolerance).length,
    harvestableLossesUsd: usd(harvesting.reduce((sum, f) => sum + f.harvestableLossUsd, 0)),
    accountsWithHarvestableLosses: harvesting.length,
    gainBudgets: await gainBudgetUse(db, latest?.id ?? null),
    byModel: [...byModel.values()]
      .map((m) => ({ ...m, valueUsd: usd(m.valueUsd) }))
      .sort((a, b) => b.valueUsd - a.valueUsd),
    householdsByDrift: householdsByDrift(figs),
    latestRun: latest ?? null,
  };
}
