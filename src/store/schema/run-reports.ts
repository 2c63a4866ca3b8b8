/**
 * The book tally of a finished run (src/batch BookTally): kept so a run's figures can be read
 * back without summing every proposal's response again.
 */
import { jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { runs } from './runs.js';

/** One row per finished run whose tally was kept. */
export const runReports = pgTable('run_reports', {
  runId: text('run_id')
    .primaryKey()
    .references(() => runs.id),
  /** The tally's figures by name (USD amounts, fractions, counts). */
  book: jsonb('book').$type<Record<string, number>>().notNull(),
  writtenAt: timestamp('written_at', { withTimezone: true }).notNull().defaultNow(),
});
