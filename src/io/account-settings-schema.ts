import { z } from 'zod';
import type { Rule } from './cross-check.js';
import { withRules } from './cross-check.js';
import { IdSchema } from './id.js';
import { AmountSchema, NonNegativeAmountSchema } from './money.js';
import { FractionSchema, NonNegativeNumberSchema, PositiveNumberSchema } from './numbers.js';
import { RestrictionSchema } from './restriction-schema.js';
import { strictObject } from './strict-object.js';
import { listAt, textAt } from './unknown-reader.js';

/** Hold `to` wherever the model says `from`. */
export const SubstitutionSchema = strictObject({ from: IdSchema, to: IdSchema });

/** A security is never substituted by itself. */
const substitutionsRule: Rule = (settings) =>
  listAt(settings, 'substitutions').flatMap((substitution, i) => {
    const from = textAt(substitution, 'from');
    if (from === undefined || textAt(substitution, 'to') !== from) return [];
    return [
      {
        path: ['substitutions', i, 'to'],
        code: 'same_security',
        message: `"${from}" is substituted by itself: name a different security in "to"`,
      },
    ];
  });

/** Every block optional (spec §1 `settings`). */
export const AccountSettingsSchema = withRules(
  strictObject({
    restrictions: z.array(RestrictionSchema).optional(),
    substitutions: z.array(SubstitutionSchema).optional(),
    cash: strictObject({
      target: FractionSchema.optional().describe('Cash share of V − W; shapes the benchmark.'),
      min: FractionSchema.optional().describe('after.cash ≥ min × (V − W); never gives way.'),
      withdrawal: NonNegativeAmountSchema.optional(),
    }).optional(),
    tax: strictObject({
      harvestLosses: z.boolean().optional(),
      minHarvest: NonNegativeAmountSchema.optional().describe('Per lot, in currency.'),
      gainBudget: strictObject({
        shortTerm: AmountSchema,
        longTerm: AmountSchema,
        total: AmountSchema.optional(),
      })
        .optional()
        .describe("Max net realized gain per term across the household's taxable accounts."),
      avoidShortTermGains: z.boolean().optional(),
    }).optional(),
    risk: strictObject({
      maxTrackingError: NonNegativeNumberSchema.optional().describe('Annualised.'),
      riskAversion: PositiveNumberSchema.optional().describe(
        'Added: λ on annualised TE² against tax and trading costs (default 50).',
      ),
    }).optional(),
    trading: strictObject({
      minTradeValue: NonNegativeAmountSchema.optional(),
      maxTurnover: NonNegativeNumberSchema.optional(),
      allowFractional: z.boolean().optional(),
      mode: z.enum(['full', 'buyOnly', 'sellOnly', 'cashOnly']).optional(),
    }).optional(),
    drift: strictObject({
      threshold: FractionSchema.optional().describe('A trigger, not a limit on the result.'),
    }).optional(),
  }),
  substitutionsRule,
);
