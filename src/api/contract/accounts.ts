/** One account (`/v1/accounts/:id`): holdings, lots, settings and their history. */
import { z } from 'zod';
import { AccountSettingsSchema } from '../../io/account-settings-schema.js';
import { TaxStatusSchema, TermSchema } from '../../io/enums.js';
import { strictObject } from '../../io/strict-object.js';
import { DateSchema, listOf, NoteSchema, TimestampSchema } from './common.js';

/** A position: the account's lots of one security summed, against its drift target. */
export const HoldingSchema = z.strictObject({
  securityId: z.string(),
  name: z.string(),
  quantity: z.number(),
  /** The latest close and its date; null when the security has no price (valued at 0). */
  priceUsd: z.number().nullable(),
  priceDate: DateSchema.nullable(),
  valueUsd: z.number(),
  costBasisUsd: z.number(),
  unrealizedGainUsd: z.number(),
  /** Share of the account's value (cash included in the value). */
  weight: z.number(),
  /**
   * The drift target (spec Definitions, "Drift"): the account's benchmark — its model flattened,
   * substitutions applied, scaled to its cash target — without `noHold` securities, scaled back
   * up; in household mode the household's. 0 where the target does not hold it.
   */
  targetWeight: z.number(),
  /**
   * weight − targetWeight (in household mode the household's combined weight − targetWeight); 0
   * for a `noHold` security, which drift leaves out.
   */
  drift: z.number(),
});
export type Holding = z.infer<typeof HoldingSchema>;

/** A tax lot at the latest price, with its holding-period term as of that date. */
export const LotViewSchema = z.strictObject({
  id: z.string(),
  securityId: z.string(),
  quantity: z.number(),
  acquired: DateSchema,
  costBasisUsd: z.number(),
  valueUsd: z.number(),
  unrealizedGainUsd: z.number(),
  term: TermSchema,
});
export type LotView = z.infer<typeof LotViewSchema>;

/** `GET /v1/accounts/:id`. */
export const AccountDetailSchema = z.strictObject({
  id: z.string(),
  householdId: z.string(),
  householdName: z.string(),
  name: z.string(),
  taxStatus: TaxStatusSchema,
  tradable: z.boolean(),
  modelId: z.string().nullable(),
  /**
   * The household's own model, or null. When set, the household is rebalanced as one portfolio:
   * `maxDrift`, `driftThreshold` and each holding's `targetWeight` and `drift` are the
   * household's (its combined weights against this model).
   */
  householdModelId: z.string().nullable(),
  /** The latest price date; terms are counted to it. */
  asOf: DateSchema.nullable(),
  valueUsd: z.number(),
  cashUsd: z.number(),
  cashWeight: z.number(),
  unrealizedGainUsd: z.number(),
  maxDrift: z.number().nullable(),
  driftThreshold: z.number(),
  holdings: z.array(HoldingSchema),
  lots: z.array(LotViewSchema),
  settings: AccountSettingsSchema,
  settingsVersion: z.number().int(),
});
export type AccountDetail = z.infer<typeof AccountDetailSchema>;

/** One version of an account's settings: who set it, when, why. */
export const SettingsVersionSchema = z.strictObject({
  version: z.number().int(),
  settings: AccountSettingsSchema,
  changedBy: z.string(),
  changedAt: TimestampSchema,
  note: z.string(),
});
export type SettingsVersion = z.infer<typeof SettingsVersionSchema>;

/** `GET /v1/accounts/:id/settings`: every version, newest first. */
export const SettingsHistorySchema = listOf(SettingsVersionSchema);
export type SettingsHistory = z.infer<typeof SettingsHistorySchema>;

/** `PUT /v1/accounts/:id/settings` body: the whole new settings (interchange §1) and why. */
export const SettingsPutRequestSchema = strictObject({
  settings: AccountSettingsSchema,
  note: NoteSchema.default(''),
});
export type SettingsPutRequest = z.input<typeof SettingsPutRequestSchema>;

/** `PUT /v1/accounts/:id/settings` answer: the version written. */
export const SettingsPutResponseSchema = z.strictObject({
  accountId: z.string(),
  version: z.number().int(),
});
export type SettingsPutResponse = z.infer<typeof SettingsPutResponseSchema>;
