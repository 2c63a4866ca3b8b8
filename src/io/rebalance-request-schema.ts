/** Spec §1: the rebalance request. */
import { z } from 'zod';
import { withRules } from './cross-check.js';
import { installFastPaths } from './fast-path.js';
import { IdSchema } from './id.js';
import { IsoDateSchema } from './iso-date.js';
import { ModelSchema, NullableModelIdSchema } from './model-schema.js';
import { FractionSchema } from './numbers.js';
import { RebalanceAccountSchema } from './rebalance-account-schema.js';
import { rebalanceRequestRules } from './rebalance-request-rules.js';
import { RiskModelSchema } from './risk-model-schema.js';
import { SecuritySchema } from './security-schema.js';
import { strictObject } from './strict-object.js';

/** The household and its marginal tax rates on realized gains. */
export const HouseholdSchema = strictObject({
  id: IdSchema,
  shortTermRate: FractionSchema,
  longTermRate: FractionSchema,
  model: NullableModelIdSchema.optional().describe(
    'A model for the household as a whole: accounts then share one portfolio (asset location).',
  ),
});

/** The rebalance request: a household's securities, models, accounts and settings. */
export const RebalanceRequestSchema = withRules(
  strictObject({
    asOf: IsoDateSchema.describe(
      'Trade date; holding periods and wash-sale windows count from it.',
    ),
    securities: z.array(SecuritySchema),
    models: z.array(ModelSchema),
    riskModel: RiskModelSchema.optional(),
    household: HouseholdSchema,
    accounts: z.array(RebalanceAccountSchema),
  }),
  ...rebalanceRequestRules,
).describe(
  'Tailor rebalance request (spec §1). Checked beyond this schema: security, model and account ' +
    'ids are unique; every security named anywhere is listed in securities; every model named ' +
    'exists and no model contains itself; model weights sum to at most 1 + 1e-9; lot ids are ' +
    'unique within an account; risk-model exposure rows have one entry per factor and the factor ' +
    'covariance is k × k; with a household model, tradable accounts substitute alike.',
);

/** Collections validated by the fast path (fast-path.ts); listed for its tests. */
export const REBALANCE_FAST_PATHS = installFastPaths(RebalanceRequestSchema);
