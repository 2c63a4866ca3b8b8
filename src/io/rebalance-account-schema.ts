import { z } from 'zod';
import { AccountSettingsSchema } from './account-settings-schema.js';
import { TaxStatusSchema } from './enums.js';
import { IdSchema } from './id.js';
import { IsoDateSchema } from './iso-date.js';
import { NullableModelIdSchema } from './model-schema.js';
import {
  AmountSchema,
  NonNegativeAmountSchema,
  NonPositiveAmountSchema,
  PriceSchema,
} from './money.js';
import { PositiveNumberSchema } from './numbers.js';
import { strictObject } from './strict-object.js';
import { TradeSideSchema } from './trade-side.js';
import { OPTION_FIELDS } from './unsupported.js';

/** A tax lot held in the account. */
export const HeldLotSchema = strictObject(
  {
    id: IdSchema,
    security: IdSchema,
    quantity: PositiveNumberSchema,
    costBasis: NonNegativeAmountSchema,
    acquired: IsoDateSchema.describe('Holding-period start.'),
  },
  OPTION_FIELDS,
);

/** A fill of the last 30+ days, for the wash-sale rules. */
export const RecentTradeSchema = strictObject(
  {
    date: IsoDateSchema,
    security: IdSchema,
    side: TradeSideSchema,
    quantity: PositiveNumberSchema,
    price: PriceSchema,
    realizedGain: AmountSchema.optional().describe(
      'Sell: realized gain; a sell without it is treated as a loss.',
    ),
    realizedLoss: NonPositiveAmountSchema.optional().describe(
      'Sell: the sum of the losses of the lots it relieved (≤ 0); a sell with any loss lot is a ' +
        'loss sale for the wash-sale rule even when its net realizedGain is positive.',
    ),
  },
  OPTION_FIELDS,
);

/** One account of the household (spec §1 `accounts[]`). */
export const RebalanceAccountSchema = strictObject({
  id: IdSchema,
  taxStatus: TaxStatusSchema,
  tradable: z
    .boolean()
    .optional()
    .describe('false = held away: counted in targets and wash-sale rules, never traded.'),
  model: NullableModelIdSchema.describe(
    'The model the account follows, or null: its benchmark is its own current portfolio.',
  ),
  cash: AmountSchema,
  lots: z.array(HeldLotSchema),
  recentTrades: z
    .array(RecentTradeSchema)
    .describe('Every fill of the last 30+ days in this account, for wash-sale rules.'),
  settings: AccountSettingsSchema.optional(),
});
