/** `GET /v1/book`: the overview of the whole book at the latest prices. */
import { z } from 'zod';
import { DateSchema } from './common.js';

/** One model's accounts in the overview. */
export const BookModelLineSchema = z.strictObject({
  /** The model id, or null for accounts without a model (they track themselves). */
  modelId: z.string().nullable(),
  name: z.string(),
  accounts: z.number().int(),
  valueUsd: z.number(),
  accountsOutOfTolerance: z.number().int(),
});
export type BookModelLine = z.infer<typeof BookModelLineSchema>;

/**
 * Gain budgets (a cap on net realized gain per rebalance) against the latest run's proposals:
 * the households with a budget, the budgets summed, and what the proposals realize.
 */
export const GainBudgetUseSchema = z.strictObject({
  /** The run the figures come from; null before the first run. */
  runId: z.string().nullable(),
  households: z.number().int(),
  budgetUsd: z.number(),
  /** Net realized gains the run's proposals take in those households (losses count as 0). */
  realizedUsd: z.number(),
  /** Households whose proposal uses at least 90% of the budget (or relaxed it). */
  householdsNearBudget: z.number().int(),
});
export type GainBudgetUse = z.infer<typeof GainBudgetUseSchema>;

/** The overview: assets, tolerance, harvestable losses, gain budgets, by model. */
export const BookOverviewSchema = z.strictObject({
  /** The latest price date (values use each security's latest close); null: no prices. */
  asOf: DateSchema.nullable(),
  households: z.number().int(),
  accounts: z.number().int(),
  valueUsd: z.number(),
  cashUsd: z.number(),
  /** Accounts whose largest drift exceeds their drift threshold (default 0.02). */
  accountsOutOfTolerance: z.number().int(),
  /**
   * Unrealized losses a harvest could take: lots at a loss larger than the account's
   * `minHarvest`, in taxable accounts that harvest losses (a positive amount).
   */
  harvestableLossesUsd: z.number(),
  accountsWithHarvestableLosses: z.number().int(),
  gainBudgets: GainBudgetUseSchema,
  byModel: z.array(BookModelLineSchema),
  /**
   * Households by their largest account drift: counts for [0, 1%), [1%, 2%), … [9%, 10%), then
   * 10% and more (11 entries; a household without any drift figure is left out).
   */
  householdsByDrift: z.array(z.number().int()).length(11),
  /** The latest run (by start), or null. */
  latestRun: z.strictObject({ id: z.string(), asOf: DateSchema, status: z.string() }).nullable(),
});
export type BookOverview = z.infer<typeof BookOverviewSchema>;
