import { z } from 'zod';
import { AmountSchema, NonNegativeAmountSchema } from './money.js';
import { FiniteNumberSchema, NonNegativeNumberSchema } from './numbers.js';
import { strictObject } from './strict-object.js';

/** Account figures before or after trading. */
export const PortfolioSnapshotSchema = strictObject({
  value: AmountSchema,
  cash: AmountSchema,
  trackingError: NonNegativeNumberSchema,
  maxDrift: NonNegativeNumberSchema,
});

/** A setting that gave way: its path in the request, its limit and the value reached. */
export const RelaxationSchema = strictObject({
  setting: z
    .string()
    .min(1)
    .describe('The setting\'s path in the request, e.g. "tax.gainBudget.longTerm".'),
  limit: FiniteNumberSchema,
  actual: FiniteNumberSchema,
});

/** The figures of one account's proposal (spec §2 `summary`). */
export const AccountSummarySchema = strictObject({
  before: PortfolioSnapshotSchema,
  after: PortfolioSnapshotSchema,
  realized: strictObject({
    shortTerm: AmountSchema,
    longTerm: AmountSchema,
    washSaleDisallowed: NonNegativeAmountSchema,
  }),
  estimatedTax: AmountSchema.describe('Negative when losses save tax.'),
  turnover: NonNegativeNumberSchema,
  relaxed: z.array(RelaxationSchema),
  warnings: z.array(z.string()),
  binding: z
    .array(
      strictObject({
        constraint: z.string().min(1),
        shadowPrice: FiniteNumberSchema,
        explanation: z.string(),
      }),
    )
    .optional()
    .describe('Added detail: constraints binding at the optimum and their shadow prices.'),
  customizationCost: z
    .array(
      strictObject({
        customization: z.string().min(1),
        trackingError: FiniteNumberSchema,
        tax: AmountSchema,
      }),
    )
    .optional()
    .describe('Added detail: what each customization costs in tracking error and tax.'),
});
