/**
 * The book at a glance, at the latest prices: value and cash, accounts out of tolerance,
 * harvestable losses (as the `harvest` trigger finds them), gain budgets against the latest
 * run's proposals, and the accounts by model — all from the per-account figures, which read
 * each lot once.
 */
import { count, desc, sql } from 'drizzle-orm';
import type { DriftMeasure } from '../domain/index.js';
import { accountFigures, outOfTolerance, usd } from './account-figures.js';
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
  latestRun: { id: string; asOf: string; status: string } | null;
}

/** The overview of the whole book; `measure`: the engine's drift (see account-figures.ts). */
export async function bookOverview(db: Db, measure: DriftMeasure): Promise<BookView> {
  const figs = await accountFigures(db, measure);
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
    latestRun: latest ?? null,
  };
}
