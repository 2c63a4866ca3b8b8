/**
 * Backtests kept for people to read (`tailor backtest --save`, the demo): the settings and
 * headline figures in columns and small documents a list can read, and the whole result — daily
 * series included — as one document for the detail view, the charts and the report.
 */
import { date, index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * What the store knows of a backtest result (src/backtest `BacktestResult`): the settings it
 * files by and the headline figures a list shows; every other field is kept as it is.
 */
export interface BacktestDocument {
  config: { scenario: string; start: string; end: string; schedule?: string };
  summary: object;
}

/** One row per saved backtest; never changed once written. */
export const backtests = pgTable(
  'backtests',
  {
    id: text('id').primaryKey(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: text('created_by').notNull(),
    /** `direct-index`, `etf-model` or `household-ira`. */
    scenario: text('scenario').notNull(),
    /** The first and last trading date simulated. */
    startDate: date('start_date').notNull(),
    endDate: date('end_date').notNull(),
    /** The result's `config`, `summary`, and the whole result (with the daily series). */
    config: jsonb('config').$type<BacktestDocument['config']>().notNull(),
    summary: jsonb('summary').$type<BacktestDocument['summary']>().notNull(),
    result: jsonb('result').$type<BacktestDocument>().notNull(),
  },
  (t) => [index('backtests_created_idx').on(t.createdAt, t.id)],
);
