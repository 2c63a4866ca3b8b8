/** Households (`/v1/households`): the list, one household, and its customizations' price tags. */
import { z } from 'zod';
import { AccountSettingsSchema } from '../../io/account-settings-schema.js';
import { TaxStatusSchema } from '../../io/enums.js';
import { DateSchema, listOf, PageQueryShape } from './common.js';

/** `GET /v1/households` query: `advisor` (ignored for advisors: always their own), `q` (id or name). */
export const HouseholdListQuerySchema = z.strictObject({
  advisor: z.string().min(1).optional(),
  q: z.string().min(1).max(100).optional(),
  /** `true`: only households with an account beyond its drift threshold. */
  outOfTolerance: z.enum(['true', 'false']).optional(),
  /** `id` (the default), or `drift`: largest drift first over the whole book, none last. */
  sort: z.enum(['id', 'drift']).optional(),
  ...PageQueryShape,
});
export type HouseholdListQuery = z.input<typeof HouseholdListQuerySchema>;

/** A household in the list, valued at the latest prices. */
export const HouseholdSummarySchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  advisor: z.string(),
  accounts: z.number().int(),
  valueUsd: z.number(),
  cashUsd: z.number(),
  /** The largest drift of any of its accounts with a model (a fraction); null: none has one. */
  maxDrift: z.number().nullable(),
  /** Some account drifts beyond its threshold. */
  outOfTolerance: z.boolean(),
});
export type HouseholdSummary = z.infer<typeof HouseholdSummarySchema>;

export const HouseholdListSchema = listOf(HouseholdSummarySchema);
export type HouseholdList = z.infer<typeof HouseholdListSchema>;

/** An account as its household shows it. */
export const HouseholdAccountSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  taxStatus: TaxStatusSchema,
  tradable: z.boolean(),
  modelId: z.string().nullable(),
  valueUsd: z.number(),
  cashUsd: z.number(),
  maxDrift: z.number().nullable(),
  driftThreshold: z.number(),
  /** The latest settings version (empty `{}` when it has none) and its number (0: none). */
  settings: AccountSettingsSchema,
  settingsVersion: z.number().int(),
});
export type HouseholdAccount = z.infer<typeof HouseholdAccountSchema>;

/** `GET /v1/households/:id`. */
export const HouseholdDetailSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  advisor: z.string(),
  shortTermRate: z.number(),
  longTermRate: z.number(),
  modelId: z.string().nullable(),
  valueUsd: z.number(),
  cashUsd: z.number(),
  accounts: z.array(HouseholdAccountSchema),
  /** The household's newest proposal, or null. */
  latestProposal: z
    .strictObject({ id: z.string(), runId: z.string(), status: z.string() })
    .nullable(),
});
export type HouseholdDetail = z.infer<typeof HouseholdDetailSchema>;

/** What one customization costs: tracking error (a fraction) and tax (USD) it adds. */
export const CustomizationPriceSchema = z.strictObject({
  customization: z.string(),
  trackingError: z.number(),
  taxUsd: z.number(),
});
export type CustomizationPrice = z.infer<typeof CustomizationPriceSchema>;

/**
 * `GET /v1/households/:id/customization-costs`: the household rebalanced at the latest prices,
 * each account's customizations priced (`gated`: its data cannot be trusted, with reasons).
 */
export const CustomizationCostsSchema = z.strictObject({
  householdId: z.string(),
  asOf: DateSchema,
  status: z.enum(['ok', 'gated']),
  reasons: z.array(z.string()),
  accounts: z.array(
    z.strictObject({
      accountId: z.string(),
      status: z.string(),
      costs: z.array(CustomizationPriceSchema),
    }),
  ),
});
export type CustomizationCosts = z.infer<typeof CustomizationCostsSchema>;
