/**
 * Saved backtests: written once (with an audit-log entry), listed newest first without their
 * big result document, and read back whole by id.
 */
import { randomUUID } from 'node:crypto';
import { count, desc, eq } from 'drizzle-orm';
import type { Db } from './open-store.js';
import { auditLog, backtests, type BacktestDocument } from './schema/index.js';

/** A saved backtest with its whole result, typed as the caller saved it. */
export interface BacktestRow<R extends BacktestDocument = BacktestDocument> {
  id: string;
  createdAt: Date;
  createdBy: string;
  scenario: string;
  start: string;
  end: string;
  config: R['config'];
  summary: R['summary'];
  result: R;
}

/** A saved backtest in a list: everything but the result document. */
export type BacktestLine<R extends BacktestDocument = BacktestDocument> = Omit<
  BacktestRow<R>,
  'result'
>;

/** Keeps a finished backtest's result; answers its new id. */
export async function saveBacktest(
  db: Db,
  result: BacktestDocument,
  actor: string,
): Promise<string> {
  const id = randomUUID();
  const { config, summary } = result;
  await db.transaction(async (tx) => {
    await tx.insert(backtests).values({
      id,
      createdBy: actor,
      scenario: config.scenario,
      startDate: config.start,
      endDate: config.end,
      config,
      summary,
      result,
    });
    await tx.insert(auditLog).values({
      actor,
      action: 'backtest.save',
      entity: 'backtest',
      entityId: id,
      detail: {
        scenario: config.scenario,
        start: config.start,
        end: config.end,
        ...(config.schedule !== undefined ? { schedule: config.schedule } : {}),
      },
    });
  });
  return id;
}

const LINE = {
  id: backtests.id,
  createdAt: backtests.createdAt,
  createdBy: backtests.createdBy,
  scenario: backtests.scenario,
  start: backtests.startDate,
  end: backtests.endDate,
  config: backtests.config,
  summary: backtests.summary,
} as const;

/**
 * A page of saved backtests, newest first, without their result documents. `R` is the document
 * type the caller saved (src/backtest `BacktestResult`); the store does not check it.
 */
export async function listBacktests<R extends BacktestDocument = BacktestDocument>(
  db: Db,
  page: { limit: number; offset: number },
): Promise<{ items: BacktestLine<R>[]; total: number }> {
  const items = await db
    .select(LINE)
    .from(backtests)
    .orderBy(desc(backtests.createdAt), desc(backtests.id))
    .limit(page.limit)
    .offset(page.offset);
  const [total] = await db.select({ n: count() }).from(backtests);
  return { items: items as BacktestLine<R>[], total: total?.n ?? 0 };
}

/** One saved backtest with its whole result, or undefined. */
export async function getBacktest<R extends BacktestDocument = BacktestDocument>(
  db: Db,
  id: string,
): Promise<BacktestRow<R> | undefined> {
  const [row] = await db
    .select({ ...LINE, result: backtests.result })
    .from(backtests)
    .where(eq(backtests.id, id));
  return row as BacktestRow<R> | undefined;
}
