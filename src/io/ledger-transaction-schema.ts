/** Spec §3 transactions: a union told apart by which of its keys is present. */
import { z } from 'zod';
import { withRules } from './cross-check.js';
import { IdSchema } from './id.js';
import { IsoDateSchema } from './iso-date.js';
import { keyedUnion, defaultKindProblem } from './keyed-union.js';
import { NonNegativeAmountSchema, PriceSchema } from './money.js';
import { FractionSchema, PositiveNumberSchema } from './numbers.js';
import { SplitRatioSchema } from './split-ratio.js';
import { strictObject } from './strict-object.js';
import { tradeRules, renameRules, spinoffRules } from './ledger-transaction-rules.js';
import { TradeSideSchema } from './trade-side.js';
import { OPTION_FIELDS } from './unsupported.js';

/** A sell's named lot and the shares relieved from it. */
export const LotPickSchema = strictObject({ lot: IdSchema, quantity: PositiveNumberSchema });

/** A buy or a sell in one account. */
export const TradeTransactionSchema = withRules(
  strictObject(
    {
      date: IsoDateSchema,
      account: IdSchema,
      security: IdSchema,
      side: TradeSideSchema,
      quantity: PositiveNumberSchema,
      price: PriceSchema,
      lot: IdSchema.optional().describe("Buy: the new lot's id (generated when absent)."),
      lots: z
        .array(LotPickSchema)
        .optional()
        .describe(
          'Sell: the lots relieved (specific identification); required when method is SPECID.',
        ),
      fee: NonNegativeAmountSchema.optional(),
      proceeds: NonNegativeAmountSchema.optional().describe(
        'Sell: exact proceeds, overriding quantity × price; a fee is still subtracted.',
      ),
    },
    OPTION_FIELDS,
  ),
  ...tradeRules,
);

/** A split, reverse split or stock dividend; applies to every account. */
export const SplitTransactionSchema = strictObject(
  { date: IsoDateSchema, security: IdSchema, split: SplitRatioSchema },
  OPTION_FIELDS,
);

/** A ticker change: lots carry over unchanged. */
export const RenameTransactionSchema = withRules(
  strictObject({ date: IsoDateSchema, security: IdSchema, renameTo: IdSchema }, OPTION_FIELDS),
  ...renameRules,
);

/** A return of capital per share, > 0. */
export const ReturnOfCapitalTransactionSchema = strictObject(
  { date: IsoDateSchema, security: IdSchema, returnOfCapital: PositiveNumberSchema },
  OPTION_FIELDS,
);

/** A spin-off: `ratio` new shares per old share, taking `basisFraction` of the old basis. */
export const SpinoffTransactionSchema = withRules(
  strictObject(
    {
      date: IsoDateSchema,
      security: IdSchema,
      spinoff: strictObject({
        security: IdSchema,
        ratio: PositiveNumberSchema,
        basisFraction: FractionSchema,
      }),
    },
    OPTION_FIELDS,
  ),
  ...spinoffRules,
);

const TRANSACTION_KEYS = ['side', 'split', 'renameTo', 'returnOfCapital', 'spinoff'];
const defaultProblem = defaultKindProblem(TRANSACTION_KEYS);

/** Any ledger transaction, chosen by which of `side`, `split`, `renameTo`, `returnOfCapital`, `spinoff` it has. */
export const LedgerTransactionSchema = keyedUnion(
  {
    side: TradeTransactionSchema,
    split: SplitTransactionSchema,
    renameTo: RenameTransactionSchema,
    returnOfCapital: ReturnOfCapitalTransactionSchema,
    spinoff: SpinoffTransactionSchema,
  },
  (input, present) => {
    const options = OPTION_FIELDS.fields.filter((f) => Object.hasOwn(input, f));
    if (present.length === 0 && options.length > 0) {
      return `${OPTION_FIELDS.message} (found ${options.map((f) => `"${f}"`).join(', ')})`;
    }
    return defaultProblem(input, present);
  },
);
