/**
 * The book's per-account figures kept between reads (book-figures.ts): value, cash, drift and
 * harvestable losses at the latest prices, as `accountFigures` computes them. Triggers
 * (migration 0011) mark a household stale when its lots, accounts, settings or household row
 * change, and the whole book when prices, securities or models change; a read of the book
 * first recomputes what is marked.
 */
import { bigserial, boolean, doublePrecision, index, pgTable, text } from 'drizzle-orm/pg-core';

export const bookFigures = pgTable(
  'book_figures',
  {
    accountId: text('account_id').primaryKey(),
    householdId: text('household_id').notNull(),
    modelId: text('model_id'),
    cashUsd: doublePrecision('cash_usd').notNull(),
    valueUsd: doublePrecision('value_usd').notNull(),
    /** Null for an account without a model or without value. */
    maxDrift: doublePrecision('max_drift'),
    driftThreshold: doublePrecision('drift_threshold').notNull(),
    /** `outOfTolerance` of the figures (account-figures.ts), so SQL filters by the one rule. */
    outOfTolerance: boolean('out_of_tolerance').notNull(),
    harvestableLossUsd: doublePrecision('harvestable_loss_usd').notNull(),
  },
  (t) => [index('book_figures_household_idx').on(t.householdId)],
);

/** What changed since the figures were computed: a household, or (null) the whole book. */
export const bookFiguresStale = pgTable('book_figures_stale', {
  seq: bigserial('seq', { mode: 'number' }).primaryKey(),
  householdId: text('household_id'),
});
